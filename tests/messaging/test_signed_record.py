"""What a live page shows is what was signed (issue 7, points 5 and 9): "Endorsed by" names the
agencies as recorded at signing, an agency that signed cannot be deleted, and every public field
of a live page, tags and co-authors included, belongs to the signed revision."""

import pytest
from django.urls import reverse

from messaging import services
from messaging.models import MessagePage, SignOffRequired
from partners.models import Agency
from tests.messaging.factories import SignOffWorld, localize_translation, translate_strings
from tests.partners.factories import AgencyFactory, UserFactory, coordinator

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"], agencies=2)


def test_endorsed_by_shows_the_names_recorded_at_signing_not_todays(client, world):
    page = world.published()
    agency = world.agencies[0]
    original_name = agency.name
    agency.name = "Renamed Behind Everyone's Back"
    agency.save()

    html = client.get(page.url).content.decode()
    assert original_name in html
    assert "Renamed Behind Everyone" not in html
    assert sorted(s.agency_name for s in services.endorsements(page)) == sorted(
        [original_name, world.agencies[1].name]
    )


def test_an_agency_that_signed_cannot_be_deleted_only_deactivated(client, world):
    world.published()
    signer = world.agencies[0]
    signer.memberships.all().delete()  # no members left: only its sign-offs hold it
    bystander = AgencyFactory(name="Never Signed")
    client.force_login(coordinator(username="coord"))

    response = client.post(reverse("agencies:delete", args=[signer.pk]), follow=True)
    assert response.redirect_chain[0][0] == reverse("agencies:edit", args=[signer.pk])
    assert "has signed off published content" in response.content.decode()
    assert Agency.objects.filter(pk=signer.pk).exists()

    # Positive control: an agency that never signed anything is deleted.
    response = client.post(reverse("agencies:delete", args=[bystander.pk]))
    assert response.status_code == 302
    assert not Agency.objects.filter(pk=bystander.pk).exists()


def test_tags_and_co_authors_of_a_live_page_only_change_through_a_signed_revision(world):
    page = world.published()
    page.tags.add("labour")
    with pytest.raises(SignOffRequired):
        page.save()
    assert list(MessagePage.objects.get(pk=page.pk).tags.names()) == []

    page = MessagePage.objects.get(pk=page.pk)
    page.co_authors.set([world.agencies[1]])
    with pytest.raises(SignOffRequired):
        page.save()
    assert list(MessagePage.objects.get(pk=page.pk).co_authors.all()) == []

    # Positive control: the same change as a revision goes through sign-off and then shows.
    draft = MessagePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.tags.add("labour")
    draft.save_revision(user=world.author)
    world.submit(draft)
    page = world.sign_all(draft)
    assert list(MessagePage.objects.get(pk=page.pk).tags.names()) == ["labour"]


def test_an_unrelated_save_of_a_live_page_still_works(world):
    page = world.published()
    page.save()  # same words as the live revision: nothing to refuse
    page.save_revision(user=world.author)  # a draft on a live page
    assert MessagePage.objects.get(pk=page.pk).live


def test_localize_update_translations_does_not_write_unsigned_tags_into_a_live_translation(
    client, world, django_capture_on_commit_callbacks
):
    english = world.published()
    translation, spanish = localize_translation(english)
    translate_strings(translation)
    services.submit_for_signoff(spanish, world.author)
    spanish = world.sign_all(spanish)
    assert spanish.live

    draft = MessagePage.objects.get(pk=english.pk).get_latest_revision_as_object()
    draft.tags.add("unsigned-in-spanish")
    draft.save_revision(user=world.author)
    world.submit(draft)
    world.sign_all(draft)

    client.force_login(coordinator(username="coord"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
            {"publish_translations": "on"},
            follow=True,
        )
    assert response.status_code == 200
    assert "can only change through a new revision" in response.content.decode(), "the update was tried"
    live_spanish = MessagePage.objects.get(pk=spanish.pk)
    assert live_spanish.live and live_spanish.live_revision_id == spanish.live_revision_id
    assert list(live_spanish.tags.names()) == []


def _image(title):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    return Image.objects.create(title=title, file=get_test_image_file(filename=f"{title}.png"))


def test_the_file_of_an_image_shown_by_a_signed_live_page_cannot_be_replaced(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    shown, unused = _image("shown"), _image("unused")
    body = [{"type": "image", "value": {"image": shown.pk, "alt_text": "A poster", "caption": ""}}]
    world.published(body=body)
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))

    def replace(image):
        new_file = get_test_image_file(filename="replacement.png", colour="red")
        upload = SimpleUploadedFile("replacement.png", new_file.file.getvalue(), content_type="image/png")
        return client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {"title": image.title, "file": upload, "tags": "", "collection": image.collection_id},
        )

    before = Image.objects.get(pk=shown.pk).file.name
    response = replace(shown)
    assert response.status_code == 200
    assert "so it cannot be replaced" in response.content.decode()
    assert Image.objects.get(pk=shown.pk).file.name == before

    # Code that bypasses the form is refused too.
    shown = Image.objects.get(pk=shown.pk)
    shown.file = get_test_image_file(filename="sneaky.png")
    with pytest.raises(SignOffRequired):
        shown.save()

    # Positive control: an image that no signed live page shows can be replaced.
    before = Image.objects.get(pk=unused.pk).file.name
    assert replace(unused).status_code == 302
    assert Image.objects.get(pk=unused.pk).file.name != before
