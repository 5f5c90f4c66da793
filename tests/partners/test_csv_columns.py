"""The column table (partners.agency_csv.COLUMNS) drives both directions of the agency CSV."""

import csv
import datetime
import io

import pytest

from partners.agency_csv import AgencyImportError, Column, export_agencies_csv, import_agencies_csv
from partners.agency_csv import columns as column_table
from partners.models import Agency
from tests.partners.factories import (
    AgencyFactory,
    LanguageFactory,
    PopulationFactory,
    ServiceFactory,
    offering,
)

pytestmark = pytest.mark.django_db


def exported_rows():
    out = io.StringIO()
    export_agencies_csv(out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def one_row_csv(row):
    out = io.StringIO()
    csv.writer(out).writerows([list(row), list(row.values())])
    return out.getvalue()


def table_headers():
    lookups = column_table.Lookups.load()
    return [header for column in column_table.COLUMNS for header, _member in column.expand(lookups)]


def test_every_column_of_the_table_survives_export_then_import():
    shelter, legal = ServiceFactory(slug="shelter"), ServiceFactory(slug="legal")
    women, men = PopulationFactory(slug="women"), PopulationFactory(slug="men")
    agency = offering(
        AgencyFactory(
            slug="full-agency",
            name="Full Agency",
            short_name="FA",
            agency_type="legal_services",
            service_area={"en": "Bay County", "es": "Condado de Bay"},
            website="https://full.example.org",
            public_phone="+1 555 0100",
            public_email="hello@full.example.org",
            description={"en": "Beds.", "es": "Camas."},
            open_24_7=True,
            is_active=False,
            last_verified_on=datetime.date(2026, 3, 4),
            contact_name="Ana",
            contact_title="Coordinator",
            contact_phone="555-0199",
            contact_email="ana@full.example.org",
            after_hours_contact="Call the hotline.",
            referral_instructions="Email first.",
            capacity_notes="=2 beds",  # formula-looking: escaped out, unescaped in
        ),
        (shelter, women),
        (legal, women),
        (legal, men),
    )
    agency.languages.set([LanguageFactory(code="es"), LanguageFactory(code="vi")])
    agency.save()

    [before] = exported_rows()
    assert list(before) == table_headers()  # the export writes exactly the table's columns...
    blank = [header for header, value in before.items() if not value]
    assert blank == []  # ...and this agency has a value in every one of them

    text = io.StringIO()
    export_agencies_csv(text)
    Agency.objects.all().delete()
    result = import_agencies_csv(text.getvalue())

    [created] = result.created
    assert created.slug == "full-agency" and created.pk != agency.pk
    [after] = exported_rows()
    for header in table_headers():
        assert after[header] == before[header], header
    assert created.capacity_notes == "=2 beds"


def test_a_new_entry_in_the_table_is_exported_imported_and_checked(monkeypatch):
    """Adding a column is one entry: here the logo's alternative text, a model field."""
    monkeypatch.setattr(column_table, "COLUMNS", (*column_table.COLUMNS, Column("logo_alt_text")))
    AgencyFactory(slug="logo-agency", logo_alt_text="A blue heron")

    [row] = exported_rows()
    assert row["logo_alt_text"] == "A blue heron"

    row["logo_alt_text"] = "A green heron"
    import_agencies_csv(one_row_csv(row))
    assert Agency.objects.get(slug="logo-agency").logo_alt_text == "A green heron"

    row["logo_alt_text"] = "x" * 201  # the model's max_length is 200
    with pytest.raises(AgencyImportError) as failure:
        import_agencies_csv(one_row_csv(row))
    assert [(e.row, e.column) for e in failure.value.errors] == [(2, "logo_alt_text")]


def test_without_the_entry_the_column_is_unknown():
    AgencyFactory(slug="plain")
    [row] = exported_rows()
    assert "logo_alt_text" not in row
    text = "slug,name,short_name,agency_type,service_area,logo_alt_text\nplain,P,P,health_care,X,Heron\n"
    with pytest.raises(AgencyImportError) as failure:
        import_agencies_csv(text)
    errors = [(e.row, e.column, e.message) for e in failure.value.errors]
    assert errors == [(1, "logo_alt_text", "Unknown column.")]
