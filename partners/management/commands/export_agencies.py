"""Write every agency, with what it offers to whom, as CSV (the format import_agencies reads)."""

import sys

from django.core.management.base import BaseCommand

from partners.agency_csv import export_agencies_csv


class Command(BaseCommand):
    help = "Export agencies and the services they offer as CSV (UTF-8) to a file or standard output."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default="-", help="output file, or - for standard output")
        parser.add_argument(
            "--public-only",
            action="store_true",
            help="leave out the partner-only contact fields (for sharing outside the task force)",
        )

    def handle(self, *args, path, public_only, **options):
        if path == "-":
            export_agencies_csv(self.stdout, public_only=public_only)
            return
        with open(path, "w", encoding="utf-8-sig", newline="") as out:
            count = export_agencies_csv(out, public_only=public_only)
        sys.stderr.write(f"{count} agencies written to {path}\n")
