"""No other road to live (DESIGN.md, section 4): every way Wagtail, wagtail-localize or a command
could make a messaging page live is refused without a complete sign-off of that exact revision.

A refusal is an HTTP 403, or Wagtail's redirect, and in every case the page is not live and its
live revision has not changed. Where a road can publish anything at all, the same function runs
first against an ordinary page (Wagtail's plain Page, which is not under sign-off) as a positive
control: the very same request must publish it, so a refusal cannot come from a malformed request.
"""

import datetime
import html
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from messaging.models import MessagePage, SignOffRequired
from messaging.wagtail_hooks import NOT_PUBLISHED
from tests.messaging.roads import edit_url, refused_and_told, state_of, told
from tests.partners.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["coordinator", "superuser"])
def admin_user(request, publisher):
    if request.param == "coordinator":
        return publisher
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def test_no_publish_button_for_anyone(client, world, admin_user):
    page = world.draft()
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html


def test_publish_button_post_publishes_only_without_signoff(client, road):
    page = road.page
    client.force_login(road.user)
    response = client.post(
        edit_url(page), road.form(title=page.title, slug=page.slug, **{"action-publish": "1"})
    )
    assert response.status_code == 302
    if road.publishes:
        assert state_of(page) == (True, Page.objects.get(pk=page.pk).latest_revision_id)
        assert told(response) == [f"Page '{page.title}' has been published."]
    else:
        # Wagtail saves the words as a draft; the person is told why it is not live.
        assert state_of(page) == (False, None)
        assert refused_and_told(response, f"Page '{page.title}' has been updated.")


def test_create_and_publish_in_one_step_publishes_only_without_signoff(client, road, creatable_plain_pages):
    client.force_login(road.user)
    form = road.form(title="Straight to live", slug="straight", **{"action-publish": "1"})
    response = client.post(road.add_url(), form)
    assert response.status_code == 302
    page = Page.objects.get(slug="straight")
    if road.publishes:
        assert state_of(page) == (True, page.latest_revision_id)
        assert told(response) == ["Page 'Straight to live' created and published."]
    else:
        assert state_of(page) == (False, None)
        assert refused_and_told(response, "Page 'Straight to live' created.")


def test_publish_of_an_edit_to_a_live_page_publishes_only_without_signoff(client, road):
    page = road.live_page(title="Signed words")
    before = state_of(page)
    client.force_login(road.user)
    response = client.post(
        edit_url(page), road.form(title="Unsigned words", slug=page.slug, **{"action-publish": "1"})
    )
    live_title = Page.objects.get(pk=page.pk).title
    if road.publishes:
        assert live_title == "Unsigned words" and state_of(page) != before
    else:
        assert live_title == "Signed words" and state_of(page) == before
        assert refused_and_told(response, "Page 'Unsigned words' has been updated.")


def test_scheduling_go_live_schedules_only_without_signoff(client, road):
    page = road.page
    client.force_login(road.user)
    go_live = (timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post(
        edit_url(page),
        road.form(title=page.title, slug=page.slug, go_live_at=go_live, **{"action-publish": "1"}),
    )
    scheduled = Page.objects.get(pk=page.pk).revisions.filter(approved_go_live_at__isnull=False).exists()
    assert scheduled is road.publishes
    assert state_of(page) == (False, None), "not before its go-live time, in any case"
    if not road.publishes:
        assert refused_and_told(response, f"Page '{page.title}' has been updated.")


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


def test_copy_with_publish_publishes_the_copy_only_without_signoff(client, road, creatable_plain_pages):
    page = road.live_page()
    client.force_login(road.user)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "Copied page",
            "new_slug": "copied-page",
            "new_parent_page": road.parent.pk,
            "copy_subpages": "",
            "publish_copies": "on",
        },
    )
    if road.publishes:
        assert response.status_code == 302
        assert Page.objects.get(slug="copied-page").live
    elif road.user.is_superuser:
        # Offered the option, the superuser is refused in the form, and nothing is copied.
        assert response.status_code == 200
        assert f'You do not have permission to publish pages at "{road.parent.title}"' in html.unescape(
            response.content.decode()
        )
        assert not Page.objects.filter(slug="copied-page").exists()
    else:
        # Not offered the option, the coordinator gets a draft copy and is told why.
        assert response.status_code == 302
        assert Page.objects.get(slug="copied-page").live is False
        assert told(response)[-1] == str(NOT_PUBLISHED)


def test_an_alias_is_live_only_without_signoff(road):
    page = road.live_page()
    alias = page.create_alias(update_slug=f"alias-of-{page.slug}")
    assert state_of(alias)[0] is road.publishes
    road.republish(page)  # publishing the original updates its aliases
    assert state_of(alias)[0] is road.publishes
    if not road.publishes:
        assert state_of(alias) == (False, None)


def test_localize_tree_synchronisation_makes_live_aliases_only_without_signoff(road):
    from wagtail_localize.models import LocaleSynchronization

    spanish = Locale.objects.get(language_code="es")
    page = road.live_page()
    # Saving a synchronisation creates aliases of every untranslated page in the target tree.
    LocaleSynchronization.objects.create(locale=spanish, sync_from=Locale.objects.get(language_code="en"))
    mirror = Page.objects.get(translation_key=page.translation_key, locale=spanish)
    assert mirror.alias_of_id == page.pk
    assert state_of(mirror)[0] is road.publishes


def test_revert_to_an_older_revision_and_publish_publishes_only_without_signoff(client, road):
    page = road.live_page(title="Signed words")
    signed = Page.objects.get(pk=page.pk).live_revision
    draft = Page.objects.get(pk=page.pk).specific
    draft.title = "Draft words"
    draft.save_revision(user=road.user)

    client.force_login(road.user)
    response = client.post(
        reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, signed.pk]),
        road.form(title="Signed words", slug=page.slug, **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    if road.publishes:
        live, live_revision = state_of(page)
        assert live and live_revision not in {signed.pk, None}
    else:
        assert state_of(page) == (True, signed.pk)
        assert response["Location"] == "/admin/"
        assert told(response) == ["This page can only go live through the agency sign-off."]


def test_unpublish_then_republish_an_edited_draft_publishes_only_without_signoff(client, road):
    page = road.live_page()
    client.force_login(road.user)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    assert state_of(page)[0] is False

    response = client.post(
        edit_url(page),
        road.form(title=page.title, slug=page.slug, summary="Offline.", **{"action-publish": "1"}),
    )
    assert state_of(page)[0] is road.publishes
    if not road.publishes:
        assert refused_and_told(
            response, f"Page '{page.title}' unpublished.", f"Page '{page.title}' has been updated."
        )


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
