from importlib import import_module

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Revision

from home.management.commands.seed_demo import DEMO_APPS
from home.models import SafetySettings

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(Page.objects.values_list("url_path", "locale__language_code", "live")),
        Revision.objects.count(),
        get_user_model().objects.count(),
    )


@override_settings(DEBUG=True)
def test_seed_demo_creates_both_languages_and_is_idempotent(client, capsys):
    call_command("seed_demo")
    first = snapshot()
    out = capsys.readouterr().out
    assert "admin / commons-demo" in out

    call_command("seed_demo")
    assert snapshot() == first
    assert "nothing changed" in capsys.readouterr().out

    for url in [
        "/en/",
        "/en/about/",
        "/en/report/",
        "/en/safety-online/",
        "/es/",
        "/es/sobre-el-grupo/",
        "/es/denunciar/",
        "/es/seguridad-en-internet/",
    ]:
        assert client.get(url).status_code == 200, url
    spanish = client.get("/es/denunciar/").content.decode()
    assert "Línea Nacional contra la Trata de Personas" in spanish
    assert 'href="tel:18883737888"' in spanish
    assert SafetySettings.objects.get().safety_page.url_path.endswith("/safety-online/")
    assert get_user_model().objects.get(username="admin").is_superuser
    # The home page's sections come from the data file, with its page names resolved.
    english, spanish = (client.get(url).content.decode() for url in ("/en/", "/es/"))
    assert 'href="/en/about/"' in english and 'href="/es/sobre-el-grupo/"' in spanish
    # "Need help now?" links to the data file's page on reporting (the one that shows the hotline first).
    assert 'href="/en/report/"' in english.split('class="help-now"')[1].split("</section>")[0]
    assert 'href="/es/denunciar/"' in spanish.split('class="help-now"')[1].split("</section>")[0]
    assert 'class="help-now"' in client.get("/es/denunciar/").content.decode()


def listed_accounts():
    return {
        username
        for app in DEMO_APPS
        for _label, rows in import_module(f"{app}.demo").accounts()
        for usernames in rows
        for username in usernames
    }


@override_settings(DEBUG=True)
def test_every_app_lists_exactly_the_demo_accounts_it_creates(capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    created = set(get_user_model().objects.values_list("username", flat=True))
    assert created - {"admin"} == listed_accounts()
    for username in listed_accounts():
        assert username in out


@override_settings(DEBUG=False)
def test_seed_demo_refuses_outside_development_without_a_chosen_password(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        call_command("seed_demo")


@override_settings(DEBUG=False)
def test_seed_demo_never_prints_the_password_outside_development(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "a-chosen-secret-1")
    call_command("seed_demo")
    assert "a-chosen-secret-1" not in capsys.readouterr().out
    assert get_user_model().objects.get(username="admin").check_password("a-chosen-secret-1")
