"""No road through wagtail-localize makes a page under sign-off live without a complete sign-off
of that exact revision; the same roads publish an ordinary page (see test_roads_to_live.py)."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from messaging import services
from messaging.models import MessagePage, SignOffRequired
from tests.messaging.factories import localize_translation, translate_strings
from tests.messaging.roads import REFUSED_PUBLISH, edit_url, state_of, told

pytestmark = pytest.mark.django_db


def test_localize_creates_translations_of_live_messages_as_drafts(client, world, publisher):
    """wagtail-localize makes every new translation a draft, whatever the page type: there is no
    positive control to run (this guards against a version that starts publishing them)."""
    page = world.published()
    client.force_login(publisher)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [Locale.objects.get(language_code="es").pk]},
    )
    assert response.status_code == 302
    spanish = MessagePage.objects.get(translation_key=page.translation_key, locale__language_code="es")
    assert not spanish.live


# wagtail-localize publishes a translation in an on-commit callback. The two HTTP roads below run
# in real transactions, as requests do in production (no ATOMIC_REQUESTS), so the callback runs
# inside the request and the person sees its outcome.


@pytest.mark.django_db(transaction=True)
def test_localize_editor_publish_publishes_only_without_signoff(localize_submit_permission, client, road):
    _translation, spanish = localize_translation(road.live_page())
    client.force_login(road.user)
    response = client.post(edit_url(spanish), {"action": "publish"})
    assert state_of(spanish)[0] is road.publishes
    if not road.publishes:
        # The editor shows no Publish action on a page under sign-off (nobody holds the
        # permission), so a forged one meets Wagtail's own refusal.
        assert (response.status_code, response["Location"]) == (302, "/admin/")
        assert told(response) == ["Sorry, you do not have permission to access this area."]


def test_localize_save_target_with_publish_publishes_only_without_signoff(
    road, django_capture_on_commit_callbacks
):
    translation, spanish = localize_translation(road.live_page())
    if road.publishes:
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
    else:
        with pytest.raises(SignOffRequired) as refusal, django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        assert str(refusal.value) == REFUSED_PUBLISH
    assert state_of(spanish)[0] is road.publishes


@pytest.mark.django_db(transaction=True)
def test_localize_update_translations_and_publish_publishes_only_without_signoff(
    localize_submit_permission, client, road
):
    translation, spanish = localize_translation(road.live_page())
    client.force_login(road.user)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
        {"publish_translations": "on"},
    )
    assert state_of(spanish)[0] is road.publishes
    if not road.publishes:
        # The strings are saved to the draft translation (wagtail-localize says so), then its
        # publish, run when the view's transaction commits, is refused and the person told why.
        assert (response.status_code, told(response)) == (
            302,
            [f"Successfully updated translations for '{spanish.title}'", REFUSED_PUBLISH],
        )


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
