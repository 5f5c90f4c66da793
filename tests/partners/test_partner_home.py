"""After signing in, each partner lands where their work is: the admin dashboard and its panels."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import PASSWORD
from tests.helpers import dashboard_panel
from tests.partners.factories import AgencyFactory, UserFactory, coordinator, partner

pytestmark = pytest.mark.django_db

OUR_PANELS = (
    "author-work",
    "awaiting-agency-signoff",
    "coordinator-signoffs",
    "host-trainings",
    "partners-verification",
)
HOST_SENTENCE = "Trainings you host for Harbor Shelter will appear here"


def sign_in(client, username, url="/en/accounts/login/", **extra):
    return client.post(url, {"username": username, "password": PASSWORD, **extra})


@pytest.mark.parametrize(
    ("roles", "panel_id"),
    [
        (("author",), "author-work"),
        (("communications_lead",), "awaiting-agency-signoff"),
        (("training_host",), "host-trainings"),
    ],
)
def test_the_public_sign_in_lands_each_role_on_its_panel_in_the_admin(client, homes, roles, panel_id):
    partner(AgencyFactory(name="Harbor Shelter"), *roles, username="pat")
    response = sign_in(client, "pat")
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    landing = client.get(response["Location"])
    assert landing.status_code == 200
    html = landing.content.decode()
    assert [panel for panel in OUR_PANELS if dashboard_panel(html, panel)] == [panel_id]


def test_the_coordinator_lands_on_the_dashboard_from_the_public_sign_in(client, homes):
    coordinator(username="chief")
    response = sign_in(client, "chief")
    assert response["Location"] == reverse("wagtailadmin_home")
    html = client.get(response["Location"]).content.decode()
    assert dashboard_panel(html, "coordinator-signoffs") and dashboard_panel(html, "partners-verification")


def test_the_admin_sign_in_lands_on_the_same_panels(client, homes):
    partner(AgencyFactory(name="Harbor Shelter"), "training_host", username="pat")
    response = sign_in(client, "pat", url=reverse("wagtailadmin_login"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert HOST_SENTENCE in client.get(response["Location"]).content.decode()


def test_the_page_asked_for_wins_over_the_dashboard(client, directory):
    partner(AgencyFactory(), "author", username="pat")
    response = sign_in(client, "pat", next="/en/partners/matrix/")
    assert response["Location"] == "/en/partners/matrix/"


def test_a_training_host_is_told_plainly_that_trainings_will_appear_never_refused(client, homes):
    client.force_login(partner(AgencyFactory(name="Harbor Shelter"), "training_host"))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    panel = dashboard_panel(html, "host-trainings")
    assert HOST_SENTENCE in panel
    assert "permission" not in html.lower() and "denied" not in html.lower()


def test_staff_without_a_role_still_land_on_the_directory(client, directory):
    partner(AgencyFactory(), username="reader")  # partner staff: partner-only data, no admin work
    assert sign_in(client, "reader")["Location"] == "/en/partners/"


def test_an_admin_user_with_no_role_sees_no_partner_panels(client, homes):
    editor = UserFactory(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    AgencyFactory(last_verified_on=None)  # something the coordinator would see
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert [panel for panel in OUR_PANELS if dashboard_panel(html, panel)] == []
    assert "Write a message" not in html


def test_staff_of_a_deactivated_agency_get_no_panels(client, homes):
    agency = AgencyFactory()
    user = partner(agency, "author", "communications_lead", "training_host", username="gone")
    agency.is_active = False
    agency.save()
    assert sign_in(client, "gone")["Location"] != reverse("wagtailadmin_home")
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode() if response.status_code == 200 else ""
    assert [panel for panel in OUR_PANELS if dashboard_panel(html, panel)] == []
