"""Pages render in both languages; language switching, hreflang, redirects, 404s."""

import re

import pytest
from django.test import override_settings
from wagtail.models import Locale

from home.services import add_translation
from tests.home.factories import StandardPageFactory, add_live_translation, build_site

pytestmark = pytest.mark.django_db


def links_with_hreflang(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))


def switcher(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" lang="([\w-]+)"', nav)}


def test_home_renders_in_english_and_spanish(client, homes):
    english = client.get("/en/")
    spanish = client.get("/es/")
    assert english.status_code == 200 and spanish.status_code == 200
    assert '<html lang="en" dir="ltr">' in english.content.decode()
    assert '<html lang="es" dir="ltr">' in spanish.content.decode()
    assert homes["es"].headline in spanish.content.decode()
    # UI strings come from the Spanish catalogue, not only the content.
    assert "Saltar al contenido principal" in spanish.content.decode()
    assert "Salir de este sitio ahora" in spanish.content.decode()


def test_root_redirects_to_the_visitors_best_language(client, homes):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")["Location"] == "/es/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")["Location"] == "/en/"
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert "Accept-Language" in response["Vary"]


def test_switcher_goes_to_the_translation_when_it_exists(client, homes):
    page = StandardPageFactory(parent=homes["en"], title="About", slug="about")
    add_live_translation(page, Locale.objects.get(language_code="es"), title="Acerca", slug="acerca")

    html = client.get("/en/about/").content.decode()
    assert switcher(html) == {"en": "/en/about/", "es": "/es/acerca/"}
    alternates = links_with_hreflang(html)
    assert alternates["en"] == "http://testserver/en/about/"
    assert alternates["es"] == "http://testserver/es/acerca/"
    assert alternates["x-default"] == "http://testserver/en/about/"


def test_switcher_falls_back_to_the_other_languages_home_page(client, homes):
    StandardPageFactory(parent=homes["en"], title="Only in English", slug="only-english")
    html = client.get("/en/only-english/").content.decode()
    assert switcher(html)["es"] == "/es/"
    # No hreflang for a translation that does not exist.
    assert "es" not in links_with_hreflang(html)


def test_switcher_on_search_keeps_the_query(client, homes):
    html = client.get("/en/search/?q=shelter").content.decode()
    assert switcher(html)["es"] == "/es/search/?q=shelter"


def test_unpublished_translation_is_not_offered(client, homes):
    page = StandardPageFactory(parent=homes["en"], slug="draft-es")
    add_translation(
        page, Locale.objects.get(language_code="es"), title="Borrador", slug="borrador", publish=False
    )
    html = client.get("/en/draft-es/").content.decode()
    assert switcher(html)["es"] == "/es/"
    assert client.get("/es/borrador/").status_code == 404


@pytest.mark.parametrize(
    ("url", "language", "text"),
    [("/en/no-such-page/", "en", "Page not found"), ("/es/no-existe/", "es", "Página no encontrada")],
)
def test_404_in_each_language(client, homes, url, language, text):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert text in html
    assert 'class="quick-exit__button"' in html


def test_menu_lists_show_in_menus_children_and_marks_the_current_page(client, homes):
    about = StandardPageFactory(parent=homes["en"], title="About us", slug="about-us", show_in_menus=True)
    StandardPageFactory(parent=homes["en"], title="Hidden", slug="hidden", show_in_menus=False)
    StandardPageFactory(parent=about, title="Team", slug="team")
    html = client.get("/en/about-us/team/").content.decode()
    menu = re.search(r'<nav class="main-menu".*?</nav>', html, re.S).group(0)
    assert "About us" in menu and "Hidden" not in menu
    assert '<a href="/en/about-us/" aria-current="true">About us</a>' in menu


def test_breadcrumbs_lead_from_home_to_the_current_page(client, homes):
    about = StandardPageFactory(parent=homes["en"], title="About us", slug="about-us")
    StandardPageFactory(parent=about, title="Team", slug="team")
    html = client.get("/en/about-us/team/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)">', crumbs) == ["/en/", "/en/about-us/"]
    assert '<span aria-current="page">Team</span>' in crumbs


def test_home_page_has_no_breadcrumbs(client, homes):
    assert 'class="breadcrumbs"' not in client.get("/en/").content.decode()


@override_settings(
    LANGUAGES=[("en", "English"), ("es", "Español"), ("ar", "العربية")],
    WAGTAIL_CONTENT_LANGUAGES=[("en", "English"), ("es", "Español"), ("ar", "العربية")],
)
def test_a_right_to_left_locale_renders_rtl(client, db):
    homes = build_site(languages=("en", "es", "ar"))
    response = client.get("/ar/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert homes["ar"].headline in html
    assert switcher(html)["ar"] == "/ar/"


@pytest.mark.parametrize(("language", "text"), [("en", "Something went wrong"), ("es", "Algo salió mal")])
def test_500_page_renders_without_the_database(language, text, django_assert_num_queries):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override(language), django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert text in html and f'lang="{language}"' in html
    assert "data-quick-exit" in html and "1-888-373-7888" in html


@pytest.mark.parametrize("url", ["/documents/999999/missing.pdf", "/admin/pages/999999/edit/"])
def test_404s_outside_the_language_prefix_are_not_redirected_into_the_site(admin_client, homes, url):
    response = admin_client.get(url)
    assert response.status_code == 404


def test_an_unprefixed_public_path_is_still_redirected_to_a_language(client, homes):
    StandardPageFactory(parent=homes["en"], title="About", slug="about")
    response = client.get("/about/")
    assert response.status_code == 302 and response["Location"] == "/en/about/"


def test_switcher_keeps_the_query_string_on_a_translated_page(client, homes):
    page = StandardPageFactory(parent=homes["en"], title="About", slug="about")
    add_live_translation(page, Locale.objects.get(language_code="es"), title="Acerca", slug="acerca")
    html = client.get("/en/about/?page=2&service=shelter").content.decode()
    assert switcher(html)["es"] == "/es/acerca/?page=2&amp;service=shelter"
