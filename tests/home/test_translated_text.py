"""TranslatedTextWidget renders the languages it was built with, even after settings change
(Wagtail caches admin forms: a widget built under one LANGUAGES is rendered under another)."""

from django.test import override_settings

from home.fields import TranslatedTextWidget


def test_a_widget_built_with_more_languages_still_renders_after_the_setting_changes():
    with override_settings(LANGUAGES=[("en", "English"), ("es", "Spanish"), ("ar", "Arabic")]):
        widget = TranslatedTextWidget()
    html = widget.render("name", {"en": "Shelter", "ar": "مأوى"})
    assert '<span lang="ar">Arabic</span>' in html
    assert "Shelter" in html and "مأوى" in html
