"""An agency's page: public fields for everyone, partner-only contacts for partners only."""

import re

import pytest

from partners.models import Agency
from tests.partners.factories import (
    AgencyFactory,
    LanguageFactory,
    PopulationFactory,
    ServiceFactory,
    UserFactory,
    coordinator,
    offering,
    partner,
)

pytestmark = pytest.mark.django_db

PARTNER_ONLY_VALUES = {
    "contact_name": "Robin Secret-Contact",
    "contact_title": "Unit lead (private title)",
    "contact_phone": "555-0199",
    "contact_email": "robin.private@shelter.example",
    "after_hours_contact": "Private night line 555-0198",
    "referral_instructions": "Private referral steps",
    "capacity_notes": "3 private beds",
}


@pytest.fixture
def shelter_agency():
    agency = AgencyFactory(
        name="Harbor Shelter",
        slug="harbor-shelter",
        public_phone="555-0100",
        public_email="info@shelter.example",
        website="https://shelter.example/",
        open_24_7=True,
        description={"en": "Safe beds for women.", "es": "Camas seguras para mujeres."},
        **PARTNER_ONLY_VALUES,
    )
    agency.languages.set([LanguageFactory(code="es")])
    agency.save()
    service = ServiceFactory(slug="shelter", name={"en": "Emergency shelter", "es": "Albergue de emergencia"})
    women = PopulationFactory(slug="women", name={"en": "Adult women", "es": "Mujeres adultas"})
    return offering(agency, (service, women))


def assert_no_partner_data(html):
    for field, value in PARTNER_ONLY_VALUES.items():
        assert value not in html, f"{field} leaked"


def test_public_entry_shows_public_fields_only(client, directory, shelter_agency):
    response = client.get("/en/partners/harbor-shelter/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Harbor Shelter</h1>" in html
    assert 'href="tel:5550100"' in html and "info@shelter.example" in html
    assert "Safe beds for women." in html
    assert "Open 24 hours, 7 days a week" in html
    assert re.search(r'<th scope="row">Emergency shelter</th><td><span>Adult women</span></td>', html)
    assert 'rel="noreferrer noopener"' in html  # the agency's site does not learn where the visitor came from
    assert_no_partner_data(html)
    assert "For partner agencies only" not in html


def test_public_entry_may_be_cached_but_varies_on_the_cookie(client, directory, shelter_agency):
    response = client.get("/en/partners/harbor-shelter/")
    assert "no-store" not in response.get("Cache-Control", "")
    assert "Cookie" in response["Vary"]
    assert not response.cookies


def test_a_signed_in_user_who_is_not_a_partner_sees_only_the_public_entry(client, directory, shelter_agency):
    client.force_login(UserFactory())
    html = client.get("/en/partners/harbor-shelter/").content.decode()
    assert_no_partner_data(html)


@pytest.mark.parametrize("who", ["member of another agency", "member without roles", "coordinator"])
def test_partners_see_the_point_of_contact(client, directory, shelter_agency, who):
    user = {
        "member of another agency": lambda: partner(AgencyFactory(), "training_host"),
        "member without roles": lambda: partner(shelter_agency),
        "coordinator": coordinator,
    }[who]()
    client.force_login(user)
    response = client.get("/en/partners/harbor-shelter/")
    html = response.content.decode()
    for value in PARTNER_ONLY_VALUES.values():
        assert value in html
    assert "For partner agencies only" in html
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_an_inactive_or_unknown_agency_is_not_found(client, directory, shelter_agency):
    Agency.objects.filter(pk=shelter_agency.pk).update(is_active=False)
    assert client.get("/en/partners/harbor-shelter/").status_code == 404
    assert client.get("/en/partners/no-such-agency/").status_code == 404
    client.force_login(coordinator())
    assert client.get("/en/partners/harbor-shelter/").status_code == 404


def test_language_switcher_keeps_the_agency(client, directory, shelter_agency):
    html = client.get("/en/partners/harbor-shelter/").content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/es/socios/harbor-shelter/"' in nav
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/socios/harbor-shelter/">' in html


def test_spanish_entry_uses_spanish_words(client, directory, shelter_agency):
    html = client.get("/es/socios/harbor-shelter/").content.decode()
    assert "Camas seguras para mujeres." in html
    assert "Albergue de emergencia" in html and "Mujeres adultas" in html
    assert "Abierto las 24 horas, los 7 días de la semana" in html


def test_breadcrumbs_lead_back_to_the_directory(client, directory, shelter_agency):
    html = client.get("/en/partners/harbor-shelter/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)">', crumbs) == ["/en/", "/en/partners/"]
    assert '<span aria-current="page">Harbor Shelter</span>' in crumbs
