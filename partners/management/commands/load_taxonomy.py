"""Create the default services and populations that are missing (never changes existing ones)."""

from django.core.management.base import BaseCommand

from partners.taxonomy import ensure_default_taxonomy


class Command(BaseCommand):
    help = "Create the default services and populations of the capability matrix that do not exist yet."

    def handle(self, *args, **options):
        created = ensure_default_taxonomy()
        if created:
            self.stdout.write(f"Created: {', '.join(created)}.")
        else:
            self.stdout.write("The default taxonomy is present.")
