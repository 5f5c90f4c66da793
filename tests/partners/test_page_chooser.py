"""Wagtail's page chooser shows no title of an unpublished page to people who may not edit it
(issue 7, point 15); editors of the page still find it there."""

import pytest
from django.urls import reverse

from tests.home.factories import StandardPageFactory
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import UserFactory, coordinator, partner

pytestmark = pytest.mark.django_db

DRAFT_PAGE = "Unpublished plan for the launch"
DRAFT_MESSAGE = "Draft message nobody signed"
LIVE_PAGE = "Public safety page"


@pytest.fixture
def pages(home):
    world = SignOffWorld(home, agencies=1)
    agency = world.agencies[0]
    StandardPageFactory(parent=home, title=LIVE_PAGE)
    draft_page = StandardPageFactory(parent=home, title=DRAFT_PAGE, live=False)
    draft_message = world.draft(title=DRAFT_MESSAGE)
    return {
        "home": home,
        "index": world.index,
        "draft_page": draft_page,
        "draft_message": draft_message,
        "users": {
            "host": partner(agency, "training_host", username="host"),
            "lead": world.lead(0),
            "author": world.author,
            "coordinator": coordinator(username="coord"),
            "superuser": UserFactory(username="root", is_superuser=True),
        },
    }


def seen(client, user, *urls):
    """Which of the three titles `user` finds in the chooser responses at `urls`."""
    client.force_login(user)
    found = set()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        found |= {title for title in (LIVE_PAGE, DRAFT_PAGE, DRAFT_MESSAGE) if title in text}
    return found


def test_browsing_shows_drafts_only_to_those_who_may_edit_them(client, pages):
    urls = [
        reverse("wagtailadmin_choose_page_child", args=[pages["home"].pk]),
        reverse("wagtailadmin_choose_page_child", args=[pages["index"].pk]),
    ]
    users = pages["users"]
    result = {name: seen(client, user, *urls) for name, user in users.items()}
    assert result == {
        "host": {LIVE_PAGE},
        "lead": {LIVE_PAGE, DRAFT_MESSAGE},  # leads edit messages, not site pages
        "author": {LIVE_PAGE, DRAFT_MESSAGE},
        "coordinator": {LIVE_PAGE, DRAFT_PAGE, DRAFT_MESSAGE},  # the coordinator drafts site pages
        "superuser": {LIVE_PAGE, DRAFT_PAGE, DRAFT_MESSAGE},
    }


@pytest.mark.parametrize("query", ["Unpublished", "Draft message", "Public safety"])
def test_searching_shows_drafts_only_to_those_who_may_edit_them(client, pages, query):
    url = reverse("wagtailadmin_choose_page_search") + f"?q={query}"
    users = pages["users"]
    result = {name: seen(client, user, url) for name, user in users.items()}
    expected = {
        "Unpublished": {"coordinator": {DRAFT_PAGE}, "superuser": {DRAFT_PAGE}},
        "Draft message": {"lead": {DRAFT_MESSAGE}, "author": {DRAFT_MESSAGE}, "coordinator": {DRAFT_MESSAGE}}
        | {"superuser": {DRAFT_MESSAGE}},
        "Public safety": {name: {LIVE_PAGE} for name in users},
    }[query]
    assert result == {name: expected.get(name, set()) for name in users}


def test_browsing_into_an_unpublished_page_is_refused_to_those_who_may_not_edit_it(client, pages):
    url = reverse("wagtailadmin_choose_page_child", args=[pages["draft_page"].pk])
    client.force_login(pages["users"]["lead"])
    response = client.get(url)
    assert response.status_code == 404
    assert DRAFT_PAGE not in response.content.decode()
    client.force_login(pages["users"]["superuser"])
    assert client.get(url).status_code == 200  # positive control
