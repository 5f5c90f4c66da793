"""The quick exit: by click, by three presses of Shift, and no way Back to the page."""

import pytest

from tests.browser.conftest import NEUTRAL_URL

pytestmark = pytest.mark.browser


def start_from_elsewhere(visit, path):
    """Open a page of another site first, so there is somewhere for Back to go."""
    visit.page.goto("data:text/html,<title>Before</title><p>Somewhere else")
    visit.go(path)


def assert_left_without_a_way_back(visit):
    visit.page.wait_for_url(NEUTRAL_URL)
    visit.page.go_back()
    visit.page.wait_for_load_state()
    assert not visit.page.url.startswith(visit.base_url), "Back returned to the page the visitor left"
    assert visit.page.url.startswith("data:")


def test_click_leaves_at_once_and_back_does_not_return(visit, demo_site):
    start_from_elsewhere(visit, "/en/about/")
    visit.page.click("[data-quick-exit]")
    assert_left_without_a_way_back(visit)


def test_three_presses_of_shift_leave(visit, demo_site):
    start_from_elsewhere(visit, "/es/sobre-el-grupo/")
    for _ in range(3):
        visit.page.keyboard.press("Shift")
    assert_left_without_a_way_back(visit)


def test_typing_capital_letters_is_not_a_quick_exit(visit, demo_site):
    visit.go("/en/search/")
    visit.page.click("#search-page-q")
    visit.page.keyboard.type("HELP ME NOW")
    # The key handlers have run by the time the field holds the text; none of them counted.
    visit.page.wait_for_function("document.querySelector('#search-page-q').value === 'HELP ME NOW'")
    assert visit.page.evaluate("document.documentElement.dataset.quickExitPresses || '0'") == "0"
    assert not visit.page.evaluate("document.documentElement.classList.contains('quick-exit-active')")
    assert visit.page.url.startswith(visit.base_url)
    assert visit.page.input_value("#search-page-q") == "HELP ME NOW"


def test_another_key_between_presses_starts_the_count_again(visit, demo_site):
    visit.go("/en/")
    visit.page.keyboard.press("Shift")
    visit.page.keyboard.press("Shift")
    visit.page.keyboard.press("a")  # another key resets the count
    visit.page.keyboard.press("Shift")
    visit.page.wait_for_function("document.documentElement.dataset.quickExitPresses === '1'")
    assert not visit.page.evaluate("document.documentElement.classList.contains('quick-exit-active')")
    assert visit.page.url.startswith(visit.base_url)


def test_page_is_hidden_the_moment_exit_starts(visit, demo_site):
    visit.go("/en/")
    seen = []

    def record(route):
        seen.append(route.request.url.rsplit("=", 1)[-1])
        route.fulfill(status=204)

    visit.page.route("**/visibility-probe?*", record)
    # A listener added after ours runs right after it, before the neutral site has loaded. It
    # reports with a synchronous request, which completes before the page can navigate away
    # (a console message could be lost with the page it came from).
    visit.page.evaluate(
        """() => document.querySelector('[data-quick-exit]').addEventListener('click', () => {
            const probe = new XMLHttpRequest();
            probe.open('GET', '/visibility-probe?v=' + getComputedStyle(document.body).visibility, false);
            probe.send();
        })"""
    )
    visit.page.click("[data-quick-exit]")
    visit.page.wait_for_url(NEUTRAL_URL)
    assert seen == ["hidden"]


def test_resets_when_restored_from_the_back_forward_cache(visit, demo_site):
    visit.go("/en/")
    visit.page.evaluate("document.documentElement.classList.add('quick-exit-active')")
    visit.page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert visit.page.evaluate("document.documentElement.classList.contains('quick-exit-active')") is False
    assert visit.page.evaluate("getComputedStyle(document.body).visibility") == "visible"


def test_without_javascript_the_control_is_a_plain_link(chromium, live_server, demo_site):
    context = chromium.new_context(java_script_enabled=False)
    context.route("https://www.weather.gov/**", lambda route: route.fulfill(status=200, body="Weather"))
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    assert page.get_attribute("[data-quick-exit]", "href") == NEUTRAL_URL
    assert not page.locator("[data-quick-exit-hint]").is_visible()
    context.close()
