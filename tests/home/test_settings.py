"""Production settings fail fast and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "k3v!q9x#Lr2@pZ7m$Wn4&Tb8^Yc6*Hd1(Jf5)Gs0-Ea_Ru+Io=Pl~Kk",
    "ALLOWED_HOSTS": "taskforce.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


# Variables of this test process that must not leak into the "production" process under test.
NOT_INHERITED = {"DJANGO_SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}


def clean_environment():
    return {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}


def run_manage(*args, env):
    clean = clean_environment()
    clean.update(env)
    return subprocess.run(  # noqa: S603 - fixed argument list
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {**PRODUCTION_ENV, "ALLOWED_HOSTS": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set in production" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("module", "expected"),
    [("config/wsgi.py", "production"), ("config/asgi.py", "production"), ("manage.py", "dev")],
)
def test_entry_points_default_to_the_right_settings(module, expected):
    source = (ROOT / module).read_text()
    assert f'"DJANGO_SETTINGS_MODULE", "config.settings.{expected}"' in source


def test_production_settings_harden_transport_and_headers():
    code = (
        "import django; from django.conf import settings as s; django.setup();"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS > 0, s.X_FRAME_OPTIONS, s.SECURE_PROXY_SSL_HEADER,"
        " s.WAGTAIL_ENABLE_UPDATE_CHECK, s.WAGTAIL_GRAVATAR_PROVIDER_URL, s.DEBUG)"
    )
    clean = clean_environment()
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "True",
        "True",
        "True",
        "DENY",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "False",
        "None",
        "False",
    ]
