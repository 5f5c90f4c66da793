"""Sign-in resists guessing (issue 7, point 7): both sign-in pages lock a user name and a client
out after LOGIN_FAILURE_LIMIT failures, for LOGIN_LOCKOUT_MINUTES, and say so on the page."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings

from config.env import client_ip_settings
from tests.partners.factories import PASSWORD, AgencyFactory, partner

pytestmark = pytest.mark.django_db

PAGES = {"partner": "/en/accounts/login/", "admin": "/admin/login/"}
LOCKED = "Too many failed sign-in attempts. Signing in is paused for 15 minutes"
ATTACKER, OTHER = "198.51.100.7", "203.0.113.20"


@pytest.fixture
def accounts():
    agency = AgencyFactory()
    return {
        "pat": partner(agency, "author", username="pat"),
        "sam": partner(agency, "author", username="sam"),
    }


def sign_in(client, page, username, password, **headers):
    client.logout()
    response = client.post(PAGES[page], {"username": username, "password": password}, **headers)
    signed_in = "_auth_user_id" in client.session
    return response, signed_in


def fail(client, page, username, times, **headers):
    for _ in range(times):
        response, signed_in = sign_in(client, page, username, "wrong guess", **headers)
        assert not signed_in
    return response


@pytest.mark.parametrize("page", PAGES)
def test_five_failures_lock_out_the_user_name_and_the_client_with_a_message(client, accounts, page):
    last = fail(client, page, "pat", 5, REMOTE_ADDR=ATTACKER)
    assert last.status_code == 429 and LOCKED in last.content.decode()

    response, signed_in = sign_in(client, page, "pat", PASSWORD, REMOTE_ADDR=ATTACKER)
    assert not signed_in
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html and "<form" in html  # the sign-in page itself, with the message

    # The user name is locked from any client, and the client for any user name ...
    assert not sign_in(client, page, "pat", PASSWORD, REMOTE_ADDR=OTHER)[1]
    assert not sign_in(client, page, "sam", PASSWORD, REMOTE_ADDR=ATTACKER)[1]
    # ... but another user name from another client is unaffected.
    response, signed_in = sign_in(client, page, "sam", PASSWORD, REMOTE_ADDR=OTHER)
    assert signed_in and response.status_code == 302


@pytest.mark.parametrize("page", PAGES)
def test_fewer_failures_do_not_lock_and_a_success_starts_the_count_again(client, accounts, page):
    fail(client, page, "pat", 4, REMOTE_ADDR=ATTACKER)
    assert sign_in(client, page, "pat", PASSWORD, REMOTE_ADDR=ATTACKER)[1]
    fail(client, page, "pat", 4, REMOTE_ADDR=ATTACKER)
    response, signed_in = sign_in(client, page, "pat", PASSWORD, REMOTE_ADDR=ATTACKER)
    assert signed_in and response.status_code == 302


@pytest.mark.parametrize("page", PAGES)
def test_after_the_cool_off_signing_in_works_again(client, accounts, page):
    fail(client, page, "pat", 5, REMOTE_ADDR=ATTACKER)
    assert not sign_in(client, page, "pat", PASSWORD, REMOTE_ADDR=ATTACKER)[1]
    cache.clear()  # the attempts expire from the cache after LOGIN_LOCKOUT_MINUTES
    assert sign_in(client, page, "pat", PASSWORD, REMOTE_ADDR=ATTACKER)[1]


def test_the_message_is_in_the_visitors_language(client, accounts, homes):
    fail(client, "partner", "pat", 5)
    response = client.post("/es/accounts/login/", {"username": "pat", "password": PASSWORD})
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="es"' in html and 'role="alert"' in html


# --- The client's address behind the reverse proxy ----------------------------------------------


def client_ip(**meta):
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(RequestFactory().get("/", **meta))


def test_x_forwarded_for_is_ignored_unless_proxies_are_configured():
    assert client_ip(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1") == "10.0.0.2"
    with override_settings(**client_ip_settings(1)):
        assert client_ip(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1") == "1.1.1.1"
        # What the client wrote itself is to the left of what our proxy appended.
        assert client_ip(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.1.1.1") == "1.1.1.1"
        assert client_ip(REMOTE_ADDR="10.0.0.2") == "10.0.0.2"
    with override_settings(**client_ip_settings(2)):
        assert (
            client_ip(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.1.1.1, 10.0.0.3") == "1.1.1.1"
        )
    with pytest.raises(ImproperlyConfigured):
        client_ip_settings(-1)


def test_behind_a_configured_proxy_clients_are_told_apart_by_x_forwarded_for(client, accounts):
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    with override_settings(**client_ip_settings(1)):
        fail(client, "partner", "pat", 5, HTTP_X_FORWARDED_FOR="1.1.1.1", **proxy)
        assert sign_in(client, "partner", "sam", PASSWORD, HTTP_X_FORWARDED_FOR="2.2.2.2", **proxy)[1]
        spoofed = {"HTTP_X_FORWARDED_FOR": "2.2.2.2, 1.1.1.1"}  # 1.1.1.1 claiming to be 2.2.2.2
        assert not sign_in(client, "partner", "sam", PASSWORD, **spoofed, **proxy)[1]


def test_without_proxy_settings_a_forged_header_does_not_escape_the_lockout(client, accounts):
    fail(client, "partner", "pat", 5, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="1.1.1.1")
    forged = {"REMOTE_ADDR": ATTACKER, "HTTP_X_FORWARDED_FOR": "2.2.2.2"}
    assert not sign_in(client, "partner", "sam", PASSWORD, **forged)[1]
    assert sign_in(client, "partner", "sam", PASSWORD, REMOTE_ADDR=OTHER)[1]  # positive control
