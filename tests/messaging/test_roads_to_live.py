"""No other road to live (DESIGN.md, section 4): every way Wagtail, wagtail-localize or a command
could make a messaging page live is refused without a complete sign-off of that exact revision.

A refusal is an HTTP 403, or Wagtail's redirect, and in every case the page is not live and its
live revision has not changed. Where a road can publish anything at all, the same function runs
first against an ordinary page (Wagtail's plain Page, which is not under sign-off) as a positive
control: the very same request must publish it, so a refusal cannot come from a malformed request.
"""

import datetime
import html
from dataclasses import dataclass
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from messaging import services
from messaging.models import MessagePage, SignOffRequired
from tests.messaging.factories import SignOffWorld, localize_translation, message_form_data, translate_strings
from tests.partners.factories import UserFactory, coordinator

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"], agencies=2)


@pytest.fixture
def publisher():
    """The coordinator: edits messages and takes them down, without Wagtail's publish permission
    (no group holds it on content under sign-off)."""
    return coordinator(username="the-coordinator")


@pytest.fixture(params=["coordinator", "superuser"])
def admin_user(request, publisher):
    if request.param == "coordinator":
        return publisher
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def state_of(page):
    page = Page.objects.get(pk=page.pk)
    return page.live, page.live_revision_id


def test_no_publish_button_for_anyone(client, world, admin_user):
    page = world.draft()
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html


@dataclass
class Road:
    """A draft to try a road to live on, who tries it, and whether it must go live."""

    page: Page
    user: object
    publishes: bool


@pytest.fixture(params=["ordinary page", "message as coordinator", "message as superuser"])
def road(request, world, homes, publisher):
    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    if request.param == "ordinary page":
        page = Page(title="Ordinary", slug="ordinary", live=False)
        homes["en"].add_child(instance=page)
        page.save_revision()
        return Road(page, superuser, publishes=True)
    user = publisher if request.param == "message as coordinator" else superuser
    return Road(world.draft(), user, publishes=False)


def told(response):
    """The first line of each message the admin shows after `response`, as plain text."""
    return [
        html.unescape(str(message)).strip().splitlines()[0] for message in get_messages(response.wsgi_request)
    ]


def test_publish_button_post_publishes_only_without_signoff(client, road):
    page = road.page
    client.force_login(road.user)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        message_form_data(title=page.title, slug=page.slug, **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    if road.publishes:
        assert state_of(page) == (True, Page.objects.get(pk=page.pk).latest_revision_id)
        assert told(response) == [f"Page '{page.title}' has been published."]
    else:
        # Wagtail saves the words as a draft, and says so.
        assert state_of(page) == (False, None)
        assert told(response) == [f"Page '{page.title}' has been updated."]


def test_create_and_publish_in_one_step_does_not_publish(client, world, admin_user):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=["messaging", "messagepage", world.index.pk])
    client.post(url, message_form_data(title="Straight to live", slug="straight", **{"action-publish": "1"}))
    page = MessagePage.objects.get(slug="straight")
    assert state_of(page) == (False, None)


def test_publish_of_an_edit_to_a_live_page_keeps_the_signed_version_live(client, world, admin_user):
    page = world.published()
    before = state_of(page)
    client.force_login(admin_user)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        message_form_data(title="Unsigned words", slug=page.slug, **{"action-publish": "1"}),
    )
    assert state_of(page) == before
    assert MessagePage.objects.get(pk=page.pk).title != "Unsigned words"


def test_scheduling_go_live_without_signoff_schedules_nothing(client, world, publisher):
    page = world.draft()
    client.force_login(publisher)
    go_live = (timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        message_form_data(title=page.title, slug=page.slug, go_live_at=go_live, **{"action-publish": "1"}),
    )
    page = MessagePage.objects.get(pk=page.pk)
    assert not page.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert state_of(page) == (False, None)


