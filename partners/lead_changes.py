"""A new communications lead can sign for their agency: granting or moving that role is logged and
announced to the agency's other leads (so an account given the role behind their back is noticed).

The signals in partners.signals call these functions; the Wagtail admin's log context supplies who
made the change.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.log_actions import log

from .models import Agency
from .people import leads_of


def lead_agency_id(membership):
    """The agency a membership makes someone a lead of, or None."""
    if membership is None or not membership.is_communications_lead:
        return None
    return membership.agency_id


def record_lead_change(membership, previous_agency_id):
    """Log and announce that `membership` now makes its user a lead of a (new) agency."""
    agency_id = lead_agency_id(membership)
    if agency_id is None or agency_id == previous_agency_id:
        return
    agency = Agency.objects.get(pk=agency_id)
    previous = Agency.objects.filter(pk=previous_agency_id).first() if previous_agency_id else None
    log(
        instance=membership,
        action="partners.lead_moved" if previous else "partners.lead_granted",
        data={
            "user": {"id": membership.user_id, "name": _display_name(membership.user)},
            "agency": {"id": agency.pk, "name": agency.name},
            "previous_agency": {"id": previous.pk, "name": previous.name} if previous else None,
        },
    )
    membership_id, user_id = membership.pk, membership.user_id
    transaction.on_commit(
        lambda: send_lead_change_notice.enqueue(user_id, agency_id, previous_agency_id, membership_id)
    )


def _display_name(user):
    return user.get_full_name() or user.get_username()


def other_leads(agency_id, except_user_id):
    return (
        leads_of(agency_id)
        .exclude(pk=except_user_id)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .order_by("pk")
    )


@task()
def send_lead_change_notice(user_id, agency_id, previous_agency_id=None, membership_id=None):
    """Tell the other leads of the agency (and of the one left, if moved) who can now sign for it."""
    from messaging.notifications import language_for

    user = get_user_model().objects.get(pk=user_id)
    agency = Agency.objects.get(pk=agency_id)
    previous = Agency.objects.filter(pk=previous_agency_id).first() if previous_agency_id else None
    recipients = list(other_leads(agency_id, user_id))
    if previous is not None:
        recipients += list(other_leads(previous.pk, user_id))
    for lead in {lead.pk: lead for lead in recipients}.values():
        with translation.override(language_for(lead)):
            send_mail(
                subject=_("A change in who can sign off for your agency"),
                message=render_to_string(
                    "partners/email/lead_changed.txt",
                    {"recipient": lead, "name": _display_name(user), "agency": agency, "previous": previous},
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[lead.email],
            )
    return len(recipients)
