from unittest import mock

import pytest
from wagtail.models import Page

from tests.factories import UserFactory
from tests.messaging.factories import (
    ExplainerPageFactory,
    MessagePageFactory,
    SignOffWorld,
    explainer_form_data,
    message_form_data,
)
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


@pytest.fixture(
    params=[
        "ordinary page",
        "message as coordinator",
        "message as superuser",
        "explainer as coordinator",
        "explainer as superuser",
    ]
)
def road(request, world, homes, publisher):
    """A road to live is tried on an ordinary page (it must publish), and on each page type under
    the agency sign-off of every agency, a message and an explainer, by the coordinator and by a
    superuser (it must be refused)."""
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
            form=message_form_data,
        )

    kind, _as, who = request.param.split(" ")
    factory_class = ExplainerPageFactory if kind == "explainer" else MessagePageFactory

    def republish(page):
        world.edit(page, summary="New words")
        world.submit(page)
        world.sign_all(page)

    def make(live, **fields):
        return world.published(factory_class, **fields) if live else world.draft(factory_class, **fields)

    return Road(
        request.param,
        publisher if who == "coordinator" else superuser,
        publishes=False,
        parent=world.explainer_index if kind == "explainer" else world.index,
        model=("messaging", f"{kind}page"),
        make=make,
        republish=republish,
        form=explainer_form_data if kind == "explainer" else message_form_data,
    )


@pytest.fixture
def creatable_plain_pages():
    """Wagtail's plain Page is not creatable in the admin; the positive control of the create
    road needs it to be (it changes nothing for the page types under sign-off)."""
    with mock.patch.object(Page, "is_creatable", True):
        yield
