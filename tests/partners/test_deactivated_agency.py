"""Staff of a deactivated agency lose partner access at once (issue 7, point 8); coordinators keep it."""

import pytest
from django.urls import reverse

from partners.access import agency_of, can_edit_agency, is_coordinator, is_partner, membership_of
from partners.models import Agency
from tests.partners.factories import AgencyFactory, UserFactory, coordinator, partner

pytestmark = pytest.mark.django_db

SECRET = "contact-a-private@example.org"


@pytest.fixture
def agency(directory):
    return AgencyFactory(name="Agency A", slug="agency-a", contact_email=SECRET)


def deactivate(agency):
    agency.is_active = False
    agency.save()


def test_the_access_rules_ignore_a_deactivated_agencys_membership(agency):
    author, lead = partner(agency, "author"), partner(agency, "communications_lead")
    boss = coordinator(agency)
    assert is_partner(author) and can_edit_agency(lead, agency) and agency_of(author) == agency
    deactivate(agency)
    for user in (author, lead):
        user = type(user).objects.get(pk=user.pk)
        assert membership_of(user) is None and not is_partner(user)
        assert agency_of(user) is None and not can_edit_agency(user, agency)
    boss = type(boss).objects.get(pk=boss.pk)
    assert is_coordinator(boss) and is_partner(boss) and can_edit_agency(boss, agency)


def test_deactivating_takes_the_roles_away_and_reactivating_gives_them_back(agency):
    author = partner(agency, "author", "training_host")
    boss = coordinator(agency)
    deactivate(agency)
    assert not author.groups.exists()
    assert list(boss.groups.values_list("name", flat=True)) == ["Coordinators"]
    assert not type(author).objects.get(pk=author.pk).has_perm("wagtailadmin.access_admin")
    agency.is_active = True
    agency.save()
    assert set(author.groups.values_list("name", flat=True)) == {"Authors", "Training hosts"}


def outcomes(client, user):
    client.force_login(user)
    matrix = client.get("/en/partners/matrix/")
    entry = client.get("/en/partners/agency-b/").content.decode()
    admin_entry = client.get(reverse("agencies:edit", args=[Agency.objects.get(slug="agency-a").pk]))
    return matrix.status_code, SECRET.replace("-a-", "-b-") in entry, admin_entry.status_code


def test_its_staff_get_what_a_signed_in_outsider_gets(client, agency):
    AgencyFactory(name="Agency B", slug="agency-b", contact_email="contact-b-private@example.org")
    author = partner(agency, "author")
    outsider_row = outcomes(client, UserFactory(username="outsider"))
    assert outsider_row == (403, False, 302)
    assert outcomes(client, author) == (200, True, 200)  # positive control: active agency
    deactivate(agency)
    assert outcomes(client, author) == outsider_row
    response = client.get("/en/partners/matrix/")
    assert "Agency B" not in response.content.decode()
    assert outcomes(client, coordinator()) == (200, True, 200)  # the coordinator keeps access
