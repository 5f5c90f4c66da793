"""The partner directory in a real browser: accessibility (axe), small screens, no JavaScript needed."""

import json

import pytest

from tests.browser.conftest import AXE_JS, describe

pytestmark = pytest.mark.browser

PASSWORD = "browser-demo-password"

PUBLIC_PAGES = [
    "/en/partners/",
    "/es/socios/",
    "/en/partners/?service=emergency-shelter&population=adult-men",  # nobody: the empty state
    "/es/socios/?service=no-such-service&language=vi",  # a bad filter: the error summary
    "/en/partners/?page=2",
    "/en/partners/safe-harbor-shelter/",
    "/es/socios/immigration-legal-aid/",
    "/en/accounts/login/",
    "/es/accounts/login/",
]
PARTNER_PAGES = [
    "/en/partners/",
    "/en/partners/matrix/",
    "/es/socios/matrix/?jurisdiction=Harbor+County",
    "/en/partners/workers-rights-center/",  # partner-only contacts and the "not recently verified" notice
]


@pytest.fixture
def partners_demo(transactional_db):
    """The demo site with the partner directory, agencies and accounts, in the live server's database."""
    from home.demo import seed as seed_home
    from home.seeding import SeedReport
    from messaging.demo import sign_pages
    from partners.demo import seed as seed_partners
    from tests.home.factories import build_site

    build_site(languages=("en",))
    report = seed_home(SeedReport())
    seed_partners(report, password=PASSWORD)
    sign_pages(report)  # the demo's second phase: the agencies' leads sign the pages


def sign_in(visit, username="harbor-police-host", language="en"):
    visit.go(f"/{language}/accounts/login/")
    visit.page.fill("#id_username", username)
    visit.page.fill("#id_password", PASSWORD)
    visit.page.click("form.stacked-form button[type=submit]")
    visit.page.wait_for_url(lambda url: "/accounts/login/" not in url)
    visit.page.wait_for_load_state("load")


def violations_on(visit, paths):
    """{path: violations} for every path that has any (one seeded site for all of them)."""
    found = {}
    for path in paths:
        visit.go(path)
        if violations := visit.axe_violations():
            found[path] = violations
    return found


def test_public_partner_pages_have_no_axe_violations(visit, partners_demo):
    found = violations_on(visit, PUBLIC_PAGES)
    assert found == {}, describe(found)


def test_partner_pages_have_no_axe_violations(visit, partners_demo):
    sign_in(visit)
    found = violations_on(visit, PARTNER_PAGES)
    assert found == {}, describe(found)


def test_signing_in_leads_back_to_the_matrix(visit, partners_demo):
    response = visit.go("/es/socios/matrix/")
    assert "/es/accounts/login/" in visit.page.url and response.status == 200
    visit.page.fill("#id_username", "safe-harbor-shelter-author")
    visit.page.fill("#id_password", PASSWORD)
    visit.page.click("form.stacked-form button[type=submit]")
    visit.page.wait_for_url("**/es/socios/matrix/")
    visit.page.wait_for_load_state("load")
    assert visit.page.locator("h1").inner_text() == "Matriz de capacidades"
    assert visit.page.locator("td.matrix__gap").count() > 0


def test_no_horizontal_scroll_at_320_pixels(visit, partners_demo):
    sign_in(visit)
    visit.page.set_viewport_size({"width": 320, "height": 640})
    widths = {}
    for path in [
        "/en/partners/",
        "/es/socios/safe-harbor-shelter/",
        "/en/partners/matrix/",
        "/en/accounts/login/",
    ]:
        visit.go(path)
        widths[path] = visit.page.evaluate("document.documentElement.scrollWidth")
    assert {path: width for path, width in widths.items() if width > 320} == {}


