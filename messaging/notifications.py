"""Who is told what, in their own language, through django-tasks (enqueued once the data is committed).

Subjects are neutral (they never name trafficking) and the sender is the site's neutral address.
"""

from django.conf import settings
from django.db import transaction
from wagtail.admin.mail import WorkflowStateRejectionEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import workflow_rejected

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


def replace_wagtail_rejection_email():
    """Our change-request email (with the agency's comment, in the author's language) replaces
    Wagtail's generic "rejected" email for sign-off workflows, so authors get one email, not two.

    Connected under Wagtail's own dispatch_uid: whichever app is ready first, only ours remains.
    """

    class RejectionEmailNotifier(WorkflowStateRejectionEmailNotifier):
        def __call__(self, instance=None, **kwargs):
            task = instance.current_task_state.task if instance.current_task_state_id else None
            if task is not None and isinstance(task.specific, AgencySignOffTask):
                return None
            return super().__call__(instance=instance, **kwargs)

    uid = "workflow_state_rejected_email_notification"
    workflow_rejected.disconnect(sender=WorkflowState, dispatch_uid=uid)
    workflow_rejected.connect(RejectionEmailNotifier(), sender=WorkflowState, dispatch_uid=uid, weak=False)
