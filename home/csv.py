"""CSV that is safe to open in a spreadsheet, and the cells of an imported CSV.

Every CSV the site writes goes through ``writer()``, and every Wagtail report or listing export
through ``protect_wagtail_exports()``, so that no cell can run as a formula when a coordinator opens
the file in Excel or LibreOffice ("CSV injection"). The import undoes the escape with
``from_spreadsheet()`` so an export can be imported unchanged, and asks
``refused_character()`` about characters the database cannot store.
"""

import csv
import re

# A cell starting with one of these may run as a formula. The full-width forms count too:
# spreadsheets in East Asian locales read them as = + - @.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# "+1 555 0100", "-3.5", "(555) 0100-2": numbers and phone numbers are not formulas that can call anything.
_NUMBER_LIKE = re.compile(r"^[+-][\d\s().-]*$")
# PostgreSQL refuses NUL in text; no database encodes a lone surrogate (an unpaired half of a
# UTF-16 pair, which only a broken decoder or a crafted string produces).
_REFUSED = re.compile("[\x00\ud800-\udfff]")


def spreadsheet_safe(value):
    """The cell as text a spreadsheet shows as text: a would-be formula gets a leading apostrophe.

    Phone numbers such as "+1 555 0100" and negative numbers are left alone. Idempotent.
    """
    value = "" if value is None else str(value)
    if value.startswith(FORMULA_START) and not _NUMBER_LIKE.match(value):
        return "'" + value
    return value


def from_spreadsheet(value):
    """Undo spreadsheet_safe() on an imported cell."""
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


class _SafeWriter:
    """csv.writer whose every cell goes through spreadsheet_safe()."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row):
        return self._writer.writerow([spreadsheet_safe(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(out, **options):
    """A csv.writer for `out` that writes every cell spreadsheet-safe."""
    return _SafeWriter(out, **options)


def refused_character(value):
    """The first character of `value` a database refuses to store (NUL, a lone surrogate), or None."""
    match = _REFUSED.search(value)
    return match.group() if match else None


def protect_wagtail_exports():
    """Make every Wagtail spreadsheet export (its own reports: site history, locked pages, aging
    pages, workflows; any listing with ``list_export``) spreadsheet-safe, as our views are.

    Wagtail offers no hook to swap the views of its built-in reports, and their cells hold text
    written by partners (page titles), so its SpreadsheetExportMixin is wrapped once, from
    HomeConfig.ready(). Idempotent. XLSX cells are typed: Wagtail
    already stores a text starting with "=" as text, not a formula, so they are left as they are.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "spreadsheet_safe", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return spreadsheet_safe(value)
        return value

    preprocess_field_value.spreadsheet_safe = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
