from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("Messaging")

    def ready(self):
        # In ready(): these import models, which cannot be imported while the app registry loads.
        from partners.roles import register_page_permissions

        from . import factsheets, notifications, pinned_files, signals, workflow_names  # noqa: F401 - signals: index pages

        pinned_files.connect()
        post_migrate.connect(_grant_role_permissions, sender=self)
        post_migrate.connect(_ensure_explainer_vocabulary, sender=self)
        notifications.send_wagtail_workflow_emails_in_background()
        workflow_names.connect()
        factsheets.connect()

        # Authors and leads draft and edit under every message index; nobody gets a way to
        # publish them other than the sign-off workflow (messaging.permissions). No group holds
        # publish permission on content under sign-off (DESIGN.md, section 4): the coordinator
        # takes a page down through SignOffPermissionTester, not through publish permission.
        for role in ("author", "communications_lead"):
            register_page_permissions(role, "messaging.MessageIndexPage", ["add_page", "change_page"])
            register_page_permissions(role, "messaging.ExplainerIndexPage", ["add_page", "change_page"])
        # The site's own pages (home, the hotline and safety pages, the directory and index pages)
        # are the coordinator's to draft; they too go live only through the sign-off.
        register_page_permissions(
            "coordinator", "home.HomePage", ["add_page", "change_page", "lock_page", "unlock_page"]
        )


def _grant_role_permissions(**kwargs):
    """After migrating (messaging's own permissions exist by then), give the role groups what the
    code says they hold: an existing site gets new grants, such as the coordinator's on site pages."""
    # Lazily: partners.roles imports models, and this module is loaded before the app registry.
    from partners.roles import ensure_role_groups

    if kwargs.get("plan") is None or kwargs.get("plan"):
        ensure_role_groups()


def _ensure_explainer_vocabulary(**kwargs):
    """The rows of the explainers' fixed vocabularies (forms of trafficking, audiences), one per
    code in the code: after every migrate, and after a test database is flushed (Django sends
    post_migrate then too, while the rows migration 0007 made are gone)."""
    if kwargs.get("plan") is not None and not kwargs.get("plan"):
        return
    from django.db import DEFAULT_DB_ALIAS, connections

    from .models import Audience, TraffickingForm

    using = kwargs.get("using") or DEFAULT_DB_ALIAS
    tables = connections[using].introspection.table_names()
    for model in (TraffickingForm, Audience):
        if model._meta.db_table not in tables:  # migrated back to before the explainers
            continue
        for code in model.Code.values:
            model.objects.using(using).get_or_create(code=code)
