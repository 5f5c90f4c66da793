"""Demo messages in their three states; what the public sees of a message."""

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from home.seeding import SeedReport
from messaging import demo, services
from messaging.models import MessagePage
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import AgencyFactory, partner

pytestmark = pytest.mark.django_db


def demo_cast():
    agencies = [AgencyFactory(name=f"Demo agency {i}", slug=f"demo-{i}") for i in range(4)]
    for agency in agencies:
        partner(agency, "communications_lead", username=f"{agency.slug}-lead")
    partner(agencies[0], "author", username="demo-0-author")
    return agencies


def test_demo_messages_are_in_three_states_in_both_languages_and_seeding_is_idempotent(client, homes):
    demo_cast()
    demo.seed(SeedReport(created=[]))
    states = {}
    for page in MessagePage.objects.select_related("locale"):
        state = services.latest_round(page)
        slug = page.get_latest_revision_as_object().slug  # a translation's words are in its revision
        states[(page.locale.language_code, slug)] = (
            page.live,
            page.current_workflow_state and page.current_workflow_state.status,
            state.status,
        )
    assert states == {
        ("en", "anyone-can-be-trafficked"): (True, None, "approved"),
        ("es", "cualquier-persona-puede-ser-victima"): (True, None, "approved"),
        ("en", "help-does-not-depend-on-police"): (False, "in_progress", "in_progress"),
        ("es", "la-ayuda-no-depende-de-la-policia"): (False, "in_progress", "in_progress"),
        ("en", "report-what-you-see"): (False, "needs_changes", "rejected"),
        ("es", "denuncie-lo-que-ve"): (False, "needs_changes", "rejected"),
    }
    in_review = MessagePage.objects.get(slug="help-does-not-depend-on-police", locale__language_code="en")
    assert 0 < len(services.missing_agencies(services.current_round(in_review))) < 4
    # Its Spanish was made in wagtail-localize's translation editor, and the leads review the
    # translated strings, which the submission turned into the revision under review.
    spanish_in_review = in_review.get_translation(Locale.objects.get(language_code="es"))
    assert services.is_localize_translation(spanish_in_review)
    spanish_round = services.current_round(spanish_in_review)
    assert spanish_round.revision.as_object().title == "La ayuda no depende de hablar con la policía"
    assert "Algunas sobrevivientes temen a la policía" in str(spanish_round.revision.as_object().body)
    assert spanish_round.source_revision.object_id == str(in_review.pk)
    assert not services.translated_strings_changed(spanish_round)
    assert 0 < len(services.missing_agencies(spanish_round)) < 4

    report = SeedReport(created=[])
    demo.seed(report)
    assert MessagePage.objects.count() == 6 and not any("message (" in note for note in report.created)

    spanish = client.get("/es/mensaje/cualquier-persona-puede-ser-victima/").content.decode()
    assert "Respaldado por" in spanish and "Demo agency 3" in spanish


def test_message_index_lists_only_live_messages(client, homes):
    world = SignOffWorld(homes["en"], agencies=2)
    live = world.draft(title="Live words")
    world.submit(live)
    world.sign_all(live)
    world.draft(title="Draft words")
    html = client.get(world.index.url).content.decode()
    assert "Live words" in html and "Draft words" not in html


def test_endorsements_name_the_agencies_and_the_date_but_show_no_current_logo(client, homes):
    """A logo is not recorded with a sign-off, so today's logo (which its agency can change at
    any time) is not shown as if it had been signed."""
    world = SignOffWorld(homes["en"], agencies=2)
    logo = Image.objects.create(title="Logo", file=get_test_image_file())
    world.agencies[0].logo = logo
    world.agencies[0].logo_alt_text = "Agency A badge: a blue shield"
    world.agencies[0].save()
    page = world.draft()
    world.submit(page)
    page = world.sign_all(page)
    html = client.get(page.url).content.decode()
    assert "Agency A badge" not in html
    assert all(agency.name in html for agency in world.agencies)
    assert "Signed off by every partner agency listed" in html


def test_endorsements_are_those_of_the_live_revision_only(client, homes):
    world = SignOffWorld(homes["en"], agencies=2)
    page = world.draft()
    world.submit(page)
    page = world.sign_all(page)
    late = AgencyFactory(name="Joined later")
    partner(late, "communications_lead")
    world.edit(page, summary="Second version")
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    html = client.get(MessagePage.objects.get(pk=page.pk).url).content.decode()
    assert "Agency A" in html and "Agency B" in html and "Joined later" not in html


def test_translation_reviewers_see_the_source_revision(client, homes):
    world = SignOffWorld(homes["en"], agencies=2)
    page = world.draft()
    world.submit(page)
    page = world.sign_all(page)
    spanish = world.translate(page)
    services.submit_for_signoff(spanish, world.author)
    client.force_login(world.lead(1))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk])).content.decode()
    source = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, page.live_revision_id])
    assert source in html and "This is a translation." in html


def test_message_index_pages_through_messages_and_forgives_bad_page_numbers(client, homes):
    from messaging.models import MessageIndexPage
    from tests.messaging.factories import SignOffWorld

    world = SignOffWorld(homes["en"], agencies=1)
    for n in range(11):
        world.published(title=f"Message {n}", slug=f"message-{n}")
    index_url = MessageIndexPage.objects.get(pk=world.index.pk).url
    first = client.get(index_url).content.decode()
    assert 'href="?page=2" rel="next"' in first and 'rel="prev"' not in first
    second = client.get(index_url, {"page": "2"}).content.decode()
    assert 'href="?page=1" rel="prev"' in second and 'rel="next"' not in second
    assert client.get(index_url, {"page": "junk"}).status_code == 200
    assert "Page 2 of 2" in client.get(index_url, {"page": "99"}).content.decode()
