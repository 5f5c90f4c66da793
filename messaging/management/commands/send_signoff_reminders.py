"""Remind agencies that have not answered a sign-off request, and flag overdue items (run daily from cron).

The rules are in messaging.services.reminders.send_due_reminders(); this command runs it and says
what it did. Items past their "sign-off needed by" date are listed as overdue (they are also
flagged in the admin's Sign-offs report).
"""

from django.core.management.base import BaseCommand

from messaging.services.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send sign-off reminders to agencies that have not answered, and list overdue items."

    def add_arguments(self, parser):
        parser.add_argument(
            "--after-days", type=int, default=None, help="Override SIGNOFF_REMINDER_AFTER_DAYS."
        )
        parser.add_argument("--dry-run", action="store_true", help="Say what would be sent; send nothing.")

    def handle(self, *args, after_days=None, dry_run=False, **options):
        run = send_due_reminders(after_days=after_days, dry_run=dry_run)
        for round_ in run.rounds:
            page, language = round_.page, round_.page.locale.language_code
            if round_.overdue:
                self.stdout.write(
                    f"OVERDUE: {page.title!r} ({language}) was needed by {round_.state.needed_by}."
                )
            for agency in round_.agencies:
                self.stdout.write(f"Reminder: {agency.name} for {page.title!r} ({language}).")
        self.stdout.write(
            f"{run.reminded} reminder(s){' to send' if dry_run else ' sent'}; {run.overdue} overdue item(s)."
        )
