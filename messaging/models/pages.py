from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock
from home.stemming import StemmedSearchMixin
from messaging.blocks import MythFactStreamBlock
from messaging.gate import SignOffRequiredMixin


class MessageIndexPage(StemmedSearchMixin, SignOffRequiredMixin, Page):
    """The list of the task force's published messages, one per language tree."""

    signoff_scope = SignOffRequiredMixin.SCOPE_SITE

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [
        index.SearchField("search_stems"),
        index.SearchField("introduction"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["messaging.MessagePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("message index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        messages = (
            MessagePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-first_published_at")
            .defer_streamfields()
        )
        context["messages_page"] = Paginator(messages, 10).get_page(request.GET.get("page"))
        return context


class MessagePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "messaging.MessagePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class MessagePage(StemmedSearchMixin, SignOffRequiredMixin, Page):
    """A unified public statement or key message, co-authored and signed off by the partner agencies."""

    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in lists and at the top.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=MessagePageTag, blank=True, verbose_name=_("topics"))
    co_authors = ParentalManyToManyField(
        "partners.Agency", blank=True, related_name="+", verbose_name=_("co-authoring agencies")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("tags"), FieldPanel("co_authors", widget=forms.CheckboxSelectMultiple)],
            heading=_("Topics and authors"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("search_stems"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["messaging.MessageIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")


# --- Explainers ---------------------------------------------------------------------------------


class TraffickingForm(models.Model):
    """A form of trafficking an explainer covers: a fixed vocabulary, named in the code's catalogue.

    The rows exist so that explainers can be filtered in the database; their names are the
    choices' labels, so they are translated with the rest of the interface (locale/), not per page.
    """

    class Code(models.TextChoices):
        SEX = "sex", _("Sex trafficking")
        LABOUR = "labour", _("Labour trafficking")
        DOMESTIC_SERVITUDE = "domestic-servitude", _("Domestic servitude")
        FORCED_CRIMINALITY = "forced-criminality", _("Forced criminal activity")
        FORCED_MARRIAGE = "forced-marriage", _("Forced marriage")
        DEBT_BONDAGE = "debt-bondage", _("Debt bondage")

    code = models.SlugField(_("code"), max_length=40, unique=True, choices=Code.choices)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("form of trafficking")
        verbose_name_plural = _("forms of trafficking")

    def __str__(self):
        return str(self.get_code_display())


class Audience(models.Model):
    """Who an explainer is written for (the same fixed, translated vocabulary as TraffickingForm)."""

    class Code(models.TextChoices):
        GENERAL_PUBLIC = "general-public", _("General public")
        YOUTH = "youth", _("Young people")
        EDUCATORS = "educators", _("Educators")
        HEALTH_WORKERS = "health-workers", _("Health workers")
        LAW_ENFORCEMENT = "law-enforcement", _("Law enforcement")
        EMPLOYERS = "employers", _("Employers")

    code = models.SlugField(_("code"), max_length=40, unique=True, choices=Code.choices)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return str(self.get_code_display())


class ExplainerIndexPage(StemmedSearchMixin, SignOffRequiredMixin, Page):
    """The myth-and-fact explainers of one language, filterable by form of trafficking and audience."""

    signoff_scope = SignOffRequiredMixin.SCOPE_SITE
    per_page = 12

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [
        index.SearchField("search_stems"),
        index.SearchField("introduction"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["messaging.ExplainerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("explainer index page")

    def explainers(self, form=None, audience=None):
        """The live, public explainers of this index (its language), newest first, filtered."""
        explainers = ExplainerPage.objects.child_of(self).live().public()
        if form:
            explainers = explainers.filter(forms_of_trafficking__code=form)
        if audience:
            explainers = explainers.filter(audiences__code=audience)
        return explainers.order_by("-first_published_at", "-pk").defer_streamfields()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = request.GET.get("form", "")
        audience = request.GET.get("audience", "")
        # An unknown code filters nothing out rather than showing an empty page.
        form = form if form in TraffickingForm.Code.values else ""
        audience = audience if audience in Audience.Code.values else ""
        explainers = self.explainers(form=form, audience=audience).prefetch_related(
            "forms_of_trafficking", "audiences"
        )
        context.update(
            {
                "explainers_page": Paginator(explainers, self.per_page).get_page(request.GET.get("page")),
                "forms": TraffickingForm.Code.choices,
                "audiences": Audience.Code.choices,
                "chosen_form": form,
                "chosen_audience": audience,
            }
        )
        return context


class ExplainerPage(StemmedSearchMixin, SignOffRequiredMixin, Page):
    """Myths about trafficking and the facts that correct them, with their sources.

    Joint speech like a message: every active agency signs it off (the default scope).
    """

    summary = models.TextField(
        _("plain-language summary"),
        help_text=_("Two or three short sentences anyone can follow, shown in lists and at the top."),
    )
    myths_and_facts = StreamField(MythFactStreamBlock(), verbose_name=_("myths and facts"))
    respectful_wording = models.TextField(
        _("note on respectful wording"),
        blank=True,
        help_text=_('For example: say "a person who has been trafficked", not "a trafficking victim".'),
    )
    facts_checked_on = models.DateField(
        _("facts checked on"),
        help_text=_(
            "When the facts and their sources were last checked. The coordinator is reminded after a year."
        ),
    )
    forms_of_trafficking = ParentalManyToManyField(
        TraffickingForm, blank=True, related_name="explainers", verbose_name=_("forms of trafficking")
    )
    audiences = ParentalManyToManyField(
        Audience, blank=True, related_name="explainers", verbose_name=_("audiences")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("myths_and_facts"),
        FieldPanel("respectful_wording"),
        MultiFieldPanel(
            [
                FieldPanel("forms_of_trafficking", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("facts_checked_on"),
            ],
            heading=_("Topics, audiences and checking"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("search_stems"),
        index.SearchField("summary"),
        index.SearchField("myths_and_facts"),
        index.SearchField("respectful_wording"),
    ]
    # The words (title, summary, myths, facts, why it matters, the citations' titles and the wording
    # note) are translated; what they are about, and when they were checked, is the same in every
    # language. wagtail-localize leaves many-to-many fields out unless told: they are synchronised.
    override_translatable_fields = [
        SynchronizedField("forms_of_trafficking", overridable=False),
        SynchronizedField("audiences", overridable=False),
        SynchronizedField("facts_checked_on", overridable=False),
    ]

    parent_page_types = ["messaging.ExplainerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("explainer")
        verbose_name_plural = _("explainers")

    def related_explainers(self, limit=3):
        """Other live explainers in this language about the same forms of trafficking."""
        return (
            ExplainerPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, forms_of_trafficking__in=self.forms_of_trafficking.all())
            .exclude(pk=self.pk)
            .distinct()
            .order_by("-first_published_at", "-pk")
            .defer_streamfields()[:limit]
        )

    def related_messages(self, limit=3):
        """The latest live messages in this language."""
        return (
            MessagePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("-first_published_at", "-pk")
            .defer_streamfields()[:limit]
        )
