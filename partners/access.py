"""Who may see and change what in the partner area. Every rule is a plain function.

The roles these rules rest on (who is a coordinator, a lead, a host) are partners.people. The
coordinator-only guards every app uses are here: coordinator_required (function views),
CoordinatorRequiredMixin (class views) and CoordinatorMenuItem (admin menu items).
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy

# Who is who lives in partners.people; these names stay importable from here.
from .people import agency_of, is_coordinator, is_partner, membership_of  # noqa: F401


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


def coordinator_required(view):
    """Refuse (403) a function view to anyone but the coordinator (and superusers)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


class CoordinatorRequiredMixin:
    """Refuse (403) a class-based view to anyone but the coordinator (and superusers)."""

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CoordinatorMenuItem(MenuItem):
    """An admin menu item only the coordinator (and superusers) see; guard its view as well."""

    def is_shown(self, request):
        return is_coordinator(request.user)
