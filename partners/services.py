"""Business rules of the partner directory, as plain functions (views, commands and tests call them).

- The directory: which active agencies match a combination of filters.
- The capability matrix: services × populations → the agencies that cover each pair; empty
  cells are the task force's gaps.
- Verification: entries nobody has confirmed in the last 12 months.
- Capabilities: make an agency offer exactly a set of (service, population) pairs; the admin
  agency form, the CSV import and the demo all go through set_capabilities().

The agency CSV import and export live in partners.agency_csv.

Every function here runs a fixed number of queries whatever the number of agencies.
"""

import io
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Prefetch
from django.utils.translation import gettext as _

from home import csv as spreadsheet_csv
from home.fields import pick_translation, picked_language

from .models import Agency, Capability, Population, Service

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
    jurisdiction: "Jurisdiction | None" = None

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


@dataclass(frozen=True)
class Jurisdiction:
    """A service area in the matrix's filter.

    `key` is its text in the default language: what the filter's links carry, the same on every
    language's page, so that a link shared from one language's matrix works in another. `texts`
    are its words per language, for showing it.
    """

    key: str
    texts: dict

    @property
    def label(self):
        """The service area in the active language (else the default language's)."""
        return pick_translation(self.texts) or self.key

    @property
    def label_language(self):
        return picked_language(self.texts) or settings.LANGUAGE_CODE

    def __str__(self):
        return self.label


def jurisdictions():
    """The distinct service areas of active agencies (by their default-language text), in the
    active language's alphabetical order, for the matrix's jurisdiction filter. One query.

    Agencies that share a service area but translated it differently (or only one of them did)
    give one jurisdiction, with the first translation met in each language.
    """
    texts_by_key = {}
    for texts in Agency.objects.active().order_by("name").values_list("service_area", flat=True):
        texts = texts or {}
        key = texts.get(settings.LANGUAGE_CODE, "")
        if not key:
            continue
        merged = texts_by_key.setdefault(key, {})
        for code, text in texts.items():
            if text:
                merged.setdefault(code, text)
    found = [Jurisdiction(key, texts) for key, texts in texts_by_key.items()]
    return sorted(found, key=lambda jurisdiction: (jurisdiction.label.casefold(), jurisdiction.key))


def build_matrix(*, jurisdiction=None):
    """Services × populations, each cell listing the active agencies covering it. Three queries.

    `jurisdiction` (a Jurisdiction, or None for all) keeps the agencies of that service area only.
    """
    services = list(Service.objects.all())
    populations = list(Population.objects.all())
    capabilities = (
        Capability.objects.filter(agency__is_active=True)
        .select_related("agency")
        .only("service_id", "population_id", "agency__name", "agency__short_name", "agency__slug")
        .order_by("agency__name")
    )
    if jurisdiction is not None:
        in_area = {f"agency__service_area__{settings.LANGUAGE_CODE}": jurisdiction.key}
        capabilities = capabilities.filter(**in_area)

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