def test_publish_scheduled_refuses_an_unsigned_revision_and_publishes_the_rest(world, capsys):
    page = world.draft()
    revision = page.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision.save()  # as if tampered with in the database

    # Positive control: a completely signed revision scheduled for the same time.
    go_live = timezone.now() + datetime.timedelta(days=1)
    other = world.draft(title="Signed and scheduled", go_live_at=go_live)
    world.submit(other)
    other_revision = world.sign_all(other).get_latest_revision()
    assert other_revision.approved_go_live_at is not None

    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    assert state_of(page) == (False, None)
    assert "Refused" in capsys.readouterr().err
    assert Page.objects.get(pk=other.pk).live_revision_id == other_revision.pk


def test_scheduled_go_live_after_complete_signoff_publishes_at_the_time(world):
    go_live = timezone.now() + datetime.timedelta(days=2)
    page = world.draft(go_live_at=go_live)
    world.submit(page)
    page = world.sign_all(page)
    assert not page.live, "signed off, but not before its go-live time"
    scheduled_for = page.get_latest_revision().approved_go_live_at
    assert abs(scheduled_for - go_live) < datetime.timedelta(seconds=1)

    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    assert state_of(page)[0] is True


def test_bulk_publish_publishes_only_without_signoff(client, road):
    page = road.page
    client.force_login(road.user)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    response = client.post(url, {"include_descendants": "on"})
    assert response.status_code == 302
    if road.publishes:
        assert state_of(page)[0] is True
        assert told(response)[-1] == "1 page has been published"
    else:
        assert state_of(page) == (False, None)
        assert told(response)[-1] == "0 pages have been published"


def test_copy_with_publish_copies_does_not_publish_the_copy(client, world, publisher):
    page = world.published()
    client.force_login(publisher)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "Copied message",
            "new_slug": "copied-message",
            "new_parent_page": world.index.pk,
            "copy_subpages": "",
            "publish_copies": "on",
        },
    )
    # No group holds publish permission under a message index: Wagtail does not even read the
    # option, and the copy is a draft.
    assert response.status_code == 302
    assert MessagePage.objects.get(slug="copied-message").live is False

    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Copied", "new_slug": "copied", "new_parent_page": world.index.pk, "copy_subpages": ""},
    )
    assert MessagePage.objects.get(slug="copied").live is False


def test_an_alias_stays_a_draft_even_when_its_original_is_republished(world):
    page = world.published()
    alias = page.create_alias(update_slug="alias-of-message")
    assert state_of(alias) == (False, None)
    world.edit(page, summary="New words")
    world.submit(page)
    world.sign_all(page)  # publishing the original updates its aliases
    assert state_of(alias) == (False, None)


def test_localize_tree_synchronisation_creates_draft_aliases_only(world):
    from wagtail_localize.models import LocaleSynchronization

    spanish = Locale.objects.get(language_code="es")
    page = world.published(slug="synced")
    # Saving a synchronisation creates aliases of every untranslated page in the target tree.
    LocaleSynchronization.objects.create(locale=spanish, sync_from=Locale.objects.get(language_code="en"))
    mirror = MessagePage.objects.filter(translation_key=page.translation_key, locale=spanish).first()
    assert mirror is not None and mirror.alias_of_id == page.pk
    assert state_of(mirror) == (False, None)


def test_revert_to_an_older_revision_and_publish_is_refused(client, world, publisher):
    page = world.published(title="Signed words")
    signed = page.live_revision
    world.edit(page, title="Draft words")

    client.force_login(publisher)
    client.post(
        reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, signed.pk]),
        message_form_data(title="Signed words", slug=page.slug, **{"action-publish": "1"}),
    )
    assert state_of(page) == (True, signed.pk)

    reverted = MessagePage.objects.get(pk=page.pk).save_revision(user=publisher, previous_revision=signed)
    with pytest.raises(SignOffRequired):
        reverted.publish(user=publisher, previous_revision=signed)
    assert state_of(page) == (True, signed.pk)


