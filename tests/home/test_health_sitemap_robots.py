import re
from unittest import mock

import pytest
from django.db import OperationalError
from wagtail.models import Locale

from tests.home.factories import StandardPageFactory, add_live_translation

pytestmark = pytest.mark.django_db


def test_healthz_reports_a_working_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_returns_503_when_the_database_is_unreachable(client):
    with mock.patch("home.views.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, homes):
    page = StandardPageFactory(parent=homes["en"], title="About", slug="about")
    add_live_translation(page, Locale.objects.get(language_code="es"), title="Acerca", slug="acerca")
    StandardPageFactory(parent=homes["en"], title="Draft", slug="draft", live=False)

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert "http://testserver/en/about/" in locations
    assert "http://testserver/es/acerca/" in locations
    assert "http://testserver/en/" in locations and "http://testserver/es/" in locations
    assert "http://testserver/en/draft/" not in locations
    assert '<xhtml:link rel="alternate" hreflang="es" href="http://testserver/es/acerca/"/>' in xml


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
