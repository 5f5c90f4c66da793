"""Who may manage which account, as plain functions (issue 7, point 1).

The coordinator's group holds Django's add/change user permissions so that they can create and
deactivate partner accounts. On their own those permissions would also let them grant
superuser status, put anyone in any group and set anyone's password, `admin` included. These
rules narrow them; partners.user_admin applies them to Wagtail's user screens:

- only a superuser grants or removes superuser status, or edits a superuser's account at all;
- a non-superuser gives only the task force's role groups (partners.roles.ROLE_GROUP_NAMES);
- nobody but a superuser sets another person's password: the account's owner is emailed a link
  to choose their own (Wagtail's password reset), and everyone may change their own.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task
from wagtail.permission_policies import ModelPermissionPolicy

from .roles import ROLE_GROUP_NAMES


def _is_superuser(user):
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)


def can_manage_account(actor, account):
    """May `actor` change `account` (details, active state, groups)? Superusers' accounts: superusers only."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    if account.is_superuser and not actor.is_superuser:
        return False
    return actor.is_superuser or actor.pk == account.pk or actor.has_perm("auth.change_user")


def may_grant_superuser(actor):
    return _is_superuser(actor)


def may_set_password(actor, account):
    """A superuser sets any password; everyone else only their own (never a new account's)."""
    if _is_superuser(actor):
        return True
    return account.pk is not None and getattr(actor, "pk", None) == account.pk


def grantable_groups(actor):
    """The groups `actor` may put people in: all for a superuser, the role groups for anyone else."""
    if _is_superuser(actor):
        return Group.objects.all()
    return Group.objects.filter(name__in=ROLE_GROUP_NAMES.values())


def manageable_accounts(actor, accounts=None):
    accounts = get_user_model()._default_manager.all() if accounts is None else accounts
    if _is_superuser(actor):
        return accounts
    return accounts.filter(is_superuser=False)


class AccountPermissionPolicy(ModelPermissionPolicy):
    """Django's user permissions, except that a superuser's account is for superusers only."""

    def user_has_permission_for_instance(self, user, action, instance):
        if instance.is_superuser and not _is_superuser(user):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if instance.is_superuser and not _is_superuser(user):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return manageable_accounts(user, super().instances_user_has_any_permission_for(user, actions))


# --- Emailing the account's owner a link to choose their password ----------------------------------


def give_unknown_password(account):
    """A new account's password is one nobody knows until its owner chooses theirs."""
    account.set_password(secrets.token_urlsafe(32))


def email_password_link(account):
    """Email the account's owner a link to choose a new password (once the transaction commits)."""
    if account.email:
        account_id = account.pk
        transaction.on_commit(lambda: send_password_link.enqueue(account_id))


@task()
def send_password_link(account_id):
    """Wagtail's password-reset email, sent to the account's own address."""
    account = get_user_model()._default_manager.get(pk=account_id)
    context = {
        "user": account,
        "uid": urlsafe_base64_encode(force_bytes(account.pk)),
        "token": default_token_generator.make_token(account),
        "protocol": "https",
        "domain": "",
    }
    subject = render_to_string("wagtailadmin/account/password_reset/email_subject.txt", context)
    send_mail(
        subject=" ".join(subject.split()),
        message=render_to_string("wagtailadmin/account/password_reset/email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[account.email],
    )
