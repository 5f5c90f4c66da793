"""Explainers: their place in the tree, their sign-off scope, what the public sees (in English and
Spanish), the index's filters and pages, the coordinator's reminder and the site search.

The roads to live are tried on explainers by the `road` fixture (tests/messaging/conftest.py).
"""

import datetime
import html
from unittest import mock

import pytest
from django.urls import reverse
from wagtail.models import Locale

from home.models import HomePage
from home.search import search_pages
from messaging import services
from messaging.models import ExplainerIndexPage, ExplainerPage, SignOffSettings
from messaging.scope import signoff_required_agencies
from tests.messaging.factories import audiences, myth_fact, trafficking_forms
from tests.partners.factories import AgencyFactory, coordinator

pytestmark = pytest.mark.django_db

KIDNAP = myth_fact(
    myth="Traffickers kidnap strangers off the street.",
    fact="<p>Most people are recruited by someone they know and trust.</p>",
    why="Waiting for a kidnapping hides the recruiter next door.",
    organisation="Polaris Project",
    title="Myths, Facts, and Statistics",
    year=2023,
    url="https://polarisproject.org/myths-facts-and-statistics/",
)
SECUESTRO = myth_fact(
    myth="Los tratantes secuestran a desconocidos en la calle.",
    fact="<p>La mayoría de las víctimas son captadas por alguien que conocen.</p>",
    why="Esperar un secuestro oculta al captador de al lado.",
    organisation="Polaris Project",
    title="Mitos, hechos y estadísticas",
    year=2023,
    url="https://polarisproject.org/myths-facts-and-statistics/",
)


def spanish(world, page, **fields):
    """The Spanish translation of `page`, live through its own complete sign-off."""
    values = {
        "title": "Secuestro",
        "slug": "secuestro",
        "summary": "Resumen en español.",
        "myths_and_facts": [SECUESTRO],
        # What wagtail-localize keeps in sync: the topics and the date the facts were checked.
        "facts_checked_on": page.facts_checked_on,
        "forms_of_trafficking": list(page.forms_of_trafficking.all()),
        "audiences": list(page.audiences.all()),
        **fields,
    }
    translation = world.translate(page, **values)
    world.submit(translation)
    return world.sign_all(translation)


def text_of(response):
    return html.unescape(response.content.decode())


# --- Models ----------------------------------------------------------------------------------


def test_explainers_live_under_their_index_under_a_home_page(world):
    home = HomePage.objects.get(pk=world.home.pk)
    assert ExplainerIndexPage in home.specific_class.allowed_subpage_models()
    assert ExplainerPage.allowed_parent_page_models() == [ExplainerIndexPage]
    assert ExplainerPage.allowed_subpage_models() == []
    assert not ExplainerIndexPage.can_create_at(world.explainer_index.get_parent()), "one index per language"
    assert ExplainerPage.can_create_at(world.explainer_index)
    assert not ExplainerPage.can_create_at(home)


def test_an_explainer_needs_every_active_agency_even_when_site_pages_need_fewer(world):
    settings = SignOffSettings.load()
    settings.site_page_agencies.set([world.agencies[0]])  # site pages: one agency is enough
    AgencyFactory(name="Inactive", slug="inactive", is_active=False)
    page = world.draft_explainer()
    assert signoff_required_agencies(page) == world.agencies
    assert signoff_required_agencies(world.explainer_index) == [world.agencies[0]], "positive control"

    world.submit(page)
    page = world.sign_all(page, but=(1,))
    assert not page.live, "one agency has not signed"
    services.sign_off(services.current_round(page), world.lead(1))
    assert ExplainerPage.objects.get(pk=page.pk).live


def test_a_translation_keeps_the_topics_and_check_date_and_translates_the_words(world):
    page = world.published_explainer(
        forms_of_trafficking=trafficking_forms("sex", "labour"),
        audiences=audiences("youth"),
        facts_checked_on=datetime.date(2026, 3, 1),
    )
    from tests.messaging.factories import localize_translation, translate_strings

    translation, target = localize_translation(page)
    translate_strings(translation)
    translation.save_target(publish=False)
    target = ExplainerPage.objects.get(pk=target.pk).get_latest_revision_as_object()
    assert {f.code for f in target.forms_of_trafficking.all()} == {"sex", "labour"}
    assert [a.code for a in target.audiences.all()] == ["youth"]
    assert target.facts_checked_on == datetime.date(2026, 3, 1)
    item = target.myths_and_facts[0].value
    assert item["myth"] == "ES Trafficking always means crossing a border."
    assert str(item["evidence"][0]["title"]) == "ES Global Report on Trafficking in Persons"
    assert target.summary.startswith("ES ")


