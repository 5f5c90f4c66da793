"""The review screen of a sign-off round: what leads read and where they decide, in any language.

Decisions are posted to Wagtail's own workflow action URL (the forms on the screen point there),
so these tests post exactly what the screen's forms post.
"""

import html
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page

from messaging import services
from messaging.services.rounds import STRINGS_CHANGED
from tests.messaging.factories import localize_translation, translate_strings
from tests.messaging.roads import told
from tests.partners.factories import partner

pytestmark = pytest.mark.django_db


def review_url(state):
    return reverse("messaging:review", args=[state.pk])


def text_of(response):
    """The page's visible text, whitespace collapsed, entities decoded."""
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def form_actions(response):
    return re.findall(r'<form method="post" action="([^"]+)"', response.content.decode())


def decide(client, state, action, comment=""):
    """What the review screen's decision forms post."""
    page_id = state.workflow_state.object_id
    url = reverse("wagtailadmin_pages:workflow_action", args=[page_id, action, state.pk])
    return client.post(url, {"comment": comment, "next": review_url(state)})


def test_a_lead_reads_the_words_and_signs_off_from_the_review(client, world):
    page = world.draft(title="Help is free", summary="No one has to pay for help.")
    state = world.submit(page)
    client.force_login(world.lead(0))

    response = client.get(review_url(state))
    assert response.status_code == 200
    text = text_of(response)
    assert "Review: Help is free" in text
    assert "No one has to pay for help." in text
    assert "0 of 2 agencies have signed off. Waiting for: Agency A, Agency B." in text
    assert "no earlier version of this page was signed off" in text
    page_id = page.pk
    assert form_actions(response) == [
        reverse("wagtailadmin_pages:workflow_action", args=[page_id, "sign_off_with_comment", state.pk]),
        reverse("wagtailadmin_pages:workflow_action", args=[page_id, "request_changes", state.pk]),
    ]

    response = decide(client, state, "sign_off_with_comment", "Fine for us.")
    assert response.status_code == 302 and response["Location"] == review_url(state)
    text = text_of(client.get(review_url(state)))
    assert "Signed off for Agency A. 1 of 2 agencies have signed; waiting for: Agency B." in text
    assert "Sign off for Agency A" not in text, "no second decision for the same agency"


def test_the_last_signature_says_it_is_live_and_links_to_it(client, world):
    page = world.draft(title="One voice")
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    client.force_login(world.lead(1))
    decide(client, state, "sign_off_with_comment")
    page = Page.objects.get(pk=page.pk)
    assert page.live
    response = client.get(review_url(state))
    text = text_of(response)
    assert "Every agency has signed off: “One voice” is now live." in text
    assert f'href="{page.get_url()}"' in response.content.decode()


def test_request_changes_from_the_review_sends_it_back(client, world):
    state = world.submit(world.draft())
    client.force_login(world.lead(1))
    response = decide(client, state, "request_changes", "Say where to call.")
    assert response["Location"] == review_url(state)
    text = text_of(client.get(review_url(state)))
    assert "Changes requested for Agency B: the authors have been told." in text
    assert "Say where to call." in text


def test_what_changed_since_the_last_signed_version(client, world):
    page = world.published(summary="Old words.")
    world.edit(page, summary="New words.")
    state = world.submit(page)
    client.force_login(world.lead(0))
    response = client.get(review_url(state))
    changes = response.content.decode().split('id="changes-heading"')[1]
    assert '<span class="deletion">Old</span><span class="addition">New</span> words.' in changes


def test_a_translation_is_reviewed_beside_its_original_and_signed(client, world):
    page = world.published(summary="Help is free.")
    translation, spanish = localize_translation(page)
    translate_strings(translation, prefix="ES ")
    state = services.submit_for_signoff(spanish, world.author).current_task_state.specific
    client.force_login(world.lead(0))

    response = client.get(review_url(state))
    assert response.status_code == 200
    words = response.content.decode().split('id="words-heading"')[1].split("</table>")[0]
    assert '<td lang="en">Help is free.</td>' in words
    assert '<td lang="es">ES Help is free.</td>' in words
    assert "Original (English)" in text_of(response)

    decide(client, state, "sign_off_with_comment")
    services.sign_off(services.current_round(spanish), world.lead(1))
    assert Page.objects.get(pk=spanish.pk).specific.summary == "ES Help is free."
    assert Page.objects.get(pk=spanish.pk).live


