"""Partner-only data stays out of public search, the sitemap, caches; directory pages stay safe to read."""

import re

import pytest

from tests.helpers import ExternalResources
from tests.partners.factories import AgencyFactory, PopulationFactory, ServiceFactory, offering

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(directory):
    return offering(
        AgencyFactory(
            name="Lighthouse Shelter",
            slug="lighthouse",
            contact_name="Quinn Hidden-Contact",
            contact_email="quinn.hidden@example.org",
            capacity_notes="Hiddenbeds note",
        ),
        (ServiceFactory(slug="shelter"), PopulationFactory(slug="women")),
    )


PUBLIC_URLS = ["/en/partners/", "/es/socios/", "/en/partners/lighthouse/", "/en/partners/?service=shelter"]


@pytest.mark.parametrize("query", ["Quinn", "quinn.hidden", "Hiddenbeds", "Lighthouse"])
def test_site_search_never_returns_agency_data(client, agency, query):
    html = client.get("/en/search/", {"q": query}).content.decode()
    assert "Nothing on this site matches" in html
    assert "quinn.hidden@example.org" not in html


def test_the_directory_page_itself_is_searchable(client, agency):
    # (not by "who does what": PostgreSQL drops those as stop words)
    html = client.get("/en/search/", {"q": "directory"}).content.decode()
    assert 'href="/en/partners/"' in html


def test_sitemap_lists_the_directory_but_no_partner_data(client, agency):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/en/partners/" in xml and "/es/socios/" in xml
    assert "quinn" not in xml.lower() and "/matrix/" not in xml


def test_directory_pages_set_no_cookies_and_vary_on_the_cookie(client, agency):
    for url in PUBLIC_URLS:
        response = client.get(url)
        assert not response.cookies, url
        assert "Cookie" in response["Vary"], url


def test_directory_pages_have_no_inline_script_or_style_and_load_only_this_site(client, agency):
    for url in PUBLIC_URLS + ["/en/accounts/login/"]:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\sstyle=", html), url
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), url
        parser = ExternalResources()
        parser.feed(html)
        assert all(u.startswith("/") and not u.startswith("//") for u in parser.urls), url


def test_quick_exit_comes_first_on_directory_pages(client, agency):
    from tests.helpers import FirstFocusable

    for url in PUBLIC_URLS:
        parser = FirstFocusable()
        parser.feed(client.get(url).content.decode())
        tag, attrs = parser.found
        assert tag == "a" and "data-quick-exit" in attrs, url
