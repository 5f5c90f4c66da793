"""Messages in a real browser: the public page (en, es) and the sign-off status panel, with axe."""

import pytest
from django.test import Client

from tests.browser.conftest import describe

pytestmark = pytest.mark.browser


@pytest.fixture
def messages_site(demo_site):
    from home.seeding import SeedReport
    from messaging import demo
    from tests.partners.factories import AgencyFactory, partner
    from tests.signing import publish_drafts

    # Names of different lengths, as real ones are ("Endorsed by" must still line them up).
    names = ["Partner agency 0", "Partner agency 1 of the Harbor County legal services", "Partner agency 2"]
    agencies = [AgencyFactory(name=name, slug=f"partner-{i}") for i, name in enumerate(names)]
    for agency in agencies:
        partner(
            agency,
            "communications_lead",
            username=f"{agency.slug}-lead",
            first_name="Lead",
            last_name=agency.name,
        )
    partner(agencies[0], "author", username="partner-0-author")
    demo.seed(SeedReport(created=[]))
    publish_drafts()  # the message index pages
    return agencies


@pytest.mark.parametrize(
    "path",
    [
        "/en/message/",
        "/en/message/anyone-can-be-trafficked/",
        "/es/mensaje/cualquier-persona-puede-ser-victima/",
    ],
)
def test_message_pages_have_no_axe_violations_and_show_endorsements(visit, messages_site, path):
    visit.go(path)
    violations = visit.axe_violations()
    assert violations == [], describe(violations)
    if path.count("/") > 3:
        assert visit.page.locator(".endorsements li").count() == 3
    foreign = [url for url in visit.requests if not url.startswith(visit.base_url)]
    assert foreign == []


def test_signoff_status_panel_is_accessible(visit, messages_site):
    from django.contrib.auth import get_user_model

    from messaging.models import MessagePage

    lead = get_user_model().objects.get(username="partner-2-lead")
    client = Client()
    client.force_login(lead)
    visit.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": visit.base_url}]
    )
    page = MessagePage.objects.get(slug="help-does-not-depend-on-police")
    visit.go(f"/admin/pages/{page.pk}/edit/")
    visit.page.get_by_role("tab", name="Sign-off").click()
    panel = visit.page.locator(".signoff-status")
    panel.wait_for()
    assert "Pending" in panel.inner_text()
    violations = visit.axe_violations(context=".signoff-status")
    assert violations == [], describe(violations)


def login(visit, username):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    visit.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": visit.base_url}]
    )


def test_a_lead_reviews_and_signs_from_the_dashboard(visit, messages_site):
    """From the dashboard to the review screen (axe-clean), then a sign-off and what it did."""
    login(visit, "partner-2-lead")
    visit.go("/admin/")
    visit.page.locator("#awaiting-agency-signoff-section, .w-panel").get_by_role(
        "link", name="Help does not depend on talking to the police"
    ).first.click()
    visit.page.get_by_role("heading", name="Your decision for Partner agency 2").wait_for()
    violations = visit.axe_violations()
    assert violations == [], describe(violations)

    visit.page.get_by_role("button", name="Sign off for Partner agency 2").click()
    status = visit.page.locator(".signoff-review [role=status]")
    status.wait_for()
    assert status.inner_text().startswith("Signed off for Partner agency 2.")
    assert visit.page.get_by_role("button", name="Sign off for Partner agency 2").count() == 0


@pytest.mark.parametrize("width", [1280, 360])
def test_endorsed_by_lays_out_in_even_columns(visit, messages_site, width):
    visit.page.set_viewport_size({"width": width, "height": 900})
    visit.go("/en/message/anyone-can-be-trafficked/")
    boxes = visit.page.locator(".endorsements li").evaluate_all(
        "items => items.map(item => { const r = item.getBoundingClientRect();"
        " return [Math.round(r.left), Math.round(r.top), Math.round(r.width)]; })"
    )
    assert len(boxes) == 3
    assert len({box[2] for box in boxes}) == 1, f"every name gets the same width: {boxes}"
    rows = {}
    for left, top, _width in boxes:
        rows.setdefault(top, []).append(left)
    columns = [sorted(lefts) for lefts in rows.values()]
    # Every row starts at the same edge (a grid, not names of different lengths wrapped anyhow).
    assert len({lefts[0] for lefts in columns}) == 1, boxes
    if width < 400:
        assert len(rows) == 3, "one name a line on a phone"
