"""CSV export and import of agencies with what they offer: round trip, row-level errors, all or nothing."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from partners.agency_csv import AgencyImportError, export_agencies_csv, import_agencies_csv
from partners.models import Agency, Capability, Language
from tests.partners.factories import (
    AgencyFactory,
    LanguageFactory,
    PopulationFactory,
    ServiceFactory,
    coordinator,
    offering,
)
from tests.partners.helpers import make_csv, new_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    return {
        "shelter": ServiceFactory(slug="shelter"),
        "legal": ServiceFactory(slug="legal"),
        "women": PopulationFactory(slug="women"),
        "men": PopulationFactory(slug="men"),
    }


def export_text(**kwargs):
    out = io.StringIO()
    export_agencies_csv(out, **kwargs)
    return out.getvalue()


def as_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def snapshot():
    return (
        sorted(Agency.objects.values_list("slug", "name", "public_phone", "is_active")),
        sorted(Capability.objects.values_list("agency__slug", "service__slug", "population__slug")),
        sorted(Language.objects.values_list("code", flat=True)),
    )


# --- Export ---------------------------------------------------------------------------------------------


def test_export_lists_fields_descriptions_languages_and_offers(terms):
    agency = offering(
        AgencyFactory(slug="shelter-a", name="Shelter A", description={"en": "Beds.", "es": "Camas."}),
        (terms["shelter"], terms["women"]),
        (terms["legal"], terms["women"]),
        (terms["legal"], terms["men"]),
    )
    agency.languages.set([LanguageFactory(code="es"), LanguageFactory(code="vi")])
    agency.save()

    [row] = as_rows(export_text())
    assert row["slug"] == "shelter-a" and row["name"] == "Shelter A"
    assert row["description:en"] == "Beds." and row["description:es"] == "Camas."
    assert row["languages"] == "es vi"
    assert row["service:shelter"] == "women"
    assert sorted(row["service:legal"].split("; ")) == ["men", "women"]
    assert row["contact_email"] == agency.contact_email
    assert row["is_active"] == "yes"


def test_public_only_export_leaves_out_partner_only_fields(terms):
    AgencyFactory(contact_email="private@example.org")
    text = export_text(public_only=True)
    assert "private@example.org" not in text
    assert not set(Agency.PARTNER_ONLY_FIELDS) & set(as_rows(text)[0])


def test_export_then_import_changes_nothing(terms):
    agency = offering(AgencyFactory(public_phone="+1 555 0100"), (terms["shelter"], terms["men"]))
    agency.languages.set([LanguageFactory(code="es")])
    agency.save()
    AgencyFactory(is_active=False, last_verified_on=None, name="=SUM(A1)")  # formula-looking name
    before = snapshot()
    text = export_text()
    assert "'=SUM(A1)" in text  # escaped for spreadsheets...

    result = import_agencies_csv(text)

    assert len(result.updated) == 2 and result.created == []
    assert snapshot() == before  # ...and unescaped on the way back in
    assert Agency.objects.get(pk=agency.pk).public_phone == "+1 555 0100"


# --- Import: successes ----------------------------------------------------------------------------------


def test_import_creates_an_agency_with_its_offers_languages_and_descriptions(terms):
    text = make_csv(
        [
            new_row(
                **{
                    "description:en": "Care for all.",
                    "description:es": "Atención para todos.",
                    "languages": "es; vi",
                    "service:legal": "women; men",
                    "open_24_7": "yes",
                    "contact_email": "desk@clinic.example",
                }
            )
        ]
    )
    result = import_agencies_csv(text)
    agency = Agency.objects.get(slug="new-clinic")
    assert result.created == [agency]
    assert agency.description == {"en": "Care for all.", "es": "Atención para todos."}
    assert sorted(agency.languages.values_list("code", flat=True)) == ["es", "vi"]
    assert agency.open_24_7 and agency.is_active
    assert agency.contact_email == "desk@clinic.example"
    assert sorted(agency.capabilities.values_list("population__slug", flat=True)) == ["men", "women"]


def test_import_updates_by_slug_and_leaves_missing_columns_alone(terms):
    agency = offering(
        AgencyFactory(slug="clinic", public_phone="555-0100", contact_name="Keep Me"),
        (terms["shelter"], terms["women"]),
        (terms["legal"], terms["men"]),
    )
    text = make_csv(
        [
            {
                "slug": "clinic",
                "name": "Clinic Renamed",
                "short_name": "CR",
                "agency_type": "health_care",
                "service_area": "Bay County",
                "service:legal": "women",
            }
        ]
    )
    import_agencies_csv(text)
    agency.refresh_from_db()
    assert agency.name == "Clinic Renamed" and agency.public_phone == "555-0100"
    assert agency.contact_name == "Keep Me"
    # Only the legal column was given: the shelter offer stays, legal is replaced.
    assert sorted(agency.capabilities.values_list("service__slug", "population__slug")) == [
        ("legal", "women"),
        ("shelter", "women"),
    ]


def test_import_accepts_a_byte_order_mark_and_blank_lines(terms):
    text = "\ufeff" + make_csv([new_row()]) + "\n,,,,\n"
    result = import_agencies_csv(text.encode("utf-8"))
    assert [a.slug for a in result.created] == ["new-clinic"]


# --- Import: errors, all or nothing -------------------------------------------------------------------


def errors_of(text, language="en"):
    with translation.override(language), pytest.raises(AgencyImportError) as failure:
        import_agencies_csv(text)
    return [(e.row, e.column, e.message) for e in failure.value.errors]


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_imported(terms):
    AgencyFactory(slug="existing", name="Existing Agency", public_phone="555-0100")
    before = snapshot()
    text = make_csv(
        [
            new_row(slug="good-one", name="Good One"),  # row 2: fine on its own
            new_row(slug="bad-type", name="Bad Type", agency_type="spaceship"),  # row 3
            new_row(slug="bad-email", name="Bad Email", public_email="not-an-email"),  # row 4
            new_row(slug="bad-population", name="Bad Pop", **{"service:shelter": "women; aliens"}),  # row 5
            new_row(slug="", name="No Slug"),  # row 6
            new_row(slug="good-one", name="Duplicate Slug"),  # row 7
            new_row(slug="existing", name="Existing Agency", open_24_7="maybe"),  # row 8
            new_row(slug="bad-lang", name="Bad Lang", languages="es klingon"),  # row 9
            new_row(slug="matrix", name="Reserved"),  # row 10
        ],
        header=[*new_row(), "public_email", "service:shelter", "open_24_7", "languages"],
    )
    errors = errors_of(text)
    by_cell = {(row, column) for row, column, _message in errors}
    assert by_cell == {
        (3, "agency_type"),
        (4, "public_email"),
        (5, "service:shelter"),
        (6, "slug"),
        (7, "slug"),
        (8, "open_24_7"),
        (9, "languages"),
        (10, "slug"),
    }
    messages = {(row, column): message for row, column, message in errors}
    assert "“spaceship” is not a type of agency" in messages[(3, "agency_type")]
    assert "aliens" in messages[(5, "service:shelter")]
    assert messages[(7, "slug")] == "Row 2 already has this value."
    assert "klingon" in messages[(9, "languages")]
    assert snapshot() == before


def test_error_messages_are_in_the_importers_language(terms):
    errors = errors_of(make_csv([new_row(agency_type="nave")]), language="es")
    assert errors == [(2, "agency_type", errors[0][2])]
    assert "no es un tipo de agencia" in errors[0][2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [(1, "", "The file is empty.")]),
        (
            "slug,name\nx,y\n",
            [(1, c, "This column is required.") for c in ("agency_type", "service_area", "short_name")],
        ),
        (
            "slug,name,short_name,agency_type,service_area,colour\n",
            [(1, "colour", "Unknown column.")],
        ),
        (
            "slug,name,short_name,agency_type,service_area,service:teleportation\n",
            [
                (
                    1,
                    "service:teleportation",
                    "There is no service “teleportation”. Add it in the admin first, or remove the column.",
                )
            ],
        ),
        (
            "slug,name,short_name,agency_type,service_area,description:fr\n",
            [(1, "description:fr", "“fr” is not a language of this site.")],
        ),
        (
            "slug,slug,name,short_name,agency_type,service_area\n",
            [(1, "slug", "This column appears twice.")],
        ),
    ],
)
def test_header_problems_are_reported_on_row_one(terms, text, expected):
    assert sorted(errors_of(text)) == sorted(expected)


def test_a_row_longer_than_the_header_is_refused(terms):
    text = make_csv([new_row()]) + "a,b,c,d,e,f\n"
    assert errors_of(text) == [(3, "", "This row has more cells than the header has columns.")]


def test_a_file_that_is_not_utf8_is_refused_with_advice(terms):
    text = make_csv([new_row(name="Clínica")]).encode("latin-1")
    [(row, column, message)] = errors_of(text)
    assert row == 1 and "CSV UTF-8" in message


def test_a_database_failure_midway_rolls_everything_back(terms, monkeypatch):
    from partners import services

    calls = []

    def failing_set_capabilities(agency, pairs, **kwargs):
        calls.append(agency.slug)
        if len(calls) == 2:
            raise RuntimeError("disk full")

    monkeypatch.setattr(services, "set_capabilities", failing_set_capabilities)
    text = make_csv(
        [
            new_row(slug="one", name="One", **{"service:legal": "men"}),
            new_row(slug="two", name="Two", **{"service:legal": "men"}),
        ]
    )
    with pytest.raises(RuntimeError):
        import_agencies_csv(text)
    assert not Agency.objects.filter(slug__in=["one", "two"]).exists()


# --- Management commands ---------------------------------------------------------------------------------


def test_export_and_import_commands(terms, tmp_path, capsys):
    offering(AgencyFactory(slug="cmd-agency"), (terms["legal"], terms["women"]))
    path = tmp_path / "agencies.csv"
    call_command("export_agencies", str(path))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, for spreadsheet programs
    call_command("import_agencies", str(path))
    assert "Updated agencies: 1" in capsys.readouterr().out


def test_import_command_lists_every_problem_and_fails(terms, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(make_csv([new_row(agency_type="spaceship"), new_row(slug="x", name="X", short_name="")]))
    with pytest.raises(CommandError, match="Nothing was imported: 2 problems"):
        call_command("import_agencies", str(path))
    err = capsys.readouterr().err
    assert "Row 2, column “agency_type”" in err and "Row 3, column “short_name”" in err
    assert not Agency.objects.exists()


def test_import_command_speaks_spanish_when_asked(terms, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(make_csv([new_row(agency_type="nave")]))
    with pytest.raises(CommandError):
        call_command("import_agencies", str(path), "--language", "es")
    assert "Fila 2, columna «agency_type»: «nave» no es un tipo de agencia" in capsys.readouterr().err


# --- Admin ------------------------------------------------------------------------------------------------


def upload(client, text, name="agencies.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("partners_csv:import"), {"file": SimpleUploadedFile(name, text.encode(), "text/csv")}
    )


def test_admin_import_shows_every_problem_and_imports_nothing(client, terms):
    client.force_login(coordinator())
    response = upload(client, make_csv([new_row(), new_row(slug="two", name="Two", agency_type="spaceship")]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported" in html
    assert "<td>3</td><td>agency_type</td>" in html
    assert not Agency.objects.exists()


def test_admin_import_success_goes_back_to_the_agency_list(client, terms):
    client.force_login(coordinator())
    response = upload(client, make_csv([new_row()]))
    assert response.status_code == 302 and response["Location"] == reverse("agencies:index")
    agency = Agency.objects.get(slug="new-clinic")
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(object_id=str(agency.pk), action="partners.agency.imported").exists()


def test_admin_export_is_a_csv_download(client, terms):
    AgencyFactory(slug="exported")
    client.force_login(coordinator())
    response = client.get(reverse("partners_csv:export"), {"public_only": "1"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    rows = as_rows(response.content.decode("utf-8-sig"))
    assert rows[0]["slug"] == "exported" and "contact_email" not in rows[0]
