"""Safety and privacy rules checked on the HTML and headers of public pages."""

import re

import pytest

from tests.helpers import ExternalResources, FirstFocusable
from tests.home.factories import SiteTextFactory, StandardPageFactory, add_live_translation, configure_safety

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_urls(homes):
    StandardPageFactory(parent=homes["en"], title="About", slug="about")
    return ["/en/", "/es/", "/en/about/", "/en/search/?q=help", "/en/missing/"]


def test_quick_exit_is_the_first_focusable_element(client, public_urls):
    for url in public_urls:
        parser = FirstFocusable()
        parser.feed(client.get(url).content.decode())
        tag, attrs = parser.found
        assert tag == "a" and "data-quick-exit" in attrs, url


def test_quick_exit_goes_to_the_configured_neutral_site_without_a_referrer(client, homes):
    configure_safety(quick_exit_url="https://weather.example/today")
    html = client.get("/en/").content.decode()
    button = re.search(r"<a class=\"quick-exit__button\"[^>]*>", html).group(0)
    assert 'href="https://weather.example/today"' in button
    assert "noreferrer" in button and 'referrerpolicy="no-referrer"' in button


def test_quick_exit_is_labelled_in_the_page_language(client, homes):
    assert "Leave this site now" in client.get("/en/").content.decode()
    assert "Salir de este sitio ahora" in client.get("/es/").content.decode()


def test_safety_page_and_site_text_appear_in_the_visitors_language(client, homes):
    from wagtail.models import Locale

    safety = StandardPageFactory(parent=homes["en"], title="Safety online", slug="safety-online")
    add_live_translation(safety, Locale.objects.get(language_code="es"), title="Seguridad", slug="seguridad")
    text = SiteTextFactory(footer_text="English footer")
    spanish_text = text.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish_text.footer_text = "Pie en español"
    spanish_text.save()
    configure_safety(safety_page=safety, site_text=text)

    english = client.get("/en/").content.decode()
    spanish = client.get("/es/").content.decode()
    assert 'href="/en/safety-online/"' in english and "English footer" in english
    assert 'href="/es/seguridad/"' in spanish and "Pie en español" in spanish


def test_reading_pages_set_no_cookies_for_anonymous_visitors(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert not response.cookies, f"{url} set {list(response.cookies)}"
        assert "Set-Cookie" not in response.headers, url


def test_public_pages_carry_a_strict_content_security_policy(client, public_urls):
    for url in public_urls:
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
        assert "frame-ancestors 'none'" in policy


def test_public_pages_have_no_inline_scripts_and_fetch_nothing_from_other_hosts(client, public_urls):
    for url in public_urls:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), f"inline script on {url}"
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), f"inline event handler on {url}"
        parser = ExternalResources()
        parser.feed(html)
        for resource in parser.urls:
            assert resource.startswith("/") and not resource.startswith("//"), f"{url} loads {resource}"


def test_security_headers_on_public_pages(client, homes):
    response = client.get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