def test_the_wide_matrix_scrolls_inside_its_own_labelled_region(visit, partners_demo):
    sign_in(visit)
    visit.page.set_viewport_size({"width": 320, "height": 640})
    visit.go("/en/partners/matrix/")
    region = visit.page.locator(".matrix-scroll")
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("tabindex") == "0"
    sizes = region.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] > sizes[1], "the matrix should be wider than the screen here"
    region.focus()
    visit.page.keyboard.press("ArrowRight")
    visit.page.keyboard.press("ArrowRight")
    # Scrolling may be smooth: wait until the region has moved instead of reading it at once.
    visit.page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle(), timeout=10_000)
    assert region.evaluate("el => el.scrollLeft") > 0, "the keyboard scrolls the focused region"


def test_filters_work_without_javascript_and_give_a_shareable_url(chromium, live_server, partners_demo):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/partners/")
    page.select_option("#id_service", "immigration-legal-help")
    page.select_option("#id_language", "fr")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(lambda url: "service=immigration-legal-help" in url and "language=fr" in url)
    page.wait_for_load_state("load")
    titles = page.locator(".agency-card__title").all_inner_texts()
    assert titles == ["Harbor Immigrant Legal Aid Clinic"]

    again = context.new_page()  # the URL alone gives the same list
    again.goto(page.url)
    assert again.locator(".agency-card__title").all_inner_texts() == titles
    context.close()


def test_public_directory_sets_no_cookies_and_requests_stay_on_this_site(visit, partners_demo):
    for path in PUBLIC_PAGES[:7]:
        visit.go(path)
    assert visit.context.cookies() == []
    assert [url for url in visit.requests if not url.startswith(visit.base_url)] == []
    assert visit.console_errors == []


def test_admin_agency_form_and_capability_grid_are_accessible(visit, partners_demo, live_server):
    """Our part of the admin: the agency form's capability grid (Wagtail's own chrome is Wagtail's)."""
    visit.go("/admin/login/")
    visit.page.fill("#id_username", "harbor-police-author")
    visit.page.fill("#id_password", PASSWORD)
    visit.page.click("button[type=submit]")
    visit.page.wait_for_url(lambda url: "/admin/login/" not in url)
    from partners.models import Agency

    agency = Agency.objects.get(slug="harbor-police")
    visit.go(f"/admin/partners/agencies/edit/{agency.pk}/")
    visit.page.click("text=Services offered")
    visit.page.locator(".capability-grid").wait_for(state="visible")
    visit.page.evaluate(AXE_JS.read_text())
    result = visit.page.evaluate(
        """async () => {
            const results = await axe.run('.capability-grid', {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
            });
            return results.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.length}));
        }"""
    )
    assert result == [], json.dumps(result, indent=2)
    box = visit.page.get_by_label("Investigation for Adult men", exact=True)
    assert box.is_checked()


@pytest.mark.parametrize("viewport", [(1280, 500), (320, 640)], ids=["desktop", "phone"])
def test_the_matrix_keeps_its_service_names_and_column_headers_in_view(visit, partners_demo, viewport):
    sign_in(visit)
    visit.page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    visit.go("/en/partners/matrix/")
    region = visit.page.locator(".matrix-scroll")
    region.scroll_into_view_if_needed()
    sizes = region.evaluate("el => [el.scrollHeight, el.clientHeight, el.scrollWidth, el.clientWidth]")
    assert sizes[0] > sizes[1], f"the matrix should be taller than its region here: {sizes}"
    region.evaluate("el => { el.scrollTop = el.scrollHeight; el.scrollLeft = el.scrollWidth; }")
    visit.page.wait_for_function("el => el.scrollTop > 0", arg=region.element_handle(), timeout=10_000)

    box = region.bounding_box()
    column_header = visit.page.locator(".matrix thead th").nth(1).bounding_box()
    assert abs(column_header["y"] - box["y"]) <= 2, "the column headers stay at the top of the region"
    last_row_header = visit.page.locator(".matrix tbody th").last.bounding_box()
    assert box["y"] <= last_row_header["y"] <= box["y"] + box["height"]
    if sizes[2] > sizes[3]:  # scrolled sideways too: the service names stay at the start edge
        assert visit.page.locator(".matrix tbody th").last.evaluate("el => el.scrollWidth") > 0
        assert abs(last_row_header["x"] - box["x"]) <= 2, "the service names stay at the start edge"
