from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("Messaging")

    def ready(self):
        from partners.roles import register_page_permissions

        from . import notifications, pinned_files, signals  # noqa: F401 - signals sets up new index pages

        pinned_files.connect()
        notifications.replace_wagtail_rejection_email()

        # Authors and leads draft and edit under every message index; nobody gets a way to
        # publish them other than the sign-off workflow (messaging.permissions). No group holds
        # publish permission on content under sign-off (DESIGN.md, section 4): the coordinator
        # takes a page down through SignOffPermissionTester, not through publish permission.
        for role in ("author", "communications_lead"):
            register_page_permissions(role, "messaging.MessageIndexPage", ["add_page", "change_page"])
        register_page_permissions(
            "coordinator",
            "messaging.MessageIndexPage",
            ["add_page", "change_page", "lock_page", "unlock_page"],
        )
