"""Every PDF works with production's static storage (hashed names after a real collectstatic),
and a PDF that cannot be made is an ordinary, logged 500 page, never an exception escaping Django."""

import io
from unittest import mock

import pytest
from django.urls import reverse
from pypdf import PdfReader

from home import pdf as pdf_module
from home.pdf import PdfResourceRefused, static_file_for_url
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import (
    AgencyFactory,
    PopulationFactory,
    ServiceFactory,
    build_directory,
    offering,
    partner,
)

pytestmark = pytest.mark.django_db


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def fetched(monkeypatch):
    """Spy on the fetcher: every URL WeasyPrint asked for, with the file it was served (or None)."""
    calls = []
    original = pdf_module.static_file_for_url

    def spy(url):
        try:
            path = original(url)
        except PdfResourceRefused:
            calls.append((url, None))
            raise
        calls.append((url, path))
        return path

    monkeypatch.setattr(pdf_module, "static_file_for_url", spy)
    return calls


def assert_hashed_stylesheets_served(fetched, static_root, *names):
    served = dict(fetched)
    assert None not in served.values(), fetched
    for name in names:
        stem, _dot, extension = name.rpartition(".")
        hashed = [
            url for url in served if url.startswith(f"file:///static/{stem}.") and not url.endswith(name)
        ]
        assert hashed and hashed[0].endswith(f".{extension}"), fetched
        # Served from the collected (hashed) copy in STATIC_ROOT, not from the source tree.
        assert served[hashed[0]].is_relative_to(static_root)


@pytest.fixture
def matrix_data(homes):
    build_directory(homes)
    shelter = ServiceFactory(slug="shelter", name={"en": "Shelter", "es": "Albergue"})
    women = PopulationFactory(slug="women", name={"en": "Women", "es": "Mujeres"})
    return offering(AgencyFactory(name="Harbor Shelter", short_name="HS"), (shelter, women))


@pytest.mark.parametrize(
    ("url", "words"),
    [("/en/partners/matrix/pdf/", "Capability matrix"), ("/es/socios/matrix/pdf/", "Matriz de capacidades")],
)
def test_matrix_pdf_works_with_hashed_static_files(
    client, matrix_data, production_static, fetched, caplog, url, words
):
    client.force_login(partner(matrix_data))
    with caplog.at_level("WARNING"):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert words in text and "Harbor Shelter" in text
    assert_hashed_stylesheets_served(
        fetched, production_static, "css/print-pdf.css", "partners/matrix-pdf.css"
    )
    assert not [r for r in caplog.records if "refused" in r.getMessage().lower()]


def test_signoff_record_pdf_works_with_hashed_static_files(client, homes, production_static, fetched):
    world = SignOffWorld(homes["en"], agencies=2)
    page = world.draft(title="Anyone can be trafficked")
    world.submit(page)
    page = world.sign_all(page)
    client.force_login(partner(world.agencies[0], "author"))
    response = client.get(reverse("messaging:signoff_record", args=[page.live_revision_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Anyone can be trafficked" in text and world.agencies[1].name in text
    assert_hashed_stylesheets_served(fetched, production_static, "css/print-pdf.css")


def test_fetcher_maps_hashed_names_and_still_refuses_everything_else(production_static):
    from django.contrib.staticfiles.storage import staticfiles_storage

    hashed = staticfiles_storage.url("css/print-pdf.css")
    assert hashed != "/static/css/print-pdf.css"
    assert static_file_for_url(hashed) == production_static / hashed.removeprefix("/static/")
    assert b"@page" in static_file_for_url(f"file://{hashed}").read_bytes()
    (production_static.parent / "outside.css").write_text("secret")
    for url in (
        "file:///etc/passwd",
        "https://cdn.example.com/css/print-pdf.css",
        "/static/../outside.css",
        "file:///static/../outside.css",
        "/static/css/../../outside.css",
        "/static/%2e%2e/outside.css",
        "/static//etc/passwd",
        "/static/staticfiles.json",  # in STATIC_ROOT, but not one of our static files
        "/static/css/print-pdf.0123456789ab.css",  # a hash the manifest does not know
        "/media/original_images/x.png",
    ):
        with pytest.raises(PdfResourceRefused):
            static_file_for_url(url)


@pytest.mark.parametrize("failure", ["weasyprint", "refused"])
def test_a_pdf_failure_is_a_logged_500_page_not_an_escaping_exception(
    client, matrix_data, production_static, caplog, failure
):
    client.raise_request_exception = False
    client.force_login(partner(matrix_data))
    if failure == "weasyprint":
        patch = mock.patch("weasyprint.HTML.write_pdf", side_effect=RuntimeError("Pango broke"))
    else:
        # As the old fetcher did: the finders do not know hashed names, so the stylesheet is refused.
        patch = mock.patch.object(pdf_module, "_manifest_file", return_value=None)
    with patch, caplog.at_level("ERROR", logger="home.pdf"):
        response = client.get("/es/socios/matrix/pdf/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "<title>" in html and "Taskforce Commons" in html and 'lang="es"' in html
    logged = [r for r in caplog.records if r.name == "home.pdf" and r.levelname == "ERROR"]
    assert logged and logged[0].exc_info, caplog.records
    assert "partners/capability_matrix_pdf.html" in logged[0].getMessage()


def test_a_signoff_record_pdf_failure_is_a_logged_500_page_and_nothing_is_cached(
    client, homes, production_static, caplog
):
    world = SignOffWorld(homes["en"], agencies=1)
    page = world.draft()
    world.submit(page)
    page = world.sign_all(page)
    client.raise_request_exception = False
    client.force_login(partner(world.agencies[0], "author"))
    url = reverse("messaging:signoff_record", args=[page.live_revision_id])
    with mock.patch("weasyprint.HTML.write_pdf", side_effect=RuntimeError("Pango broke")):
        response = client.get(url)
    assert response.status_code == 500 and "Something went wrong" in response.content.decode()
    assert [r for r in caplog.records if r.name == "home.pdf" and r.exc_info]
    # The failure was not cached: the next request makes the PDF.
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
