"""The sign-off record of a revision as a PDF, cached per revision and language."""

from django.core.cache import cache
from django.utils import translation
from wagtail import blocks

from home.pdf import render_pdf

from .invariant import content_hash
from .models import SignOff

# A page's own words before its body, in reading order (each page type has some of them).
LEADING_FIELDS = ("headline", "summary", "introduction")


def signed_words(page):
    """The words of `page` (a revision's object) as plain paragraphs: its leading fields, then
    each block of its body. What the agencies signed, readable in the record without the site."""
    words = [str(getattr(page, name)) for name in LEADING_FIELDS if getattr(page, name, "")]
    for block in getattr(page, "body", None) or []:
        words.extend(_block_words(block.block, block.value))
    return [text for text in words if text.strip()]


def _block_words(block, value):
    if isinstance(block, blocks.ChoiceBlock):  # a heading's level, not words
        return []
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in _block_words(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in _block_words(block.child_block, item)]
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in _block_words(child.block, child.value)]
    return [str(text) for text in block.get_searchable_content(value)]


def signoff_record_context(revision):
    page = revision.as_object()
    decisions = list(
        SignOff.objects.filter(revision=revision)
        .select_related("agency", "user")
        .order_by("agency_name", "created_at")
    )
    state = decisions[0].task_state if decisions else None
    return {
        "page": page,
        "revision": revision,
        "language": page.locale.get_display_name(),
        "decisions": decisions,
        "state": state,
        "words": signed_words(page),
        "fingerprint": content_hash(revision),
    }


def signoff_record_pdf(revision, language=None):
    """PDF bytes in the page's own language (the language the agencies signed)."""
    page_language = revision.as_object().locale.language_code
    language = language or page_language
    decisions = SignOff.objects.filter(revision=revision).order_by("-pk").values_list("pk", flat=True)
    latest_decision = decisions.first() or 0
    # Records never change, but a later decision on the same revision adds a row: key on the last one.
    key = f"messaging:signoff-record:{revision.pk}:{language}:{latest_decision}"
    pdf = cache.get(key)
    if pdf is None:
        with translation.override(language):
            pdf = render_pdf("messaging/pdf/signoff_record.html", signoff_record_context(revision))
        cache.set(key, pdf, timeout=60 * 60 * 24 * 30)
    return pdf
