import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from messaging.gate import SignOffRequiredMixin

from .blocks import BaseStreamBlock, HomeStreamBlock
from .stemming import StemmedSearchMixin


class HomePage(StemmedSearchMixin, SignOffRequiredMixin, Page):
    """The root of each language's tree: one per locale (translations are added by wagtail-localize).

    Like every public page, published only through the agency sign-off (messaging.gate).
    """

    signoff_scope = SignOffRequiredMixin.SCOPE_SITE

    headline = models.CharField(
        _("headline"),
        max_length=200,
        help_text=_("The task force's statement, in one sentence."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("sections"))

    content_panels = Page.content_panels + [
        FieldPanel("headline"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("search_stems"),
        index.SearchField("headline"),
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "partners.DirectoryPage",
        "messaging.MessageIndexPage",
        "messaging.ExplainerIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The "Need help now?" panel links to this language's page on getting help, if there is one.
        context["help_page"] = (
            StandardPage.objects.live().public().filter(locale=self.locale_id, show_hotline=True).first()
        )
        return context

    @classmethod
    def can_create_at(cls, parent):
        # One home page per locale: the first is created by seed_demo or by hand, the others are
        # its translations (wagtail-localize creates those without asking can_create_at).
        return super().can_create_at(parent) and not cls.objects.exists()


class StandardPage(StemmedSearchMixin, SignOffRequiredMixin, Page):
    """A page of the site's own: about, how to get help (the hotline page), staying safe online."""

    signoff_scope = SignOffRequiredMixin.SCOPE_SITE

    introduction = models.TextField(_("introduction"), blank=True)
    show_hotline = models.BooleanField(
        _("show the hotline first"),
        default=False,
        help_text=_(
            "Puts “Need help now?” with the hotline's numbers (from the safety settings) under the "
            "title, before the introduction. For the page on how to get help or report."
        ),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("show_hotline"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("search_stems"),
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class SiteText(TranslatableMixin, models.Model):
    """The words around every page (hotline, footer, safety notice), one row per language."""

    hotline_name = models.CharField(
        _("hotline name"), max_length=200, default="National Human Trafficking Hotline"
    )
    hotline_hours = models.CharField(
        _("hotline hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: 24 hours a day, 7 days a week, in more than 200 languages."),
    )
    safety_notice = models.TextField(
        _("safety notice"),
        blank=True,
        help_text=_(
            "Shown near the top of every page, for example a reminder that this device may be watched."
        ),
    )
    footer_text = models.TextField(_("footer text"), blank=True)

    panels = [
        FieldPanel("hotline_name"),
        FieldPanel("hotline_hours"),
        FieldPanel("safety_notice"),
        FieldPanel("footer_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site text")
        verbose_name_plural = _("site text")

    def __str__(self):
        return str(_("Site text (%(language)s)") % {"language": self.locale.get_display_name()})


@register_setting(icon="warning")
class SafetySettings(BaseSiteSetting):
    """Numbers and safety controls that appear on every public page."""

    hotline_phone = models.CharField(_("hotline phone number"), max_length=40, default="1-888-373-7888")
    hotline_sms = models.CharField(
        _("hotline text-message number"), max_length=40, blank=True, default="233733"
    )
    emergency_number = models.CharField(_("emergency number"), max_length=20, default="911")
    quick_exit_url = models.URLField(
        _("quick-exit destination"),
        default="https://www.weather.gov/",
        help_text=_(
            "A neutral site that the quick-exit control opens in place of this one. "
            "Choose one that is unremarkable in a browser history."
        ),
    )
    safety_page = models.ForeignKey(
        Page,
        verbose_name=_("safety advice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page that explains the quick exit's limits and how to browse more safely."),
    )
    site_text = models.ForeignKey(
        SiteText,
        verbose_name=_("site text"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Hotline name, footer and safety notice; translate it like any snippet."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("hotline_phone"), FieldPanel("hotline_sms"), FieldPanel("emergency_number")],
            heading=_("Numbers"),
        ),
        MultiFieldPanel(
            [FieldPanel("quick_exit_url"), FieldPanel("safety_page")],
            heading=_("Quick exit"),
        ),
        FieldPanel("site_text"),
    ]

    class Meta:
        verbose_name = _("safety and contact settings")


def _stored_pdf_name(instance, filename):
    # A name nobody can guess: the file is public only through the view that checks the page is live.
    return f"printables/{uuid.uuid4().hex}.pdf"


class StoredPdf(models.Model):
    """A printable PDF of one page revision in one language, rendered once and served from storage.

    `content_key` fingerprints everything else the PDF shows (the hotline from the settings, the
    endorsing agencies, the page's address, the template's version): when any of it changes the
    next request makes a new PDF; while nothing changes every request gets the stored one.
    """

    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=12)
    kind = models.CharField(max_length=40)
    content_key = models.CharField(max_length=64)
    file = models.FileField(upload_to=_stored_pdf_name)
    created_at = models.DateTimeField(auto_now_add=True)
    render_seconds = models.FloatField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "language", "kind", "content_key"], name="one_stored_pdf_per_content"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.revision_id} {self.language}"
