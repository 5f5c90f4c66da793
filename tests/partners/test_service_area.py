"""The service area is kept per language (issue 9): shown in the page's language (marked `lang`
when it falls back), filtered by a language-independent key in the matrix, searched in every
language in the admin, and carried by the CSV as "service_area" (default language) plus
"service_area:<code>" columns."""

import csv
import io
import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from partners.agency_csv import AgencyImportError, export_agencies_csv, import_agencies_csv
from partners.models import Agency
from partners.services import jurisdictions
from tests.partners.factories import (
    AgencyFactory,
    PopulationFactory,
    ServiceFactory,
    coordinator,
    offering,
    partner,
)
from tests.partners.helpers import edit_form, make_csv, new_row

HARBOR = {"en": "Harbor County", "es": "Condado de Harbor"}


@pytest.fixture
def areas(db):
    """A Spanish-translated area (two agencies, one of them without the translation) and an
    English-only one, each agency offering shelter to women."""
    shelter = ServiceFactory(slug="shelter", name={"en": "Shelter", "es": "Albergue"})
    women = PopulationFactory(slug="women", name={"en": "Women", "es": "Mujeres"})
    return {
        "harbor": offering(
            AgencyFactory(name="Harbor Shelter", short_name="HS", slug="harbor-shelter", service_area=HARBOR),
            (shelter, women),
        ),
        "harbor_en_only": offering(
            AgencyFactory(name="Aid Network", short_name="AN", service_area={"en": "Harbor County"}),
            (shelter, women),
        ),
        "state": offering(
            AgencyFactory(
                name="Legal Clinic", short_name="LC", slug="legal-clinic", service_area={"en": "Statewide"}
            ),
            (shelter, women),
        ),
    }


# --- Public pages ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_spanish_pages_show_the_spanish_area_and_mark_the_english_fallback(client, directory, areas):
    detail = client.get("/es/socios/harbor-shelter/").content.decode()
    assert "<span>Condado de Harbor</span>" in detail and "Harbor County" not in detail
    fallback = client.get("/es/socios/legal-clinic/").content.decode()
    assert '<span lang="en">Statewide</span>' in fallback

    listing = client.get("/es/socios/").content.decode()
    assert "<span>Condado de Harbor</span>" in listing
    assert '<span lang="en">Statewide</span>' in listing

    # Positive control: the English page shows the English text, unmarked.
    english = client.get("/en/partners/harbor-shelter/").content.decode()
    assert "<span>Harbor County</span>" in english and "Condado" not in english


# --- The matrix's filter --------------------------------------------------------------------------


@pytest.mark.django_db
def test_one_jurisdiction_per_default_language_text_labelled_in_the_page_language(areas, settings):
    from django.utils import translation

    with translation.override("es"):
        found = jurisdictions()
        assert [(j.key, j.label, j.label_language) for j in found] == [
            ("Harbor County", "Condado de Harbor", "es"),  # merged with the untranslated agency's
            ("Statewide", "Statewide", "en"),
        ]
    assert [j.label for j in jurisdictions()] == ["Harbor County", "Statewide"]


@pytest.mark.django_db
def test_spanish_matrix_shows_spanish_names_but_submits_the_language_independent_key(
    client, directory, areas
):
    client.force_login(partner(areas["harbor"]))
    html = client.get("/es/socios/matrix/?jurisdiction=Harbor+County").content.decode()
    assert '<option value="Harbor County" selected>Condado de Harbor</option>' in html
    assert '<option value="Statewide" lang="en">Statewide</option>' in html
    assert "en Condado de Harbor" in re.search(r"<caption[^>]*>(.*?)</caption>", html, re.S).group(1)
    assert '<abbr title="Harbor Shelter">' in html and '<abbr title="Aid Network">' in html
    assert '<abbr title="Legal Clinic">' not in html
    assert 'href="/es/socios/matrix/csv/?jurisdiction=Harbor+County"' in html
    assert 'href="/es/socios/matrix/pdf/?jurisdiction=Harbor+County"' in html

    # The same link opened in English filters the same agencies.
    english = client.get("/en/partners/matrix/?jurisdiction=Harbor+County").content.decode()
    assert '<option value="Harbor County" selected>Harbor County</option>' in english
    assert '<abbr title="Aid Network">' in english and '<abbr title="Legal Clinic">' not in english


