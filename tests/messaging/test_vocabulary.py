"""One vocabulary on every screen our roles use: submit for sign-off, sign off, request changes,
in review, changes requested, signed off, live; never Wagtail's "moderation" where we can change it."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.messaging.factories import SignOffWorld

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, wagtail_words, ours",
    [
        ("en", "In Moderation", "In review"),
        ("en", "Submit for moderation", "Submit for sign-off"),
        ("en", "Locales", "Languages"),
        ("es", "In Moderation", "En revisión"),
        ("es", "Locales", "Idiomas"),
    ],
)
def test_wagtails_words_are_said_in_ours(language, wagtail_words, ours):
    with translation.override(language):
        assert gettext(wagtail_words) == ours


@pytest.mark.parametrize(
    "language, submit, again",
    [
        ("en", "Submit for agency sign-off", "Submit again for agency sign-off"),
        ("es", "Enviar a la aprobación de las agencias", "Enviar de nuevo a la aprobación de las agencias"),
    ],
)
def test_the_editor_says_submit_for_signoff_in_the_persons_language(client, homes, language, submit, again):
    world = SignOffWorld(homes["en"], agencies=2)
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(world.author)
    profile.preferred_language = language
    profile.save()
    page = world.draft()
    client.force_login(world.author)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert submit in html and "Agency sign-off" not in html.split("footer")[-1]
    assert "moderation" not in html.lower() and "moderación" not in html.lower()

    from messaging import services

    services.request_changes(world.submit(page), world.lead(1), "Please fix.")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert again in html
