from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import change_log
from .models import SiteText


class SiteTextViewSet(SnippetViewSet):
    model = SiteText
    icon = "doc-full"
    menu_label = _("Site text")
    add_to_settings_menu = True
    list_display = ["__str__", "hotline_name"]


register_snippet(SiteTextViewSet)


# Site settings and site text are outside sign-off; each change is logged with its old and new
# values (home/change_log.py).
hooks.register("register_actions", change_log.register_actions)
hooks.register("register_log_actions", change_log.register_log_actions)
