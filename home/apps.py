from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from . import change_log, signals  # noqa: F401 - signals deletes stored PDFs' files
        from .csv import protect_wagtail_exports

        protect_wagtail_exports()
        change_log.connect()
