"""Wagtail's users app, with the task force's account rules (partners.accounts, partners.user_admin).

Listed in INSTALLED_APPS instead of "wagtail.users": same app, same label and templates.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class TaskforceUsersConfig(WagtailUsersAppConfig):
    user_viewset = "partners.user_admin.UserViewSet"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from wagtail.permissions import register_permission_policy

        from partners.accounts import AccountPermissionPolicy

        User = get_user_model()
        register_permission_policy(User, AccountPermissionPolicy(User))
        register_permission_policy(Group)
