"""Model rules: reserved slugs, what an agency offers, the directory page's place in the tree."""

import pytest
from django.core.exceptions import ValidationError

from home.models import HomePage, StandardPage
from partners.models import DirectoryPage
from partners.taxonomy import DEFAULT_POPULATIONS, DEFAULT_SERVICES, ensure_default_taxonomy
from tests.partners.factories import AgencyFactory, PopulationFactory, ServiceFactory, offering

pytestmark = pytest.mark.django_db


def test_an_agency_cannot_take_the_slug_of_a_directory_route():
    agency = AgencyFactory.build(slug="matrix")
    with pytest.raises(ValidationError) as refused:
        agency.full_clean()
    assert "slug" in refused.value.message_dict


def test_a_logo_needs_alternative_text():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    logo = Image.objects.create(title="Logo", file=get_test_image_file())
    agency = AgencyFactory.build(logo=logo, logo_alt_text=" ")
    with pytest.raises(ValidationError) as refused:
        agency.full_clean()
    assert "logo_alt_text" in refused.value.message_dict


def test_offers_groups_populations_by_service_in_taxonomy_order():
    shelter = ServiceFactory(slug="shelter", sort_order=2)
    legal = ServiceFactory(slug="legal", sort_order=1)
    women = PopulationFactory(slug="women", sort_order=2)
    minors = PopulationFactory(slug="minors", sort_order=1)
    agency = offering(AgencyFactory(), (shelter, women), (legal, women), (shelter, minors))

    assert agency.offers() == [(legal, [women]), (shelter, [minors, women])]
    assert agency.populations_served() == [minors, women]


def test_an_agency_with_no_capabilities_offers_nothing():
    agency = AgencyFactory()
    assert agency.offers() == [] and agency.populations_served() == []


def test_taxonomy_labels_follow_the_active_language():
    from django.utils import translation

    service = ServiceFactory(name={"en": "Case management", "es": "Gestión de casos"})
    with translation.override("es"):
        assert service.label == "Gestión de casos"
    with translation.override("fr"):  # not a site language: the default language's label
        assert service.label == "Case management"


def test_default_taxonomy_is_created_once_and_never_overwrites_an_edited_term():
    created = ensure_default_taxonomy()
    assert len(created) == len(DEFAULT_SERVICES) + len(DEFAULT_POPULATIONS)
    from partners.models import Service

    shelter = Service.objects.get(slug="emergency-shelter")
    shelter.name = {"en": "Emergency beds"}
    shelter.save()
    assert ensure_default_taxonomy() == []
    shelter.refresh_from_db()
    assert shelter.name == {"en": "Emergency beds"}


def test_directory_page_goes_under_a_home_page_once_per_language(homes, directory):
    assert DirectoryPage.can_create_at(homes["en"]) is False  # one already there
    assert DirectoryPage.allowed_parent_page_models() == [HomePage]
    assert DirectoryPage in HomePage.allowed_subpage_models()
    assert DirectoryPage.allowed_subpage_models() == []
    assert StandardPage not in DirectoryPage.allowed_subpage_models()
    assert directory["es"].translation_key == directory["en"].translation_key
    assert directory["es"].url == "/es/socios/"


def test_a_second_language_home_may_have_its_own_directory_when_it_has_none(homes):
    assert DirectoryPage.can_create_at(homes["es"])
