import pytest


@pytest.fixture
def directory(homes):
    """{"en": DirectoryPage at /en/partners/, "es": its translation at /es/socios/}."""
    from tests.partners.factories import build_directory

    return build_directory(homes)
