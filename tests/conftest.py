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
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://... (CI does)")
