"""Reminders to agencies that have not answered (service, command); the sign-off record PDF; public page."""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import PageLogEntry

from messaging import services
from messaging.models import SignOffReminder
from messaging.services.reminders import send_due_reminders
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import UserFactory, partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"], agencies=3)


def run_reminders(at, **options):
    out = io.StringIO()
    with mock.patch("django.utils.timezone.now", return_value=at):
        call_command("send_signoff_reminders", stdout=out, **options)
    return out.getvalue()


def remind(at, **options):
    """Run the reminder service at `at`, as the daily command does (reminders record when they were sent)."""
    with mock.patch("django.utils.timezone.now", return_value=at):
        return send_due_reminders(**options)


@pytest.fixture
def answered_by_one(world, mailoutbox, settings):
    """A round needed in two days, answered by the first of three agencies; reminders after 3 days."""
    settings.SIGNOFF_REMINDER_AFTER_DAYS = 3
    page = world.draft(signoff_needed_by=timezone.localdate() + datetime.timedelta(days=2))
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    mailoutbox.clear()
    return page, state


def test_reminders_go_to_agencies_that_have_not_answered_after_n_days(
    world, answered_by_one, mailoutbox, django_capture_on_commit_callbacks
):
    assert "0 reminder(s) sent" in run_reminders(timezone.now() + datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        output = run_reminders(timezone.now() + datetime.timedelta(days=4))
    assert "2 reminder(s) sent" in output and "OVERDUE" in output
    reminded = {m.to[0] for m in mailoutbox}
    assert reminded == {world.lead(1).email, world.lead(2).email}
    assert all(m.subject == "Reminder: an item is waiting for your agency's sign-off" for m in mailoutbox)

    # Not again the next day; again after another period.
    assert "0 reminder(s) sent" in run_reminders(timezone.now() + datetime.timedelta(days=5))
    assert "2 reminder(s) sent" in run_reminders(timezone.now() + datetime.timedelta(days=8))
    assert SignOffReminder.objects.count() == 4


def test_send_due_reminders_reminds_silent_agencies_once_per_period_and_flags_overdue_rounds(
    world, answered_by_one, mailoutbox, django_capture_on_commit_callbacks
):
    page, state = answered_by_one

    early = remind(timezone.now() + datetime.timedelta(days=1))
    assert (early.rounds, early.reminded, early.overdue) == ([], 0, 0)

    with django_capture_on_commit_callbacks(execute=True):
        run = remind(timezone.now() + datetime.timedelta(days=4))
    [round_] = run.rounds
    assert round_.page.pk == page.pk and round_.state.pk == state.pk and round_.overdue
    silent = sorted(world.agencies[1:], key=lambda agency: agency.name)
    assert [agency.pk for agency in round_.agencies] == [agency.pk for agency in silent]
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


def test_dry_run_sends_nothing(world, mailoutbox):
    world.submit(world.draft())
    mailoutbox.clear()
    output = run_reminders(timezone.now() + datetime.timedelta(days=10), dry_run=True)
    assert "3 reminder(s) to send" in output
    assert not SignOffReminder.objects.exists() and not mailoutbox


def test_signoff_record_pdf_lists_each_agencys_signer_and_comment(client, world):
    page = world.draft(title="Anyone can be trafficked")
    state = world.submit(page)
    services.sign_off(state, world.lead(0), comment="Agreed with the wording.")
    world.sign_all(page, but=(0,))
    page.refresh_from_db()

    client.force_login(partner(world.agencies[1], "author"))
    response = client.get(reverse("messaging:signoff_record", args=[page.live_revision_id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Anyone can be trafficked" in text
    assert f"Revision {page.live_revision_id}" in text or str(page.live_revision_id) in text
    for agency in world.agencies:
        assert agency.name in text
    assert "Agreed with the wording." in text
    assert world.lead(0).get_full_name() in text


def test_signoff_record_is_for_partners_and_signed_revisions_only(client, world):
    page = world.draft()
    world.submit(page)
    page = world.sign_all(page)
    url = reverse("messaging:signoff_record", args=[page.live_revision_id])
    assert client.get(url).status_code == 302  # anonymous: to the admin login
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).status_code in {302, 403}
    client.force_login(partner(world.agencies[0], "author"))
    draft = world.edit(page, summary="Unsigned")
    assert client.get(reverse("messaging:signoff_record", args=[draft.pk])).status_code == 404


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_record_of_a_signed_but_not_public_revision_is_for_its_editors_only(client, world):
    page = world.draft()
    world.submit(page)
    page = world.sign_all(page)
    url = reverse("messaging:signoff_record", args=[page.live_revision_id])
    host = partner(world.agencies[1], "training_host", username="host")
    editor = partner(world.agencies[1], "author", username="editor")

    client.force_login(host)
    assert client.get(url).status_code == 200, "the live version's record is for every partner"

    page.unpublish()
    refused = client.get(url)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/"), "Wagtail's permission refusal"
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
