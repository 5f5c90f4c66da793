"""Wagtail's user screens, narrowed by partners.accounts (issue 7, point 1).

Wired in by partners.users_config.TaskforceUsersConfig, which replaces "wagtail.users" in
INSTALLED_APPS (Wagtail 8's way to customise the user viewset) and registers
AccountPermissionPolicy for the user model.

For anyone but a superuser the forms have no "Administrator" box, offer the role groups only and
have no password fields (except on one's own account); the views refuse a superuser's account;
the bulk actions skip superusers and offer the role groups only. Fields a form does not have are
never read from the POST, so a crafted request cannot set them either.
"""

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as user_views
from wagtail.users.views.bulk_actions.assign_role import AssignRoleBulkAction, RoleForm
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

from . import accounts


class AccountFormMixin:
    """Drops what the acting user may not give; keeps the groups they cannot see."""

    def __init__(self, *args, for_user=None, **kwargs):
        self.for_user = for_user
        super().__init__(*args, **kwargs)
        if not accounts.may_grant_superuser(for_user):
            self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            self.fields["groups"].queryset = accounts.grantable_groups(for_user)

    @property
    def password_enabled(self):
        return super().password_enabled and accounts.may_set_password(self.for_user, self.instance)

    def clean_groups(self):
        chosen = self.cleaned_data["groups"]
        if self.instance.pk is None:
            return chosen
        # Groups the acting user may not give are not in the form; they stay as they are.
        kept = self.instance.groups.exclude(pk__in=accounts.grantable_groups(self.for_user))
        return Group.objects.filter(Q(pk__in=chosen) | Q(pk__in=kept))


class AccountCreationForm(AccountFormMixin, UserCreationForm):
    def save(self, commit=True):
        account = super().save(commit=False)
        if not self.password_enabled:
            accounts.give_unknown_password(account)
        if commit:
            account.save()
            self.save_m2m()
            if not self.password_enabled:
                accounts.email_password_link(account)
        return account


class AccountEditForm(AccountFormMixin, UserEditForm):
    send_password_link = forms.BooleanField(
        label=_("Email a link to choose a new password"),
        required=False,
        help_text=_("Sent to the account's own email address. Nobody else learns the password."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.password_enabled:
            del self.fields["send_password_link"]

    def save(self, commit=True):
        account = super().save(commit=commit)
        if commit and self.cleaned_data.get("send_password_link"):
            accounts.email_password_link(account)
        return account


class AccountCreateView(user_views.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class AccountEditView(user_views.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not accounts.can_manage_account(request.user, self.object):
            # Wagtail's admin turns this into its "no permission" message.
            raise PermissionDenied

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class AccountIndexView(user_views.IndexView):
    def get_edit_url(self, instance):
        if accounts.can_manage_account(self.request.user, instance):
            return super().get_edit_url(instance)
        return None


class UserViewSet(user_views.UserViewSet):
    index_view_class = AccountIndexView
    add_view_class = AccountCreateView
    edit_view_class = AccountEditView

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm


# --- Bulk actions on the user listing ------------------------------------------------------------


class AccountAssignRoleBulkAction(AssignRoleBulkAction):
    """Wagtail's "Assign role": superusers' accounts skipped, role groups only."""

    def check_perm(self, obj):
        return super().check_perm(obj) and accounts.can_manage_account(self.request.user, obj)

    def get_form_class(self):
        groups = accounts.grantable_groups(self.request.user)

        class AccountRoleForm(RoleForm):
            role = forms.ModelChoiceField(queryset=groups)

        return AccountRoleForm


class AccountSetActiveStateBulkAction(SetActiveStateBulkAction):
    """Wagtail's "Set active state": a superuser's account is for superusers only."""

    def check_perm(self, obj):
        return super().check_perm(obj) and accounts.can_manage_account(self.request.user, obj)


# Registered after Wagtail's own (same action type), so these replace them.
hooks.register("register_bulk_action", AccountAssignRoleBulkAction, order=100)
hooks.register("register_bulk_action", AccountSetActiveStateBulkAction, order=100)
