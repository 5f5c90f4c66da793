"""The bilingual sign-off as the roles do it, in a real browser: an English message signed by
every agency; the translator translates it in wagtail-localize's translation editor (its Translate
button, the text box, Save, for every text; the slug on the Promote tab) and submits it from there;
each lead reviews the Spanish beside the English and signs; both are live.
"""

import pytest

from tests.browser.axe_allowlist import LOCALIZE_EDITOR, LOCALIZE_EDITOR_TYPING
from tests.browser.conftest import describe, login

pytestmark = pytest.mark.browser


@pytest.fixture
def english_message(messages_site):
    from messaging import services
    from messaging.models import MessageIndexPage
    from partners.models import Membership
    from tests.messaging.factories import MessagePageFactory

    index = MessageIndexPage.objects.get(locale__language_code="en")
    author = Membership.objects.get(user__username="partner-0-author").user
    page = MessagePageFactory(
        parent=index, title="Help is free", slug="help-is-free", summary="No one has to pay for help."
    )
    page.save_revision(user=author)
    services.submit_for_signoff(page, author)
    for agency in messages_site:
        lead = Membership.objects.get(agency=agency, is_communications_lead=True).user
        services.sign_off(services.current_round(page), lead)
    page.refresh_from_db()
    assert page.live
    return page


SPANISH = {
    "Title": "La ayuda es gratuita",
    "Summary": "Nadie tiene que pagar por la ayuda.",
    "Paragraph": "La trata tiene que ver con el control.",
}


def translate_in_editor(visit, field, text, check_axe=False):
    """One field's text, as a translator translates it in wagtail-localize's editor: Translate,
    type, Save; done when the server has stored it and the editor shows it translated."""
    page = visit.page
    segment = (
        page.get_by_role("tabpanel")
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading", name=field, exact=True))
    )
    segment.get_by_role("button", name="Translate").click()
    box = segment.get_by_role("textbox")
    box.fill(text)
    if check_axe:
        new, fixed = visit.axe_against_allowlist(LOCALIZE_EDITOR_TYPING)
        assert (new, fixed) == ([], []), describe({"new": new, "allowlisted but gone": fixed})
    with page.expect_response(lambda response: "/strings/" in response.url) as saved:
        segment.get_by_role("button", name="Save").click()
    assert saved.value.ok, saved.value.status
    segment.get_by_role("button", name="Edit").wait_for()
    assert box.count() == 0
    assert text in segment.inner_text()
    assert "Translated manually" in segment.inner_text()


def submit_from_editor(visit, spanish):
    """The translation editor's own "Submit for agency sign-off" (its page message's button: the
    editor's action menu is wagtail-localize's, with no workflow actions), then the confirmation."""
    page = visit.page
    page.locator(".messages").get_by_role("link", name="Submit for agency sign-off").click()
    page.get_by_role("button", name="Submit for sign-off").click()
    page.wait_for_url(f"**/pages/{spanish.pk}/edit/")
    return page.locator(".messages").inner_text()


def test_a_message_is_translated_in_the_editor_submitted_from_it_and_signed_in_spanish(
    localize_submit_permission, visit, messages_site, english_message
):
    """`localize_submit_permission` first: an earlier transactional test may have flushed the
    permission wagtail-localize creates in a data migration, before the roles' groups are made."""
    from wagtail.models import Page

    page = visit.page
    login(visit, "partner-0-author")
    visit.go(f"/admin/localize/submit/page/{english_message.pk}/")
    page.locator("input[name=locales]").first.check()
    page.locator("main form [type=submit]").last.click()
    page.wait_for_url("**/edit/")
    spanish = Page.objects.get(translation_key=english_message.translation_key, locale__language_code="es")
    assert page.url.endswith(f"/admin/pages/{spanish.pk}/edit/")

    # The translator translates every text of the Content tab in wagtail-localize's editor...
    for number, (field, text) in enumerate(SPANISH.items()):
        translate_in_editor(visit, field, text, check_axe=number == 0)
    # ... submits, and is told exactly what is still missing and where.
    told = submit_from_editor(visit, spanish)
    assert "This translation is not finished. Still to translate: “Slug” on the Promote tab." in told
    assert page.locator(".messages").get_by_role("link", name="Open the editor").count() == 1
    new, fixed = visit.axe_against_allowlist(LOCALIZE_EDITOR)  # the refusal is ours: no violations
    assert (new, fixed) == ([], []), describe({"new": new, "allowlisted but gone": fixed})
    page.get_by_role("tab", name="Promote").click()
    translate_in_editor(visit, "Slug", "la-ayuda-es-gratuita")
    told = submit_from_editor(visit, spanish)
    assert "was submitted for agency sign-off" in told

    agencies = [agency.name for agency in messages_site]  # partner-0, -1, -2: their leads sign in turn
    for number, agency in enumerate(agencies):
        visit.context.clear_cookies()
        login(visit, f"partner-{number}-lead")
        visit.go("/admin/")
        page.locator("#awaiting-agency-signoff-section, .w-panel").get_by_role(
            "link", name=SPANISH["Title"]
        ).first.click()
        page.get_by_role("heading", name=f"Your decision for {agency}").wait_for()
        words = page.locator(".signoff-review__words")
        assert "No one has to pay for help." in words.inner_text()
        assert SPANISH["Summary"] in words.inner_text()
        if number == 0:
            violations = visit.axe_violations()
            assert violations == [], describe(violations)
        page.get_by_role("button", name=f"Sign off for {agency}").click()
        status = page.locator(".signoff-review [role=status]")
        status.wait_for()
        if number < 2:
            assert status.inner_text().startswith(f"Signed off for {agency}. {number + 1} of 3 agencies")
    assert f"Every agency has signed off: “{SPANISH['Title']}” is now live." in status.inner_text()
    status.get_by_role("link", name="See it on the public site").click()
    page.get_by_role("heading", name=SPANISH["Title"]).wait_for()
    main = page.locator("main").inner_text()
    assert SPANISH["Summary"] in main
    assert SPANISH["Paragraph"] in main
    assert page.url.startswith(visit.base_url + "/es/")
    assert page.url.rstrip("/").endswith("/la-ayuda-es-gratuita")
