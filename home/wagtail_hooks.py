from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SiteText


class SiteTextViewSet(SnippetViewSet):
    model = SiteText
    icon = "doc-full"
    menu_label = _("Site text")
    add_to_settings_menu = True
    list_display = ["__str__", "hotline_name"]


register_snippet(SiteTextViewSet)
