"""How the review screen and Wagtail's compare view show a paragraph block's words."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.admin.compare import RichTextBlockComparison, diff_text
from wagtail.utils.text import text_from_html

_END_OF_BLOCK = re.compile(r"(</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>)", re.IGNORECASE)


def paragraph_text(html):
    """The text of rich text HTML with one line per paragraph, list item or heading. Wagtail's
    comparisons take the text with nothing between paragraphs ("safety.Victim service...")."""
    return text_from_html(_END_OF_BLOCK.sub(r"\1\n", str(html)))


def _lines(html):
    # The text is escaped by then: the only line breaks left are the ones paragraph_text made.
    return mark_safe(str(html).replace("\n", "<br>"))  # noqa: S308 - escaped text, only <br> added


class ParagraphComparison(RichTextBlockComparison):
    """Compares paragraphs as lines of text, in the review screen and in Wagtail's compare view."""

    def htmlvalue(self, val):
        return _lines(escape(paragraph_text(self.block.render_basic(val))))

    def htmldiff(self):
        return _lines(
            diff_text(
                paragraph_text(self.block.render_basic(self.val_a)),
                paragraph_text(self.block.render_basic(self.val_b)),
            ).to_html()
        )
