"""HTML is compressed for readers who are not signed in, never for signed-in users or the admin
(BREACH: config.middleware.AnonymousGZipMiddleware; issue 9, public details)."""

import gzip

import pytest

from tests.partners.factories import AgencyFactory, build_directory, partner

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_public_pages_are_compressed_for_anonymous_readers(client, homes):
    response = client.get("/en/", **GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"<html" in gzip.decompress(response.content)
    # Positive control: a browser that does not accept gzip gets plain HTML.
    assert not client.get("/en/").has_header("Content-Encoding")


def test_signed_in_partners_and_the_admin_get_uncompressed_html(client, homes):
    build_directory(homes)
    agency = AgencyFactory(name="Harbor Shelter", slug="harbor-shelter")
    assert client.get("/en/partners/harbor-shelter/", **GZIP)["Content-Encoding"] == "gzip"

    client.force_login(partner(agency, "author", username="pat"))
    for url in ("/en/partners/harbor-shelter/", "/en/partners/?service=x", "/admin/"):
        response = client.get(url, **GZIP)
        assert response.status_code == 200, url
        assert not response.has_header("Content-Encoding"), url
