"""Create or update agencies from a CSV file: every row, or none (see partners.agency_csv)."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from partners.agency_csv import AgencyImportError, describe_import, import_agencies_csv


class Command(BaseCommand):
    help = (
        "Import agencies and the services they offer from a CSV file (the format export_agencies "
        "writes). Nothing is imported when any row is bad; every problem is listed by row and column."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file (UTF-8), or - for standard input")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of the messages (default: %(default)s)",
        )

    def handle(self, *args, path, language, **options):
        with translation.override(language):
            try:
                if path == "-":
                    result = import_agencies_csv(sys.stdin.buffer.read())
                else:
                    with open(path, "rb") as source:
                        result = import_agencies_csv(source)
            except OSError as error:
                raise CommandError(str(error)) from error
            except AgencyImportError as error:
                for problem in error.errors:
                    self.stderr.write(str(problem))
                count = len(error.errors)
                message = translation.ngettext(
                    "Nothing was imported: %(count)s problem.",
                    "Nothing was imported: %(count)s problems.",
                    count,
                )
                raise CommandError(message % {"count": count}) from None
            self.stdout.write(describe_import(result))
