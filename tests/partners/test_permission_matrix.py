"""Who may view and edit what: every kind of user against every partner endpoint.

Users: anonymous, a signed-in user of no agency ("outsider"), a member of agency A without roles
("partner A"), the author of A, the communications lead of A, the author of B, the coordinator.
Each test below is one endpoint (one row of the matrix) and compares the whole row at once, so a
failure shows every user's outcome side by side.

Outcomes:
    ok           200 and the content
    contacts     200 with the partner-only contacts of A
    public       200 without any partner-only data
    login        302 to the public partner sign-in page, coming back here afterwards
    admin_login  302 to the Wagtail admin's login page (no admin access at all)
    denied       302 to the admin dashboard with "no permission" (the admin's refusal)
    forbidden    403
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from partners.models import Agency, Membership
from tests.partners.factories import AgencyFactory, UserFactory, coordinator, partner
from tests.partners.helpers import edit_form

pytestmark = pytest.mark.django_db

USERS = ["anonymous", "outsider", "partner_a", "author_a", "lead_a", "author_b", "coordinator"]
SECRET = "contact-a-private@example.org"


@pytest.fixture
def people(directory):
    a = AgencyFactory(name="Agency A", slug="agency-a", contact_email=SECRET, contact_name="Private Person A")
    b = AgencyFactory(name="Agency B", slug="agency-b", contact_email="contact-b-private@example.org")
    return {
        "a": a,
        "b": b,
        "anonymous": AnonymousUser(),
        "outsider": UserFactory(username="outsider"),
        "partner_a": partner(a, username="partner_a"),
        "author_a": partner(a, "author", username="author_a"),
        "lead_a": partner(a, "communications_lead", username="lead_a"),
        "author_b": partner(b, "author", username="author_b"),
        "coordinator": coordinator(username="the_coordinator"),
    }


def outcome(response, path):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/en/accounts/login/") and "next=" in location:
            return "login"
        if location.startswith("/admin/login/"):
            return "admin_login"
        if location == "/admin/":
            return "denied"
        return f"302 {location}"
    if response.status_code == 403:
        return "forbidden"
    if response.status_code == 200:
        return "ok"
    return str(response.status_code)


def row(client, people, path, *, method="get", data=None, classify=outcome):
    results = {}
    for name in USERS:
        client.logout()
        if name != "anonymous":
            client.force_login(people[name])
        response = getattr(client, method)(path, data or {})
        results[name] = classify(response, path)
    return results


def expect(**overrides):
    """A row where everybody gets `default` except the users named."""
    default = overrides.pop("default")
    return {name: overrides.get(name, default) for name in USERS}


# --- Public pages: everyone may read; only partners see the contacts --------------------------------


def contacts_or_public(response, path):
    if response.status_code != 200:
        return outcome(response, path)
    html = response.content.decode()
    return "contacts" if SECRET in html and "Private Person A" in html else "public"


def test_directory(client, people):
    assert row(client, people, "/en/partners/") == expect(default="ok")


def test_agency_a_page(client, people):
    assert row(client, people, "/en/partners/agency-a/", classify=contacts_or_public) == expect(
        default="contacts", anonymous="public", outsider="public"
    )


def test_the_directory_listing_never_shows_contacts(client, people):
    assert row(client, people, "/en/partners/", classify=contacts_or_public) == expect(default="public")


# --- Partner-only pages --------------------------------------------------------------------------------

PARTNERS_ONLY = expect(default="ok", anonymous="login", outsider="forbidden")


@pytest.mark.parametrize(
    "path", ["/en/partners/matrix/", "/en/partners/matrix/csv/", "/en/partners/matrix/pdf/"]
)
def test_capability_matrix_and_its_downloads(client, people, path):
    assert row(client, people, path) == PARTNERS_ONLY


def test_anonymous_visitors_get_the_login_page_and_come_back(client, people):
    response = client.get("/es/socios/matrix/?jurisdiction=Harbor")
    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/login/?next=/es/socios/matrix/%3Fjurisdiction%3DHarbor"
    assert b"Capability" not in response.content


def test_refusals_are_never_cached(client, people):
    client.force_login(people["outsider"])
    response = client.get("/en/partners/matrix/")
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    assert "Agency A" not in response.content.decode()


# --- The Wagtail admin ----------------------------------------------------------------------------------

NO_ADMIN = {"anonymous": "admin_login", "outsider": "admin_login", "partner_a": "admin_login"}


def admin_url(name, agency=None):
    return reverse(f"agencies:{name}", args=[agency.pk] if agency else [])


def test_admin_agency_listing(client, people):
    assert row(client, people, admin_url("index")) == expect(default="ok", **NO_ADMIN)


def listed(response, path):
    if response.status_code != 200:
        return outcome(response, path)
    html = response.content.decode()
    return ",".join(name for name in ("Agency A", "Agency B") if name in html) or "none"


def test_admin_listing_shows_only_the_agencies_a_user_may_edit(client, people):
    assert row(client, people, admin_url("index"), classify=listed) == expect(
        default="Agency A", author_b="Agency B", coordinator="Agency A,Agency B", **NO_ADMIN
    )


def test_admin_edit_agency_a(client, people):
    assert row(client, people, admin_url("edit", people["a"])) == expect(
        default="ok", author_b="denied", **NO_ADMIN
    )


def test_admin_edit_agency_b(client, people):
    assert row(client, people, admin_url("edit", people["b"])) == expect(
        default="denied", author_b="ok", coordinator="ok", **NO_ADMIN
    )


@pytest.mark.parametrize("view", ["history", "usage"])
def test_admin_history_and_usage_of_agency_a(client, people, view):
    assert row(client, people, admin_url(view, people["a"])) == expect(
        default="ok", author_b="denied", **NO_ADMIN
    )


def test_admin_add_agency(client, people):
    assert row(client, people, admin_url("add")) == expect(default="denied", coordinator="ok", **NO_ADMIN)


def test_admin_delete_an_agency(client, people):
    agency = AgencyFactory(name="Agency C")  # no members, so deleting it is possible at all
    assert row(client, people, admin_url("delete", agency)) == expect(
        default="denied", coordinator="ok", **NO_ADMIN
    )


def test_saving_agency_a_changes_it_only_for_its_editors(client, people):
    def saved(response, path):
        agency = Agency.objects.get(pk=people["a"].pk)
        changed = agency.public_phone == "555-0999"
        Agency.objects.filter(pk=agency.pk).update(public_phone="")
        if response.status_code == 302 and response["Location"] == admin_url("index"):
            return "saved" if changed else "redirect without change?"
        return f"not saved ({outcome(response, path)})" if not changed else "changed despite refusal!"

    data = edit_form(people["a"], public_phone="555-0999")
    results = row(client, people, admin_url("edit", people["a"]), method="post", data=data, classify=saved)
    assert results == expect(
        default="saved",
        anonymous="not saved (admin_login)",
        outsider="not saved (admin_login)",
        partner_a="not saved (admin_login)",
        author_b="not saved (denied)",
    )


def test_deleting_agency_a_is_for_the_coordinator_only(client, people):
    for name in ("author_a", "lead_a", "author_b"):
        client.force_login(people[name])
        response = client.post(admin_url("delete", people["a"]))
        assert response["Location"] == "/admin/", name
        assert Agency.objects.filter(pk=people["a"].pk).exists()
    Membership.objects.filter(agency=people["a"]).delete()  # memberships protect their agency
    client.force_login(people["coordinator"])
    client.post(admin_url("delete", people["a"]))
    assert not Agency.objects.filter(pk=people["a"].pk).exists()


# --- Chooser: any admin user, public fields only --------------------------------------------------------


def chooser_content(response, path):
    if response.status_code != 200:
        return outcome(response, path)
    text = response.content.decode()
    assert SECRET not in text and "Private Person A" not in text, "partner-only data in the chooser"
    return "ok" if "Agency A" in text else "empty"


@pytest.mark.parametrize("name", ["choose", "choose_results"])
def test_agency_chooser_shows_public_fields_to_admin_users(client, people, name):
    path = reverse(f"agency_chooser:{name}")
    assert row(client, people, path, classify=chooser_content) == expect(default="ok", **NO_ADMIN)


def test_agency_chooser_search_and_chosen_response_are_public_only(client, people):
    client.force_login(people["author_b"])
    results = client.get(reverse("agency_chooser:choose_results"), {"q": "Agency A"}).content.decode()
    assert "Agency A" in results and "Agency B" not in results
    chosen = client.get(reverse("agency_chooser:chosen", args=[people["a"].pk])).content.decode()
    assert "Agency A" in chosen and SECRET not in chosen


# --- Coordinator-only admin ------------------------------------------------------------------------------

COORDINATOR_ONLY = expect(default="denied", coordinator="ok", **NO_ADMIN)


@pytest.mark.parametrize(
    "url_name",
    [
        "partners_csv:export",
        "partners_csv:import",
        "partners_verification:index",
        "memberships:index",
        "memberships:add",
        "services:index",
        "services:add",
        "populations:index",
        "languages:index",
    ],
)
def test_coordinator_only_admin_views(client, people, url_name):
    assert row(client, people, reverse(url_name)) == COORDINATOR_ONLY


def test_csv_export_holds_partner_only_data_so_only_the_coordinator_gets_it(client, people):
    client.force_login(people["author_a"])
    assert SECRET not in client.get(reverse("partners_csv:export")).content.decode()
    client.force_login(people["coordinator"])
    response = client.get(reverse("partners_csv:export"))
    assert SECRET in response.content.decode("utf-8-sig")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_wagtail_asks_the_agency_permission_policy():
    from wagtail.permissions import policy_registry

    from partners.access import AgencyPermissionPolicy

    assert isinstance(policy_registry.get_by_type(Agency), AgencyPermissionPolicy)
