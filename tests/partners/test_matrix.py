"""The capability matrix: correct cells and gaps, the jurisdiction filter, CSV and PDF downloads."""

import csv
import io
import re

import pytest
from django.utils import translation

from partners.services import build_matrix, jurisdictions, matrix_csv
from tests.partners.factories import AgencyFactory, PopulationFactory, ServiceFactory, offering, partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def taxonomy():
    return {
        "shelter": ServiceFactory(slug="shelter", sort_order=1, name={"en": "Shelter", "es": "Albergue"}),
        "legal": ServiceFactory(slug="legal", sort_order=2, name={"en": "Legal help", "es": "Ayuda legal"}),
        "women": PopulationFactory(slug="women", sort_order=1, name={"en": "Women", "es": "Mujeres"}),
        "men": PopulationFactory(slug="men", sort_order=2, name={"en": "Men", "es": "Hombres"}),
        "minors": PopulationFactory(slug="minors", sort_order=3, name={"en": "Minors", "es": "Menores"}),
    }


@pytest.fixture
def coverage(taxonomy):
    t = taxonomy
    shelter = offering(
        AgencyFactory(name="Harbor Shelter", short_name="HS", service_area={"en": "Harbor County"}),
        (t["shelter"], t["women"]),
    )
    clinic = offering(
        AgencyFactory(name="Legal Clinic", short_name="LC", service_area={"en": "Statewide"}),
        (t["legal"], t["women"]),
        (t["legal"], t["men"]),
    )
    aid = offering(
        AgencyFactory(name="Aid Network", short_name="AN", service_area={"en": "Harbor County"}),
        (t["legal"], t["women"]),
    )
    offering(
        AgencyFactory(
            name="Closed Home", short_name="CH", service_area={"en": "Harbor County"}, is_active=False
        ),
        (t["shelter"], t["men"]),
    )
    return {"shelter": shelter, "clinic": clinic, "aid": aid}


def cell_names(matrix, service, population):
    return [agency.name for agency in matrix.cell(service, population).agencies]


def test_each_cell_lists_the_active_agencies_covering_it(coverage):
    matrix = build_matrix()
    assert [s.slug for s in matrix.services] == ["shelter", "legal"]
    assert [p.slug for p in matrix.populations] == ["women", "men", "minors"]
    assert cell_names(matrix, "shelter", "women") == ["Harbor Shelter"]
    assert cell_names(matrix, "legal", "women") == ["Aid Network", "Legal Clinic"]  # by name
    assert cell_names(matrix, "legal", "men") == ["Legal Clinic"]


def test_gaps_are_the_cells_nobody_covers(coverage):
    matrix = build_matrix()
    gaps = {(c.service.slug, c.population.slug) for row in matrix.rows for c in row.cells if c.is_gap}
    # The inactive home's shelter for men does not count: that is still a gap.
    assert gaps == {("shelter", "men"), ("shelter", "minors"), ("legal", "minors")}
    assert matrix.gap_count == 3 and matrix.cell_count == 6
    assert [row.gap_count for row in matrix.rows] == [2, 1]
    assert [agency.name for agency in matrix.agencies] == ["Aid Network", "Harbor Shelter", "Legal Clinic"]


def test_jurisdiction_filter_keeps_only_that_areas_agencies(coverage):
    areas = jurisdictions()
    assert [area.key for area in areas] == ["Harbor County", "Statewide"]  # active agencies only, once each
    matrix = build_matrix(jurisdiction=areas[0])
    assert cell_names(matrix, "legal", "women") == ["Aid Network"]
    assert matrix.cell("legal", "men").is_gap
    assert matrix.jurisdiction.key == "Harbor County"


def test_a_matrix_with_no_agencies_is_all_gaps(taxonomy):
    matrix = build_matrix()
    assert matrix.gap_count == matrix.cell_count == 6 and matrix.agencies == []


