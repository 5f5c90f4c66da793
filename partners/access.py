"""Who may see and change what in the partner area. Every rule is a plain function."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy


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


def can_edit_agency(user, agency):
    """Authors and leads of an agency edit its entry; the coordinator edits all; nobody else."""
    if is_coordinator(user):
        return True
    membership = membership_of(user)
    return bool(
        membership
        and agency_of(user) is not None
        and membership.agency_id == agency.pk
        and (membership.is_author or membership.is_communications_lead)
    )


class AgencyPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions, narrowed to the user's own agency for authors and leads."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete"}:
            return is_coordinator(user)
        if action == "change":
            return is_coordinator(user) or super().user_has_permission(user, action)
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "change":
            return can_edit_agency(user, instance)
        if action == "delete":
            return is_coordinator(user)
        return self.user_has_permission(user, action)

    def instances_user_has_permission_for(self, user, action):
        queryset = self.model._default_manager.all()
        if is_coordinator(user):
            return queryset
        if action == "change":
            membership = membership_of(user)
            agency = agency_of(user)
            if agency is not None and (membership.is_author or membership.is_communications_lead):
                return queryset.filter(pk=agency.pk)
        return queryset.none()


def pages_visible_in_chooser(pages, user):
    """Live pages, and the unpublished pages `user` may edit: nobody else sees a draft's title."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return pages
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))
