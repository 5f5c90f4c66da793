"""Wagtail's own workflow emails follow our rule: neutral subjects that never name the page (a
survivor's or a partner's inbox may be read over their shoulder)."""

from pathlib import Path

import pytest
from django.core import mail
from django.template.loader import render_to_string
from wagtail.admin import mail as wagtail_mail

from tests.messaging.factories import SignOffWorld

pytestmark = pytest.mark.django_db

WAGTAIL_TEMPLATES = Path(wagtail_mail.__file__).parent / "templates" / "wagtailadmin" / "notifications"
SUBJECTS = sorted(path.name for path in WAGTAIL_TEMPLATES.glob("*_subject.txt"))


def test_every_wagtail_notification_subject_is_overridden():
    assert SUBJECTS, "Wagtail's notification templates moved: update this test"
    ours = Path(__file__).parents[2] / "templates" / "wagtailadmin" / "notifications"
    assert sorted(path.name for path in ours.glob("*_subject.txt")) == SUBJECTS


@pytest.mark.parametrize("template", SUBJECTS)
def test_a_subject_never_names_the_page(template, homes):
    page = homes["en"]
    page.title = "Exploitation At The Harbor"

    class Revision:
        content_object = page

    subject = render_to_string(
        f"wagtailadmin/notifications/{template}", {"page": page, "object": page, "revision": Revision()}
    ).strip()
    assert subject and "Harbor" not in subject and "traffick" not in subject.lower()


def test_the_emails_of_a_whole_signoff_have_neutral_subjects(homes, django_capture_on_commit_callbacks):
    world = SignOffWorld(homes["en"], agencies=2)
    with django_capture_on_commit_callbacks(execute=True):
        page = world.draft(title="Exploitation At The Harbor")
        world.submit(page)
        world.sign_all(page)
    assert mail.outbox, "the round sent emails"
    assert all("Harbor" not in message.subject for message in mail.outbox), [m.subject for m in mail.outbox]


def test_a_change_request_sends_the_author_one_email_not_two(homes, django_capture_on_commit_callbacks):
    from messaging import services

    world = SignOffWorld(homes["en"], agencies=2)
    page = world.draft()
    state = world.submit(page)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_changes(state, world.lead(0), "Name the hotline.")
    to_author = [message for message in mail.outbox if world.author.email in message.to]
    assert len(to_author) == 1 and "Name the hotline." in to_author[0].body
