"""Which agencies sign off the site's own pages (home, standard, directory and index pages)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from partners.models import Agency


@register_setting(icon="tick-inverse")
class SignOffSettings(BaseGenericSetting):
    """The small set of agencies whose sign-off the site's own pages need (messaging.scope).

    Messages always need every active agency: this setting cannot loosen that.
    """

    site_page_agencies = models.ManyToManyField(
        Agency,
        blank=True,
        related_name="+",
        limit_choices_to={"is_active": True},
        verbose_name=_("agencies that sign off the site's pages"),
        help_text=_(
            "The home page, the standard pages (such as how to get help) and the index pages are "
            "published once a communications lead of each of these agencies has signed them off. "
            "Leave all unticked to require every active agency. Messages always need every active agency."
        ),
    )

    panels = [FieldPanel("site_page_agencies", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        verbose_name = _("sign-off of site pages")
