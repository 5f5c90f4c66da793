from unittest import mock

import pytest
from wagtail.models import Page

from tests.factories import UserFactory
from tests.messaging.factories import SignOffWorld
from tests.messaging.roads import Road, ordinary_page, republish_ordinary
from tests.partners.factories import coordinator


@pytest.fixture
def world(homes):
    """Two agencies, each with a lead and an author (many test modules define their own)."""
    return SignOffWorld(homes["en"], agencies=2)


@pytest.fixture
def publisher():
    """The coordinator: edits messages and takes them down, without Wagtail's publish permission
    (no group holds it on content under sign-off)."""
    return coordinator(username="the-coordinator")


@pytest.fixture(params=["ordinary page", "message as coordinator", "message as superuser"])
def road(request, world, homes, publisher):
    """A road to live is tried three times: on an ordinary page (it must publish), and on a
    message by the coordinator and by a superuser (it must be refused)."""
    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    if request.param == "ordinary page":
        return Road(
            request.param,
            superuser,
            publishes=True,
            parent=Page.objects.get(depth=1),
            model=("wagtailcore", "page"),
            make=lambda live, **fields: ordinary_page(homes["en"], superuser, live=live, **fields),
            republish=lambda page: republish_ordinary(page, superuser),
        )

    def republish_message(page):
        world.edit(page, summary="New words")
        world.submit(page)
        world.sign_all(page)

    return Road(
        request.param,
        publisher if request.param == "message as coordinator" else superuser,
        publishes=False,
        parent=world.index,
        model=("messaging", "messagepage"),
        make=lambda live, **fields: world.published(**fields) if live else world.draft(**fields),
        republish=republish_message,
    )


@pytest.fixture
def creatable_plain_pages():
    """Wagtail's plain Page is not creatable in the admin; the positive control of the create
    road needs it to be (it changes nothing for the page types under sign-off)."""
    with mock.patch.object(Page, "is_creatable", True):
        yield
