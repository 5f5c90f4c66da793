"""A character the database refuses (NUL, a lone surrogate) anywhere in an imported CSV is a row
error with its row and column, never a crash; on SQLite and on PostgreSQL alike."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from partners.agency_csv import AgencyImportError, import_agencies_csv
from partners.models import Agency
from tests.partners.factories import PopulationFactory, ServiceFactory, coordinator

pytestmark = pytest.mark.django_db

ROW = {
    "slug": "new-clinic",
    "name": "New Clinic",
    "short_name": "NC",
    "agency_type": "health_care",
    "service_area": "Harbor County",
    "website": "https://clinic.example.org/",
    "public_phone": "+1 555 0100",
    "public_email": "info@clinic.example.org",
    "description:en": "We help.",
    "description:es": "Ayudamos.",
    "languages": "es vi",
    "open_24_7": "yes",
    "is_active": "yes",
    "last_verified_on": "2025-01-02",
    "contact_name": "Ana",
    "contact_email": "ana@clinic.example.org",
    "contact_phone": "+1 555 0101",
    "service:shelter": "women",
}


@pytest.fixture
def terms():
    ServiceFactory(slug="shelter")
    PopulationFactory(slug="women")


def make_csv(row):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    return out.getvalue()


def poisoned(column, char, where):
    value = ROW[column]
    value = {"start": char + value, "middle": value[:2] + char + value[2:], "end": value + char}[where]
    return {**ROW, column: value}


REFUSED = (
    "This cell contains a character that cannot be stored (a NUL byte or an invalid character). "
    "Remove it and import again."
)


def errors_of(text):
    with pytest.raises(AgencyImportError) as raised:
        import_agencies_csv(text)
    return [(error.row, error.column, error.message) for error in raised.value.errors]


def test_the_clean_row_imports(terms):
    """Positive control: the same row without the bad character is fine."""
    import_agencies_csv(make_csv(ROW))
    assert Agency.objects.get(slug="new-clinic").description == {"en": "We help.", "es": "Ayudamos."}


@pytest.mark.parametrize("where", ["start", "middle", "end"])
@pytest.mark.parametrize("char", ["\x00", "\ud800", "\udfff"], ids=["NUL", "high-surrogate", "low-surrogate"])
@pytest.mark.parametrize("column", list(ROW))
def test_a_refused_character_in_any_cell_is_a_row_error(terms, column, char, where):
    assert errors_of(make_csv(poisoned(column, char, where))) == [(2, column, REFUSED)]
    assert not Agency.objects.exists()


def test_every_bad_cell_of_every_row_is_listed_with_the_other_problems(terms):
    text = make_csv(ROW).splitlines()
    rows = [
        text[0],
        text[1].replace("New Clinic", "New\x00Clinic").replace("We help.", "We\x00help."),
        text[1].replace("new-clinic", "other").replace("New Clinic", "Other").replace("health_care", "boat"),
    ]
    errors = errors_of("\n".join(rows))
    assert errors[:2] == [(2, "description:en", REFUSED), (2, "name", REFUSED)]
    assert [(row, column) for row, column, _message in errors[2:]] == [(3, "agency_type")]


def test_a_refused_character_in_the_header_is_reported_on_row_one(terms):
    text = make_csv(ROW).replace("public_phone", "public\x00phone", 1)
    assert errors_of(text) == [(1, "public\ufffdphone", REFUSED)]


def test_the_import_command_reports_a_nul_byte_by_row_and_column(terms, tmp_path, capsys):
    path = tmp_path / "agencies.csv"
    path.write_bytes(make_csv(poisoned("service_area", "\x00", "middle")).encode())
    with pytest.raises(CommandError, match="Nothing was imported: 1 problem"):
        call_command("import_agencies", str(path))
    assert f"Row 2, column “service_area”: {REFUSED}" in capsys.readouterr().err
    path.write_bytes(make_csv(ROW).encode())  # positive control
    call_command("import_agencies", str(path))
    assert Agency.objects.filter(slug="new-clinic").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (make_csv(poisoned("description:es", "\x00", "middle")).encode(), REFUSED),
        # A surrogate cannot be valid UTF-8: its encoded form is refused as "not UTF-8".
        (make_csv(ROW).encode().replace(b"Ayudamos", b"Ayu\xed\xa0\x80damos"), "The file is not UTF-8 text."),
    ],
    ids=["NUL", "encoded-surrogate"],
)
def test_the_admin_upload_shows_a_row_error_not_a_500(client, terms, data, message):
    client.force_login(coordinator())
    url = reverse("partners_csv:import")
    response = client.post(url, {"file": SimpleUploadedFile("agencies.csv", data, "text/csv")})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was imported" in html and message in html
    assert not Agency.objects.exists()
    clean = SimpleUploadedFile("agencies.csv", make_csv(ROW).encode(), "text/csv")
    assert client.post(url, {"file": clean}).status_code == 302  # positive control
    assert Agency.objects.filter(slug="new-clinic").exists()
