"""Business rules of the partner directory, as plain functions (views, commands and tests call them).

- The directory: which active agencies match a combination of filters.
- The capability matrix: services × populations → the agencies that cover each pair; empty
  cells are the task force's gaps.
- Verification: entries nobody has confirmed in the last 12 months.
- CSV: export of agencies with what they offer, and an all-or-nothing import that reports
  every bad cell by row and column, in the language of the person importing.

Every function here runs a fixed number of queries whatever the number of agencies.
"""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.conf.locale import LANG_INFO
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from home import csv as spreadsheet_csv
from home.fields import languages as site_languages

from .forms import website_field
from .models import Agency, AgencyType, Capability, Language, Population, Service

DIRECTORY_PAGE_SIZE = 20

# --- The directory ---------------------------------------------------------------------------


def filter_agencies(agencies=None, *, service=None, population=None, language=None, agency_type=""):
    """Active agencies matching every filter given (None or "" means "any").

    Service and population together mean the agency offers *that* service *to that*
    population (one capability), not the service to someone and something to that population.
    """
    agencies = Agency.objects.active() if agencies is None else agencies
    if service is not None or population is not None:
        offered = Capability.objects.filter(agency=OuterRef("pk"))
        if service is not None:
            offered = offered.filter(service=service)
        if population is not None:
            offered = offered.filter(population=population)
        agencies = agencies.filter(Exists(offered))
    if language is not None:
        spoken = Agency.languages.through.objects.filter(agency=OuterRef("pk"), language=language)
        agencies = agencies.filter(Exists(spoken))
    if agency_type:
        agencies = agencies.filter(agency_type=agency_type)
    return agencies


def with_public_details(agencies):
    """Prefetch what a directory entry shows (languages, services and populations): 2 queries."""
    return agencies.prefetch_related(
        Prefetch(
            "capabilities",
            queryset=Capability.objects.select_related("service", "population"),
        ),
        "languages",
    )


def directory_page(agencies, page_number, *, per_page=DIRECTORY_PAGE_SIZE):
    """One page of the directory; a bad or out-of-range page number gives the first or last page."""
    return Paginator(with_public_details(agencies), per_page).get_page(page_number)


# --- The capability matrix -------------------------------------------------------------------


@dataclass
class MatrixCell:
    service: Service
    population: Population
    agencies: list

    @property
    def is_gap(self):
        return not self.agencies


@dataclass
class MatrixRow:
    service: Service
    cells: list

    @property
    def gap_count(self):
        return sum(1 for cell in self.cells if cell.is_gap)


@dataclass
class CapabilityMatrix:
    services: list
    populations: list
    rows: list
    agencies: list  # every agency that appears in a cell, by name
    jurisdiction: str = ""

    @property
    def cell_count(self):
        return len(self.services) * len(self.populations)

    @property
    def gap_count(self):
        return sum(row.gap_count for row in self.rows)

    def cell(self, service_slug, population_slug):
        for row in self.rows:
            if row.service.slug == service_slug:
                for cell in row.cells:
                    if cell.population.slug == population_slug:
                        return cell
        raise KeyError((service_slug, population_slug))


def jurisdictions():
    """The distinct service areas of active agencies, for the matrix's jurisdiction filter."""
    return list(
        Agency.objects.active()
        .exclude(service_area="")
        .order_by("service_area")
        .values_list("service_area", flat=True)
        .distinct()
    )


def build_matrix(*, jurisdiction=""):
    """Services × populations, each cell listing the active agencies covering it. Three queries."""
    services = list(Service.objects.all())
    populations = list(Population.objects.all())
    capabilities = (
        Capability.objects.filter(agency__is_active=True)
        .select_related("agency")
        .only("service_id", "population_id", "agency__name", "agency__short_name", "agency__slug")
        .order_by("agency__name")
    )
    if jurisdiction:
        capabilities = capabilities.filter(agency__service_area=jurisdiction)

    covering = defaultdict(list)
    agencies = {}
    for capability in capabilities:
        covering[(capability.service_id, capability.population_id)].append(capability.agency)
        agencies.setdefault(capability.agency_id, capability.agency)

    rows = [
        MatrixRow(
            service=service,
            cells=[
                MatrixCell(
                    service=service, population=population, agencies=covering[(service.pk, population.pk)]
                )
                for population in populations
            ],
        )
        for service in services
    ]
    return CapabilityMatrix(
        services=services,
        populations=populations,
        rows=rows,
        agencies=sorted(agencies.values(), key=lambda agency: agency.name),
        jurisdiction=jurisdiction,
    )


