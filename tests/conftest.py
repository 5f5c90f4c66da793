import pytest
from django.db import connection


@pytest.fixture
def homes(db):
    """{"en": HomePage, "es": HomePage}: the two language trees of the default site."""
    from tests.home.factories import build_site

    return build_site()


@pytest.fixture
def home(homes):
    return homes["en"]


@pytest.fixture
def on_postgres():
    """Skip on SQLite. Request it before transactional_db, so a skipped test does not flush the
    database (which would drop permissions that only data migrations create)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://... (CI does)")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request in /es/ leaves Spanish active
    in the thread (Django's LocaleMiddleware does not reset it), which would leak into the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def localize_submit_permission(transactional_db):
    """wagtail-localize's "submit translation" permission, which only a data migration creates.

    A transactional test starts after other transactional tests have flushed the database, which
    removes it (Django recreates model permissions after a flush, not data-migration ones).
    """
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "wagtail_localize.migrations.0006_create_submit_translation_permission"
    )
    migration.create_submit_translation_permission(apps, None)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: no sign-in lockout (django-axes) carried over."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


PRODUCTION_STATIC_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """A real `collectstatic` with production's storage (hashed names, manifest), once per session."""
    from django.conf import settings
    from django.core.management import call_command
    from django.test import override_settings

    root = tmp_path_factory.mktemp("static_root")
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": PRODUCTION_STATIC_STORAGE}}
    with override_settings(STORAGES=storages, STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
    return {"STORAGES": storages, "STATIC_ROOT": root}


@pytest.fixture
def production_static(collected_static, settings):
    """Static files as production serves them: {% static %} gives hashed URLs from the manifest."""
    settings.STORAGES = collected_static["STORAGES"]
    settings.STATIC_ROOT = collected_static["STATIC_ROOT"]
    return collected_static["STATIC_ROOT"]
