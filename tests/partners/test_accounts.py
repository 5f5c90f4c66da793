"""Accounts (issue 7, point 1): nobody but a superuser grants superuser or reaches another
account's password; the coordinator still creates, deactivates and gives roles to partner accounts.

Every refusal is checked in the database, next to the same request by someone allowed.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import GroupPagePermission

from partners.roles import ensure_role_groups
from tests.partners.factories import PASSWORD, AgencyFactory, UserFactory, coordinator, partner

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def people():
    ensure_role_groups()
    agency = AgencyFactory()
    return {
        "admin": UserFactory(username="admin", is_superuser=True, is_staff=True),
        "coordinator": coordinator(username="coord"),
        "member": partner(agency, "author", username="member"),
    }


def edit_url(user):
    return reverse("wagtailusers_users:edit", args=[user.pk])


def user_form(user, **changes):
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name or "First",
        "last_name": user.last_name or "Last",
        "is_active": "on" if user.is_active else "",
        "groups": [group.pk for group in user.groups.all()] if user.pk else [],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value not in ("", None)}


def fresh(user):
    return User.objects.get(pk=user.pk)


DENIED = "/admin/"  # the admin's "Sorry, you do not have permission" redirect


# --- Superuser status ---------------------------------------------------------------------------


def test_the_coordinator_is_not_offered_superuser_status_and_a_forged_post_changes_nothing(client, people):
    member = people["member"]
    client.force_login(people["coordinator"])
    assert 'name="is_superuser"' not in client.get(edit_url(member)).content.decode()
    response = client.post(edit_url(member), user_form(member, is_superuser="on", last_name="Renamed"))
    assert response.status_code == 302  # the rest of the form is saved ...
    assert fresh(member).last_name == "Renamed"
    assert not fresh(member).is_superuser  # ... but not the superuser box

    client.force_login(people["admin"])  # positive control: a superuser can
    assert 'name="is_superuser"' in client.get(edit_url(member)).content.decode()
    client.post(edit_url(member), user_form(fresh(member), is_superuser="on"))
    assert fresh(member).is_superuser


def test_the_coordinator_cannot_create_a_superuser(client, people):
    client.force_login(people["coordinator"])
    data = user_form(UserFactory.build(username="newbie"), is_superuser="on", is_active="on")
    response = client.post(reverse("wagtailusers_users:add"), data)
    assert response.status_code == 302
    assert User.objects.get(username="newbie").is_superuser is False


def test_the_coordinator_cannot_open_or_change_a_superusers_account(client, people):
    admin = people["admin"]
    client.force_login(people["coordinator"])
    assert client.get(edit_url(admin))["Location"] == DENIED
    response = client.post(
        edit_url(admin),
        user_form(admin, email="attacker@example.org", password1="x-Pass-9876!", password2="x-Pass-9876!"),
    )
    assert response.status_code == 302 and response["Location"] == DENIED
    admin_now = fresh(admin)
    assert admin_now.email == admin.email and admin_now.check_password(PASSWORD)
    assert admin_now.is_active

    client.force_login(people["admin"])  # positive control: a superuser edits a superuser
    response = client.post(edit_url(admin), user_form(admin, first_name="Ada"))
    assert response.status_code == 302 and fresh(admin).first_name == "Ada"


def test_the_user_listing_gives_the_coordinator_no_edit_link_to_a_superuser(client, people):
    client.force_login(people["coordinator"])
    html = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert edit_url(people["member"]) in html
    assert edit_url(people["admin"]) not in html


# --- Groups ----------------------------------------------------------------------------------------


def test_the_coordinator_gives_role_groups_only(client, people):
    member = people["member"]
    moderators = Group.objects.get(name="Moderators")  # Wagtail's stock group
    authors, hosts = Group.objects.get(name="Authors"), Group.objects.get(name="Training hosts")
    client.force_login(people["coordinator"])
    html = client.get(edit_url(member)).content.decode()
    assert f'value="{moderators.pk}"' not in html and f'value="{hosts.pk}"' in html

    response = client.post(edit_url(member), user_form(member, groups=[authors.pk, moderators.pk]))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert set(fresh(member).groups.all()) == {authors}

    response = client.post(edit_url(member), user_form(member, groups=[authors.pk, hosts.pk]))
    assert response.status_code == 302  # positive control: a role group is fine
    assert set(fresh(member).groups.all()) == {authors, hosts}

    client.force_login(people["admin"])  # and a superuser may give any group
    client.post(edit_url(member), user_form(fresh(member), groups=[authors.pk, moderators.pk]))
    assert set(fresh(member).groups.all()) == {authors, moderators}


def test_a_coordinators_edit_keeps_groups_they_cannot_give(client, people):
    member = people["member"]
    moderators = Group.objects.get(name="Moderators")
    member.groups.add(moderators)  # given by a superuser
    client.force_login(people["coordinator"])
    data = user_form(member, groups=[Group.objects.get(name="Authors").pk])
    assert client.post(edit_url(member), data).status_code == 302
    assert moderators in fresh(member).groups.all()


def bulk_url(action, *users):
    ids = "&".join(f"id={user.pk}" for user in users)
    return reverse("wagtail_bulk_action", args=("auth", "user", action)) + f"?{ids}&next=/admin/users/"


def test_bulk_assign_role_offers_role_groups_only_to_the_coordinator(client, people):
    member = people["member"]
    moderators = Group.objects.get(name="Moderators")
    client.force_login(people["coordinator"])
    response = client.post(bulk_url("assign_role", member), {"role": moderators.pk})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert moderators not in fresh(member).groups.all()

    hosts = Group.objects.get(name="Training hosts")
    assert client.post(bulk_url("assign_role", member), {"role": hosts.pk}).status_code == 302
    assert hosts in fresh(member).groups.all()


# --- Passwords -----------------------------------------------------------------------------------


def test_the_coordinator_sets_no_one_elses_password(client, people):
    member = people["member"]
    client.force_login(people["coordinator"])
    html = client.get(edit_url(member)).content.decode()
    assert 'name="password1"' not in html
    new = {"password1": "Brand-new-pass-4321", "password2": "Brand-new-pass-4321"}
    response = client.post(edit_url(member), user_form(member, **new))
    assert response.status_code == 302
    assert fresh(member).check_password(PASSWORD)  # unchanged
    assert not fresh(member).check_password(new["password1"])

    # Positive controls: their own password, and a superuser for anyone.
    own = people["coordinator"]
    assert 'name="password1"' in client.get(edit_url(own)).content.decode()
    client.post(edit_url(own), user_form(own, **new))
    assert fresh(own).check_password(new["password1"])
    client.force_login(people["admin"])
    client.post(edit_url(member), user_form(member, **new))
    assert fresh(member).check_password(new["password1"])


def test_the_coordinator_can_email_the_owner_a_link_to_choose_a_password(
    client, people, django_capture_on_commit_callbacks
):
    member = people["member"]
    client.force_login(people["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(member), user_form(member, send_password_link="on"))
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body
    assert fresh(member).check_password(PASSWORD)  # nobody set it


# --- What the coordinator still does -----------------------------------------------------------------


def test_the_coordinator_creates_a_partner_account_whose_owner_chooses_the_password(
    client, people, django_capture_on_commit_callbacks
):
    client.force_login(people["coordinator"])
    html = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="password1"' not in html and 'name="is_superuser"' not in html
    data = user_form(UserFactory.build(username="newbie", email="newbie@example.org"), is_active="on")
    data.update({"password1": "Chosen-by-coord-1", "password2": "Chosen-by-coord-1"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailusers_users:add"), data)
    assert response.status_code == 302
    newbie = User.objects.get(username="newbie")
    assert newbie.is_active and not newbie.is_superuser
    assert newbie.has_usable_password() and not newbie.check_password("Chosen-by-coord-1")
    assert [message.to for message in mail.outbox] == [["newbie@example.org"]]


def test_the_coordinator_deactivates_a_partner_account_but_not_a_superuser(client, people):
    member, admin = people["member"], people["admin"]
    client.force_login(people["coordinator"])
    assert client.post(edit_url(member), user_form(member, is_active="")).status_code == 302
    assert not fresh(member).is_active

    member.is_active = True
    member.save()
    response = client.post(bulk_url("set_active_state", member, admin), {"mark_as_active": "False"})
    assert response.status_code == 302
    assert not fresh(member).is_active
    assert fresh(admin).is_active  # skipped: a superuser's account is for superusers


# --- Publish permission ----------------------------------------------------------------------------


def publish_grants():
    return list(
        GroupPagePermission.objects.filter(permission__codename="publish_page").values_list(
            "group__name", "page__title"
        )
    )


def test_no_group_holds_publish_permission_on_any_page(homes):
    """Wagtail's stock Moderators had it on the root; the coordinators had it on message indexes."""
    from tests.messaging.factories import SignOffWorld

    assert publish_grants() == []
    SignOffWorld(homes["en"], agencies=1)  # a message index, so the role grants apply somewhere
    ensure_role_groups()
    assert GroupPagePermission.objects.filter(group__name="Coordinators").exists()
    assert publish_grants() == []
