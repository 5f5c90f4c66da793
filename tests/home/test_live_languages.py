"""A language whose home page is not live is neither served nor offered (home/languages.py).

Each test first shows the behaviour with the Spanish home live (the positive control), then
unpublishes it and shows the refusal.
"""

import re

import pytest
from django.test import RequestFactory
from wagtail.models import Locale

from home.languages import live_languages
from tests.home.factories import StandardPageFactory, add_live_translation

pytestmark = pytest.mark.django_db


def language_links(html):
    """{language code: href} of every link marked with an hreflang (switcher and <head>)."""
    links = re.findall(r'<a href="([^"]+)" lang="([\w-]+)" hreflang="[\w-]+"', html)
    return {code: href for href, code in links}


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))


def live_translation(page, code, **fields):
    """The `code` version of `page`, live (through its own sign-off round)."""
    return add_live_translation(page, Locale.objects.get(language_code=code), **fields)


def sitemap_locations(client):
    return re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode())


@pytest.fixture
def spanish_child(homes):
    english = StandardPageFactory(parent=homes["en"], title="Shelter", slug="shelter")
    return live_translation(english, "es", title="Albergue seguro", slug="albergue")


def test_root_sends_a_spanish_reader_to_english_when_the_spanish_home_is_not_live(client, homes):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")["Location"] == "/es/"
    client.cookies["django_language"] = "es"
    assert client.get("/")["Location"] == "/es/"

    homes["es"].unpublish()

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert client.get("/")["Location"] == "/en/"  # the cookie's choice is not served either
    assert "Accept-Language" in response["Vary"]


def test_root_falls_back_to_the_first_live_language_when_the_default_is_not_live(client, homes):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"

    homes["en"].unpublish()

    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/es/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/es/"


def test_root_keeps_the_default_language_when_no_home_is_live(client, homes):
    homes["en"].unpublish()
    homes["es"].unpublish()
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es")["Location"] == "/en/"


def test_switcher_and_hreflang_do_not_offer_a_language_whose_home_is_not_live(client, homes):
    english = StandardPageFactory(parent=homes["en"], title="About", slug="about")
    live_translation(english, "es", title="Acerca", slug="acerca")
    html = client.get("/en/about/").content.decode()
    assert language_links(html) == {"en": "/en/about/", "es": "/es/acerca/"}
    assert "es" in alternates(html)

    homes["es"].unpublish()

    for url in ("/en/", "/en/about/", "/en/search/?q=shelter"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "es" not in language_links(html), url
        assert 'href="/es/' not in html, url
        assert "es" not in alternates(html), url
        # With one language left there is nothing to switch to.
        assert 'class="language-switcher"' not in html, url


@pytest.mark.parametrize("url", ["/es/", "/es/albergue/", "/es/search/?q=albergue", "/es/accounts/login/"])
def test_nothing_under_the_prefix_of_a_language_whose_home_is_not_live_is_served(
    client, homes, spanish_child, url
):
    assert client.get(url).status_code == 200

    homes["es"].unpublish()

    response = client.get(url)
    assert response.status_code == 404
    assert "Albergue seguro" not in response.content.decode()


def test_the_other_language_and_unprefixed_routes_still_answer(client, admin_client, homes):
    homes["es"].unpublish()

    assert client.get("/en/").status_code == 200
    assert client.get("/en/search/?q=x").status_code == 200
    assert client.get("/en/accounts/login/").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/robots.txt").status_code == 200
    assert admin_client.get("/admin/").status_code == 200


def test_an_unprefixed_path_is_not_redirected_into_a_language_that_is_not_live(client, homes):
    StandardPageFactory(parent=homes["en"], title="About", slug="about")
    assert client.get("/about/", HTTP_ACCEPT_LANGUAGE="es")["Location"] == "/es/about/"

    homes["es"].unpublish()

    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302 and response["Location"] == "/en/about/"


def test_sitemap_leaves_out_the_tree_of_a_home_that_is_not_live(client, homes, spanish_child):
    locations = sitemap_locations(client)
    assert "http://testserver/es/" in locations
    assert "http://testserver/es/albergue/" in locations

    homes["es"].unpublish()

    locations = sitemap_locations(client)
    assert not [url for url in locations if url.startswith("http://testserver/es/")]
    assert "http://testserver/en/shelter/" in locations
    # No hreflang alternate pointing into the Spanish tree either.
    assert "/es/" not in client.get("/sitemap.xml").content.decode()


def test_live_languages_is_computed_once_per_request(homes, django_assert_num_queries):
    request = RequestFactory().get("/en/")
    with django_assert_num_queries(2):  # the site, then the live homes
        assert live_languages(request) == ["en", "es"]
    with django_assert_num_queries(0):
        assert live_languages(request) == ["en", "es"]

    homes["es"].unpublish()
    assert live_languages(RequestFactory().get("/en/")) == ["en"]