def test_unpublish_then_republish_an_edited_draft_is_refused(client, world, publisher):
    page = world.published()
    client.force_login(publisher)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    assert state_of(page)[0] is False

    edited = world.edit(page, summary="Changed while offline.")
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        message_form_data(
            title=page.title, slug=page.slug, summary="Changed while offline.", **{"action-publish": "1"}
        ),
    )
    assert state_of(page)[0] is False
    with pytest.raises(SignOffRequired):
        edited.publish(user=publisher)
    assert state_of(page)[0] is False


def test_direct_saves_from_code_cannot_change_live_words(world):
    page = world.published()
    page.summary = "Changed behind everyone's back"
    with pytest.raises(SignOffRequired):
        page.save()
    assert MessagePage.objects.get(pk=page.pk).summary != page.summary

    # A page created in code (or copied) has no signed revision: it starts as a draft.
    new = MessagePage(title="Born live", slug="born-live", summary="x", body=[], live=True)
    world.index.add_child(instance=new)
    assert state_of(new) == (False, None)


def test_a_command_calling_publish_publishes_only_without_signoff(road):
    page = road.page
    command = (
        "from wagtail.models import Page; "
        f"Page.objects.get(pk={page.pk}).specific.get_latest_revision().publish()"
    )
    if road.publishes:
        call_command("shell", command=command)
        assert state_of(page) == (True, page.get_latest_revision().pk)
    else:
        with pytest.raises(SignOffRequired) as refusal:
            call_command("shell", command=command)
        assert str(refusal.value) == (
            "This version has not been signed off by every required agency, so it cannot be published."
        )
        assert state_of(page) == (False, None)


def test_a_save_from_code_makes_live_only_without_signoff(road):
    page = Page.objects.get(pk=road.page.pk).specific
    page.live = True
    page.live_revision = page.get_latest_revision()
    if road.publishes:
        page.save()
        assert state_of(page) == (True, page.live_revision.pk)
    else:
        with pytest.raises(SignOffRequired) as refusal:
            page.save()
        assert str(refusal.value) == "This page can only go live through the agency sign-off."
        assert state_of(page) == (False, None)


# --- wagtail-localize ------------------------------------------------------------------------


def test_localize_creates_translations_of_live_messages_as_drafts(client, world, publisher):
    page = world.published()
    client.force_login(publisher)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [Locale.objects.get(language_code="es").pk]},
    )
    assert response.status_code == 302
    spanish = MessagePage.objects.get(translation_key=page.translation_key, locale__language_code="es")
    assert not spanish.live


def test_localize_editor_publish_is_refused(client, world, publisher):
    page = world.published()
    _translation, spanish = localize_translation(page)
    client.force_login(publisher)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[spanish.pk]), {"action": "publish"})
    assert response.status_code in {302, 403}
    assert state_of(spanish) == (False, None)


def test_localize_save_target_with_publish_is_refused(world, django_capture_on_commit_callbacks):
    page = world.published()
    translation, spanish = localize_translation(page)
    with pytest.raises(SignOffRequired), django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert state_of(spanish) == (False, None)


def test_localize_update_translations_and_publish_is_refused(client, world, publisher):
    page = world.published()
    translation, spanish = localize_translation(page)
    client.force_login(publisher)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
        {"publish_translations": "on"},
    )
    assert response.status_code in {302, 403}
    assert state_of(spanish) == (False, None)


def test_a_translation_goes_live_through_its_own_signoff(world):
    page = world.published(summary="Help is free.")
    translation, spanish = localize_translation(page)
    translate_strings(translation, prefix="ES ")
    state = services.submit_for_signoff(spanish, world.author).current_task_state.specific
    assert state.revision.as_object().summary == "ES Help is free.", "the reviewers sign the translated words"
    assert state.source_revision_id == page.live_revision_id, "reviewers see what it was translated from"
    spanish = world.sign_all(spanish)
    assert spanish.live and services.is_fully_signed_off(spanish.live_revision)
    assert spanish.summary == "ES Help is free."
    english_signoffs = {s.pk for s in services.endorsements(MessagePage.objects.get(pk=page.pk))}
    assert english_signoffs.isdisjoint({s.pk for s in services.endorsements(spanish)})
