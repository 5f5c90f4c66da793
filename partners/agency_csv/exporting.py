"""Agencies written as CSV, one column per entry of COLUMNS."""

from home import csv as spreadsheet_csv
from partners import services
from partners.models import Agency

from . import columns
from .columns import Lookups


def export_agencies_csv(out, *, agencies=None, public_only=False):
    """Write agencies (all, active or not, by default) as CSV to the text stream `out`.

    One column per entry of COLUMNS (partner-only ones unless `public_only`): the agency's
    fields ("service_area" in the default language, then one "service_area:xx" per other site
    language), one "description:xx" per site language, "languages" as codes, and one
    "service:<slug>" per service listing the population slugs it is offered to. Returns the
    number of agencies written.
    """
    lookups = Lookups.load()
    cells = [
        (header, column, member)
        for column in columns.COLUMNS
        if not (public_only and column.partner_only)
        for header, member in column.expand(lookups)
    ]
    writer = spreadsheet_csv.writer(out)
    writer.writerow([header for header, _column, _member in cells])
    count = 0
    for agency in services.with_public_details(Agency.objects.all() if agencies is None else agencies):
        writer.writerow([column.export(agency, column, member) for _header, column, member in cells])
        count += 1
    return count
