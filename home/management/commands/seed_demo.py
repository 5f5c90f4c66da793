"""Load the demo content: pages in English and Spanish, demo accounts (see README).

Idempotent: what exists is left alone, so running it twice changes nothing and does not fail.
Each app with demo content has a `demo` module with `seed(report, password=None)` and `accounts()`
(see home/seeding.py) and is listed in DEMO_APPS, in dependency order. Two phases: first every
app creates its content (agencies, leads, pages as drafts), then the agencies sign the pages off.
"""

import os
from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.utils.module_loading import import_string

from home.seeding import SeedReport, ensure_demo_user

DEMO_APPS = ["home", "partners", "messaging"]
# Second phase: the agencies' leads sign the pages drafted above, which publishes them.
SIGN_PAGES = "messaging.demo.sign_pages"

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


class Command(BaseCommand):
    help = "Load demo content and demo accounts (idempotent)."

    def handle(self, *args, **options):
        password = demo_password()
        report = SeedReport()
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
            for app in DEMO_APPS:
                import_module(f"{app}.demo").seed(report, password=password)
            import_string(SIGN_PAGES)(report, password=password)

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
        groups = [group for app in DEMO_APPS for group in import_module(f"{app}.demo").accounts()]
        self.stdout.write(f"  Partner sign-in: {base}/en/accounts/login/ (editors also use /admin/)")
        for label, rows in groups:
            if len(rows) == 1:
                self.stdout.write(f"  {label + ':':<16} {', '.join(rows[0])}")
                continue
            self.stdout.write(f"  {label}:")
            for usernames in rows:
                self.stdout.write(f"    {', '.join(usernames)}")
        if settings.DEBUG:
            self.stdout.write(f"  Every demo login uses the password: {password}")
