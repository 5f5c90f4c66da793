"""Submitting a translation made in wagtail-localize's editor: a refusal names what is missing
and where to find it, with a link to the editor."""

import html

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from messaging import services
from tests.messaging.factories import localize_translation, translate_strings

pytestmark = pytest.mark.django_db


def test_a_refused_submission_names_the_missing_field_and_its_tab(client, world):
    page = world.published()
    translation, spanish = localize_translation(page)
    translate_strings(translation)
    StringTranslation.objects.filter(context__path="slug", locale=translation.target_locale).delete()

    client.force_login(world.author)
    response = client.post(reverse("messaging:submit", args=[spanish.pk]))
    editor = reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    assert response["Location"] == editor
    page_html = html.unescape(client.get(editor).content.decode())
    assert "This translation is not finished. Still to translate: “Slug” on the Promote tab." in page_html
    assert f'href="{editor}"' in page_html.split("Still to translate")[1].split("</li>")[0]
    assert services.current_round(spanish) is None

    # Positive control: with the slug translated, the same submission starts the round.
    translate_strings(translation)
    client.post(reverse("messaging:submit", args=[spanish.pk]))
    assert services.current_round(spanish) is not None


def test_several_missing_texts_are_named_once_each_in_the_translation_editors_order(world):
    page = world.published()
    translation, spanish = localize_translation(page)
    # Nothing translated at all.
    with pytest.raises(services.SignOffRefused) as refusal:
        services.submit_for_signoff(spanish, world.author)
    assert str(refusal.value) == (
        "This translation is not finished. Still to translate: “Title” on the Content tab; "
        "“Slug” on the Promote tab; “Summary” on the Content tab; “Body” on the Content tab."
    )
