""" "Need help now?" shows the hotline's number as a tap-to-call link, first in the main content of
the home page and of the page on getting help (issue 9, public details)."""

import re

import pytest
from wagtail.models import Site

from home.models import SafetySettings
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def main(html):
    return re.search(r'<main id="main-content".*?</main>', html, re.S).group(0)


@pytest.fixture
def safety(homes):
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.hotline_phone = "1-800-555-0100"
    settings.hotline_sms = "24680"
    settings.save()
    return settings


def test_the_home_page_shows_the_hotline_number_as_a_call_link_before_the_introduction(client, homes, safety):
    help_page = StandardPageFactory(parent=homes["en"], slug="report", show_hotline=True)
    html = main(client.get("/en/").content.decode())
    call = html.index('<a class="help-now__call" href="tel:18005550100">1-800-555-0100</a>')
    assert html.index("<h1>") < call < html.index(homes["en"].introduction or "</main>")
    assert 'href="sms:24680">24680</a>' in html
    assert f'href="{help_page.url}"' in html[call:]

    spanish = main(client.get("/es/").content.decode())
    assert 'href="tel:18005550100">1-800-555-0100</a>' in spanish


def test_a_standard_page_shows_the_hotline_first_only_when_asked(client, homes, safety):
    report = StandardPageFactory(
        parent=homes["en"], slug="report", show_hotline=True, introduction="Long words about reporting."
    )
    html = main(client.get(report.url).content.decode())
    call = html.index('href="tel:18005550100">1-800-555-0100</a>')
    assert html.index("<h1>") < call < html.index("Long words about reporting.")

    # Positive control: an ordinary page keeps the number in the footer only.
    about = StandardPageFactory(parent=homes["en"], slug="about")
    response = client.get(about.url).content.decode()
    assert "tel:18005550100" not in main(response) and "tel:18005550100" in response
