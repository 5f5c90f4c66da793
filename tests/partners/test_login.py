"""Partner sign-in and sign-out: a public-styled page in the visitor's language."""

import re

import pytest

from tests.partners.factories import AgencyFactory, UserFactory, partner

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # the factories' password


def test_login_page_is_in_the_visitors_language_and_never_cached(client, homes):
    english = client.get("/en/accounts/login/")
    spanish = client.get("/es/accounts/login/")
    assert english.status_code == spanish.status_code == 200
    assert "<h1>Partner sign-in</h1>" in english.content.decode()
    assert '<html lang="es"' in spanish.content.decode()
    assert "<h1>Acceso para socios</h1>" in spanish.content.decode()
    assert "no-store" in english["Cache-Control"]
    html = english.content.decode()
    assert 'class="quick-exit__button"' in html
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "autofocus" not in html  # the keyboard starts at the quick exit, not in the form


def test_signing_in_returns_to_the_page_asked_for(client, directory):
    user = partner(AgencyFactory(), username="pat")
    response = client.post(
        "/en/accounts/login/", {"username": "pat", "password": PASSWORD, "next": "/en/partners/matrix/"}
    )
    assert response.status_code == 302 and response["Location"] == "/en/partners/matrix/"
    assert client.get("/en/partners/matrix/").status_code == 200
    assert user.is_authenticated


def test_signing_in_without_next_goes_to_the_directory_of_that_language(client, directory):
    partner(AgencyFactory(), username="pat")
    response = client.post("/es/accounts/login/", {"username": "pat", "password": PASSWORD})
    assert response["Location"] == "/es/socios/"


def test_next_cannot_send_people_to_another_site(client, directory):
    partner(AgencyFactory(), username="pat")
    response = client.post(
        "/en/accounts/login/", {"username": "pat", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/en/partners/"


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(client, homes):
    UserFactory(username="pat")
    response = client.post("/en/accounts/login/", {"username": "pat", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html and "Please enter a correct username and password" in html
    assert "_auth_user_id" not in client.session


def test_sign_out_is_a_form_post_and_returns_to_the_directory(client, directory):
    client.force_login(partner(AgencyFactory()))
    html = client.get("/en/partners/").content.decode()
    form = re.search(r'<form method="post" action="([^"]+)" class="partner-bar__logout">', html)
    assert form and form.group(1) == "/en/accounts/logout/"
    assert client.get("/en/accounts/logout/").status_code == 405  # never by a plain link
    response = client.post("/en/accounts/logout/", {"next": "/en/partners/"})
    assert response["Location"] == "/en/partners/"
    assert "_auth_user_id" not in client.session


def test_footer_links_to_the_public_sign_in(client, homes):
    html = client.get("/es/").content.decode()
    assert '<a href="/es/accounts/login/">Acceso para socios</a>' in html


def test_the_admin_keeps_its_own_login(client, homes):
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
