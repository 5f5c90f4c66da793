"""The bilingual sign-off as the roles do it, in a real browser: an English message signed by
every agency; the translator translates it with wagtail-localize and submits it from its
translation editor; each lead reviews the Spanish beside the English and signs; both are live.

The translated texts themselves are entered through wagtail-localize's own string store (as its
React editor saves them), not typed key by key: that editor is wagtail-localize's, not ours.
"""

import pytest

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


def test_a_message_is_translated_submitted_from_the_editor_and_signed_in_spanish(
    localize_submit_permission, visit, messages_site, english_message
):
    """`localize_submit_permission` first: an earlier transactional test may have flushed the
    permission wagtail-localize creates in a data migration, before the roles' groups are made."""
    from wagtail.models import Page
    from wagtail_localize.models import Translation

    from tests.messaging.factories import translate_strings

    page = visit.page
    login(visit, "partner-0-author")
    visit.go(f"/admin/localize/submit/page/{english_message.pk}/")
    page.locator("input[name=locales]").first.check()
    page.locator("main form [type=submit]").last.click()
    page.wait_for_url("**/edit/")
    spanish = Page.objects.get(translation_key=english_message.translation_key, locale__language_code="es")
    translation = Translation.objects.get(
        source__object_id=english_message.translation_key, target_locale__language_code="es"
    )
    translate_strings(translation, prefix="ES ")

    # The translation editor says what to do next, with a button.
    visit.go(f"/admin/pages/{spanish.pk}/edit/")
    page.get_by_role("link", name="Submit for agency sign-off").first.click()
    page.get_by_role("button", name="Submit for sign-off").click()
    page.wait_for_url(f"**/pages/{spanish.pk}/edit/")
    assert "was submitted for agency sign-off" in page.locator(".messages").inner_text()

    agencies = [agency.name for agency in messages_site]  # partner-0, -1, -2: their leads sign in turn
    for number, agency in enumerate(agencies):
        visit.context.clear_cookies()
        login(visit, f"partner-{number}-lead")
        visit.go("/admin/")
        page.locator("#awaiting-agency-signoff-section, .w-panel").get_by_role(
            "link", name="ES Help is free"
        ).first.click()
        page.get_by_role("heading", name=f"Your decision for {agency}").wait_for()
        words = page.locator(".signoff-review__words")
        assert "No one has to pay for help." in words.inner_text()
        assert "ES No one has to pay for help." in words.inner_text()
        if number == 0:
            violations = visit.axe_violations()
            assert violations == [], describe(violations)
        page.get_by_role("button", name=f"Sign off for {agency}").click()
        status = page.locator(".signoff-review [role=status]")
        status.wait_for()
        if number < 2:
            assert status.inner_text().startswith(f"Signed off for {agency}. {number + 1} of 3 agencies")
    assert "Every agency has signed off: “ES Help is free” is now live." in status.inner_text()
    status.get_by_role("link", name="See it on the public site").click()
    page.get_by_role("heading", name="ES Help is free").wait_for()
    assert "ES No one has to pay for help." in page.locator("main").inner_text()
    assert page.url.startswith(visit.base_url + "/es/")
