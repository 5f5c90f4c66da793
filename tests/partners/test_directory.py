"""The public directory: filters and their combinations, bad values, pagination, the empty state."""

import datetime
import re

import pytest
from django.utils import timezone

from partners.models import AgencyType
from partners.services import filter_agencies
from tests.partners.factories import (
    AgencyFactory,
    LanguageFactory,
    PopulationFactory,
    ServiceFactory,
    offering,
    partner,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """A small task force: a shelter for women, a legal clinic for everyone, a police department."""
    shelter, legal = ServiceFactory(slug="shelter"), ServiceFactory(slug="legal")
    women, men = PopulationFactory(slug="women"), PopulationFactory(slug="men")
    spanish, vietnamese = LanguageFactory(code="es"), LanguageFactory(code="vi")

    women_shelter = offering(
        AgencyFactory(name="Women's Shelter", agency_type=AgencyType.VICTIM_SERVICES), (shelter, women)
    )
    women_shelter.languages.set([spanish])
    women_shelter.save()
    clinic = offering(
        AgencyFactory(name="Legal Clinic", agency_type=AgencyType.LEGAL_SERVICES),
        (legal, women),
        (legal, men),
    )
    clinic.languages.set([spanish, vietnamese])
    clinic.save()
    # Offers a shelter (to women) and legal help (to men), but no shelter to men.
    mixed = offering(
        AgencyFactory(name="Mixed Services", agency_type=AgencyType.VICTIM_SERVICES),
        (shelter, women),
        (legal, men),
    )
    police = AgencyFactory(name="Police", agency_type=AgencyType.LOCAL_LAW_ENFORCEMENT)
    closed = offering(AgencyFactory(name="Closed Shelter", is_active=False), (shelter, men))
    return {
        "shelter": shelter,
        "legal": legal,
        "women": women,
        "men": men,
        "spanish": spanish,
        "vietnamese": vietnamese,
        "women_shelter": women_shelter,
        "clinic": clinic,
        "mixed": mixed,
        "police": police,
        "closed": closed,
    }


def names(agencies):
    return sorted(agency.name for agency in agencies)


def test_no_filter_lists_every_active_agency(world):
    assert names(filter_agencies()) == ["Legal Clinic", "Mixed Services", "Police", "Women's Shelter"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"service": "shelter"}, ["Mixed Services", "Women's Shelter"]),
        ({"population": "men"}, ["Legal Clinic", "Mixed Services"]),
        ({"service": "shelter", "population": "women"}, ["Mixed Services", "Women's Shelter"]),
        # The shelter must be offered *to men*: Mixed Services shelters women and helps men otherwise.
        ({"service": "shelter", "population": "men"}, []),
        ({"service": "legal", "population": "men"}, ["Legal Clinic", "Mixed Services"]),
        ({"language": "vietnamese"}, ["Legal Clinic"]),
        ({"language": "spanish", "service": "shelter"}, ["Women's Shelter"]),
        ({"agency_type": AgencyType.VICTIM_SERVICES}, ["Mixed Services", "Women's Shelter"]),
        ({"agency_type": AgencyType.VICTIM_SERVICES, "population": "men"}, ["Mixed Services"]),
        ({"agency_type": AgencyType.LOCAL_LAW_ENFORCEMENT, "service": "legal"}, []),
        (
            {
                "service": "legal",
                "population": "women",
                "language": "spanish",
                "agency_type": "legal_services",
            },
            ["Legal Clinic"],
        ),
    ],
)
def test_filters_combine(world, filters, expected):
    resolved = {key: world.get(value, value) for key, value in filters.items()}
    assert names(filter_agencies(**resolved)) == expected


def test_inactive_agencies_never_match(world):
    assert "Closed Shelter" not in names(filter_agencies(service=world["shelter"], population=world["men"]))


def result_names(html):
    return re.findall(r'class="agency-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_filtering_works_through_get_parameters(client, directory, world):
    response = client.get("/en/partners/?service=shelter&population=women")
    html = response.content.decode()
    assert response.status_code == 200
    assert result_names(html) == ["Mixed Services", "Women&#x27;s Shelter"]
    assert "2 agencies" in html
    # The chosen filters stay selected, so the URL can be shared and the form adjusted.
    assert '<option value="shelter" selected>' in html
    assert '<option value="women" selected>' in html


def test_each_active_filter_can_be_removed_on_its_own(client, directory, world):
    html = client.get("/en/partners/?service=shelter&population=women&page=2").content.decode()
    assert 'href="?population=women">Remove the filter “Service”' in html
    assert 'href="?service=shelter">Remove the filter “Who it serves”' in html


def test_no_match_shows_a_clear_message(client, directory, world):
    html = client.get("/en/partners/?service=shelter&population=men").content.decode()
    assert "0 agencies" in html
    assert "No agency matches all of these filters." in html
    assert result_names(html) == []


def test_bad_values_never_fail(client, directory, world):
    queries = [
        "service=no-such-service",
        "population=%27%3B+DROP+TABLE",
        "language=xx",
        "type=spaceship",
        "service=shelter&service=legal",
        "service=" + "x" * 5000,
        "page=abc",
        "page=999",
        "page=-1",
    ]
    statuses = {query[:40]: client.get(f"/en/partners/?{query}").status_code for query in queries}
    assert statuses == {query[:40]: 200 for query in queries}


def test_a_bad_filter_is_reported_and_the_others_still_apply(client, directory, world):
    html = client.get("/en/partners/?service=no-such-service&population=men").content.decode()
    assert "Some filters could not be used" in html
    assert "“no-such-service” is not in the list" in html
    assert 'aria-invalid="true"' in html
    assert result_names(html) == ["Legal Clinic", "Mixed Services"]


def test_bad_filter_message_is_in_spanish_on_the_spanish_page(client, directory, world):
    html = client.get("/es/socios/?type=spaceship").content.decode()
    assert "«spaceship» no está en la lista" in html


def test_directory_is_paginated_and_pages_keep_the_filters(client, directory):
    service = ServiceFactory(slug="case-management")
    population = PopulationFactory(slug="adults")
    for n in range(25):
        offering(AgencyFactory(name=f"Agency {n:02d}"), (service, population))
    AgencyFactory(name="Agency without services")

    first = client.get("/en/partners/?service=case-management").content.decode()
    assert len(result_names(first)) == 20
    assert "Page 1 of 2" in first
    assert 'href="?service=case-management&amp;page=2" rel="next"' in first

    second = client.get("/en/partners/?service=case-management&page=2").content.decode()
    assert result_names(second) == [f"Agency {n:02d}" for n in range(20, 25)]
    assert 'rel="prev"' in second and 'rel="next"' not in second


def test_partners_see_which_entries_are_not_recently_verified_and_the_public_does_not(client, directory):
    stale = AgencyFactory(
        name="Stale Entry", last_verified_on=timezone.localdate() - datetime.timedelta(days=400)
    )
    AgencyFactory(name="Fresh Entry")
    notice = "Not recently verified."

    public = client.get("/en/partners/").content.decode()
    assert notice not in public

    client.force_login(partner(stale))
    html = client.get("/en/partners/").content.decode()
    assert html.count(notice) == 1
    card = re.search(r'agency-card__title"><a [^>]+>Stale Entry</a>.*?</li>', html, re.S).group(0)
    assert notice in card


def test_directory_labels_are_in_the_page_language(client, directory, world):
    spanish = client.get("/es/socios/").content.decode()
    assert '<html lang="es"' in spanish
    assert "Servicio" in spanish and "Cualquier servicio" in spanish
    assert world["clinic"].description["es"] in spanish
