"""axe on the Wagtail screens our roles use, as author, communications lead and coordinator.

Our own markup (dashboard panels, the sign-off tab, our hooks' messages and buttons) has no
violations. What axe still finds inside Wagtail's and wagtail-localize's own widgets, which we do
not patch, is listed per screen in axe_allowlist.py (rule id and a selector for the element) and
in README.md (Accessibility): a new violation fails the test, and so does one that is no longer
there (it was fixed upstream: take it out of the list and the README).
"""

import pytest

from tests.browser.axe_allowlist import ALLOWED
from tests.browser.conftest import describe, login

pytestmark = pytest.mark.browser


def check_screens(visit, screens):
    """Visit each (name, path, ready) as the signed-in person; collect what does not hold."""
    problems = {}
    for name, path, ready in screens:
        visit.go(path)
        if ready:
            ready(visit.page)
        new, fixed = visit.axe_against_allowlist(ALLOWED.get(name, {}))
        if new or fixed:
            problems[f"{name} ({path})"] = {"new violations": new, "allowlisted but gone": fixed}
    assert problems == {}, describe(problems)


def _pages():
    from messaging.models import MessageIndexPage, MessagePage

    index = MessageIndexPage.objects.get(locale__language_code="en")
    in_review = MessagePage.objects.get(slug="help-does-not-depend-on-police", locale__language_code="en")
    translated = MessagePage.objects.get(
        translation_key=in_review.translation_key, locale__language_code="es"
    )
    return index, in_review, translated


def _history(page_id):
    from wagtail.models import WorkflowState

    state = WorkflowState.objects.filter(base_content_type__isnull=False, object_id=str(page_id)).latest("pk")
    return [
        ("page history", f"/admin/pages/{page_id}/history/", None),
        ("workflow history", f"/admin/pages/{page_id}/workflow_history/", None),
        ("workflow history detail", f"/admin/pages/{page_id}/workflow_history/detail/{state.pk}/", None),
    ]


def _heading(name):
    return lambda page: page.get_by_role("heading", name=name).first.wait_for()


def _section(selector):
    return lambda page: page.locator(selector).wait_for()


def _translation_editor(page):
    page.get_by_role("tab", name="Promote").wait_for()


def _signoff_tab(page):
    page.get_by_role("tab", name="Sign-off").click()
    page.locator(".signoff-status").wait_for()


def test_the_authors_screens(visit, messages_site):
    index, in_review, translated = _pages()
    login(visit, "partner-0-author")
    check_screens(
        visit,
        [
            ("dashboard", "/admin/", _section("#author-work-section")),
            ("page explorer", f"/admin/pages/{index.pk}/", None),
            ("page editor (create)", f"/admin/pages/add/messaging/messagepage/{index.pk}/", None),
            ("page editor (edit)", f"/admin/pages/{in_review.pk}/edit/", None),
            ("translation editor", f"/admin/pages/{translated.pk}/edit/", _translation_editor),
            *_history(in_review.pk),
            ("agency edit", f"/admin/partners/agencies/edit/{messages_site[0].pk}/", None),
        ],
    )


def test_the_leads_screens(visit, messages_site):
    index, in_review, translated = _pages()
    login(visit, "partner-2-lead")
    check_screens(
        visit,
        [
            ("dashboard", "/admin/", _section("#awaiting-agency-signoff-section")),
            ("page explorer", f"/admin/pages/{index.pk}/", None),
            ("page editor (edit)", f"/admin/pages/{in_review.pk}/edit/", None),
            ("page editor, sign-off tab", f"/admin/pages/{in_review.pk}/edit/", _signoff_tab),
            ("translation editor", f"/admin/pages/{translated.pk}/edit/", _translation_editor),
            *_history(translated.pk),
            ("agency edit", f"/admin/partners/agencies/edit/{messages_site[2].pk}/", None),
        ],
    )


def test_the_coordinators_screens(visit, messages_site):
    from tests.partners.factories import coordinator

    index, in_review, translated = _pages()
    coordinator(username="chief")
    login(visit, "chief")
    check_screens(
        visit,
        [
            ("dashboard", "/admin/", _section("#coordinator-signoffs-section")),
            ("page explorer", f"/admin/pages/{index.pk}/", None),
            ("sign-offs report", "/admin/messaging/report/", _heading("Sign-offs")),
            *_history(in_review.pk),
            ("agency edit", f"/admin/partners/agencies/edit/{messages_site[0].pk}/", None),
        ],
    )
