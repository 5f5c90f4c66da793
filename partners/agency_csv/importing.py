"""Agencies read from CSV: every row checked against COLUMNS and the model's rules, then all
rows written, or none."""

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from home import csv as spreadsheet_csv
from partners.forms import website_field
from partners.models import Agency, AgencyType

from . import columns
from .columns import KEEP, CellError, Lookups


@dataclass(frozen=True)
class RowError:
    """One problem in an imported file. Row 1 is the header, as a spreadsheet numbers it."""

    row: int
    column: str
    message: str

    def __str__(self):
        if self.column:
            return _("Row %(row)s, column “%(column)s”: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


class AgencyImportError(Exception):
    """The file has problems; nothing was imported. `errors` lists every one of them."""

    def __init__(self, errors):
        self.errors = sorted(errors, key=lambda error: (error.row, error.column))
        super().__init__("\n".join(str(error) for error in self.errors))


def _read_text(source):
    if isinstance(source, str):
        return source
    data = source.read() if hasattr(source, "read") else source
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AgencyImportError(
            [RowError(1, "", _("The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8”."))]
        ) from error


class _Rows:
    """The file's header, then its rows as (row number, {header: cell}); blank rows are skipped and
    the problems met while reading are kept in `errors`."""

    def __init__(self, source):
        self._reader = csv.reader(io.StringIO(_read_text(source)))
        self.errors = []
        try:
            self.header = [column.strip() for column in next(self._reader)]
        except StopIteration:
            raise AgencyImportError([RowError(1, "", _("The file is empty."))]) from None
        except csv.Error as error:
            raise AgencyImportError([RowError(1, "", _("This is not a readable CSV file."))]) from error

    def __iter__(self):
        number = 1
        try:
            for cells in self._reader:
                number += 1
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) > len(self.header):
                    message = _("This row has more cells than the header has columns.")
                    self.errors.append(RowError(number, "", message))
                    continue
                yield (
                    number,
                    {
                        column: spreadsheet_csv.from_spreadsheet(cells[i]) if i < len(cells) else ""
                        for i, column in enumerate(self.header)
                    },
                )
        except csv.Error as error:
            message = _("This row is not valid CSV: %(error)s") % {"error": error}
            self.errors.append(RowError(number, "", message))


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)


class AgencyCsvForm(forms.ModelForm):
    """Validates one row with the model's own rules (lengths, URLs, e-mails, uniqueness, clean()).

    Its fields are the model field columns of COLUMNS (see agency_csv_form()).
    """

    agency_type = forms.CharField()
    website = website_field()

    class Meta:
        model = Agency
        fields = ("agency_type", "website")

    def clean_agency_type(self):
        value = self.cleaned_data["agency_type"].strip()
        if value not in AgencyType.values:
            raise forms.ValidationError(
                gettext_lazy("“%(value)s” is not a type of agency. Use one of: %(choices)s."),
                params={"value": value, "choices": ", ".join(AgencyType.values)},
            )
        return value


def agency_csv_form():
    """AgencyCsvForm with one field per model field column of COLUMNS."""
    names = [column.header for column in columns.COLUMNS if column.is_field]
    return forms.modelform_factory(Agency, form=AgencyCsvForm, fields=names)


def _check_header(header, lookups):
    """Row-1 errors, and for each header cell its (column, member)."""
    errors, resolved, seen = [], [], set()
    singles = {column.header: column for column in columns.COLUMNS if column.each is None}
    families = [column for column in columns.COLUMNS if column.each is not None]
    for text in header:
        if spreadsheet_csv.refused_character(text):
            printable = "".join("\ufffd" if spreadsheet_csv.refused_character(c) else c for c in text)
            errors.append(RowError(1, printable, refused_message()))
            continue
        if text in seen:
            errors.append(RowError(1, text, _("This column appears twice.")))
        seen.add(text)
        if text in singles:
            resolved.append((text, singles[text], None))
            continue
        family = next((column for column in families if text.startswith(column.header)), None)
        if family is None:
            errors.append(RowError(1, text, _("Unknown column.")))
            continue
        key = text[len(family.header) :]
        members = family.each(lookups)
        if key in members:
            resolved.append((text, family, members[key]))
        else:
            errors.append(RowError(1, text, family.unknown_member(key)))
    for column in columns.COLUMNS:
        if column.required and column.header not in seen:
            errors.append(RowError(1, column.header, _("This column is required.")))
    return errors, resolved


