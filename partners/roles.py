"""Roles → Django groups and Wagtail permissions, kept in sync by code.

A Membership says what a person is (author, communications lead, training host, coordinator) and
for which agency. Each role is a Django group with the permissions it needs; sync_user_groups()
puts the user in exactly the groups of their roles. Which agency they act for is never a group:
that is checked by partners.access against Membership.agency.

Page permissions (which parts of the page tree a role may edit) are granted on the index pages
other apps register with register_page_permissions(), so that, for example, authors may add and
edit messages under every MessageIndexPage without being able to edit the home page.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

ROLE_GROUP_NAMES = {
    "author": "Authors",
    "communications_lead": "Communications leads",
    "training_host": "Training hosts",
    "coordinator": "Coordinators",
}

# Model permissions ("app_label.codename") each role's group holds.
ROLE_PERMISSIONS = {
    "author": [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "partners.change_agency",  # own agency only: partners.access.AgencyPermissionPolicy
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    "communications_lead": [
        "wagtailadmin.access_admin",
        "partners.change_agency",
        "wagtailimages.choose_image",
        "wagtaildocs.choose_document",
    ],
    "training_host": [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
    ],
    "coordinator": [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "partners.add_agency",
        "partners.change_agency",
        "partners.delete_agency",
        "partners.add_service",
        "partners.change_service",
        "partners.delete_service",
        "partners.add_population",
        "partners.change_population",
        "partners.delete_population",
        "partners.add_language",
        "partners.change_language",
        "partners.delete_language",
        "partners.add_membership",
        "partners.change_membership",
        "partners.delete_membership",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "messaging.change_signoffsettings",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        # Partner accounts: create, deactivate, give roles. partners.accounts narrows what these
        # allow (no superuser status, role groups only, no other person's password).
        "auth.add_user",
        "auth.change_user",
    ],
}

# (role, "app_label.ModelName" of an index page, [page permission codenames]); filled by apps.
_PAGE_PERMISSION_GRANTS = []


def register_page_permissions(role, page_model, codenames):
    """Grant `role` the page permissions `codenames` on every page of type `page_model` (and below)."""
    _PAGE_PERMISSION_GRANTS.append((role, page_model, tuple(codenames)))


def _permission(label):
    app_label, codename = label.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        return None


@transaction.atomic
def ensure_role_groups():
    """Create the role groups with their permissions; idempotent. Returns {role: Group}."""
    groups = {}
    for role, name in ROLE_GROUP_NAMES.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = [p for p in (_permission(label) for label in ROLE_PERMISSIONS[role]) if p is not None]
        group.permissions.add(*wanted)
        groups[role] = group
    sync_page_permissions(groups)
    return groups


def sync_page_permissions(groups=None):
    """Grant the registered page permissions on every page of the registered index types."""
    groups = groups or {
        role: Group.objects.get_or_create(name=name)[0] for role, name in ROLE_GROUP_NAMES.items()
    }
    for role, page_model, codenames in _PAGE_PERMISSION_GRANTS:
        model = apps.get_model(page_model)
        for page in model.objects.all():
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
                GroupPagePermission.objects.get_or_create(
                    group=groups[role], page=page, permission=permission
                )


def sync_user_groups(user, groups=None):
    """Put `user` in exactly the role groups their membership gives them.

    Staff of a deactivated agency hold no role (a coordinator keeps the coordinator role only).
    """
    from .models import Membership

    groups = groups or ensure_role_groups()
    membership = Membership.objects.select_related("agency").filter(user=user).first()
    roles = set(membership.roles) if membership else set()
    if membership and membership.agency_id and not membership.agency.is_active:
        roles &= {"coordinator"}
    for role, group in groups.items():
        if role in roles:
            user.groups.add(group)
        else:
            user.groups.remove(group)
