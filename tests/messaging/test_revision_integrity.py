"""Sign-offs stay tied to the exact words they were given on; refusals reach the person.

Each test here reproduces a way around the invariant found in review, and shows it closed.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale, PageLogEntry, WorkflowState

from messaging import services
from messaging.models import AgencySignOffTask, MessagePage, SignOff, SignOffRequired
from messaging.services import SignOffRefused
from tests.messaging.factories import SignOffWorld, localize_translation, message_form_data
from tests.partners.factories import UserFactory, coordinator, partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"], agencies=2)


def test_overwriting_the_revision_under_review_makes_a_new_one_and_voids(client, world):
    page = world.draft(title="T", slug="t", summary="Signed words")
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    client.force_login(world.author)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        message_form_data(
            title="T",
            slug="t",
            summary="Swapped after A signed",
            overwrite_revision_id=str(state.revision_id),
        ),
    )
    assert state.revision.as_object().summary == "Signed words", "the signed revision was not rewritten"
    new_round = services.current_round(page)
    assert new_round.revision_id != state.revision_id
    services.sign_off(new_round, world.lead(1))
    assert not MessagePage.objects.get(pk=page.pk).live, "agency A never saw the new words"


def test_overwriting_a_signed_live_revision_then_resubmitting_does_not_publish_unsigned_words(client, world):
    page = world.published(title="T", slug="t", summary="Signed words")
    signed = page.live_revision_id
    client.force_login(world.author)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        message_form_data(title="T", slug="t", summary="Never signed", overwrite_revision_id=str(signed)),
    )
    client.post(reverse("messaging:submit", args=[page.pk]))
    page = MessagePage.objects.get(pk=page.pk)
    assert page.live_revision_id == signed and page.summary == "Signed words"
    assert "Never signed" not in client.get(page.url).content.decode()


def test_a_revision_rewritten_in_the_database_is_no_longer_signed_off(world):
    page = world.published(summary="Signed words")
    revision = page.live_revision
    assert services.is_fully_signed_off(revision)
    revision.content = {**revision.content, "summary": "Rewritten"}
    revision.save()
    assert not services.is_fully_signed_off(revision)
    with pytest.raises(SignOffRequired):
        revision.publish()


def test_a_page_cannot_go_live_with_another_pages_signed_revision(world):
    signed = world.published()
    other = world.draft(summary="Unsigned")
    with pytest.raises(SignOffRequired):
        other.publish(signed.live_revision)
    other.live, other.live_revision = True, signed.live_revision
    with pytest.raises(SignOffRequired):
        other.save()
    assert MessagePage.objects.get(pk=other.pk).live is False


def test_republishing_an_old_signed_revision_over_new_row_words_by_save_is_refused(world):
    page = world.published(summary="Signed words")
    signed = page.live_revision
    page.unpublish()
    page = MessagePage.objects.get(pk=page.pk)
    page.summary = "Unsigned words"
    page.save()
    page.live, page.live_revision = True, signed
    with pytest.raises(SignOffRequired):
        page.save()
    assert MessagePage.objects.get(pk=page.pk).live is False


def test_copying_a_live_message_in_code_leaves_a_draft(world):
    page = world.published(slug="original")
    copy = page.copy(update_attrs={"slug": "original-copy", "title": "Copy"})
    copy = MessagePage.objects.get(pk=copy.pk)
    assert copy.live is False


def test_converting_a_translation_into_an_alias_does_not_put_it_live(client, world, publisher_with_localize):
    page = world.published()
    _translation, spanish = localize_translation(page)
    client.force_login(publisher_with_localize)
    client.post(reverse("wagtail_localize:convert_to_alias", args=[spanish.pk]))
    spanish = MessagePage.objects.get(pk=spanish.pk)
    assert spanish.live is False
    assert client.get(f"/es/{spanish.url_path.split('/', 2)[2]}").status_code == 404


@pytest.fixture
def publisher_with_localize():
    return coordinator(username="localize-coordinator")


def test_a_cancelled_narrower_round_does_not_count(world):
    page = world.draft()
    state = world.submit(page)
    state.required_agencies.set([world.agencies[0]])  # a round that asked less than it should
    page.current_workflow_state.cancel(user=world.author)
    new_round = world.submit(page)
    assert new_round.revision_id == state.revision_id
    services.sign_off(new_round, world.lead(0))
    assert not services.is_fully_signed_off(new_round.revision)
    assert not MessagePage.objects.get(pk=page.pk).live


def test_a_lead_who_resubmits_after_changes_cannot_sign_that_version(client, world):
    page = world.draft()
    state = world.submit(page)
    services.request_changes(state, world.lead(0), "Shorter, please.")
    lead_b = world.lead(1)
    world.edit(page, user=lead_b, summary="Shorter.")
    services.submit_for_signoff(MessagePage.objects.get(pk=page.pk), lead_b)
    with pytest.raises(SignOffRefused, match="You submitted or wrote this version"):
        services.sign_off(services.current_round(page), lead_b)
    assert services.task_states_awaiting_agency_of(lead_b).count() == 0


def test_a_lead_who_edits_during_review_cannot_sign_their_own_edit(world):
    page = world.draft()
    world.submit(page)
    world.edit(page, user=world.lead(1), summary="The lead's own words")
    with pytest.raises(SignOffRefused, match="wrote this version"):
        services.sign_off(services.current_round(page), world.lead(1))
    services.sign_off(services.current_round(page), partner(world.agencies[1], "communications_lead"))


def test_submit_after_changes_were_requested_resumes_the_workflow(client, world):
    page = world.draft()
    state = world.submit(page)
    services.request_changes(state, world.lead(0), "Add the hotline.")
    world.edit(page, summary="Call 1-888-373-7888.")
    client.force_login(world.author)
    response = client.post(reverse("messaging:submit", args=[page.pk]))
    assert response.status_code == 302
    page = MessagePage.objects.get(pk=page.pk)
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert services.current_round(page).revision_id == page.latest_revision_id


def test_an_unfinished_translation_cannot_be_submitted(world):
    page = world.published()
    _translation, spanish = localize_translation(page)
    with pytest.raises(SignOffRefused, match="not finished"):
        services.submit_for_signoff(spanish, world.author)
    assert services.current_round(spanish) is None


def test_deleting_a_signed_message_keeps_the_sign_off_records(client, world):
    page = world.published(title="Soon deleted")
    revision_id = page.live_revision_id
    client.force_login(coordinator())
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert not MessagePage.objects.filter(pk=page.pk).exists()
    records = SignOff.objects.filter(revision_number=revision_id)
    assert records.count() == 2
    assert {r.page_title for r in records} == {"Soon deleted"} and {r.agency_name for r in records} == {
        "Agency A",
        "Agency B",
    }


def test_a_refused_sign_off_is_explained_to_the_lead(client, world):
    page = world.draft()
    state = world.submit(page)
    client.force_login(world.lead(0))
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "sign_off", state.pk])
    client.post(url)
    response = client.post(
        url, HTTP_REFERER="http://testserver" + reverse("wagtailadmin_pages:edit", args=[page.pk])
    )
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        texts = [str(m) for m in get_messages(response.wsgi_request)]
        assert any("already signed off" in text for text in texts) or response["Location"] == "/admin/"
    assert SignOff.objects.of_page(page).count() == 1


def test_disabling_the_task_during_a_review_cancels_it_without_publishing(world):
    page = world.draft()
    world.submit(page)
    task = AgencySignOffTask.objects.get()
    task.deactivate(user=UserFactory(is_superuser=True))
    page = MessagePage.objects.get(pk=page.pk)
    assert not page.live and not page.workflow_in_progress
    assert not task.active


def test_the_old_publish_scheduled_pages_command_has_the_same_checks():
    from django.core.management import load_command_class

    from messaging.management.commands.publish_scheduled import Command as Ours

    assert isinstance(load_command_class("messaging", "publish_scheduled_pages"), Ours)


def test_a_message_cannot_be_moved_into_another_language_tree(world):
    page = world.published()
    spanish_index = world.index.get_translation(Locale.objects.get(language_code="es"))
    assert not page.permissions_for_user(coordinator()).can_move_to(spanish_index)
    assert page.permissions_for_user(coordinator()).can_move_to(world.index) in {
        True,
        False,
    }  # same tree: Wagtail decides


def test_leads_of_agencies_not_required_cannot_open_the_editor_through_the_task(world):
    from tests.partners.factories import AgencyFactory

    page = world.draft()
    world.submit(page)
    outsider = partner(AgencyFactory(name="Later"), "communications_lead")
    task = AgencySignOffTask.objects.get()
    assert task.user_can_access_editor(page, world.lead(0))
    assert not task.user_can_access_editor(page, outsider)
    assert PageLogEntry.objects.filter(page=page, action="messaging.signoff_requested").exists()
