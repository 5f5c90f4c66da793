"""The roads to live, tried on an ordinary page (the positive control), a message and an explainer.

Helpers for tests/messaging/test_roads_to_live*.py; the `road` fixture is in conftest.py.
"""

import html
from dataclasses import dataclass
from functools import cached_property

from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page

from messaging.wagtail_hooks import NOT_PUBLISHED

REFUSED_PUBLISH = "This version has not been signed off by every required agency, so it cannot be published."


@dataclass
class Road:
    """Who tries a road to live, on what kind of page, and whether it must go live.

    The ordinary kind is Wagtail's plain Page, tried by a superuser: the positive control.
    `make(live, **fields)` creates a page of the kind; `republish(page)` publishes new words of a
    live page the way its kind allows (for a message: a complete sign-off); `form(**fields)` is the
    POST data of the kind's editor (message_form_data, explainer_form_data).
    """

    kind: str
    user: object
    publishes: bool
    parent: Page
    model: tuple
    make: object
    republish: object
    form: object

    @cached_property
    def page(self):
        """A draft of this kind."""
        return self.make(live=False)

    def live_page(self, **fields):
        return self.make(live=True, **fields)

    def add_url(self):
        return reverse("wagtailadmin_pages:add", args=[*self.model, self.parent.pk])


def ordinary_page(parent, user, live=False, title="Ordinary", slug=None):
    page = Page(title=title, slug=slug or f"ordinary-{Page.objects.count()}", live=False)
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    if live:
        revision.publish(user=user)
    return Page.objects.get(pk=page.pk)


def republish_ordinary(page, user):
    page = Page.objects.get(pk=page.pk).specific
    page.title = f"{page.title} again"
    page.save_revision(user=user).publish(user=user)


def state_of(page):
    page = Page.objects.get(pk=page.pk)
    return page.live, page.live_revision_id


def told(response):
    """The first line of each message the admin shows after `response`, as plain text."""
    return [
        html.unescape(str(message)).strip().splitlines()[0] for message in get_messages(response.wsgi_request)
    ]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def refused_and_told(response, *before):
    """The messages a refused publish leaves: Wagtail's own, then why it did not go live."""
    return told(response) == [*before, str(NOT_PUBLISHED)]
