import pytest
from django.test import override_settings
from wagtail.models import Locale

from home.search import clean_query, search_pages
from tests.home.factories import StandardPageFactory, add_live_translation

pytestmark = pytest.mark.django_db


def test_empty_query_invites_the_visitor_and_finds_nothing(client, homes):
    response = client.get("/en/search/?q=")
    assert response.status_code == 200
    assert response.context["search"].results is None
    assert "Type a word or a few words" in response.content.decode()


def test_very_long_query_is_cut_and_said_so(client, homes):
    response = client.get("/en/search/", {"q": "shelter " * 1250})  # 10,000 characters
    assert response.status_code == 200
    outcome = response.context["search"]
    assert outcome.truncated and len(outcome.query) <= 200
    assert "only searched for its first 200 characters" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'say "shelter',
        '""',
        "'",
        "*",
        "(",
        ")",
        "AND",
        "OR NOT",
        "-",
        "%",
        "\\",
        "\u0000bad",
        "🙂",
        "مأوى",
        "a" * 5,
        "<script>",
        "?q=&page=x",
    ],
)
def test_odd_characters_do_not_break_search(client, homes, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_results_are_in_the_visitors_language_only(client, homes):
    page = StandardPageFactory(parent=homes["en"], title="Emergency shelter", slug="shelter")
    add_live_translation(
        page, Locale.objects.get(language_code="es"), title="Albergue de emergencia", slug="albergue"
    )

    english = client.get("/en/search/", {"q": "shelter"}).context["search"]
    assert [p.title for p in english.results] == ["Emergency shelter"]
    spanish = client.get("/es/search/", {"q": "albergue"}).context["search"]
    assert [p.title for p in spanish.results] == ["Albergue de emergencia"]
    assert client.get("/es/search/", {"q": "shelter"}).context["search"].results.paginator.count == 0


def test_no_results_message(client, homes):
    html = client.get("/en/search/", {"q": "zzzyyyxxx"}).content.decode()
    assert "Nothing on this site matches" in html


def test_drafts_are_not_found(homes):
    StandardPageFactory(parent=homes["en"], title="Secret draft", slug="secret", live=False)
    assert search_pages("secret", locale=Locale.objects.get(language_code="en")).results.paginator.count == 0


@override_settings(SEARCH_RESULTS_PER_PAGE=2)
def test_results_are_paginated_and_bad_page_numbers_are_forgiven(client, homes):
    for n in range(5):
        StandardPageFactory(parent=homes["en"], title=f"Hotline guide {n}", slug=f"hotline-{n}")
    first = client.get("/en/search/", {"q": "hotline"})
    assert first.context["search"].results.paginator.num_pages == 3
    # The shared pagination include keeps the query in its links.
    assert 'href="?q=hotline&amp;page=2" rel="next"' in first.content.decode()
    second = client.get("/en/search/", {"q": "hotline", "page": "2"}).content.decode()
    assert 'href="?q=hotline&amp;page=1" rel="prev"' in second
    assert 'href="?q=hotline&amp;page=3" rel="next"' in second
    last = client.get("/en/search/", {"q": "hotline", "page": "99"})
    assert last.status_code == 200 and last.context["search"].results.number == 3
    junk = client.get("/en/search/", {"q": "hotline", "page": "junk"})
    assert junk.status_code == 200 and junk.context["search"].results.number == 1


def test_clean_query_collapses_space_and_drops_control_characters():
    assert clean_query("  a\tb\n\x00c  ") == ("a b c", False)
    assert clean_query(None) == ("", False)


@pytest.mark.parametrize(
    "language, words, query",
    [
        ("es", "Cualquier persona puede ser víctima de trata.", "víctimas"),
        ("es", "Cualquier persona puede ser víctima de trata.", "victimas"),
        ("es", "Las trabajadoras del hogar tienen derechos.", "trabajadora derechos"),
        ("en", "Anyone can be a victim of trafficking.", "victims"),
        ("en", "Workers were trafficked across the county.", "worker trafficking"),
    ],
)
def test_a_word_finds_its_other_forms_in_the_pages_language(homes, language, words, query):
    home = homes[language]
    page = StandardPageFactory(
        parent=home, title="Una página" if language == "es" else "A page", introduction=words
    )
    other = StandardPageFactory(
        parent=home, title="Otra" if language == "es" else "Other", introduction="Nothing alike."
    )
    found = list(search_pages(query, locale=Locale.objects.get(language_code=language)).results)
    assert page in found and other not in found
    # Control: a word the page does not have, in any form, finds nothing.
    assert list(search_pages("hospital", locale=Locale.objects.get(language_code=language)).results) == []
