"""Who is told what, in their own language, through django-tasks (enqueued once the data is committed).

Subjects are neutral (they never name trafficking) and the sender is the site's neutral address.
"""

from django.conf import settings
from django.db import transaction
from wagtail.admin.mail import WorkflowStateRejectionEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected, workflow_submitted

from partners import people

from .models import AgencySignOffTask


def language_for(user):
    """The user's preferred admin language if the site offers it, else the site's default."""
    profile = getattr(user, "wagtail_userprofile", None)
    language = profile.get_preferred_language() if profile is not None else None
    codes = dict(settings.LANGUAGES)
    if language and language.split("-")[0] in codes:
        return language.split("-")[0]
    return settings.LANGUAGE_CODE


def leads_of(agency_ids):
    """The leads of these agencies that can be written to."""
    return (
        people.leads_of(*agency_ids)
        .exclude(email="")
        .select_related("membership__agency", "wagtail_userprofile")
        .order_by("pk")
    )


def notify_leads_of_new_round(state):
    # Lazily: messaging.tasks imports this module.
    from .tasks import send_signoff_request

    state_id = state.pk
    transaction.on_commit(lambda: send_signoff_request.enqueue(state_id))


def notify_authors_of_change_request(signoff):
    # Lazily: messaging.tasks imports this module.
    from .tasks import send_change_request_notice

    signoff_id = signoff.pk
    transaction.on_commit(lambda: send_change_request_notice.enqueue(signoff_id))


def notify_reminder(state, agency):
    # Lazily: messaging.tasks imports this module.
    from .tasks import send_signoff_reminder

    state_id, agency_id = state.pk, agency.pk
    transaction.on_commit(lambda: send_signoff_reminder.enqueue(state_id, agency_id))


class RejectionEmailNotifier(WorkflowStateRejectionEmailNotifier):
    """Our change-request email (with the agency's comment, in the author's language) replaces
    Wagtail's generic "rejected" email for sign-off workflows, so authors get one email, not two;
    other workflows keep Wagtail's."""

    def __call__(self, instance=None, **kwargs):
        task = instance.current_task_state.task if instance.current_task_state_id else None
        if task is not None and isinstance(task.specific, AgencySignOffTask):
            return None
        return super().__call__(instance=instance, **kwargs)


rejection_email_notifier = RejectionEmailNotifier()


def send_wagtail_workflow_emails_in_background():
    """Wagtail sends its own workflow emails ("submitted" to superusers, "approved" to the author,
    "rejected" for workflows other than ours) inside the request that submits or signs: with many
    superusers or a slow mail server, the person's click waits for every one of them. Ours go
    through django-tasks once the data is committed; these now go the same way (issue 9). The
    task calls the same notifier, so who is written to and what they read do not change.

    Connected under Wagtail's own dispatch_uids (wagtail.admin.signal_handlers): whichever app
    is ready first, only ours remain. For "rejected" the notifier is ours (RejectionEmailNotifier).
    """
    for kind, (signal, uid, _notifier) in _wagtail_workflow_emails().items():
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(_InBackground(kind), sender=WorkflowState, dispatch_uid=uid, weak=False)


def _wagtail_workflow_emails():
    from wagtail.admin.signal_handlers import (
        workflow_approval_email_notifier,
        workflow_submission_email_notifier,
    )

    return {
        "submitted": (
            workflow_submitted,
            "workflow_state_submitted_email_notification",
            workflow_submission_email_notifier,
        ),
        "approved": (
            workflow_approved,
            "workflow_state_approved_email_notification",
            workflow_approval_email_notifier,
        ),
        "rejected": (
            workflow_rejected,
            "workflow_state_rejected_email_notification",
            rejection_email_notifier,
        ),
    }


def wagtail_notifier(kind):
    """The notifier that writes this kind of Wagtail workflow email (called by the task)."""
    return _wagtail_workflow_emails()[kind][2]


class _InBackground:
    def __init__(self, kind):
        self.kind = kind

    def __call__(self, sender=None, instance=None, user=None, **kwargs):
        from .tasks import send_wagtail_workflow_email

        kind, state_id, user_id = self.kind, instance.pk, getattr(user, "pk", None)
        transaction.on_commit(lambda: send_wagtail_workflow_email.enqueue(kind, state_id, user_id))