def matrix_csv(matrix):
    """The matrix as CSV text in the active language: a row per service, a column per population.

    A cell lists the agencies' full names separated by "; "; an empty cell is a gap.
    """
    out = io.StringIO()
    writer = spreadsheet_csv.writer(out)
    writer.writerow([_("Service")] + [p.label for p in matrix.populations])
    for row in matrix.rows:
        writer.writerow(
            [row.service.label] + ["; ".join(agency.name for agency in cell.agencies) for cell in row.cells]
        )
    return out.getvalue()


# --- Verification ----------------------------------------------------------------------------


def agencies_due_for_verification(today=None):
    """Active agencies whose entry nobody has confirmed in 12 months, never-verified first."""
    return Agency.objects.verification_due(today).order_by(
        F("last_verified_on").asc(nulls_first=True), "name"
    )


# --- Capabilities ------------------------------------------------------------------------------


def set_capabilities(agency, pairs, *, services=None):
    """Make the agency offer exactly `pairs` [(service, population), ...].

    With `services`, only the pairs of those services are replaced; the others stay as they are.
    """
    wanted = {(service.pk, population.pk) for service, population in pairs}
    current = Capability.objects.filter(agency=agency)
    if services is not None:
        current = current.filter(service__in=services)
    existing = {(c.service_id, c.population_id): c.pk for c in current}
    stale = [pk for pair, pk in existing.items() if pair not in wanted]
    if stale:
        Capability.objects.filter(pk__in=stale).delete()
    Capability.objects.bulk_create(
        [
            Capability(agency=agency, service_id=service_id, population_id=population_id)
            for service_id, population_id in sorted(wanted - set(existing))
        ]
    )


# --- CSV: shared ---------------------------------------------------------------------------------

REQUIRED_COLUMNS = ("slug", "name", "short_name", "agency_type", "service_area")
PUBLIC_COLUMNS = (
    *REQUIRED_COLUMNS,
    "website",
    "public_phone",
    "public_email",
    "languages",
    "open_24_7",
    "is_active",
    "last_verified_on",
)
DESCRIPTION_PREFIX = "description:"
SERVICE_PREFIX = "service:"
FORM_COLUMNS = tuple(c for c in PUBLIC_COLUMNS if c != "languages") + Agency.PARTNER_ONLY_FIELDS


def _split_codes(value):
    return [part for part in re.split(r"[;,\s]+", value.strip()) if part]


# --- CSV: export ---------------------------------------------------------------------------------


def agency_csv_columns(services, *, public_only=False):
    columns = [*PUBLIC_COLUMNS]
    columns[8:8] = [f"{DESCRIPTION_PREFIX}{code}" for code in site_languages()]  # after public_email
    if not public_only:
        columns += Agency.PARTNER_ONLY_FIELDS
    columns += [f"{SERVICE_PREFIX}{service.slug}" for service in services]
    return columns


def export_agencies_csv(out, *, agencies=None, public_only=False):
    """Write agencies (all, active or not, by default) as CSV to the text stream `out`.

    Columns: the agency's fields (partner-only ones unless `public_only`), one "description:xx"
    per site language, "languages" as codes, and one "service:<slug>" column per service whose
    cell lists the population slugs it is offered to. Returns the number of agencies written.
    """
    services = list(Service.objects.all())
    columns = agency_csv_columns(services, public_only=public_only)
    agencies = with_public_details(Agency.objects.all() if agencies is None else agencies)
    writer = spreadsheet_csv.writer(out)
    writer.writerow(columns)
    count = 0
    for agency in agencies:
        offered = defaultdict(list)
        for capability in agency.capabilities.all():
            offered[capability.service_id].append(capability.population)
        row = []
        for column in columns:
            if column.startswith(DESCRIPTION_PREFIX):
                value = (agency.description or {}).get(column[len(DESCRIPTION_PREFIX) :], "")
            elif column.startswith(SERVICE_PREFIX):
                service = next(s for s in services if f"{SERVICE_PREFIX}{s.slug}" == column)
                populations = sorted(offered.get(service.pk, []), key=lambda p: (p.sort_order, p.slug))
                value = "; ".join(p.slug for p in populations)
            elif column == "languages":
                value = " ".join(sorted(language.code for language in agency.languages.all()))
            elif column in {"open_24_7", "is_active"}:
                value = "yes" if getattr(agency, column) else "no"
            elif column == "last_verified_on":
                value = agency.last_verified_on.isoformat() if agency.last_verified_on else ""
            else:
                value = getattr(agency, column)
            row.append(value)
        writer.writerow(row)
        count += 1
    return count


# --- CSV: import ---------------------------------------------------------------------------------


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


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)


