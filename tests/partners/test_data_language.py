"""Agency data written once in English carries lang="en" on Spanish pages, so that screen readers
pronounce it as English; translated words carry nothing (issue 9, public details)."""

import re

import pytest
from wagtail.models import Locale

from home.fields import picked_language
from tests.home.factories import StandardPageFactory, add_live_translation
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import AgencyFactory, PopulationFactory, ServiceFactory, offering

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelter():
    agency = AgencyFactory(
        name="Harbor Shelter",
        slug="harbor-shelter",
        service_area={"en": "Harbor County"},
        description={"en": "Beds for women.", "es": ""},  # not translated yet
    )
    return agency


def test_agency_data_on_spanish_pages_is_marked_english(client, directory, shelter):
    spanish_detail = client.get("/es/socios/harbor-shelter/").content.decode()
    assert '<h1 lang="en">Harbor Shelter</h1>' in spanish_detail
    assert '<span lang="en">Harbor County</span>' in spanish_detail
    assert re.search(r'<div class="prose" lang="en">\s*<p>Beds for women.</p>', spanish_detail)

    listing = client.get("/es/socios/").content.decode()
    assert re.search(r'<a href="/es/socios/harbor-shelter/" lang="en">Harbor Shelter</a>', listing)
    assert '<p lang="en">Beds for women.</p>' in listing

    # Positive control: on English pages nothing is marked.
    english = client.get("/en/partners/harbor-shelter/").content.decode()
    assert "<h1>Harbor Shelter</h1>" in english and 'lang="en">Harbor' not in english


def test_a_translated_description_and_service_name_carry_no_lang(client, directory, shelter):
    shelter.description = {"en": "Beds for women.", "es": "Camas para mujeres."}
    shelter.save()
    service = ServiceFactory(name={"en": "Emergency shelter", "es": "Albergue de emergencia"})
    untranslated = ServiceFactory(name={"en": "Case management", "es": ""})
    women = PopulationFactory(name={"en": "Adult women", "es": "Mujeres adultas"})
    offering(shelter, (service, women), (untranslated, women))
    html = client.get("/es/socios/harbor-shelter/").content.decode()
    assert '<div class="prose">' in html and "Camas para mujeres." in html
    assert '<th scope="row">Albergue de emergencia</th>' in html
    assert '<th scope="row" lang="en">Case management</th>' in html
    assert "<span>Mujeres adultas</span>" in html
    assert picked_language(untranslated.name, "es") == "en"
    assert picked_language(service.name, "es") == "es"


def test_endorsed_by_marks_recorded_names_english_on_spanish_pages(client, homes):
    world = SignOffWorld(homes["en"], agencies=1)
    page = world.published()
    spanish = world.translate(page)
    world.submit(spanish)
    spanish = world.sign_all(spanish)
    html = client.get(spanish.url).content.decode()
    assert '<li class="endorsements__agency"><span lang="en">Agency A</span></li>' in html

    english = client.get(page.url).content.decode()
    assert '<li class="endorsements__agency"><span>Agency A</span></li>' in english


def test_the_approval_note_marks_recorded_names_english_on_spanish_pages(client, homes):
    page = StandardPageFactory(parent=homes["en"], slug="about")
    spanish = add_live_translation(
        page, Locale.objects.get(language_code="es"), title="Acerca", slug="acerca"
    )

    note = re.search(r'<p class="approval-note">(.*?)</p>', client.get(spanish.url).content.decode(), re.S)
    assert re.search(r'<span lang="en">[^<]+</span>', note.group(1))
    english = re.search(r'<p class="approval-note">(.*?)</p>', client.get(page.url).content.decode(), re.S)
    assert "<span>" in english.group(1) and "lang=" not in english.group(1)
