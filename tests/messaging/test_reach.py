"""Beyond this site: Atom feeds, the JSON API and the embeddable message (messaging.reach).

Only live, public pages of the URL's language are offered, with the words of their signed
revision: a draft edit, an unpublished page, a page restricted to partners and the other
language are each shown to exist first, then shown absent.
"""

import importlib
import json
import re
import sys
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import PageViewRestriction

from messaging.models import MessagePage
from messaging.reach_views import API_FIELDS
from tests.home.factories import StandardPageFactory
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import AgencyFactory, partner

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = "/en/feeds/messages/"
API = "/en/api/v1/messages/"
EMBED = "/en/embed/message/"


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"], agencies=2)


@pytest.fixture
def cast(world):
    """One of each: live, live with a draft edit, never published, restricted to partners, Spanish."""
    live = world.published(title="Anyone can be trafficked", slug="anyone", summary="Live words.")
    edited = world.published(title="Help is free", slug="help", summary="Signed summary.")
    world.edit(edited, title="DRAFT TITLE", summary="DRAFT SUMMARY")
    draft = world.draft(title="Not yet published", slug="not-yet", summary="Unpublished words.")
    restricted = world.published(title="For partners only", slug="partners-only", summary="Restricted.")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    spanish = world.translate(
        live, title="Cualquiera puede ser víctima", slug="cualquiera", summary="Resumen."
    )
    world.submit(spanish)
    spanish = world.sign_all(spanish)
    # Each exists as described, so its absence below means something.
    edited.refresh_from_db()
    assert edited.live and edited.has_unpublished_changes
    assert edited.get_latest_revision_as_object().title == "DRAFT TITLE"
    assert MessagePage.objects.filter(pk=draft.pk, live=False).exists()
    assert restricted.live and spanish.live
    return {"live": live, "edited": edited, "draft": draft, "restricted": restricted, "spanish": spanish}


def parse_feed(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, made by this test
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root):
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "updated": entry.findtext(f"{ATOM}updated"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


# --- Feeds ------------------------------------------------------------------------------------


def test_feed_holds_only_the_live_public_messages_of_its_language_with_their_signed_words(client, cast):
    root = parse_feed(client.get(FEED))
    found = {entry["title"]: entry for entry in entries(root)}
    assert set(found) == {"Anyone can be trafficked", "Help is free"}
    assert found["Help is free"]["summary"] == "Signed summary."
    assert found["Anyone can be trafficked"]["link"] == "http://testserver/en/messages/anyone/"
    assert found["Anyone can be trafficked"]["updated"].startswith(
        cast["live"].last_published_at.strftime("%Y-%m-%d")
    )
    text = client.get(FEED).content.decode()
    for absent in ("DRAFT", "Not yet published", "Unpublished words", "For partners only", "Cualquiera"):
        assert absent not in text
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_spanish_feed_holds_the_spanish_message_only(client, cast):
    root = parse_feed(client.get("/es/feeds/messages/"))
    assert [entry["title"] for entry in entries(root)] == ["Cualquiera puede ser víctima"]
    assert entries(root)[0]["link"] == "http://testserver/es/mensajes/cualquiera/"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"


def test_feed_of_an_unknown_type_is_404(client, cast):
    assert client.get("/en/feeds/everything/").status_code == 404


def test_message_pages_and_their_index_link_their_feed_and_other_pages_do_not(client, cast, homes):
    link = (
        '<link rel="alternate" type="application/atom+xml" title="Messages (Atom feed)" '
        'href="/en/feeds/messages/">'
    )
    index = client.get("/en/messages/").content.decode()
    assert link in index
    assert 'href="/en/feeds/messages/" type="application/atom+xml">' in index  # the visible link
    assert link in client.get("/en/messages/anyone/").content.decode()
    StandardPageFactory(parent=homes["en"], title="About", slug="about")
    assert "application/atom+xml" not in client.get("/en/about/").content.decode()
    assert 'href="/es/feeds/messages/"' in client.get("/es/mensajes/").content.decode()


# --- API --------------------------------------------------------------------------------------


def test_api_returns_exactly_the_documented_fields_of_live_public_messages(client, cast, world):
    response = client.get(API)
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"language", "type", "count", "page", "pages", "next", "previous", "results"}
    assert (data["language"], data["type"], data["count"]) == ("en", "message", 2)
    assert all(tuple(item) == API_FIELDS for item in data["results"])
    by_title = {item["title"]: item for item in data["results"]}
    assert set(by_title) == {"Anyone can be trafficked", "Help is free"}
    help_item = by_title["Help is free"]
    assert help_item["summary"] == "Signed summary."
    assert help_item["id"] == cast["edited"].pk and help_item["language"] == "en"
    assert help_item["url"] == "http://testserver/en/messages/help/"
    assert help_item["endorsed_by"] == ["Agency A", "Agency B"]
    assert help_item["last_signed_at"] is not None and help_item["type"] == "message"


