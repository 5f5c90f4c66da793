"""Public pages in a real browser: accessibility (axe), requests, cookies, small screens."""

import pytest

from tests.browser.conftest import describe

pytestmark = pytest.mark.browser

PAGES = [
    "/en/",
    "/es/",
    "/en/about/",
    "/es/sobre-el-grupo/",
    "/en/safety-online/",
    "/en/search/?q=hotline",
    "/es/search/?q=nada-de-nada",
    "/en/this-page-does-not-exist/",
    "/es/esta-no-existe/",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(visit, demo_site, path):
    visit.go(path)
    violations = visit.axe_violations()
    assert violations == [], describe(violations)


def test_every_request_stays_on_this_site(visit, demo_site):
    for path in PAGES:
        visit.go(path)
    assert visit.requests, "the pages made no requests at all?"
    foreign = [url for url in visit.requests if not url.startswith(visit.base_url)]
    assert foreign == []


def test_no_console_errors_and_no_csp_violations(visit, demo_site):
    for path in PAGES[:6]:
        visit.go(path)
    assert visit.console_errors == []


def test_reading_pages_set_no_cookies(visit, demo_site):
    for path in PAGES:
        visit.go(path)
    assert visit.context.cookies() == []


@pytest.mark.parametrize(
    "path", ["/en/", "/es/sobre-el-grupo/", "/en/search/?q=hotline", "/en/no-such-page/"]
)
def test_no_horizontal_scroll_at_320_pixels(visit, demo_site, path):
    visit.page.set_viewport_size({"width": 320, "height": 640})
    visit.go(path)
    width = visit.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{path} is {width}px wide at a 320px viewport"


def test_keyboard_order_starts_with_quick_exit_then_skip_link(visit, demo_site):
    visit.go("/en/about/")

    def focus_moves_to(condition):
        visit.page.wait_for_function(f"(el => {condition})(document.activeElement)")

    visit.page.keyboard.press("Tab")
    focus_moves_to("el.hasAttribute('data-quick-exit')")
    visit.page.keyboard.press("Tab")
    focus_moves_to("el.className === 'quick-exit__more'")
    visit.page.keyboard.press("Tab")
    focus_moves_to("el.className === 'skip-link'")
    assert visit.page.evaluate("getComputedStyle(document.activeElement).position") == "absolute"
    box = visit.page.evaluate("document.activeElement.getBoundingClientRect().top")
    assert box >= 0, "the skip link must come into view when focused"
    visit.page.keyboard.press("Enter")
    focus_moves_to("el.id === 'main-content'")


def test_quick_exit_stays_in_view_while_scrolling(visit, demo_site):
    visit.page.set_viewport_size({"width": 390, "height": 600})
    visit.go("/en/about/")
    visit.page.mouse.wheel(0, 3000)
    visit.page.wait_for_function("window.scrollY > 500")
    top = visit.page.evaluate("document.querySelector('[data-quick-exit]').getBoundingClientRect().top")
    assert 0 <= top < 100


def test_accordion_opens_without_javascript(chromium, live_server, demo_site):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/about/")
    summary = page.locator("summary").first
    answer = page.locator(".accordion-item__answer").first
    assert not answer.is_visible()
    summary.click()
    answer.wait_for(state="visible")
    context.close()


def test_right_to_left_locale_mirrors_the_layout(visit, transactional_db, settings):
    from tests.home.factories import build_site

    languages = [("en", "English"), ("es", "Español"), ("ar", "العربية")]
    settings.LANGUAGES = languages
    settings.WAGTAIL_CONTENT_LANGUAGES = languages
    build_site(languages=("en", "ar"))

    def layout(path):
        visit.go(path)
        return visit.page.evaluate(
            """() => ({
                dir: document.documentElement.dir,
                exit: document.querySelector('[data-quick-exit]').getBoundingClientRect().left,
                brand: document.querySelector('.site-header__brand').getBoundingClientRect().left,
                width: document.documentElement.clientWidth,
            })"""
        )

    ltr, rtl = layout("/en/"), layout("/ar/")
    assert (ltr["dir"], rtl["dir"]) == ("ltr", "rtl")
    assert ltr["exit"] < ltr["width"] / 2 < rtl["exit"]
    assert ltr["brand"] < ltr["width"] / 2 < rtl["brand"]
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= rtl["width"]
