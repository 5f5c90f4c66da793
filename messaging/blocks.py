"""The explainer's blocks: one myth, the fact that corrects it, why it matters and the evidence."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# A fact stays plain: emphasis and links to sources, no headings or colours.
FACT_FEATURES = ["bold", "italic", "link"]


class CitationBlock(blocks.StructBlock):
    """One public source behind a fact: who published it, what, when and where to read it."""

    organisation = blocks.CharBlock(
        label=_("Source organisation"),
        max_length=200,
        help_text=_("Who published it, for example the U.S. Department of State or UNODC."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=300)
    year = blocks.IntegerBlock(label=_("Year"), min_value=1900, max_value=2100, required=False)
    url = blocks.URLBlock(label=_("Address (URL)"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Citation")


class MythFactBlock(blocks.StructBlock):
    myth = blocks.CharBlock(
        label=_("Myth"),
        max_length=300,
        help_text=_("The belief as people usually say it."),
    )
    fact = blocks.RichTextBlock(label=_("Fact"), features=FACT_FEATURES)
    why_it_matters = blocks.TextBlock(
        label=_("Why it matters"),
        required=False,
        help_text=_("One or two sentences: what the myth makes people miss."),
    )
    evidence = blocks.ListBlock(CitationBlock(), label=_("Evidence"), min_num=1)

    class Meta:
        icon = "help"
        template = "blocks/myth_fact_block.html"
        label = _("Myth and fact")


class MythFactStreamBlock(blocks.StreamBlock):
    myth_fact = MythFactBlock()

    class Meta:
        min_num = 1
