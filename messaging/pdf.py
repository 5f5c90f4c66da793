"""The sign-off record of a revision as a PDF, cached per revision and language."""

from django.core.cache import cache
from django.utils import translation

from home.pdf import render_pdf

from .models import SignOff


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