@pytest.mark.django_db
def test_an_english_only_area_is_marked_in_the_spanish_caption(client, directory, areas):
    client.force_login(partner(areas["harbor"]))
    html = client.get("/es/socios/matrix/?jurisdiction=Statewide").content.decode()
    caption = re.search(r"<caption[^>]*>(.*?)</caption>", html, re.S).group(1)
    assert '<span lang="en">Statewide</span>' in caption


@pytest.mark.django_db
def test_a_translated_name_is_not_a_filter_value(client, directory, areas):
    client.force_login(partner(areas["harbor"]))
    response = client.get("/en/partners/matrix/?jurisdiction=Condado+de+Harbor")
    html = response.content.decode()
    assert response.status_code == 200
    assert "“Condado de Harbor” is not a jurisdiction of any agency; showing all jurisdictions." in html
    assert '<abbr title="Legal Clinic">' in html  # all jurisdictions


@pytest.mark.django_db
def test_matrix_downloads_filter_by_the_key_in_any_language(client, directory, areas):
    client.force_login(partner(areas["harbor"]))
    response = client.get("/es/socios/matrix/csv/?jurisdiction=Harbor+County")
    assert response["Content-Disposition"] == 'attachment; filename="capability-matrix-es-harbor-county.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Servicio", "Mujeres"], ["Albergue", "Aid Network; Harbor Shelter"]]
    pdf = client.get("/es/socios/matrix/pdf/?jurisdiction=Harbor+County")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


# --- Admin search ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["condado de", "HARBOR COUNTY"])
def test_admin_search_finds_an_agency_by_its_area_in_either_language(client, areas, query):
    client.force_login(coordinator())
    html = client.get(reverse("agencies:index"), {"q": query}).content.decode()
    assert "Harbor Shelter" in html and "Legal Clinic" not in html
    chooser = client.get(reverse("agency_chooser:choose_results"), {"q": query}).content.decode()
    assert "Harbor Shelter" in chooser and "Legal Clinic" not in chooser


@pytest.mark.django_db
def test_admin_search_does_not_match_the_language_codes(client, areas):
    client.force_login(coordinator())
    html = client.get(reverse("agencies:index"), {"q": "es"}).content.decode()
    assert "Harbor Shelter" not in html and "Aid Network" not in html
    # Positive control: the same search finds a text that contains it.
    html = client.get(reverse("agencies:index"), {"q": "state"}).content.decode()
    assert "Legal Clinic" in html


@pytest.mark.django_db
def test_admin_list_shows_the_area_as_text_not_json(client, areas):
    client.force_login(coordinator())
    html = client.get(reverse("agencies:index")).content.decode()
    assert "Harbor County" in html and "{&#x27;en&#x27;" not in html and "{'en'" not in html


