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
        ("es", "Search all pages…", "Buscar en todas las páginas…"),
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


@pytest.mark.parametrize(
    "language, ours",
    [
        ("en", "Download the texts as a file"),
        ("es", "Descargar los textos en un archivo"),
    ],
)
def test_the_translation_editor_speaks_our_words(client, homes, language, ours):
    """wagtail-localize's React editor takes its words from its JavaScript catalogue; ours
    (locale/*/LC_MESSAGES/djangojs.po) replace "PO file", "alias" and "segments" in it."""
    import json

    from wagtail.users.models import UserProfile

    from tests.factories import UserFactory

    translator = UserFactory(is_superuser=True)
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = language
    profile.save()
    client.force_login(translator)
    response = client.get(reverse("wagtail_localize:javascript_catalog"))
    assert response.status_code == 200
    words = json.loads(response.content.decode().split("const newcatalog = ")[1].split(";\n")[0])
    assert words["Download PO file"] == ours
    for msgid, text in words.items():
        if msgid.lower() != text.lower():
            assert "PO " not in text and "alias" not in text.lower() and "segment" not in text.lower(), text


def test_each_word_we_replace_in_the_translation_editor_is_still_one_it_uses():
    """An upgrade of wagtail-localize that rewords its editor is noticed here, not by a partner."""
    from pathlib import Path

    import polib
    import wagtail_localize

    static = Path(wagtail_localize.__file__).parent / "static" / "wagtail_localize" / "js"
    bundle = (static / "wagtail-localize.js").read_text()
    ours = polib.pofile(str(Path(__file__).parents[2] / "locale/en/LC_MESSAGES/djangojs.po"))
    assert len(ours) >= 8
    for entry in ours:
        assert f'"{entry.msgid}"' in bundle, entry.msgid


@pytest.mark.parametrize(
    "language, name, not_shown",
    [
        ("en", "Agency sign-off", "Aprobación de las agencias"),
        ("es", "Aprobación de las agencias", "Agency sign-off"),
    ],
)
def test_wagtails_screens_name_the_signoff_in_the_readers_language(client, homes, language, name, not_shown):
    from wagtail.users.models import UserProfile

    world = SignOffWorld(homes["en"], agencies=2)
    page = world.draft()
    world.submit(page)
    profile = UserProfile.get_for_user(world.author)
    profile.preferred_language = language
    profile.save()
    client.force_login(world.author)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    history = client.get(reverse("wagtailadmin_pages:workflow_history", args=[page.pk])).content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'<span id="title-text-workflow-status-dialog">{name}</span>' in editor
    assert name in history and name in dashboard
    for html in (editor, history, dashboard):
        assert not_shown not in html


def test_the_signoff_name_is_stored_as_created_whatever_language_saves_it(homes):
    from wagtail.models import Task, Workflow

    from messaging.workflow_names import ShownName

    SignOffWorld(homes["en"], agencies=1)
    with translation.override("es"):
        workflow = Workflow.objects.get(name="Agency sign-off")
        assert isinstance(workflow.name, ShownName) and f"{workflow.name}" == "Aprobación de las agencias"
        workflow.save()
        # A form shows the Spanish name; saving it back keeps the stored one.
        task = Task.objects.get(name="Agency sign-off").specific
        task.name = "Aprobación de las agencias"
        task.save()
    assert Workflow.objects.filter(name="Agency sign-off", pk=workflow.pk).exists()
    assert Task.objects.filter(name="Agency sign-off", pk=task.pk).exists()

    # Positive control: a name someone typed is stored and shown as written.
    with translation.override("es"):
        workflow.name = "Revisión jurídica"
        workflow.save()
        assert str(Workflow.objects.get(pk=workflow.pk).name) == "Revisión jurídica"
