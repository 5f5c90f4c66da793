"""The admin screens: the capability grid, verification, memberships, taxonomy, the dashboard panel."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from partners.models import Agency, Capability, Language, Membership, Service
from tests.partners.factories import (
    AgencyFactory,
    PopulationFactory,
    ServiceFactory,
    UserFactory,
    coordinator,
    offering,
    partner,
)
from tests.partners.helpers import edit_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def grid():
    shelter, legal = ServiceFactory(slug="shelter"), ServiceFactory(slug="legal")
    women, men = PopulationFactory(slug="women"), PopulationFactory(slug="men")
    return shelter, legal, women, men


def key(service, population):
    return f"{service.pk}:{population.pk}"


def test_edit_form_shows_a_labelled_grid_of_checkboxes(client, grid):
    shelter, legal, women, men = grid
    agency = offering(AgencyFactory(), (shelter, women))
    client.force_login(partner(agency, "author"))
    html = client.get(reverse("agencies:edit", args=[agency.pk])).content.decode()
    boxes = re.findall(
        r'<input type="checkbox" name="capability_grid" value="([\d:]+)" id="([^"]+)"( checked)?>', html
    )
    assert len(boxes) == 4
    assert [value for value, _id, checked in boxes if checked] == [key(shelter, women)]
    for _value, box_id, _checked in boxes:
        assert f'<label for="{box_id}" class="w-sr-only">' in html
    assert f"Service {shelter.slug} for Population {women.slug}" in html
    assert '<th scope="col">Population men</th>' in html and '<th scope="row">Service legal</th>' in html


def test_saving_the_grid_adds_and_removes_capabilities(client, grid):
    shelter, legal, women, men = grid
    agency = offering(AgencyFactory(), (shelter, women), (legal, women))
    kept = Capability.objects.get(agency=agency, service=shelter)
    client.force_login(partner(agency, "communications_lead"))
    data = edit_form(agency, capability_grid=[key(shelter, women), key(shelter, men)])
    response = client.post(reverse("agencies:edit", args=[agency.pk]), data)
    assert response.status_code == 302
    pairs = set(Capability.objects.filter(agency=agency).values_list("service__slug", "population__slug"))
    assert pairs == {("shelter", "women"), ("shelter", "men")}
    assert Capability.objects.filter(pk=kept.pk).exists()  # unchanged pairs are kept, not recreated


def test_a_forged_grid_value_is_refused(client, grid):
    agency = AgencyFactory()
    client.force_login(partner(agency, "author"))
    response = client.post(
        reverse("agencies:edit", args=[agency.pk]), edit_form(agency, capability_grid=["999:999"])
    )
    assert response.status_code == 200  # the form again, with an error
    assert not Capability.objects.filter(agency=agency).exists()


def test_confirming_the_entry_sets_the_verification_date_to_today(client, grid):
    agency = AgencyFactory(last_verified_on=datetime.date(2020, 1, 1))
    client.force_login(partner(agency, "author"))
    client.post(reverse("agencies:edit", args=[agency.pk]), edit_form(agency, confirm_verified="on"))
    agency.refresh_from_db()
    assert agency.last_verified_on == timezone.localdate()


def test_only_the_coordinator_can_take_an_agency_out_of_the_directory(client, grid):
    agency = AgencyFactory()
    client.force_login(partner(agency, "author"))
    assert 'name="is_active"' not in client.get(reverse("agencies:edit", args=[agency.pk])).content.decode()
    data = edit_form(agency)
    data.pop("is_active")  # an unticked box: would mean "inactive" if the field were there
    client.post(reverse("agencies:edit", args=[agency.pk]), data)
    assert Agency.objects.get(pk=agency.pk).is_active

    client.force_login(coordinator())
    client.post(reverse("agencies:edit", args=[agency.pk]), data)
    assert not Agency.objects.get(pk=agency.pk).is_active


def test_edit_form_groups_public_and_partner_only_fields(client, grid):
    agency = AgencyFactory()
    client.force_login(coordinator())
    html = client.get(reverse("agencies:edit", args=[agency.pk])).content.decode()
    for tab in ("Public entry", "Services offered", "Partner-only contact", "Verification"):
        assert tab in html
    assert "never shown to the public" in html


def test_coordinator_creates_an_agency_and_the_role_groups_exist(client, grid):
    from django.contrib.auth.models import Group

    Group.objects.all().delete()
    shelter, legal, women, men = grid
    client.force_login(coordinator())
    data = edit_form(
        AgencyFactory.build(name="Brand New", slug="brand-new", short_name="BN", description={"en": "New."}),
        capability_grid=[key(legal, men)],
    )
    response = client.post(reverse("agencies:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    agency = Agency.objects.get(slug="brand-new")
    assert list(agency.capabilities.values_list("service__slug", "population__slug")) == [("legal", "men")]
    assert Group.objects.filter(name="Authors").exists()


def test_coordinator_adds_a_membership_and_the_user_gets_the_groups(client):
    agency = AgencyFactory()
    user = UserFactory()
    client.force_login(coordinator())
    response = client.post(
        reverse("memberships:add"), {"user": user.pk, "agency": agency.pk, "is_author": "on"}
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=user).agency == agency
    assert set(user.groups.values_list("name", flat=True)) == {"Authors"}
    assert user.has_perm("wagtailadmin.access_admin")


def test_a_membership_needs_an_agency_unless_coordinator(client):
    user = UserFactory()
    client.force_login(coordinator())
    response = client.post(reverse("memberships:add"), {"user": user.pk, "is_author": "on"})
    assert response.status_code == 200
    assert "Choose the agency this person works for." in response.content.decode()
    assert not Membership.objects.filter(user=user).exists()


def test_coordinator_edits_the_taxonomy_with_a_label_per_language(client):
    client.force_login(coordinator())
    response = client.post(
        reverse("services:add"),
        {"name_en": "Dental care", "name_es": "Atención dental", "slug": "dental", "sort_order": "5"},
    )
    assert response.status_code == 302
    assert Service.objects.get(slug="dental").name == {"en": "Dental care", "es": "Atención dental"}


def test_languages_must_be_codes_django_knows(client):
    client.force_login(coordinator())
    response = client.post(reverse("languages:add"), {"code": "klingon"})
    assert response.status_code == 200 and not Language.objects.exists()
    client.post(reverse("languages:add"), {"code": "VI"})
    assert list(Language.objects.values_list("code", flat=True)) == ["vi"]


def test_verification_report_lists_stale_and_never_verified_active_agencies(client):
    today = timezone.localdate()
    AgencyFactory(name="Fresh", last_verified_on=today - datetime.timedelta(days=10))
    AgencyFactory(name="Stale", last_verified_on=today - datetime.timedelta(days=400))
    AgencyFactory(name="Never", last_verified_on=None)
    AgencyFactory(name="Inactive and stale", last_verified_on=None, is_active=False)
    client.force_login(coordinator())
    html = client.get(reverse("partners_verification:index")).content.decode()
    assert "Stale" in html and "Never" in html
    assert "Fresh" not in html and "Inactive and stale" not in html
    assert html.index("Never") < html.index("Stale")  # never verified first

    export = client.get(reverse("partners_verification:index"), {"export": "csv"})
    assert "Stale" in b"".join(export.streaming_content).decode()


def test_coordinator_dashboard_counts_entries_to_verify(client):
    AgencyFactory(last_verified_on=None)
    client.force_login(coordinator())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 agency entry has not been verified in the last 12 months." in html
    assert reverse("partners_verification:index") in html


def test_authors_do_not_get_the_verification_panel_or_report_link(client):
    agency = AgencyFactory(last_verified_on=None)
    client.force_login(partner(agency, "author"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "has not been verified in the last 12 months" not in html
    assert reverse("partners_verification:index") not in html


def test_an_agency_with_members_is_not_deleted_and_the_coordinator_is_told_why(client):
    agency = AgencyFactory(name="Busy Agency")
    partner(agency, "author")
    client.force_login(coordinator())
    for method in (client.get, client.post):
        response = method(reverse("agencies:delete", args=[agency.pk]), follow=True)
        assert response.redirect_chain[0][0] == reverse("agencies:edit", args=[agency.pk])
        assert "Busy Agency still has 1 member." in response.content.decode()
    assert Agency.objects.filter(pk=agency.pk).exists()