def test_the_explainer_editor_offers_submit_for_signoff_and_no_publish(client, world):
    page = world.draft_explainer()
    client.force_login(coordinator(username="coord"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="action-submit"' in body and 'name="action-publish"' not in body
    assert 'name="myths_and_facts-count"' in body or "myths_and_facts" in body
    assert 'name="forms_of_trafficking"' in body and 'name="facts_checked_on"' in body


# --- The public page -------------------------------------------------------------------------


def test_an_explainer_tells_myth_from_fact_in_words_with_sources_endorsements_and_share_links(client, world):
    message = world.published(title="Anyone can be trafficked")
    page = world.published_explainer(title="Kidnapped by strangers?", myths_and_facts=[KIDNAP])
    other = world.published_explainer(title="Only across borders?")  # same form: labour
    response = client.get(page.url)
    assert response.status_code == 200
    body = text_of(response)
    assert (
        '<h2 class="myth-fact__myth"><span class="myth-fact__label">Myth:</span> “Traffickers kidnap' in body
    )
    assert '<h3 class="myth-fact__label">Fact</h3>' in body
    assert "Most people are recruited by someone they know and trust." in body
    assert "<h3>Why it matters</h3>" in body
    assert (
        '<cite><a href="https://polarisproject.org/myths-facts-and-statistics/">'
        "Myths, Facts, and Statistics</a></cite>, Polaris Project, 2023" in body
    )
    assert "Facts checked on" in body and "Labour trafficking" in body and "General public" in body
    # Endorsed by: the agencies recorded at signing.
    endorsed = body.split('id="endorsements-heading"', 1)[1]
    assert "Agency A" in endorsed and "Agency B" in endorsed
    # Related explainers and messages of the same language.
    related = body.split('id="related-heading"', 1)[1].split("</nav>", 1)[0]
    assert other.title in related and message.title in related
    # Share links open the reader's own apps; nothing is loaded from another host.
    assert (
        'href="mailto:?subject=Kidnapped%20by%20strangers%3F'
        '&amp;body=http%3A//testserver/en/explainers/kidnapped-by-strangers/"' in response.content.decode()
    )
    assert 'id="share-address" class="share__address" type="text" readonly value="http://testserver' in body
    assert 'src="http' not in body and "<iframe" not in body
    assert f'<meta name="description" content="{page.summary}">' in body


def test_the_spanish_explainer_shows_its_own_words(client, world):
    page = world.published_explainer(title="Kidnapped by strangers?", myths_and_facts=[KIDNAP])
    es = spanish(world, page, myths_and_facts=[SECUESTRO])
    response = client.get(es.url)
    assert response.status_code == 200
    body = text_of(response)
    assert '<html lang="es"' in body
    assert "Los tratantes secuestran a desconocidos en la calle." in body
    assert "La mayoría de las víctimas son captadas por alguien que conocen." in body
    assert "Traffickers kidnap" not in body


def test_a_draft_explainer_is_not_shown(client, world):
    page = world.draft_explainer(title="Not yet signed")
    assert client.get(page.url or "/en/explainers/not-yet-signed/").status_code == 404
    response = client.get(world.explainer_index.url)
    assert "Not yet signed" not in text_of(response)


# --- The index -------------------------------------------------------------------------------


def test_the_index_lists_only_live_explainers_of_its_language(client, world):
    live = world.published_explainer(title="Live in English")
    world.draft_explainer(title="Draft in English")
    spanish(world, live, title="Publicada en español")
    en = text_of(client.get(world.explainer_index.url))
    assert "Live in English" in en
    assert "Draft in English" not in en and "Publicada en español" not in en
    es_index = world.explainer_index.get_translation(Locale.objects.get(language_code="es"))
    es = text_of(client.get(es_index.url))
    assert "Publicada en español" in es and "Live in English" not in es


def test_the_index_filters_by_form_and_audience_with_a_plain_get_form(client, world):
    world.published_explainer(
        title="Sex, youth", forms_of_trafficking=trafficking_forms("sex"), audiences=audiences("youth")
    )
    world.published_explainer(
        title="Labour, employers",
        forms_of_trafficking=trafficking_forms("labour"),
        audiences=audiences("employers"),
    )
    world.published_explainer(
        title="Both, youth",
        forms_of_trafficking=trafficking_forms("sex", "labour"),
        audiences=audiences("youth"),
    )
    url = world.explainer_index.url

    def titles(**query):
        response = client.get(url, query)
        return {e.title for e in response.context["explainers_page"]}

    assert titles() == {"Sex, youth", "Labour, employers", "Both, youth"}
    assert titles(form="sex") == {"Sex, youth", "Both, youth"}
    assert titles(audience="employers") == {"Labour, employers"}
    assert titles(form="labour", audience="youth") == {"Both, youth"}
    assert titles(form="no-such-form") == {"Sex, youth", "Labour, employers", "Both, youth"}

    body = text_of(client.get(url, {"form": "sex"}))
    assert '<form class="filters" method="get"' in body
    assert '<option value="sex" selected>Sex trafficking</option>' in body
    assert "<script" not in body.split("<main", 1)[1]


def test_the_index_is_paginated_and_pages_keep_the_filters(client, world):
    for i in range(3):
        world.published_explainer(title=f"Labour {i}", forms_of_trafficking=trafficking_forms("labour"))
    world.published_explainer(title="Sex only", forms_of_trafficking=trafficking_forms("sex"))
    with mock.patch.object(ExplainerIndexPage, "per_page", 2):
        first = client.get(world.explainer_index.url, {"form": "labour"})
        second = client.get(world.explainer_index.url, {"form": "labour", "page": 2})
    assert [e.title for e in first.context["explainers_page"]] == ["Labour 2", "Labour 1"]
    assert [e.title for e in second.context["explainers_page"]] == ["Labour 0"]
    assert 'href="?form=labour&amp;page=2" rel="next"' in first.content.decode()
    assert "Page 1 of 2" in text_of(first)


def test_index_and_explainer_queries_do_not_grow_with_the_number_of_explainers(client, world):
    world.published_explainer(title="First")
    page = world.published_explainer(title="Second")

    def count(url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    index_before, page_before = count(world.explainer_index.url), count(page.url)
    for i in range(4):
        world.published_explainer(title=f"More {i}", audiences=audiences("youth", "educators"))
    assert count(world.explainer_index.url) <= index_before
    assert count(page.url) <= page_before


# --- The coordinator's reminder --------------------------------------------------------------


def test_explainers_over_a_year_old_are_due_for_a_recheck(world):
    today = datetime.date(2026, 12, 2)
    stale = world.published_explainer(title="Stale", facts_checked_on=datetime.date(2025, 12, 1))
    world.published_explainer(title="A year to the day", facts_checked_on=datetime.date(2025, 12, 2))
    world.published_explainer(title="Fresh", facts_checked_on=datetime.date(2026, 6, 1))
    world.draft_explainer(title="Old draft", facts_checked_on=datetime.date(2020, 1, 1))
    assert [page.title for page in services.explainers_to_recheck(today)] == [stale.title]
    assert services.days_since_checked(stale, today) == 366
    leap = datetime.date(2028, 2, 29)
    assert [p.title for p in services.explainers_to_recheck(leap)] == ["Stale", "A year to the day", "Fresh"]


def test_the_coordinator_is_reminded_on_the_dashboard_and_in_the_report(client, world):
    world.published_explainer(title="Checked long ago", facts_checked_on=datetime.date(2020, 5, 1))
    world.published_explainer(title="Checked this week")
    client.force_login(coordinator(username="coord"))
    for url in (reverse("wagtailadmin_home"), reverse("messaging:signoff_report")):
        body = text_of(client.get(url))
        section = body.split("Explainers to check again", 1)[1]
        assert "Checked long ago" in section, url
        assert "Checked this week" not in section, url


# --- Search ----------------------------------------------------------------------------------


def test_site_search_finds_an_explainer_by_its_myth_and_fact_in_each_language(world):
    page = world.published_explainer(title="Strangers", myths_and_facts=[KIDNAP])
    es = spanish(world, page, title="Desconocidos", myths_and_facts=[SECUESTRO])
    english, spanish_locale = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="es")

    def found(query, locale):
        return [hit.pk for hit in search_pages(query, locale=locale).results]

    assert found("kidnap", english) == [page.pk]
    assert found("recruited trust", english) == [page.pk]
    assert found("secuestran", spanish_locale) == [es.pk]
    assert found("captadas", spanish_locale) == [es.pk]
    assert found("secuestran", english) == []


# --- Demo ------------------------------------------------------------------------------------


def test_demo_explainers_are_signed_by_every_agency_in_both_languages_and_seeding_is_idempotent(
    client, homes
):
    from home.seeding import SeedReport
    from messaging import demo
    from tests.messaging.test_demo_and_public import demo_cast

    agencies = demo_cast()
    demo.seed(SeedReport(created=[]))
    states = {}
    for page in ExplainerPage.objects.select_related("locale"):
        states.setdefault((page.locale.language_code, page.live), []).append(page)
        if page.live:
            signed = {s.agency_id for s in services.endorsements(page)}
            assert signed == {agency.pk for agency in agencies}, page.title
            assert page.myths_and_facts[0].value["evidence"], page.title
    assert {key: len(pages) for key, pages in states.items()} == {
        ("en", True): 6,
        ("es", True): 6,
        ("en", False): 1,
        ("es", False): 1,
    }
    in_review = states[("en", False)][0]
    assert services.current_round(in_review) is not None
    assert {p.locale.language_code for p in services.explainers_to_recheck()} == {"en", "es"}

    report = SeedReport(created=[])
    demo.seed(report)
    assert ExplainerPage.objects.count() == 14
    assert not any("explainer (" in note for note in report.created)

    spanish = text_of(client.get("/es/mitos-y-realidades/secuestro-por-desconocidos/"))
    assert "Los tratantes" not in spanish and "La mayoría de los tratantes captan" in spanish
    assert "Demo agency 3" in spanish.split('id="endorsements-heading"', 1)[1]
