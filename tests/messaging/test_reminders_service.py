"""The reminder service, called directly (the daily command only prints what it returns)."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from messaging import services
from messaging.models import SignOffReminder
from messaging.services.reminders import send_due_reminders
from tests.messaging.factories import SignOffWorld

pytestmark = pytest.mark.django_db


def remind(at, **options):
    """Run the service as the daily command does, at `at` (reminders record when they were sent)."""
    with mock.patch("django.utils.timezone.now", return_value=at):
        return send_due_reminders(**options)


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"], agencies=3)


def test_send_due_reminders_reminds_silent_agencies_once_per_period_and_flags_overdue_rounds(
    world, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.SIGNOFF_REMINDER_AFTER_DAYS = 3
    page = world.draft(signoff_needed_by=timezone.localdate() + datetime.timedelta(days=2))
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    mailoutbox.clear()

    early = remind(timezone.now() + datetime.timedelta(days=1))
    assert (early.rounds, early.reminded, early.overdue) == ([], 0, 0)

    with django_capture_on_commit_callbacks(execute=True):
        run = remind(timezone.now() + datetime.timedelta(days=4))
    [round_] = run.rounds
    assert round_.page.pk == page.pk and round_.state.pk == state.pk and round_.overdue
    assert [agency.pk for agency in round_.agencies] == [world.agencies[1].pk, world.agencies[2].pk]
    assert (run.reminded, run.overdue) == (2, 1)
    assert {r.agency_id for r in SignOffReminder.objects.filter(task_state=state)} == {
        world.agencies[1].pk,
        world.agencies[2].pk,
    }
    assert PageLogEntry.objects.filter(page=page, action="messaging.reminder_sent").count() == 2
    assert {m.to[0] for m in mailoutbox} == {world.lead(1).email, world.lead(2).email}

    # Within the same period nobody is reminded again; a dry run says who would be, and records nothing.
    assert remind(timezone.now() + datetime.timedelta(days=5)).reminded == 0
    dry = remind(timezone.now() + datetime.timedelta(days=8), dry_run=True)
    assert dry.reminded == 2 and SignOffReminder.objects.count() == 2
