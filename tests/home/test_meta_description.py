"""Every public page carries a meta description (issue 9, public details): the search
description when an editor wrote one, else the page's own opening words."""

import html
import re

import pytest

from tests.home.factories import StandardPageFactory
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import AgencyFactory, build_directory

pytestmark = pytest.mark.django_db


def description(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    found = re.findall(r'<meta name="description" content="([^"]*)">', response.content.decode())
    assert len(found) == 1, url
    return html.unescape(found[0])


def test_every_public_page_type_has_a_meta_description(client, homes):
    world = SignOffWorld(homes["en"], agencies=1)
    message = world.published(summary="Anyone can be trafficked.", search_description="")
    standard = StandardPageFactory(parent=homes["en"], slug="about", introduction="Who we are.")
    directory = build_directory(homes)
    AgencyFactory(name="Harbor Shelter", slug="harbor-shelter", description={"en": "Beds for women."})

    expected = {
        "/en/": homes["en"].introduction or homes["en"].headline,
        standard.url: "Who we are.",
        world.index.url: None,
        message.url: "Anyone can be trafficked.",
        directory["en"].url: None,
        "/en/partners/harbor-shelter/": "Beds for women.",
        "/en/search/?q=help": None,
        "/es/": None,
    }
    for url, words in expected.items():
        found = description(client, url)
        assert found.strip(), url
        if words:
            assert found == words, url


def test_the_search_description_wins_and_long_words_are_shortened(client, homes):
    page = StandardPageFactory(parent=homes["en"], slug="a", search_description="Written for search.")
    assert description(client, page.url) == "Written for search."
    long = StandardPageFactory(parent=homes["en"], slug="b", introduction="word " * 100)
    found = description(client, long.url)
    assert len(found) <= 160 and found.startswith("word word") and found.endswith("…")
