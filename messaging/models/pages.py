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

from home.blocks import BaseStreamBlock
from messaging.gate import SignOffRequiredMixin


class MessageIndexPage(SignOffRequiredMixin, Page):
    """The list of the task force's published messages, one per language tree."""

    signoff_scope = SignOffRequiredMixin.SCOPE_SITE

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

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


class MessagePage(SignOffRequiredMixin, Page):
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
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["messaging.MessageIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
