"""The directory and the matrix run a fixed number of queries, whatever the number of agencies."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import Agency, Capability
from tests.partners.factories import (
    AgencyFactory,
    CapabilityFactory,
    LanguageFactory,
    PopulationFactory,
    ServiceFactory,
    partner,
)

pytestmark = pytest.mark.django_db

# Measured on SQLite with a signed-in partner: the directory 25-29 queries (anonymous: 22), the
# matrix 25, an agency's page 24 (anonymous: 18). About 14 of them are the page chrome every page
# shares (site, menu, language switcher, safety settings); a signed-in partner adds 6 (session,
# user, membership, agency, permissions for the admin link). Headroom for other database drivers.
DIRECTORY_BUDGET = 32
MATRIX_BUDGET = 30


def add_agencies(count, services, populations, languages, start=0):
    """`count` agencies, each offering some services to some populations and speaking one language.

    Built with bulk_create (no signals, a handful of queries) so that 200 agencies stay quick.
    """
    agencies = Agency.objects.bulk_create(
        [
            Agency(
                name=f"Measured agency {n:03d}",
                short_name=f"A{n:03d}",
                slug=f"measured-{n:03d}",
                agency_type="victim_services",
                service_area={"en": "Harbor County" if n % 2 else "Statewide"},
                description={"en": f"Agency {n} helps people."},
                contact_email=f"contact{n}@example.org",
            )
            for n in range(start, start + count)
        ]
    )
    Agency.languages.through.objects.bulk_create(
        [
            Agency.languages.through(agency=agency, language=languages[i % len(languages)])
            for i, agency in enumerate(agencies)
        ]
    )
    Capability.objects.bulk_create(
        [
            Capability(agency=agency, service=service, population=populations[(i + j) % len(populations)])
            for i, agency in enumerate(agencies)
            for j, service in enumerate(services)
            if (i + j) % 3
        ]
    )


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def taxonomy():
    services = [ServiceFactory() for _ in range(6)]
    populations = [PopulationFactory() for _ in range(5)]
    languages = [LanguageFactory(code=code) for code in ("es", "vi", "fr")]
    return services, populations, languages


URLS = {
    "/en/partners/": DIRECTORY_BUDGET,
    "/en/partners/?service=service-0&population=population-0&language=es&type=labor": DIRECTORY_BUDGET,
    "/en/partners/?page=2": DIRECTORY_BUDGET,
    "/es/socios/?population=population-1": DIRECTORY_BUDGET,
    "/en/partners/matrix/": MATRIX_BUDGET,
    "/en/partners/matrix/?jurisdiction=Harbor+County": MATRIX_BUDGET,
}


def test_queries_do_not_grow_from_10_to_200_agencies(client, directory, taxonomy):
    services, populations, languages = taxonomy
    add_agencies(10, services, populations, languages)
    client.force_login(partner(AgencyFactory(name="Viewer agency"), "author"))
    with_10 = {url: count_queries(client, url) for url in URLS}

    add_agencies(190, services, populations, languages, start=10)
    with_200 = {url: count_queries(client, url) for url in URLS}

    assert with_200 == with_10
    for url, budget in URLS.items():
        assert with_200[url] <= budget, url


def test_agency_page_queries_do_not_depend_on_its_offers(client, directory, taxonomy):
    services, populations, languages = taxonomy
    agency = AgencyFactory(slug="measured")
    client.force_login(partner(agency))
    before = count_queries(client, "/en/partners/measured/")
    for service in services:
        for population in populations:
            CapabilityFactory(agency=agency, service=service, population=population)
    agency.languages.set(languages)
    agency.save()
    assert count_queries(client, "/en/partners/measured/") == before <= DIRECTORY_BUDGET