def refused_message():
    return _(
        "This cell contains a character that cannot be stored (a NUL byte or an invalid character). "
        "Remove it and import again."
    )


@dataclass
class _PendingRow:
    row: int
    form: forms.ModelForm
    is_new: bool
    applied: dict  # {column: {member: value}} for the columns with an apply step


def _validate_row(number, values, resolved, *, existing, lookups, form_class):
    """The row checked cell by cell, then by the model form: (pending row, [RowError])."""
    errors, applied = [], {}
    source = existing if existing is not None else Agency()  # a new agency starts from the defaults
    data = {}
    for name in form_class.base_fields:
        value = getattr(source, name)
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    for header, column, member in resolved:
        try:
            value = column.parse(values[header], member, lookups)
        except CellError as error:
            errors += [RowError(number, header, message) for message in error.messages]
            continue
        if value is KEEP:
            continue
        if column.is_field:
            data[column.header] = value
        else:
            applied.setdefault(column, {})[member] = value

    form = form_class(data=data, instance=existing)
    if not form.is_valid():
        for name, messages in form.errors.items():
            column = "" if name == forms.forms.NON_FIELD_ERRORS else name
            errors += [RowError(number, column, str(message)) for message in messages]
    return _PendingRow(number, form, existing is None, applied), errors


def import_agencies_csv(source, *, user=None):
    """Create or update agencies (matched by slug) from CSV: all rows, or none.

    `source`: text, bytes or a file (UTF-8, with or without a byte-order mark). The header
    names the columns export_agencies_csv() writes; the required ones of COLUMNS ("slug",
    "name", "short_name", "agency_type", "service_area") must be there, any other may be left
    out, and a column left out leaves that field of an existing agency unchanged. "service_area"
    is the default language's text; a "service_area:<code>" or "description:<code>" column sets
    that language's text (a blank cell removes it). A "service:<slug>" column replaces what the
    agency offers for that service only.

    Raises AgencyImportError listing every problem (row, column, message in the active
    language) when any row is bad; then nothing is written. Returns an ImportResult.
    """
    rows = _Rows(source)
    lookups = Lookups.load(for_import=True)
    header_errors, resolved = _check_header(rows.header, lookups)
    if header_errors:
        raise AgencyImportError(header_errors)

    form_class = agency_csv_form()
    existing_by_slug = {agency.slug: agency for agency in Agency.objects.prefetch_related("languages")}
    errors, pending, firsts = [], [], {"slug": {}, "name": {}}
    for number, values in rows:
        refused = [
            RowError(number, column, refused_message())
            for column, value in values.items()
            if spreadsheet_csv.refused_character(value)
        ]
        if refused:  # the database could not even compare these values: nothing more to check
            errors += refused
            continue
        row, row_errors = _validate_row(
            number,
            values,
            resolved,
            existing=existing_by_slug.get(values["slug"].strip()),
            lookups=lookups,
            form_class=form_class,
        )
        for column, seen in firsts.items():
            value = values[column].strip().casefold()
            if value and value in seen:
                message = _("Row %(row)s already has this value.") % {"row": seen[value]}
                row_errors.append(RowError(number, column, message))
            elif value:
                seen[value] = number
        errors += row_errors
        pending.append(row)
    errors += rows.errors
    if errors:
        raise AgencyImportError(errors)
    return _apply_import(pending, lookups, user=user)


@transaction.atomic
def _apply_import(pending, lookups, *, user=None):
    result = ImportResult()
    for row in pending:
        agency = row.form.save(commit=False)
        for column, values in row.applied.items():
            if not column.after_save:
                column.apply(agency, values, lookups)
        agency.save()
        for column, values in row.applied.items():
            if column.after_save:
                column.apply(agency, values, lookups)
        log(agency, "partners.agency.imported", user=user, data={"created": row.is_new})
        (result.created if row.is_new else result.updated).append(agency)
    return result


def describe_import(result):
    """A one-line summary of an import, in the active language."""
    return _("New agencies: %(created)s. Updated agencies: %(updated)s.") % {
        "created": len(result.created),
        "updated": len(result.updated),
    }
