"""seed_demo's partner content: ten agencies with real gaps, demo accounts, the directory in two languages."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from home.seeding import load_demo_data
from partners.access import can_edit_agency, is_coordinator
from partners.models import Agency, DirectoryPage, Membership
from partners.services import build_matrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(capsys):
    with override_settings(DEBUG=True):
        call_command("seed_demo")
    return capsys.readouterr().out


def test_demo_content(seeded):
    """One seeded site for all the checks below: seeding takes a few seconds."""
    check_agencies_cover_every_type_with_descriptions_in_both_languages()
    check_matrix_has_real_gaps()
    check_accounts_have_their_roles()
    check_partner_logins_are_printed(seeded)


def check_agencies_cover_every_type_with_descriptions_in_both_languages():
    agencies = Agency.objects.all()
    assert 8 <= agencies.count() <= 10
    assert len({agency.agency_type for agency in agencies}) >= 8
    for agency in agencies:
        assert agency.description.get("en") and agency.description.get("es"), agency.slug
        assert agency.description["en"] != agency.description["es"]
        assert agency.service_area.get("en") and agency.service_area.get("es"), agency.slug
        assert agency.service_area["en"] != agency.service_area["es"]
        assert agency.capabilities.exists() and agency.languages.exists(), agency.slug


def check_matrix_has_real_gaps():
    matrix = build_matrix()
    assert 0 < matrix.gap_count < matrix.cell_count / 2
    assert matrix.cell("emergency-shelter", "adult-men").is_gap  # the seed text's shelter: women only
    assert matrix.cell("emergency-shelter", "families-with-children").is_gap
    assert not matrix.cell("emergency-shelter", "adult-women").is_gap
    assert all(
        cell.is_gap for cell in next(r for r in matrix.rows if r.service.slug == "family-law-help").cells
    )


def check_accounts_have_their_roles():
    User = get_user_model()
    agencies = load_demo_data("partners")["agencies"]
    for content in agencies:
        slug = content["slug"]
        author = User.objects.get(username=f"{slug}-author")
        lead = User.objects.get(username=f"{slug}-lead")
        host = User.objects.get(username=f"{slug}-host")
        agency = Agency.objects.get(slug=slug)
        assert author.membership.is_author and lead.membership.is_communications_lead
        assert host.membership.is_training_host and not host.membership.is_author
        assert can_edit_agency(author, agency) and can_edit_agency(lead, agency)
        assert not can_edit_agency(host, agency)
        assert author.check_password("commons-demo")
    assert is_coordinator(User.objects.get(username="coordinator"))
    assert Membership.objects.count() == 3 * len(agencies) + 1


def check_partner_logins_are_printed(output):
    assert "coordinator" in output
    assert "harbor-police-author, harbor-police-lead, harbor-police-host" in output
    assert "Every demo login uses the password: commons-demo" in output


def test_demo_directory_exists_in_english_and_spanish_and_a_second_run_changes_nothing(
    seeded, client, capsys
):
    english = DirectoryPage.objects.get(locale__language_code="en")
    spanish = DirectoryPage.objects.get(locale__language_code="es")
    assert english.url == "/en/partners/" and spanish.url == "/es/socios/"
    assert client.get("/es/socios/safe-harbor-shelter/").status_code == 200
    counts = (Agency.objects.count(), get_user_model().objects.count(), DirectoryPage.objects.count())

    with override_settings(DEBUG=True):
        call_command("seed_demo")
    assert "nothing changed" in capsys.readouterr().out
    assert (Agency.objects.count(), get_user_model().objects.count(), DirectoryPage.objects.count()) == counts


@override_settings(DEBUG=False)
def test_demo_never_prints_the_password_outside_development(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "a-chosen-secret-2")
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "a-chosen-secret-2" not in out
    assert "coordinator" in out
    assert get_user_model().objects.get(username="coordinator").check_password("a-chosen-secret-2")
