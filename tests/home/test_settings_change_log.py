"""Site settings and site text are outside sign-off, but every change to them is logged with who
made it and, per field, the old and the new value (home/change_log.py)."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry, Site

from home.models import SafetySettings, SiteText
from tests.home.factories import SiteTextFactory

pytestmark = pytest.mark.django_db

NEW_NUMBER = "1-800-555-0100"


def entries_for(instance):
    return list(ModelLogEntry.objects.for_instance(instance).order_by("timestamp", "pk"))


def settings_form(settings, **changes):
    data = {
        "hotline_phone": settings.hotline_phone,
        "hotline_sms": settings.hotline_sms,
        "emergency_number": settings.emergency_number,
        "quick_exit_url": settings.quick_exit_url,
        "safety_page": settings.safety_page_id or "",
        "site_text": settings.site_text_id or "",
    }
    return {**data, **changes}


def site_text_form(text, **changes):
    data = {
        "hotline_name": text.hotline_name,
        "hotline_hours": text.hotline_hours,
        "safety_notice": text.safety_notice,
        "footer_text": text.footer_text,
    }
    return {**data, **changes}


@pytest.fixture
def safety(homes):
    return SafetySettings.for_site(Site.objects.get(is_default_site=True))


def test_editing_the_hotline_number_logs_the_user_and_the_old_and_new_number(
    admin_client, admin_user, safety
):
    url = reverse("wagtailsettings:edit", args=("home", "safetysettings", safety.site_id))
    response = admin_client.post(url, settings_form(safety, hotline_phone=NEW_NUMBER))
    assert response.status_code == 302
    assert SafetySettings.objects.get(pk=safety.pk).hotline_phone == NEW_NUMBER

    [entry] = entries_for(safety)  # one entry: ours, not also Wagtail's generic "wagtail.edit"
    assert entry.action == "home.settings.changed"
    assert entry.user == admin_user
    assert entry.data["changes"] == [{"field": "hotline_phone", "old": "1-888-373-7888", "new": NEW_NUMBER}]
    assert "1-888-373-7888" in entry.message and NEW_NUMBER in entry.message


def test_changing_the_site_text_choice_names_the_old_and_new_snippet(admin_client, safety):
    text = SiteTextFactory()
    url = reverse("wagtailsettings:edit", args=("home", "safetysettings", safety.site_id))
    admin_client.post(url, settings_form(safety, site_text=text.pk))

    [entry] = entries_for(safety)
    assert entry.data["changes"] == [{"field": "site_text", "old": "", "new": f"{text} (#{text.pk})"}]


def test_the_change_is_visible_in_the_site_history_report(admin_client, safety):
    url = reverse("wagtailsettings:edit", args=("home", "safetysettings", safety.site_id))
    admin_client.post(url, settings_form(safety, hotline_phone=NEW_NUMBER, emergency_number="112"))

    html = admin_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert NEW_NUMBER in html and "1-888-373-7888" in html
    assert "“911” → “112”" in html


def test_a_settings_row_made_on_first_use_is_not_logged_but_its_first_edit_is(client, homes, admin_client):
    assert not SafetySettings.objects.exists()
    assert client.get("/en/").status_code == 200  # the page makes the settings row with defaults
    safety = SafetySettings.objects.get()
    assert entries_for(safety) == []

    url = reverse("wagtailsettings:edit", args=("home", "safetysettings", safety.site_id))
    admin_client.post(url, settings_form(safety, emergency_number="112"))
    assert [entry.action for entry in entries_for(safety)] == ["home.settings.changed"]


def test_editing_site_text_in_the_admin_logs_the_changed_fields(admin_client, admin_user, homes):
    text = SiteTextFactory()
    ModelLogEntry.objects.all().delete()
    url = reverse("wagtailsnippets_home_sitetext:edit", args=[text.pk])
    response = admin_client.post(url, site_text_form(text, hotline_hours="Weekdays 9 to 5"))
    assert response.status_code == 302

    [entry] = entries_for(text)
    assert entry.action == "home.site_text.changed"
    assert entry.user == admin_user
    assert entry.data == {
        "changes": [{"field": "hotline_hours", "old": "24 hours a day", "new": "Weekdays 9 to 5"}],
        "locale": "en",
    }
    history = admin_client.get(reverse("wagtailsnippets_home_sitetext:history", args=[text.pk]))
    assert "“24 hours a day” → “Weekdays 9 to 5”" in history.content.decode()


def test_saving_site_text_without_a_change_is_logged_as_such(admin_client, homes):
    text = SiteTextFactory()
    ModelLogEntry.objects.all().delete()
    admin_client.post(reverse("wagtailsnippets_home_sitetext:edit", args=[text.pk]), site_text_form(text))

    [entry] = entries_for(text)
    assert entry.data["changes"] == []
    assert entry.message == "Saved without changes"


def test_copying_site_text_in_the_admin_logs_the_new_rows_words(admin_client, admin_user, homes):
    text = SiteTextFactory()
    copy_page = admin_client.get(reverse("wagtailsnippets_home_sitetext:copy", args=[text.pk]))
    assert copy_page.status_code == 200
    english = Locale.objects.get(language_code="en")
    response = admin_client.post(
        reverse("wagtailsnippets_home_sitetext:add") + f"?locale={english.language_code}",
        {**site_text_form(text, footer_text="Copied footer."), "locale": english.pk},
    )
    assert response.status_code == 302

    copy = SiteText.objects.exclude(pk=text.pk).get()
    [entry] = entries_for(copy)
    assert entry.action == "home.site_text.created"
    assert entry.user == admin_user
    assert {"field": "footer_text", "old": "", "new": "Copied footer."} in entry.data["changes"]


def test_translating_site_text_with_wagtail_localize_is_logged(admin_client, admin_user, homes):
    from wagtail_localize.models import Translation

    from tests.messaging.factories import translate_strings

    text = SiteTextFactory()
    spanish = Locale.objects.get(language_code="es")
    response = admin_client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=["home", "sitetext", text.pk]),
        {"locales": [spanish.pk]},
    )
    assert response.status_code == 302
    translated = SiteText.objects.get(translation_key=text.translation_key, locale=spanish)
    [created] = entries_for(translated)
    assert created.action == "home.site_text.created"
    assert created.user == admin_user
    assert created.data["locale"] == "es"

    # The translator translates the strings in wagtail-localize's editor and saves.
    translation = Translation.objects.get(source__object_id=text.translation_key, target_locale=spanish)
    translate_strings(translation, prefix="ES ")
    response = admin_client.post(
        reverse("wagtailsnippets_home_sitetext:edit", args=[translated.pk]), {"action": "publish"}
    )
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.hotline_hours == "ES 24 hours a day"

    changed = entries_for(translated)[-1]
    assert changed.action == "home.site_text.changed"
    assert changed.user == admin_user
    assert {"field": "hotline_hours", "old": "24 hours a day", "new": "ES 24 hours a day"} in (
        changed.data["changes"]
    )