def editor_messages(client, page):
    """The messages wagtail-localize's translation editor shows, with their buttons' links."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "wagtail_localize/admin/edit_translation.html" in {t.name for t in response.templates}
    section = response.content.decode().split('class="messages"')[1].split("</ul>")[0]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section)).split())
    return text, re.findall(r'<a href="([^"]+)"', section)


def test_the_translation_editor_says_what_to_do_next_with_a_link(client, world):
    page = world.published()
    translation, spanish = localize_translation(page)
    translate_strings(translation)

    client.force_login(world.author)  # the translator
    text, links = editor_messages(client, spanish)
    assert "When every text is translated, submit the translation for agency sign-off" in text
    assert links == [reverse("messaging:submit", args=[spanish.pk])]

    state = services.submit_for_signoff(spanish, world.author).current_task_state
    client.force_login(world.lead(0))
    text, links = editor_messages(client, spanish)
    assert (
        "In review for agency sign-off: 0 of 2 agencies have signed this version. Review and sign off" in text
    )
    assert links == [review_url(state)]

    translate_strings(translation, prefix="ES2 ")
    client.force_login(world.author)
    text, links = editor_messages(client, spanish)
    assert "The translated text has changed since it was submitted: submit it again for sign-off." in text
    assert links == [reverse("messaging:submit", args=[spanish.pk])]


def test_strings_changed_after_submission_must_be_resubmitted_before_signing(client, world):
    page = world.published(summary="Help is free.")
    translation, spanish = localize_translation(page)
    translate_strings(translation, prefix="ES ")
    state = services.submit_for_signoff(spanish, world.author).current_task_state.specific
    translate_strings(translation, prefix="ES2 ")  # the translator edits a string in the editor

    client.force_login(world.lead(0))
    response = client.get(review_url(state))
    text = text_of(response)
    assert "The translated text has changed since this was submitted" in text
    assert "Sign off for Agency A" not in text
    # A forged sign-off is refused, with the reason.
    response = decide(client, state, "sign_off_with_comment")
    assert told(response) == [str(STRINGS_CHANGED)]
    assert not services.round_status(state)[0]["decision"]

    # The translator resubmits: the new words become the round under review.
    client.force_login(world.author)
    client.post(reverse("messaging:submit", args=[spanish.pk]))
    new_state = services.current_round(spanish)
    assert new_state.pk != state.pk
    assert new_state.revision.as_object().summary == "ES2 Help is free."
    client.force_login(world.lead(0))
    assert "Sign off for Agency A" in text_of(client.get(review_url(new_state)))
    # Positive control: the same sign-off on the resubmitted round is accepted.
    decide(client, new_state, "sign_off_with_comment")
    assert services.round_status(new_state)[0]["decision"] is not None


def test_only_required_leads_and_editors_may_open_a_review(client, world):
    state = world.submit(world.draft())
    outsider = partner(world.agencies[0], "training_host", username="host")
    client.force_login(outsider)
    response = client.get(review_url(state))
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert told(response) == ["Sorry, you do not have permission to access this area."]
    # Positive controls: a required lead and the author.
    for user in (world.lead(1), world.author):
        client.force_login(user)
        assert client.get(review_url(state)).status_code == 200


def test_dashboard_and_report_link_to_the_review(client, world, publisher):
    state = world.submit(world.draft())
    client.force_login(world.lead(0))
    assert f'href="{review_url(state)}"' in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(publisher)
    report = client.get(reverse("messaging:signoff_report")).content.decode()
    assert f'href="{review_url(state)}"' in report


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8123")
def test_emails_to_leads_link_to_the_review_at_the_served_address(world, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        state = world.submit(world.draft(title="Not in the subject"))
    to_leads = [
        message.body
        for message in mail.outbox
        if message.to[0] in {lead.email for lead in world.leads.values()}
    ]
    assert len(to_leads) == 2, "both leads are asked"
    assert all(f"http://127.0.0.1:8123{review_url(state)}" in body for body in to_leads)
    assert all("127.0.0.1:8000" not in message.body for message in mail.outbox)
    assert all("Not in the subject" not in message.subject for message in mail.outbox)


def test_signing_from_the_editor_menu_tells_the_outcome(rf, world):
    """The editor's own "Sign off for ‹agency›" (Wagtail's edit view runs on_action, then the
    after_edit_page hook) says what the decision did."""
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage

    from messaging.wagtail_hooks import tell_the_outcome_of_a_decision

    page = world.draft()
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    request = rf.post("/", {"workflow-action-name": "sign_off"})
    request.user = world.lead(0)
    request.session = {}
    request._messages = FallbackStorage(request)
    tell_the_outcome_of_a_decision(request, page)
    assert [str(m) for m in get_messages(request)] == [
        "Signed off for Agency A. 1 of 2 agencies have signed; waiting for: Agency B."
    ]
    # Positive control of the condition: an ordinary save says nothing more.
    request = rf.post("/", {"action-submit": "1"})
    request.user, request.session = world.lead(0), {}
    request._messages = FallbackStorage(request)
    tell_the_outcome_of_a_decision(request, page)
    assert list(get_messages(request)) == []


def test_the_editor_says_before_any_change_that_saving_restarts_the_signoff(client, world):
    page = world.draft()
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    client.force_login(world.author)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    section = response.content.decode().split('class="messages"')[1].split("</ul>")[0]
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section)).split())
    assert text.endswith(
        "In review for agency sign-off: 1 of 2 agencies have signed this version. Saving a change to it "
        "starts the sign-off again: the agency that signed must sign again. See the review"
    )
    assert f'href="{review_url(state)}"' in section


def test_saving_without_a_change_restarts_nothing(world):
    page = world.draft(summary="Same words.")
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    revision = world.edit(page, summary="Same words.")  # saved again, nothing changed
    assert revision.pk == state.revision_id
    assert services.current_round(page).pk == state.pk
    assert services.round_status(state)[0]["decision"] is not None, "the sign-off given still counts"

    # Positive control: a change of words makes a new revision and restarts the round.
    revision = world.edit(page, summary="Other words.")
    assert revision.pk != state.revision_id
    assert services.current_round(page).pk != state.pk


def test_request_changes_without_a_comment_is_refused_with_the_reason(client, world):
    state = world.submit(world.draft())
    client.force_login(world.lead(1))
    page_id = state.workflow_state.object_id
    url = reverse("wagtailadmin_pages:workflow_action", args=[page_id, "request_changes", state.pk])
    response = client.post(
        url, {"comment": "  ", "next": review_url(state) + "?refused=request_changes"}, follow=True
    )
    assert "Say what needs to change, so the authors can fix it." in text_of(response)
    assert 'aria-invalid="true"' in response.content.decode()
    assert services.round_status(state)[1]["decision"] is None, "nothing was decided"
    # Positive control: with a comment, the same form sends it back.
    response = decide(client, state, "request_changes", "Say where to call.")
    assert response["Location"] == review_url(state)
    assert services.round_status(state)[1]["decision"] is not None


def links_to(html, url):
    return [
        " ".join(re.sub(r"<[^>]+>", " ", label).split())
        for label in re.findall(rf'<a[^>]*href="{url}"[^>]*>(.*?)</a>', html, flags=re.S)
    ]


def test_the_page_editor_leads_to_the_review_from_its_header_and_its_notice(client, world):
    page = world.draft()
    state = world.submit(page)
    client.force_login(world.lead(0))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    panel = "Open the review: the words, what changed, and the sign-off"  # the Sign-off tab
    assert sorted(links_to(editor, review_url(state))) == [
        panel,
        "Review and sign off",
        "Review and sign off",
    ]
    # The author sees the same review, without deciding.
    client.force_login(world.author)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert sorted(links_to(editor, review_url(state))) == [panel, "See the review", "See the review"]


def test_an_author_goes_from_the_review_to_the_editor(client, world):
    page = world.draft()
    state = world.submit(page)
    client.force_login(world.author)
    body = client.get(review_url(state)).content.decode()
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert f'<a href="{edit}">Open the editor</a>' in body
    assert "(saving a change there starts the sign-off again)" in body

    translation, spanish = localize_translation(world.published())
    translate_strings(translation, prefix="ES ")
    spanish_state = services.submit_for_signoff(spanish, world.author).current_task_state.specific
    body = client.get(review_url(spanish_state)).content.decode()
    assert (
        f'<a href="{reverse("wagtailadmin_pages:edit", args=[spanish.pk])}">Open the translation editor</a>'
        in body
    )


def test_the_review_shows_each_paragraph_on_its_own_line(client, world):
    page = world.draft(
        body=[("paragraph", "<p>Fear must not stand between a person and safety.</p><p>Help is free.</p>")]
    )
    state = world.submit(page)
    client.force_login(world.lead(0))
    words = client.get(review_url(state)).content.decode().split('id="words-heading"')[1].split("</table>")[0]
    assert "safety.<br>Help is free." in words and "safety.Help" not in words
