"""Explainers in a real browser: the index and an explainer in English and Spanish, on a phone and
on a desktop, axe-clean and loading nothing from another host."""

import pytest

from tests.browser.conftest import describe

pytestmark = pytest.mark.browser

PATHS = [
    "/en/myths-and-facts/",
    "/en/myths-and-facts/?form=labour&audience=employers",
    "/en/myths-and-facts/kidnapped-by-strangers/",
    "/es/mitos-y-realidades/",
    "/es/mitos-y-realidades/secuestro-por-desconocidos/",
]


@pytest.mark.parametrize("path", PATHS)
def test_explainer_pages_have_no_axe_violations_and_load_nothing_from_other_hosts(visit, messages_site, path):
    response = visit.go(path)
    assert response.status == 200
    violations = visit.axe_violations()
    assert violations == [], describe(violations)
    foreign = [url for url in visit.requests if not url.startswith(visit.base_url)]
    assert foreign == []


@pytest.mark.parametrize("path", [PATHS[0], PATHS[2], PATHS[4]])
def test_explainer_pages_fit_a_phone_screen(visit, messages_site, path):
    visit.page.set_viewport_size({"width": 360, "height": 740})
    visit.go(path)
    overflow = visit.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    if "kidnapped" in path or "secuestro" in path:
        assert visit.page.locator(".myth-fact__myth").count() == 1
        assert visit.page.locator(".endorsements li").count() == 3


def test_the_filters_work_without_javascript(chromium, live_server, messages_site):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/en/myths-and-facts/")
        page.select_option("#filter-audience", "employers")
        page.get_by_role("button", name="Show explainers").click()
        page.wait_for_url("**audience=employers**")
        titles = page.locator(".card__title").all_inner_texts()
        assert titles == ["Is trafficking only about sex, or only in illegal businesses?"]
    finally:
        context.close()
