"""Remind agencies that have not answered a sign-off request, and flag overdue items (run daily from cron).

An agency is reminded when a round has waited SIGNOFF_REMINDER_AFTER_DAYS days (or --after-days)
without its answer, and again after each further such period. Items past their "sign-off needed
by" date are listed as overdue (they are also flagged in the admin's Sign-offs report).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from messaging import services
from messaging.models import SignOffReminder
from messaging.notifications import notify_reminder


class Command(BaseCommand):
    help = "Send sign-off reminders to agencies that have not answered, and list overdue items."

    def add_arguments(self, parser):
        parser.add_argument(
            "--after-days", type=int, default=None, help="Override SIGNOFF_REMINDER_AFTER_DAYS."
        )
        parser.add_argument("--dry-run", action="store_true", help="Say what would be sent; send nothing.")

    def handle(self, *args, after_days=None, dry_run=False, **options):
        now, today = timezone.now(), timezone.localdate()
        states = list(services.rounds_in_review())
        pages = services.pages_for_states(states)
        reminded = overdue = 0
        for state in states:
            page = pages.get(state.workflow_state.object_id)
            if page is None:
                continue
            if services.is_overdue(state, today):
                overdue += 1
                self.stdout.write(
                    f"OVERDUE: {page.title!r} ({page.locale.language_code}) was needed by {state.needed_by}."
                )
            for agency in services.reminder_due_agencies(state, after_days=after_days, now=now):
                reminded += 1
                self.stdout.write(
                    f"Reminder: {agency.name} for {page.title!r} ({page.locale.language_code})."
                )
                if dry_run:
                    continue
                with transaction.atomic():
                    SignOffReminder.objects.create(task_state=state, agency=agency)
                    log(
                        instance=page,
                        action="messaging.reminder_sent",
                        revision=state.revision,
                        data={"agency": {"id": agency.pk, "name": agency.name}},
                    )
                    notify_reminder(state, agency)
        self.stdout.write(
            f"{reminded} reminder(s){' to send' if dry_run else ' sent'}; {overdue} overdue item(s)."
        )
