"""Wagtail's own workflow emails follow our rule: neutral subjects that never name the page (a
survivor's or a partner's inbox may be read over their shoulder)."""

from pathlib import Path

import pytest
from django.core import mail
from django.template.loader import render_to_string
from wagtail.admin import mail as wagtail_mail
from wagtail.models import Page

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


def test_wagtails_workflow_emails_speak_our_vocabulary(homes, django_capture_on_commit_callbacks):
    """Wagtail's own "submitted" (to superusers) and "approved" (to the author) emails say
    submitted for agency sign-off / every agency has signed off, never moderation or workflow."""
    from tests.factories import UserFactory

    world = SignOffWorld(homes["en"], agencies=2)
    superuser = UserFactory(username="root", is_superuser=True, email="root@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = world.draft(title="One voice")
        world.submit(page)
        world.sign_all(page)
    to_root = [m for m in mail.outbox if superuser.email in m.to]
    to_author = [m for m in mail.outbox if world.author.email in m.to]
    assert len(to_root) == 1 and "“One voice” was submitted for agency sign-off by" in to_root[0].body
    assert any("Every agency has signed off “One voice”." in m.body for m in to_author)
    live_url = Page.objects.get(pk=page.pk).full_url
    assert any(f"It is live: {live_url}" in m.body for m in to_author)
    for message in mail.outbox:
        html = message.alternatives[0][0] if getattr(message, "alternatives", None) else ""
        for text in (message.body, html):
            assert "moderation" not in text and "workflow" not in text.lower(), text


def test_wagtails_workflow_emails_wait_for_the_commit_and_go_through_django_tasks(
    homes, django_capture_on_commit_callbacks, monkeypatch
):
    """Submitting and the last sign-off send Wagtail's own emails (to superusers, to the author)
    from a django-task enqueued on commit, not inside the click's request."""
    from messaging import tasks
    from tests.factories import UserFactory

    enqueued = []
    real_task = tasks.send_wagtail_workflow_email

    class Recording:
        def enqueue(self, *args):
            enqueued.append(args)
            return real_task.enqueue(*args)

    monkeypatch.setattr(tasks, "send_wagtail_workflow_email", Recording())
    world = SignOffWorld(homes["en"], agencies=1)
    UserFactory(username="root", is_superuser=True, email="root@example.org")
    page = world.draft(title="One voice")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        state = world.submit(page)
    assert not [m for m in mail.outbox if "root@example.org" in m.to], "sent before the commit"
    for callback in callbacks:
        callback()
    assert ("submitted", state.workflow_state_id, world.author.pk) in enqueued
    assert len([m for m in mail.outbox if "root@example.org" in m.to]) == 1

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        world.sign_all(page)
    assert not [m for m in mail.outbox if world.author.email in m.to and "Every agency" in m.body]
    for callback in callbacks:
        callback()
    assert [kind for kind, *_ in enqueued].count("approved") == 1
    assert [m for m in mail.outbox if world.author.email in m.to and "Every agency has signed off" in m.body]


def test_a_deleted_item_sends_no_wagtail_workflow_email():
    from messaging.tasks import send_wagtail_workflow_email

    assert send_wagtail_workflow_email.call("approved", 987654, None) is False
