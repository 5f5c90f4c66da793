from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import signals  # noqa: F401 - connects the role synchronisation
        from .access import AgencyPermissionPolicy
        from .models import Agency

        # Before anything asks Wagtail's registry for Agency's policy (it would create a fallback).
        register_permission_policy(Agency, AgencyPermissionPolicy(Agency))
