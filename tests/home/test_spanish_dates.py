"""Spanish dates name the month in lower case, as Spanish writes it (issue 9, public details)."""

import datetime

import pytest
from django.utils import formats, translation

from tests.partners.factories import AgencyFactory, build_directory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 12, 1)


def test_spanish_date_formats_write_the_month_in_lower_case():
    with translation.override("es"):
        assert formats.date_format(DAY, "DATE_FORMAT") == "1 de diciembre de 2026"
        assert formats.date_format(DAY, "MONTH_DAY_FORMAT") == "1 de diciembre"
        assert formats.date_format(DAY, "YEAR_MONTH_FORMAT") == "diciembre de 2026"
        moment = datetime.datetime(2026, 12, 1, 9, 30)
        assert formats.date_format(moment, "DATETIME_FORMAT") == "1 de diciembre de 2026 a las 09:30"
    # Positive control: English keeps its capitalised month names.
    with translation.override("en"):
        assert formats.date_format(DAY, "DATE_FORMAT") == "Dec. 1, 2026"


def test_a_spanish_public_page_shows_the_date_in_lower_case(client, homes):
    build_directory(homes)
    AgencyFactory(name="Harbor Shelter", slug="harbor-shelter", last_verified_on=DAY)
    html = client.get("/es/socios/harbor-shelter/").content.decode()
    assert "1 de diciembre de 2026" in html
    assert "Diciembre" not in html