@pytest.mark.django_db
def test_verification_report_and_its_export_show_the_area_as_text(client):
    AgencyFactory(name="Stale", service_area=HARBOR, last_verified_on=None)
    client.force_login(coordinator())
    html = client.get(reverse("partners_verification:index")).content.decode()
    assert "Harbor County" in html and "&#x27;en&#x27;" not in html
    export = client.get(reverse("partners_verification:index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0][:2] == ["Agency", "Service area"] and rows[1][:2] == ["Stale", "Harbor County"]


# --- The edit form --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_edit_form_requires_the_area_in_the_default_language(client, areas):
    agency = areas["harbor"]
    client.force_login(coordinator())
    url = reverse("agencies:edit", args=[agency.pk])
    response = client.post(url, edit_form(agency, service_area_en="", service_area_es="Condado de Bay"))
    assert response.status_code == 200
    assert "Write this in English at least." in response.content.decode()
    agency.refresh_from_db()
    assert agency.service_area == HARBOR

    # Positive control: with the English text the Spanish one is saved alongside.
    response = client.post(
        url, edit_form(agency, service_area_en="Bay County", service_area_es="Condado de Bay")
    )
    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.service_area == {"en": "Bay County", "es": "Condado de Bay"}


# --- CSV ------------------------------------------------------------------------------------------


def exported(**kwargs):
    out = io.StringIO()
    export_agencies_csv(out, **kwargs)
    return {row["slug"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}


@pytest.mark.django_db
def test_csv_export_has_the_default_text_and_a_column_per_other_language(areas):
    rows = exported()
    assert rows["harbor-shelter"]["service_area"] == "Harbor County"
    assert rows["harbor-shelter"]["service_area:es"] == "Condado de Harbor"
    assert rows["legal-clinic"]["service_area:es"] == ""
    assert "service_area:en" not in rows["legal-clinic"]


@pytest.mark.django_db
def test_csv_round_trip_keeps_the_spanish_area(areas):
    before = exported()
    Agency.objects.all().delete()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(next(iter(before.values()))))
    writer.writeheader()
    writer.writerows(before.values())
    import_agencies_csv(out.getvalue())
    assert Agency.objects.get(slug="harbor-shelter").service_area == HARBOR
    assert Agency.objects.get(slug="legal-clinic").service_area == {"en": "Statewide"}


@pytest.mark.django_db
def test_csv_import_sets_keeps_or_clears_the_spanish_area_like_the_description():
    import_agencies_csv(
        make_csv([new_row(**{"service_area:es": "Condado de Harbor", "description:es": "Hola."})])
    )
    agency = Agency.objects.get(slug="new-clinic")
    assert agency.service_area == HARBOR

    # A file without the column leaves the Spanish as it was, and changes the English only.
    import_agencies_csv(make_csv([new_row(service_area="Harbor and Bay")]))
    agency.refresh_from_db()
    assert agency.service_area == {"en": "Harbor and Bay", "es": "Condado de Harbor"}

    # A blank cell removes it, as a blank "description:es" cell does.
    import_agencies_csv(make_csv([new_row(**{"service_area:es": "", "description:es": ""})]))
    agency.refresh_from_db()
    assert agency.service_area == {"en": "Harbor County"}
    assert "es" not in agency.description


@pytest.mark.django_db
def test_csv_import_requires_the_default_language_text_and_refuses_an_english_column():
    with pytest.raises(AgencyImportError) as refusal:
        import_agencies_csv(make_csv([new_row(service_area="", **{"service_area:es": "Condado de Harbor"})]))
    assert [str(error) for error in refusal.value.errors] == [
        "Row 2, column “service_area”: This field is required."
    ]
    with pytest.raises(AgencyImportError) as refusal:
        import_agencies_csv(make_csv([new_row(**{"service_area:en": "Harbor County"})]))
    assert [str(error) for error in refusal.value.errors] == [
        "Row 1, column “service_area:en”: The “service_area” column holds the text in this language."
    ]
    with pytest.raises(AgencyImportError) as refusal:
        import_agencies_csv(make_csv([new_row(**{"service_area:es": "x" * 201})]))
    assert [str(error) for error in refusal.value.errors] == [
        "Row 2, column “service_area:es”: Ensure this value has at most 200 characters (it has 201)."
    ]
    assert not Agency.objects.exists()


# --- The migration --------------------------------------------------------------------------------

BEFORE = [("partners", "0005_directory_under_signoff")]
AFTER = [("partners", "0006_service_area_translatable")]


def migrate(targets):
    with connection.cursor() as cursor:  # checked now, so that the tables can be altered
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db
def test_migration_keeps_the_text_as_the_default_languages_and_back(on_postgres, settings):
    """Run inside the test's transaction, which PostgreSQL can roll back schema changes in: a
    transactional test would flush the data that only migrations create (groups, the root
    collection, locales) for the tests after it. SQLite cannot alter tables inside a transaction;
    the same steps were checked there with a transactional run of this test."""
    try:
        old_apps = migrate(BEFORE)
        old_apps.get_model("partners", "Agency").objects.create(
            name="Old Agency",
            short_name="OA",
            slug="old-agency",
            agency_type="other",
            service_area="Bay County",
        )
        new_apps = migrate(AFTER)
        agency = new_apps.get_model("partners", "Agency").objects.get(slug="old-agency")
        assert agency.service_area == {settings.LANGUAGE_CODE: "Bay County"}

        agency.service_area = {"es": "Condado de Bay", "en": "Bay County and Harbor"}
        agency.save()
        old_apps = migrate(BEFORE)
        assert old_apps.get_model("partners", "Agency").objects.get(slug="old-agency").service_area == (
            "Bay County and Harbor"
        )
    finally:
        migrate(AFTER)
