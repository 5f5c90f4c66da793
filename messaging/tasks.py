"""Background work (django-tasks): emails about sign-off rounds."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import SignOff, SignOffTaskState
from .notifications import language_for, leads_of


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _admin_url(page):
    return _absolute(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def _review_url(state):
    """Leads read and sign on the round's review screen (a translation too)."""
    return _absolute(reverse("messaging:review", args=[state.pk]))


def _send(user, subject, template, context):
    with translation.override(language_for(user)):
        send_mail(
            subject=str(subject()),
            message=render_to_string(template, {"user": user, **context}),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )


@task()
def send_signoff_request(task_state_id):
    """Ask each required agency's leads (except the submitter) to review a new round."""
    state = SignOffTaskState.objects.select_related("revision", "workflow_state").get(pk=task_state_id)
    page = state.revision.as_object()
    agencies = state.required_agencies.values_list("pk", flat=True)
    sent = 0
    for lead in leads_of(agencies).exclude(pk=state.workflow_state.requested_by_id):
        _send(
            lead,
            lambda: _("An item is waiting for your agency's sign-off"),
            "messaging/email/signoff_request.txt",
            {"page": page, "state": state, "agency": lead.membership.agency, "url": _review_url(state)},
        )
        sent += 1
    return sent


@task()
def send_change_request_notice(signoff_id):
    """Tell the person who submitted the item what an agency asked to change."""
    signoff = SignOff.objects.select_related(
        "task_state__workflow_state__requested_by", "agency", "revision"
    ).get(pk=signoff_id)
    author = signoff.task_state.workflow_state.requested_by
    if author is None or not author.email or not author.is_active:
        return 0
    page = signoff.revision.as_object()
    _send(
        author,
        lambda: _("Changes were requested on an item you submitted"),
        "messaging/email/changes_requested.txt",
        {"page": page, "signoff": signoff, "url": _admin_url(page)},
    )
    return 1


@task()
def send_signoff_reminder(task_state_id, agency_id):
    """Remind one agency's leads that an item still waits for their sign-off."""
    state = SignOffTaskState.objects.select_related("revision", "workflow_state").get(pk=task_state_id)
    page = state.revision.as_object()
    sent = 0
    for lead in leads_of([agency_id]).exclude(pk=state.workflow_state.requested_by_id):
        _send(
            lead,
            lambda: _("Reminder: an item is waiting for your agency's sign-off"),
            "messaging/email/signoff_reminder.txt",
            {"page": page, "state": state, "agency": lead.membership.agency, "url": _review_url(state)},
        )
        sent += 1
    return sent


@task()
def send_wagtail_workflow_email(kind, workflow_state_id, user_id=None):
    """Send one of Wagtail's own workflow emails ("submitted", "approved", "rejected") with the
    notifier Wagtail uses, after the request that caused it (notifications.py)."""
    from django.contrib.auth import get_user_model
    from wagtail.models import WorkflowState

    from .notifications import wagtail_notifier

    state = WorkflowState.objects.filter(pk=workflow_state_id).first()
    if state is None:  # the item was deleted in between: nobody to tell about it
        return False
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return wagtail_notifier(kind)(instance=state, user=user)