class AgencyCsvForm(forms.ModelForm):
    """Validates one row with the model's own rules (lengths, URLs, e-mails, uniqueness, clean())."""

    agency_type = forms.CharField()
    website = website_field()

    class Meta:
        model = Agency
        fields = FORM_COLUMNS

    def clean_agency_type(self):
        value = self.cleaned_data["agency_type"].strip()
        if value not in AgencyType.values:
            raise forms.ValidationError(
                gettext_lazy("“%(value)s” is not a type of agency. Use one of: %(choices)s."),
                params={"value": value, "choices": ", ".join(AgencyType.values)},
            )
        return value


@dataclass
class _PendingRow:
    row: int
    form: AgencyCsvForm
    is_new: bool
    description: dict | None
    language_codes: list | None
    offers: dict  # {service: [population, ...]} for the service columns present


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


def _check_header(header, services):
    errors = []
    known = set(PUBLIC_COLUMNS) | set(Agency.PARTNER_ONLY_FIELDS)
    descriptions = {f"{DESCRIPTION_PREFIX}{code}" for code in site_languages()}
    service_columns = {f"{SERVICE_PREFIX}{service.slug}": service for service in services}
    seen = set()
    for column in header:
        if spreadsheet_csv.refused_character(column):
            errors.append(RowError(1, _printable_column(column), _refused_message()))
            continue
        if column in seen:
            errors.append(RowError(1, column, _("This column appears twice.")))
        seen.add(column)
        if column.startswith(SERVICE_PREFIX) and column not in service_columns:
            errors.append(
                RowError(
                    1,
                    column,
                    _("There is no service “%(slug)s”. Add it in the admin first, or remove the column.")
                    % {"slug": column[len(SERVICE_PREFIX) :]},
                )
            )
        elif column.startswith(DESCRIPTION_PREFIX) and column not in descriptions:
            errors.append(
                RowError(
                    1,
                    column,
                    _("“%(code)s” is not a language of this site.")
                    % {"code": column[len(DESCRIPTION_PREFIX) :]},
                )
            )
        elif not column.startswith((SERVICE_PREFIX, DESCRIPTION_PREFIX)) and column not in known:
            errors.append(RowError(1, column, _("Unknown column.")))
    for column in REQUIRED_COLUMNS:
        if column not in seen:
            errors.append(RowError(1, column, _("This column is required.")))
    return errors, service_columns


def _refused_message():
    return _(
        "This cell contains a character that cannot be stored (a NUL byte or an invalid character). "
        "Remove it and import again."
    )


def _refused_cells(number, values):
    """Row errors for the cells holding a character no database stores (NUL, a lone surrogate)."""
    return [
        RowError(number, column, _refused_message())
        for column, value in values.items()
        if spreadsheet_csv.refused_character(value)
    ]


def _printable_column(column):
    """A header cell fit to be shown in an error message."""
    return "".join("\ufffd" if spreadsheet_csv.refused_character(char) else char for char in column)


def _parse_bool(value):
    value = value.strip().lower()
    if value in {"yes", "y", "true", "1", "sí", "si", "x"}:
        return True
    if value in {"no", "n", "false", "0"}:
        return False
    raise ValueError(value)


def _form_data(values, existing):
    """Form data: the existing agency's values, overridden by the columns the file has."""
    data = {}
    if existing is not None:
        for name in FORM_COLUMNS:
            value = getattr(existing, name)
            data[name] = value.isoformat() if name == "last_verified_on" and value else value
    else:
        data.update({"open_24_7": False, "is_active": True})
    errors = []
    for name in FORM_COLUMNS:
        if name not in values:
            continue
        value = values[name].strip()
        if name in {"open_24_7", "is_active"}:
            if value == "":  # blank: unchanged, or the default for a new agency
                continue
            try:
                data[name] = _parse_bool(value)
            except ValueError:
                errors.append((name, _("Write yes or no, not “%(value)s”.") % {"value": value}))
            continue
        data[name] = value
    return data, errors


