"""Messages in a real browser: the public page (en, es) and the sign-off status panel, with axe."""

import pytest
from django.test import Client

from tests.browser.conftest import describe, login
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


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
    page = MessagePage.objects.get(slug="help-does-not-depend-on-police", locale__language_code="en")
    visit.go(f"/admin/pages/{page.pk}/edit/")
    visit.page.get_by_role("tab", name="Sign-off").click()
    panel = visit.page.locator(".signoff-status")
    panel.wait_for()
    assert "Pending" in panel.inner_text()
    violations = visit.axe_violations(context=".signoff-status")
    assert violations == [], describe(violations)


@pytest.mark.parametrize(
    ("language", "item", "decision", "sign", "signed"),
    [
        (
            "en",
            "Help does not depend on talking to the police",
            "Your decision for Partner agency 2",
            "Sign off for Partner agency 2",
            "Signed off for Partner agency 2.",
        ),
        (
            "es",
            "La ayuda no depende de hablar con la policía",
            "Su decisión en nombre de Partner agency 2",
            "Aprobar en nombre de Partner agency 2",
            "Aprobado en nombre de Partner agency 2.",
        ),
    ],
)
def test_a_lead_reviews_and_signs_from_the_dashboard(
    visit, messages_site, language, item, decision, sign, signed
):
    """From the dashboard to the review screen (axe-clean), then a sign-off and what it did, in
    the lead's language; the Spanish item is the demo's translation made in wagtail-localize."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="partner-2-lead"))
    profile.preferred_language = language
    profile.save()
    login(visit, "partner-2-lead")
    visit.go("/admin/")
    visit.page.locator("#awaiting-agency-signoff-section").get_by_role("link", name=item).first.click()
    visit.page.get_by_role("heading", name=decision).wait_for()
    violations = visit.axe_violations()
    assert violations == [], describe(violations)

    visit.page.get_by_role("button", name=sign).click()
    status = visit.page.locator(".signoff-review [role=status]")
    status.wait_for()
    assert status.inner_text().startswith(signed)
    assert visit.page.get_by_role("button", name=sign).count() == 0


@pytest.mark.parametrize(
    ("username", "panel", "expected"),
    [
        ("partner-0-author", "#author-work-section", "Write a message"),
        ("partner-2-lead", "#awaiting-agency-signoff-section", "Help does not depend on talking"),
        ("partner-1-host", "#host-trainings-section", "Trainings you host for Partner agency 1"),
        ("chief", "#coordinator-signoffs-section", "Still to sign off"),
    ],
)
def test_each_role_signs_in_and_lands_on_its_accessible_panel(
    visit, messages_site, username, panel, expected
):
    """The public sign-in, typed as a person does, lands on the admin dashboard and its panel."""
    from tests.partners.factories import coordinator, partner

    partner(messages_site[1], "training_host", username="partner-1-host")
    coordinator(username="chief")
    visit.go("/en/accounts/login/")
    visit.page.get_by_label("User name").fill(username)
    visit.page.get_by_label("Password").fill(PASSWORD)
    visit.page.get_by_role("button", name="Sign in").click()
    visit.page.wait_for_url(f"{visit.base_url}/admin/")
    section = visit.page.locator(panel)
    section.wait_for()
    assert expected in section.inner_text()
    violations = visit.axe_violations(context=panel)
    assert violations == [], describe(violations)


def test_our_other_admin_screens_have_no_axe_violations(visit, messages_site):
    """The coordinator's sign-offs report and the "Submit for agency sign-off" confirmation."""
    from messaging.models import MessagePage
    from tests.partners.factories import coordinator

    coordinator(username="chief")
    login(visit, "chief")
    visit.go("/admin/messaging/report/")
    visit.page.get_by_role("heading", name="Sign-offs").first.wait_for()
    violations = visit.axe_violations()
    assert violations == [], describe(violations)

    draft = MessagePage.objects.get(slug="help-does-not-depend-on-police", locale__language_code="en")
    visit.context.clear_cookies()
    login(visit, "partner-0-author")
    visit.go(f"/admin/messaging/submit/{draft.pk}/")
    visit.page.get_by_role("button", name="Submit for sign-off").wait_for()
    violations = visit.axe_violations()
    assert violations == [], describe(violations)


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
