"""Memberships drive groups and permissions; access rules for the agency directory."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError

from partners.access import AgencyPermissionPolicy, can_edit_agency, is_coordinator, is_partner
from partners.models import Agency
from partners.roles import ROLE_GROUP_NAMES
from tests.partners.factories import AgencyFactory, MembershipFactory, UserFactory, coordinator, partner

pytestmark = pytest.mark.django_db


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


def test_membership_roles_become_groups_and_follow_changes():
    agency = AgencyFactory()
    user = partner(agency, "author", "communications_lead")
    assert group_names(user) == {"Authors", "Communications leads"}
    assert user.has_perm("wagtailadmin.access_admin")

    membership = user.membership
    membership.is_author = False
    membership.is_training_host = True
    membership.save()
    assert group_names(user) == {"Communications leads", "Training hosts"}

    membership.delete()
    assert group_names(user) == set()


def test_creating_an_agency_creates_the_role_groups():
    from django.contrib.auth.models import Group

    Group.objects.filter(name__in=ROLE_GROUP_NAMES.values()).delete()
    AgencyFactory()
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLE_GROUP_NAMES.values())


def test_a_member_without_roles_is_a_partner_but_cannot_use_the_admin():
    user = partner(AgencyFactory())
    assert is_partner(user)
    assert not user.has_perm("wagtailadmin.access_admin")


def test_a_membership_needs_an_agency_unless_coordinator():
    with pytest.raises(IntegrityError):
        MembershipFactory(agency=None)


def test_who_may_edit_an_agency():
    a, b = AgencyFactory(), AgencyFactory()
    assert can_edit_agency(partner(a, "author"), a)
    assert can_edit_agency(partner(a, "communications_lead"), a)
    assert not can_edit_agency(partner(a, "author"), b)
    assert not can_edit_agency(partner(a, "training_host"), a)
    assert not can_edit_agency(partner(a), a)
    assert not can_edit_agency(AnonymousUser(), a)
    assert can_edit_agency(coordinator(), b)
    assert not can_edit_agency(UserFactory(), a)


def test_inactive_users_have_no_partner_access():
    user = partner(AgencyFactory(), "author")
    user.is_active = False
    user.save()
    assert not is_partner(user) and not is_coordinator(user)


def test_permission_policy_limits_authors_to_their_agency():
    a, b = AgencyFactory(), AgencyFactory()
    policy = AgencyPermissionPolicy(Agency)
    author = partner(a, "author")
    assert list(policy.instances_user_has_permission_for(author, "change")) == [a]
    assert policy.user_has_permission_for_instance(author, "change", a)
    assert not policy.user_has_permission_for_instance(author, "change", b)
    assert not policy.user_has_permission(author, "add")
    assert not policy.user_has_permission(author, "delete")
    assert set(policy.instances_user_has_permission_for(coordinator(), "change")) == {a, b}


def test_verification_due_lists_entries_older_than_twelve_months():
    today = datetime.date(2026, 11, 28)
    fresh = AgencyFactory(last_verified_on=today - datetime.timedelta(days=30))
    stale = AgencyFactory(last_verified_on=today - datetime.timedelta(days=400))
    never = AgencyFactory(last_verified_on=None)
    AgencyFactory(last_verified_on=None, is_active=False)
    assert set(Agency.objects.verification_due(today)) == {stale, never}
    assert not fresh.is_verification_due(today) and stale.is_verification_due(today)
