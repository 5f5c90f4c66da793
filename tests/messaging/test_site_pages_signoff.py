"""Every public page goes live only through the agency sign-off: home, standard, directory and
index pages as well as messages (security issue, point 11)."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from home.models import HomePage, StandardPage
from messaging import services
from messaging.models import MessageIndexPage, MessagePage, SignOffRequired, SignOffSettings
from partners.models import DirectoryPage
from tests.home.factories import StandardPageFactory
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import UserFactory, coordinator

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"])


def new_page(kind, world, homes):
    """A new draft page of each public type, with a first revision."""
    if kind == "standard":
        page = StandardPageFactory(parent=homes["en"], title="How to get help", slug="help", live=False)
    elif kind == "directory":
        page = DirectoryPage(title="Partner directory", slug="partners", introduction="Who does what.")
        homes["en"].add_child(instance=page)
    elif kind == "message index":
        page = MessageIndexPage(title="Statements", slug="statements")
        homes["en"].add_child(instance=page)
    elif kind == "home translation":
        from home.services import add_translation

        Locale.objects.get_or_create(language_code="fr")
        french = Locale.objects.get(language_code="fr")
        page = add_translation(
            homes["en"], french, publish=False, title="Accueil", slug="accueil", headline="Ensemble"
        )
    else:
        return world.draft()
    page = Page.objects.get(pk=page.pk).specific
    page.save_revision(user=world.author)
    return type(page).objects.get(pk=page.pk)


KINDS = ["standard", "directory", "message index", "home translation", "message"]


@pytest.mark.parametrize("kind", KINDS)
def test_publishing_an_unsigned_revision_is_refused(kind, world, homes):
    page = new_page(kind, world, homes)
    with pytest.raises(SignOffRequired):
        page.get_latest_revision().publish()
    assert not Page.objects.get(pk=page.pk).live


@pytest.mark.parametrize("kind", KINDS)
def test_a_page_created_live_starts_as_a_draft(kind, world, homes):
    page = new_page(kind, world, homes)
    copy = page.copy(update_attrs={"slug": f"{page.slug}-copy", "title": "Copy"}, to=page.get_parent())
    assert copy.live is False and not Page.objects.get(pk=copy.pk).live


@pytest.mark.parametrize("kind", KINDS)
def test_the_publish_button_publishes_nothing_even_for_a_superuser(client, kind, world, homes):
    page = new_page(kind, world, homes)
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-publish"' not in edit
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action-publish": "1"})
    assert not Page.objects.get(pk=page.pk).live


@pytest.mark.parametrize("kind", KINDS)
def test_a_complete_sign_off_publishes_it(kind, world, homes):
    """Positive control of the refusals above: the sign-off is the road, for every type."""
    page = new_page(kind, world, homes)
    services.submit_for_signoff(page, coordinator(username="coord"))
    state = services.current_round(page)
    assert set(state.required_agencies.all()) == set(world.agencies)
    world.sign_all(page, but=(2,))
    assert not Page.objects.get(pk=page.pk).live
    services.sign_off(services.current_round(page), world.lead(2))
    assert Page.objects.get(pk=page.pk).live


def test_the_coordinator_drafts_and_submits_the_hotline_page(client, world, homes):
    boss = coordinator(username="coord")
    SignOffSettings.load().site_page_agencies.set([world.agencies[0]])
    page = StandardPageFactory(parent=homes["en"], title="How to get help", slug="help")
    client.force_login(boss)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit_url).status_code == 200
    # The coordinator edits the live page: the change waits for the sign-off, the public page
    # keeps its signed words.
    draft = page.get_latest_revision_as_object()
    draft.introduction = "Call the hotline at any hour."
    draft.save_revision(user=boss)
    assert StandardPage.objects.get(pk=page.pk).introduction != "Call the hotline at any hour."
    assert client.post(reverse("messaging:submit", args=[page.pk])).status_code == 302
    services.sign_off(services.current_round(page), world.lead(0))
    assert StandardPage.objects.get(pk=page.pk).introduction == "Call the hotline at any hour."


def test_a_home_page_live_before_sign_off_stays_live_until_its_first_edit(client, world):
    """The home page made by the first migration: live, with no revision at all."""
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    Page.objects.filter(pk=home.pk).update(live=True, live_revision=None)
    home = HomePage.objects.get(pk=home.pk)
    headline = home.headline
    home.save()  # merely saving it (as moves and tree repairs do) raises nothing
    home.save(update_fields=["show_in_menus"])
    assert client.get("/en/").status_code == 200

    home.headline = "Changed without sign-off"
    with pytest.raises(SignOffRequired):
        home.save()
    assert HomePage.objects.get(pk=home.pk).headline == headline

    # Its first edit is a revision, which goes through the sign-off like any other.
    edited = HomePage.objects.get(pk=home.pk)
    edited.headline = "Signed words"
    edited.save_revision(user=world.author)
    assert HomePage.objects.get(pk=home.pk).headline == headline
    services.submit_for_signoff(HomePage.objects.get(pk=home.pk), coordinator(username="coord"))
    world.sign_all(HomePage.objects.get(pk=home.pk))
    assert HomePage.objects.get(pk=home.pk).headline == "Signed words"


def test_each_page_names_the_agencies_that_signed_its_words(client, world, homes):
    SignOffSettings.load().site_page_agencies.set([world.agencies[0], world.agencies[2]])
    page = StandardPageFactory(parent=homes["en"], title="About", slug="about", live=False)
    page.save_revision(user=world.author)
    services.submit_for_signoff(StandardPage.objects.get(pk=page.pk), coordinator(username="coord"))
    services.sign_off(services.current_round(page), world.lead(0))
    services.sign_off(services.current_round(page), world.lead(2))
    html = client.get("/en/about/").content.decode()
    note = html.split('class="approval-note"')[1].split("</p>")[0]
    assert "signed off by Agency A, Agency C on" in " ".join(re.sub(r"<[^>]+>", " ", note).split()).replace(
        " ,", ","
    )
    assert "Agency B" not in html


def test_a_page_live_before_sign_off_does_not_claim_approval(client, world):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    Page.objects.filter(pk=home.pk).update(live=True, live_revision=None)
    html = client.get("/en/").content.decode()
    assert "published before agency sign-off began" in html
    assert "signed off by" not in html


def test_messages_keep_their_endorsements_block(client, world):
    page = world.published(title="One voice", slug="one-voice")
    html = client.get(page.url).content.decode()
    assert "Endorsed by" in html and "published before agency sign-off" not in html
    assert MessagePage.objects.get(pk=page.pk).live
