"""Reminders for agencies that have not answered a sign-off request, and the overdue items.

send_due_reminders() is what the daily `send_signoff_reminders` command runs; an admin button or
a test can call it the same way.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from ..models import SignOff, SignOffReminder
from ..notifications import notify_reminder
from .queries import is_overdue, pages_for_states, rounds_in_review


def reminder_due_agencies(state, after_days=None, now=None):
    """Required agencies still silent after `after_days`, not reminded within that period."""
    after_days = after_days if after_days is not None else settings.SIGNOFF_REMINDER_AFTER_DAYS
    now = now or timezone.now()
    if now - state.started_at < datetime.timedelta(days=after_days):
        return []
    recently = state.reminders.filter(sent_at__gte=now - datetime.timedelta(days=after_days)).values(
        "agency_id"
    )
    answered = SignOff.objects.filter(revision_id=state.revision_id).values("agency_id")
    return list(state.required_agencies.exclude(pk__in=answered).exclude(pk__in=recently).order_by("name"))


@dataclass
class RoundReminders:
    """One round in review that is overdue, or has agencies to remind (in the order they were sent)."""

    state: object
    page: object
    overdue: bool
    agencies: list = field(default_factory=list)


@dataclass
class ReminderRun:
    rounds: list
    dry_run: bool

    @property
    def reminded(self):
        return sum(len(round_.agencies) for round_ in self.rounds)

    @property
    def overdue(self):
        return sum(1 for round_ in self.rounds if round_.overdue)


def send_due_reminders(now=None, after_days=None, dry_run=False):
    """Remind every agency a round is waiting for, once per period; list the overdue rounds.

    An agency is reminded when a round has waited SIGNOFF_REMINDER_AFTER_DAYS days (or
    `after_days`) without its answer, and again after each further such period. With `dry_run`,
    nothing is recorded or sent. Returns what was (or would be) done, round by round.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    states = list(rounds_in_review())
    pages = pages_for_states(states)
    rounds = []
    for state in states:
        page = pages.get(state.workflow_state.object_id)
        if page is None:
            continue
        agencies = reminder_due_agencies(state, after_days=after_days, now=now)
        overdue = is_overdue(state, today)
        if overdue or agencies:
            rounds.append(RoundReminders(state=state, page=page, overdue=overdue, agencies=agencies))
        if dry_run:
            continue
        for agency in agencies:
            with transaction.atomic():
                SignOffReminder.objects.create(task_state=state, agency=agency)
                log(
                    instance=page,
                    action="messaging.reminder_sent",
                    revision=state.revision,
                    data={"agency": {"id": agency.pk, "name": agency.name}},
                )
                notify_reminder(state, agency)
    return ReminderRun(rounds=rounds, dry_run=dry_run)
