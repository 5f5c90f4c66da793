"""Who is who: the roles a user holds in the task force, and who holds a role for an agency.

One home for these questions, so that every app (messaging, trainings) asks them the same way.
Who may *see or change* what is partners.access, built on these answers.

- A role acts for its agency only while the agency is active; a coordinator's does not depend on it.
- Inactive or anonymous users hold no role; superusers administer everything (is_coordinator) but
  are no agency's lead or host unless a membership makes them one.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist


def _membership(user):
    """The user's membership whatever the state of its agency; None for anonymous or inactive users."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return user.membership
    except ObjectDoesNotExist:
        return None


def membership_of(user):
    """The membership that gives the user partner access, or None.

    Staff of a deactivated agency lose it the moment the agency is deactivated (their roles act
    for that agency only); a coordinator keeps theirs, whatever agency they belong to.
    """
    membership = _membership(user)
    if membership is None or membership.is_coordinator:
        return membership
    if membership.agency_id is not None and not membership.agency.is_active:
        return None
    return membership


def is_coordinator(user):
    """The task-force coordinator role; superusers administer everything too."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    membership = _membership(user)
    return bool(membership and membership.is_coordinator)


def is_partner(user):
    """Anyone who works for a member agency, or coordinates the task force: may see partner-only data."""
    return membership_of(user) is not None or is_coordinator(user)


def agency_of(user):
    """The active agency the user works for, or None (nobody acts for a deactivated agency)."""
    membership = membership_of(user)
    if membership is None or membership.agency is None or not membership.agency.is_active:
        return None
    return membership.agency


def _agency_with_role(user, role):
    membership = membership_of(user)
    if membership is None or not getattr(membership, role):
        return None
    return agency_of(user)


def lead_agency_for(user):
    """The active agency `user` is a communications lead of (signs off for), or None."""
    return _agency_with_role(user, "is_communications_lead")


def host_agency_for(user):
    """The active agency `user` is a training host of, or None."""
    return _agency_with_role(user, "is_training_host")


def author_agency_for(user):
    """The active agency `user` is an author for (writes messages, explainers, trainings), or None."""
    return _agency_with_role(user, "is_author")


def works_in_admin(user):
    """True for anyone whose work is in the admin: an author, lead or host of an active agency, or
    the coordinator. Other partner staff (no role) read the partner directory only."""
    return is_coordinator(user) or any(
        finder(user) is not None for finder in (author_agency_for, lead_agency_for, host_agency_for)
    )


def _holders(role, agencies):
    agency_ids = [getattr(agency, "pk", agency) for agency in agencies]
    return get_user_model().objects.filter(
        is_active=True, membership__agency_id__in=agency_ids, **{f"membership__{role}": True}
    )


def leads_of(*agencies):
    """The active users who are communications leads of any of `agencies` (Agency objects or pks).

    Whatever the agency's state: its leads are still the ones told about it while it is
    deactivated (lead_agency_for says who may sign for it now).
    """
    return _holders("is_communications_lead", agencies)


def hosts_of(*agencies):
    """The active users who are training hosts of any of `agencies` (Agency objects or pks)."""
    return _holders("is_training_host", agencies)
