"""StreamField blocks shared by every page type.

There is deliberately no embed block: third-party embeds would make a reader's browser talk
to another host, which the safety rules forbid.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

# Rich text stays small: editors of a public-service site need emphasis, links and lists,
# not colours or embeds.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2 (section)")), ("h3", _("Level 3 (sub-section)"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_comparison_class(self):
        # Lazily: wagtail.admin.compare is admin code, not needed to load the models.
        from .compare import ParagraphComparison

        return ParagraphComparison

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Paragraph")


class ImageBlock(blocks.StructBlock):
    """An image that always carries alternative text written for this use of it."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(  # required: Wagtail refuses it empty or blank
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to an address elsewhere; exactly one of the two."""

    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Or another address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                {
                    "page": ValidationError(
                        _("Choose a page on this site or enter an address: one of the two.")
                    )
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Link"))
    button_label = blocks.CharBlock(label=_("Button label"), max_length=80)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = ParagraphBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")


class AccordionBlock(blocks.StructBlock):
    """Frequently asked questions, rendered with <details> so it works without JavaScript."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"
        label = _("Questions and answers (accordion)")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()


class FeaturedPagesBlock(blocks.StructBlock):
    """A titled row of cards linking to chosen pages (explainers, messages, anything)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    introduction = blocks.TextBlock(label=_("Introduction"), required=False)
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("Pages"), min_num=1, max_num=6)

    class Meta:
        icon = "doc-full"
        template = "blocks/featured_pages_block.html"
        label = _("Featured pages")


class HomeStreamBlock(BaseStreamBlock):
    """The home page's sections.

    Later features add their own section blocks here (upcoming trainings, partner logos):
    adding a block type to a StreamField keeps existing content as it is.
    """

    featured_pages = FeaturedPagesBlock()