def _validate_row(number, values, *, existing, services_by_column, populations, known_languages):
    errors = []
    data, bool_errors = _form_data(values, existing)
    errors += [RowError(number, column, message) for column, message in bool_errors]

    form = AgencyCsvForm(data=data, instance=existing)
    if not form.is_valid():
        for name, messages in form.errors.items():
            column = "" if name == forms.forms.NON_FIELD_ERRORS else name
            errors += [RowError(number, column, str(message)) for message in messages]

    description = None
    description_columns = [c for c in values if c.startswith(DESCRIPTION_PREFIX)]
    if description_columns:
        description = dict(existing.description or {}) if existing is not None else {}
        for column in description_columns:
            code, text = column[len(DESCRIPTION_PREFIX) :], values[column].strip()
            if text:
                description[code] = text
            else:
                description.pop(code, None)

    language_codes = None
    if "languages" in values:
        language_codes = [code.lower() for code in _split_codes(values["languages"])]
        unknown = [code for code in language_codes if code not in LANG_INFO and code not in known_languages]
        if unknown:
            errors.append(
                RowError(
                    number,
                    "languages",
                    _("Unknown language code: %(codes)s. Use codes such as en, es, fr, vi.")
                    % {"codes": ", ".join(unknown)},
                )
            )

    offers = {}
    for column, service in services_by_column.items():
        if column not in values:
            continue
        chosen = []
        for slug in _split_codes(values[column]):
            population = populations.get(slug)
            if population is None:
                errors.append(
                    RowError(
                        number,
                        column,
                        _("There is no population “%(slug)s”. Use: %(choices)s.")
                        % {"slug": slug, "choices": ", ".join(populations)},
                    )
                )
            elif population not in chosen:
                chosen.append(population)
        offers[service] = chosen

    pending = _PendingRow(
        row=number,
        form=form,
        is_new=existing is None,
        description=description,
        language_codes=language_codes,
        offers=offers,
    )
    return pending, errors


def import_agencies_csv(source, *, user=None):
    """Create or update agencies (matched by slug) from CSV: all rows, or none.

    `source`: text, bytes or a file (UTF-8, with or without a byte-order mark). The header
    names the columns export_agencies_csv() writes; "slug", "name", "short_name",
    "agency_type" and "service_area" are required, any other column may be left out, and
    a column left out leaves that field of an existing agency unchanged. A "service:<slug>"
    column replaces what the agency offers for that service only.

    Raises AgencyImportError listing every problem (row, column, message in the active
    language) when any row is bad; then nothing is written. Returns an ImportResult.
    """
    text = _read_text(source)
    reader = csv.reader(io.StringIO(text))
    try:
        header = [column.strip() for column in next(reader)]
    except StopIteration:
        raise AgencyImportError([RowError(1, "", _("The file is empty."))]) from None
    except csv.Error as error:
        raise AgencyImportError([RowError(1, "", _("This is not a readable CSV file."))]) from error

    services = list(Service.objects.all())
    header_errors, services_by_column = _check_header(header, services)
    if header_errors:
        raise AgencyImportError(header_errors)

    populations = {population.slug: population for population in Population.objects.all()}
    existing_by_slug = {agency.slug: agency for agency in Agency.objects.prefetch_related("languages")}
    known_languages = {language.code: language for language in Language.objects.all()}

    errors, pending, slugs, names = [], [], {}, {}
    number = 1
    try:
        for cells in reader:
            number += 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                errors.append(RowError(number, "", _("This row has more cells than the header has columns.")))
                continue
            values = {
                column: spreadsheet_csv.from_spreadsheet(cells[i]) if i < len(cells) else ""
                for i, column in enumerate(header)
            }
            refused = _refused_cells(number, values)
            if refused:  # the database could not even compare these values: nothing more to check
                errors += refused
                continue
            slug = values["slug"].strip()
            row, row_errors = _validate_row(
                number,
                values,
                existing=existing_by_slug.get(slug),
                services_by_column=services_by_column,
                populations=populations,
                known_languages=known_languages,
            )
            for column, seen in (("slug", slugs), ("name", names)):
                value = values[column].strip().casefold()
                if value and value in seen:
                    row_errors.append(
                        RowError(
                            number, column, _("Row %(row)s already has this value.") % {"row": seen[value]}
                        )
                    )
                elif value:
                    seen[value] = number
            errors += row_errors
            pending.append(row)
    except csv.Error as error:
        errors.append(RowError(number, "", _("This row is not valid CSV: %(error)s") % {"error": error}))

    if errors:
        raise AgencyImportError(errors)
    return _apply_import(pending, known_languages, user=user)


@transaction.atomic
def _apply_import(pending, known_languages, *, user=None):
    result = ImportResult()
    for row in pending:
        agency = row.form.save(commit=False)
        if row.description is not None:
            agency.description = row.description
        if row.language_codes is not None:
            languages = []
            for code in row.language_codes:
                if code not in known_languages:
                    known_languages[code] = Language.objects.create(code=code)
                languages.append(known_languages[code])
            agency.languages.set(languages)
        agency.save()
        if row.offers:
            pairs = [(service, population) for service, chosen in row.offers.items() for population in chosen]
            set_capabilities(agency, pairs, services=list(row.offers))
        log(agency, "partners.agency.imported", user=user, data={"created": row.is_new})
        (result.created if row.is_new else result.updated).append(agency)
    return result


def describe_import(result):
    """A one-line summary of an import, in the active language."""
    return _("New agencies: %(created)s. Updated agencies: %(updated)s.") % {
        "created": len(result.created),
        "updated": len(result.updated),
    }