def test_api_leaks_no_draft_unpublished_restricted_or_personal_data(client, cast, world):
    text = client.get(API).content.decode()
    for absent in ("DRAFT", "Not yet published", "Unpublished words", "For partners only", "Cualquiera"):
        assert absent not in text
    for user in [world.author, *world.leads.values()]:
        assert user.username not in text and user.email not in text
        assert user.get_full_name() not in text
    spanish = client.get("/es/api/v1/messages/").json()
    assert [item["title"] for item in spanish["results"]] == ["Cualquiera puede ser víctima"]


def test_api_and_feed_may_be_read_from_any_origin_and_cached_and_set_no_cookie(client, cast):
    feed = client.get(FEED)
    assert "public" in feed["Cache-Control"] and "max-age=300" in feed["Cache-Control"]
    assert not feed.cookies
    response = client.get(API, headers={"Origin": "https://partner.example"})
    assert not response.cookies
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert client.post(API).status_code == 405


def test_api_is_paginated(client, world, settings, monkeypatch):
    monkeypatch.setattr("messaging.reach.API_PAGE_SIZE", 2)
    for n in range(3):
        world.published(title=f"Message {n}", slug=f"message-{n}")
    first = client.get(API).json()
    assert (first["count"], first["pages"], len(first["results"])) == (3, 2, 2)
    assert first["next"] == "http://testserver/en/api/v1/messages/?page=2" and first["previous"] is None
    second = client.get(first["next"]).json()
    assert [item["title"] for item in second["results"]] == ["Message 0"]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [FEED, API])
def test_feed_and_api_queries_do_not_grow_with_the_number_of_messages(
    client, world, url, django_assert_max_num_queries
):
    world.published(title="First", slug="first")
    client.get(url)  # warm per-process caches (site root paths)
    before = count_queries(client, url)
    for n in range(6):
        world.published(title=f"More {n}", slug=f"more-{n}")
    with django_assert_max_num_queries(before):
        response = client.get(url)
    assert response.content.decode().count("More ") >= 6


# --- The embeddable message ---------------------------------------------------------------------


def test_embed_shows_the_newest_message_of_its_language_with_a_link_back(client, cast, world):
    html = client.get(EMBED).content.decode()
    # "Help is free" was first published after "Anyone can be trafficked"; its draft stays out.
    assert '<h1 class="embed__title">Help is free</h1>' in html and "Signed summary." in html
    assert "DRAFT" not in html and "For partners only" not in html
    assert 'href="http://testserver/en/messages/help/" target="_blank" rel="noopener"' in html
    assert "Agency A" in html and "Agency B" in html
    assert '<html lang="en"' in html
    spanish = client.get("/es/embed/message/").content.decode()
    assert "Cualquiera puede ser víctima" in spanish and '<html lang="es"' in spanish