def test_matrix_page_shows_cells_gaps_and_a_legend(client, directory, coverage):
    client.force_login(partner(coverage["aid"]))
    response = client.get("/en/partners/matrix/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<caption id="matrix-caption">' in html
    assert re.search(
        r'<div class="matrix-scroll" role="region" aria-labelledby="matrix-caption" tabindex="0">', html
    )
    assert html.count('<th scope="col">') == 4 and html.count('<th scope="row">') == 2
    assert html.count('class="matrix__gap"') == 3
    # Gaps say so in words, not only in colour.
    assert '<td class="matrix__gap">Gap<span class="visually-hidden">: no agency</span></td>' in html
    assert '<abbr title="Legal Clinic">LC</abbr>' in html
    assert f'<a href="/en/partners/{coverage["clinic"].slug}/">Legal Clinic</a>' in html  # the legend
    assert "3 of 6 combinations have no agency." in html


def test_matrix_page_filters_by_jurisdiction(client, directory, coverage):
    client.force_login(partner(coverage["aid"]))
    html = client.get("/en/partners/matrix/?jurisdiction=Statewide").content.decode()
    assert '<option value="Statewide" selected>' in html
    assert "LC" in html and '<abbr title="Harbor Shelter">' not in html
    assert 'href="/en/partners/matrix/csv/?jurisdiction=Statewide"' in html


def test_unknown_jurisdiction_is_reported_not_a_failure(client, directory, coverage):
    client.force_login(partner(coverage["aid"]))
    response = client.get("/en/partners/matrix/?jurisdiction=Atlantis")
    assert response.status_code == 200
    assert "“Atlantis” is not a jurisdiction of any agency" in response.content.decode()


def test_csv_has_a_row_per_service_and_a_column_per_population(coverage):
    rows = list(csv.reader(io.StringIO(matrix_csv(build_matrix()))))
    assert rows == [
        ["Service", "Women", "Men", "Minors"],
        ["Shelter", "Harbor Shelter", "", ""],
        ["Legal help", "Aid Network; Legal Clinic", "Legal Clinic", ""],
    ]


def test_csv_is_in_the_viewers_language(client, directory, coverage):
    client.force_login(partner(coverage["aid"]))
    response = client.get("/es/socios/matrix/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="capability-matrix-es.csv"'
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Servicio,Mujeres,Hombres,Menores"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_csv_cells_cannot_run_as_spreadsheet_formulas(taxonomy):
    offering(AgencyFactory(name="=HYPERLINK(evil)", short_name="X"), (taxonomy["shelter"], taxonomy["women"]))
    rows = list(csv.reader(io.StringIO(matrix_csv(build_matrix()))))
    assert rows[1][1] == "'=HYPERLINK(evil)"


def test_pdf_download(client, directory, coverage):
    client.force_login(partner(coverage["aid"]))
    response = client.get("/es/socios/matrix/pdf/?jurisdiction=Harbor+County")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="capability-matrix-es-harbor-county.pdf"'
    assert "no-store" in response["Cache-Control"]


def test_pdf_template_is_in_the_viewers_language_and_loads_only_static_files(coverage):
    from django.template.loader import render_to_string

    with translation.override("es"):
        html = render_to_string("partners/capability_matrix_pdf.html", {"matrix": build_matrix()})
    assert "Matriz de capacidades" in html and "Brecha" in html
    assert re.findall(r'(?:href|src)="([^"]+)"', html) == [
        "/static/css/print-pdf.css",
        "/static/partners/matrix-pdf.css",
    ]


def test_pdf_loads_its_stylesheets_through_the_static_only_fetcher(coverage, caplog):
    """WeasyPrint warns about every resource it could not load: there must be none."""
    from home.pdf import render_pdf

    with translation.override("en"), caplog.at_level("WARNING", logger="weasyprint"):
        pdf = render_pdf("partners/capability_matrix_pdf.html", {"matrix": build_matrix()})
    assert pdf.startswith(b"%PDF")
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []
