"""Load the demo content: pages in English and Spanish, demo accounts (see README).

Idempotent: what exists is left alone, so running it twice changes nothing and does not fail.
Each app that has demo content lists its seeding function in SEEDERS, in dependency order:
first everything is created (agencies, leads, pages as drafts), then the pages are signed off.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.utils.module_loading import import_string

from home.demo import SeedReport

SEEDERS = [
    "home.demo.seed",
    "partners.demo.seed",
    "messaging.demo.seed",
    # Second phase: the agencies sign the pages drafted above, which publishes them.
    "messaging.demo.sign_pages",
]

DEFAULT_DEMO_PASSWORD = "commons-demo"  # noqa: S105 - development-only demo accounts


def demo_password():
    """The one password shared by every demo account: DEMO_PASSWORD, or the development default."""
    password = os.environ.get("DEMO_PASSWORD", "").strip()
    if password:
        return password
    if not settings.DEBUG:
        raise CommandError(
            "seed_demo creates accounts that can sign in. Outside development, set DEMO_PASSWORD "
            "to a password of your own before running it."
        )
    return DEFAULT_DEMO_PASSWORD


def ensure_demo_user(username, password, *, report, **fields):
    """Create a demo account once; an existing account keeps its password and details."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, **fields)
        user.set_password(password)
        user.save()
        report.note(f"user {username}")
    return user


class Command(BaseCommand):
    help = "Load demo content and demo accounts (idempotent)."

    def handle(self, *args, **options):
        password = demo_password()
        report = SeedReport(created=[])
        admin = ensure_demo_user(
            "admin",
            password,
            report=report,
            email="admin@example.org",
            first_name="Demo",
            last_name="Administrator",
            is_staff=True,
            is_superuser=True,
        )
        # The demo accounts' inboxes are not real: seeding (which goes through the real sign-off
        # and registration services) must not print dozens of notification emails.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            for path in SEEDERS:
                import_string(path)(report, password=password)

        if report.created:
            self.stdout.write(f"Created: {', '.join(report.created)}.")
        else:
            self.stdout.write("Demo content already present; nothing changed.")
        self._print_access(admin, password)

    def _print_access(self, admin, password):
        base = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
        self.stdout.write("")
        self.stdout.write(f"  Site (English): {base}/en/")
        self.stdout.write(f"  Site (Spanish): {base}/es/")
        self.stdout.write(f"  Admin:          {base}/admin/")
        if not settings.DEBUG:
            self.stdout.write(
                "  Demo accounts use the DEMO_PASSWORD you set (not printed outside development)."
            )
        elif admin.check_password(password):
            self.stdout.write(f"  Admin login:    admin / {password}")
        else:
            self.stdout.write("  Admin login:    admin (its password was changed after seeding)")
        self._print_partner_logins(base, password)

    def _print_partner_logins(self, base, password):
        from partners.demo import demo_usernames

        accounts = demo_usernames()
        self.stdout.write(f"  Partner sign-in: {base}/en/accounts/login/ (editors also use /admin/)")
        self.stdout.write(f"  Coordinator:     {', '.join(accounts.pop(''))}")
        self.stdout.write("  Agency staff (author, communications lead, training host):")
        for usernames in accounts.values():
            self.stdout.write(f"    {', '.join(usernames)}")
        if settings.DEBUG:
            self.stdout.write(f"  Every demo login uses the password: {password}")