def test_embed_may_be_framed_by_any_site_and_runs_nothing(client, cast):
    response = client.get(EMBED)
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy and "'none'" in policy.split("script-src")[1].split(";")[0]
    assert not response.cookies and "Set-Cookie" not in response
    html = response.content.decode()
    assert "<script" not in html and "<form" not in html and "csrfmiddlewaretoken" not in html
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert stylesheets == ["/static/messaging/embed.css"]


def test_other_pages_may_not_be_framed(client, cast):
    for url in ["/en/", "/en/messages/", "/en/messages/anyone/", FEED, API]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Frame-Options"] == "DENY", url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], url


def test_embed_without_a_message_in_its_language_says_so_and_stays_frameable(client, world):
    response = client.get("/es/embed/message/")
    assert response.status_code == 404
    assert "Todavía no se ha publicado ningún mensaje en este idioma." in response.content.decode()
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]


@pytest.fixture
def production_middleware(settings, monkeypatch):
    """The middleware and security settings of config/settings/production.py, in this process."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", "production-test-key")
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    sys.modules.pop("config.settings.production", None)
    production = importlib.import_module("config.settings.production")
    try:
        settings.MIDDLEWARE = production.MIDDLEWARE
        names = ("SECURE_PROXY_SSL_HEADER", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "X_FRAME_OPTIONS")
        for name in names:
            setattr(settings, name, getattr(production, name))
        yield
    finally:
        sys.modules.pop("config.settings.production", None)


@pytest.mark.filterwarnings("ignore:No directory at:UserWarning")  # WhiteNoise, no collected files
def test_framing_headers_hold_with_the_production_middleware(client, cast, production_middleware):
    https = {"secure": True, "headers": {"X-Forwarded-Proto": "https"}}
    embed = client.get(EMBED, **https)
    assert embed.status_code == 200 and "Strict-Transport-Security" in embed
    assert "X-Frame-Options" not in embed and "frame-ancestors *" in embed["Content-Security-Policy"]
    page = client.get("/en/messages/anyone/", **https)
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


# --- The copy-paste code in the admin -------------------------------------------------------------


def test_partners_find_the_embed_code_in_each_language_on_their_dashboard(client, homes):
    author = partner(AgencyFactory(), "author", username="writer")
    client.force_login(author)
    html = client.get("/admin/").content.decode()
    for code in ("en", "es"):
        with translation.override(code):  # the iframe's title is in the language it shows
            title = gettext("Unified message of the task force against human trafficking")
        snippet = (
            f"&lt;iframe src=&quot;http://testserver/{code}/embed/message/&quot; title=&quot;{title}&quot;"
        )
        assert snippet in html, code
    assert "Code for the message in Spanish" in html  # the language named in the reader's language


def test_the_embed_code_is_not_shown_to_someone_outside_the_partner_agencies(client, homes):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    outsider = UserFactory(username="editor")  # may use the admin, works for no agency
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Show the message on your site" not in response.content.decode()
    client.force_login(partner(AgencyFactory(), "communications_lead", username="lead"))
    assert "Show the message on your site" in client.get("/admin/").content.decode()


def test_api_documented_in_the_readme_matches_the_fields():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    example = re.search(r"```json\n\s*(\{.*?\})\n\s*```", readme, flags=re.S)
    assert example, "README has no JSON example of the API"
    data = json.loads(example.group(1))
    assert tuple(data["results"][0]) == API_FIELDS


def test_explainers_have_their_own_feed_and_api_with_live_ones_only(client, world):
    live = world.published_explainer(title="They could just leave", summary="Control keeps people.")
    draft = world.draft_explainer(title="Not signed yet")
    assert not draft.live  # exists, so its absence below means something
    titles = [entry["title"] for entry in entries(parse_feed(client.get("/en/feeds/explainers/")))]
    assert titles == [live.title]
    api = json.loads(client.get("/en/api/v1/explainers/").content)
    assert [(item["type"], item["title"], item["summary"]) for item in api["results"]] == [
        ("explainer", "They could just leave", "Control keeps people.")
    ]
    index = client.get(live.get_parent().url).content.decode()
    assert 'href="/en/feeds/explainers/"' in index
