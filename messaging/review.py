"""The review screen of one sign-off round: everything a lead reads before deciding. Read-only.

One screen for any page under sign-off, in any language: the words under review, what changed
since the last signed version, and for a translation the original it was made from (side by
side) with what changed in the original since the last signed translation. The decisions are
forms that post to Wagtail's own workflow action URLs, so the task's get_actions()/on_action()
stay the one path (messaging.models.AgencySignOffTask).
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import TaskState

from . import services
from .models import SignOff, SignOffTaskState


def review_url(state):
    return reverse("messaging:review", args=[state.pk])


def _comparison_classes(page, request):
    panel = page.get_edit_handler().get_bound_panel(instance=page, request=request, form=None)
    return list(panel.get_comparison())


def changes_between(page, request, before, after):
    """Wagtail's field-by-field comparisons of two versions of `page`, changed fields only."""
    result = []
    for comparison_class in _comparison_classes(page, request):
        comparison = comparison_class(before, after)
        if comparison.has_changed():
            result.append(comparison)
    return result


def side_by_side(page, request, original, translation):
    """[(field label, the original's words, the translation's words)] for each field with words."""
    rows = []
    for comparison_class in _comparison_classes(page, request):
        of_original = comparison_class(original, original)
        if not of_original.is_field:
            continue
        of_translation = comparison_class(translation, translation)
        rows.append((of_original.field_label(), of_original.htmldiff(), of_translation.htmldiff()))
    return rows


def last_signed_translation_round(page, before_state):
    """The newest completed round of this translation before `before_state` (for its source)."""
    return (
        SignOffTaskState.objects.filter(
            status=TaskState.STATUS_APPROVED,
            workflow_state__base_content_type_id=page.get_base_content_type().pk,
            workflow_state__object_id=str(page.pk),
            pk__lt=before_state.pk,
        )
        .select_related("source_revision")
        .order_by("-pk")
        .first()
    )


def _signed(row):
    return row["decision"] is not None and row["decision"].decision == SignOff.Decision.SIGNED_OFF


@dataclass
class Review:
    state: SignOffTaskState
    page: object  # the page as it is now (specific)
    under_review: object  # the page as in the revision under review
    rows: list  # round_status(): agency by agency
    agency: object = None  # the viewer's agency, when they lead one
    own_decision: object = None
    can_decide: bool = False
    strings_changed: bool = False
    last_signed: object = None  # revision
    changes_since_signed: list = field(default_factory=list)
    original: object = None  # for a translation: the original as it was translated from
    original_language: object = None
    words_side_by_side: list = field(default_factory=list)
    original_changes: list = field(default_factory=list)  # in the original since the last signed translation
    earlier_translation_round: object = None  # the last completed round of this translation

    @property
    def in_review(self):
        return (
            self.state.status == TaskState.STATUS_IN_PROGRESS
            and services.current_round(self.page) == self.state
        )

    @property
    def signed_count(self):
        return len(self.rows) - len(self.waiting_for)

    @property
    def waiting_for(self):
        return [row["agency"] for row in self.rows if not _signed(row)]

    @property
    def is_live_with_these_words(self):
        return self.page.live and self.page.live_revision_id == self.state.revision_id


def build_review(state, user, request):
    page = state.revision.content_object.specific
    under_review = state.revision.as_object()
    agency = services.lead_agency_for(user)
    rows = services.round_status(state)
    own = None
    if agency is not None:
        own = next((row["decision"] for row in rows if row["agency"].pk == agency.pk), None)
    review = Review(
        state=state, page=page, under_review=under_review, rows=rows, agency=agency, own_decision=own
    )
    if review.in_review:
        review.strings_changed = services.translated_strings_changed(state)
        review.can_decide = services.user_can_decide(state, user)
    review.last_signed = services.last_signed_revision(page, before=state.revision)
    if review.last_signed is not None:
        review.changes_since_signed = changes_between(
            page, request, review.last_signed.as_object(), under_review
        )
    review.words_side_by_side = side_by_side(page, request, under_review, under_review)
    if state.source_revision_id:
        review.original = state.source_revision.as_object()
        review.original_language = review.original.locale.get_display_name()
        review.words_side_by_side = side_by_side(page, request, review.original, under_review)
        earlier = review.earlier_translation_round = last_signed_translation_round(page, state)
        if earlier is not None and earlier.source_revision_id not in {None, state.source_revision_id}:
            review.original_changes = changes_between(
                review.original, request, earlier.source_revision.as_object(), review.original
            )
    return review


def may_view(state, user):
    """Who may open a round's review: its required agencies' leads, and anyone who may edit the page."""
    if user.is_superuser:
        return True
    agency = services.lead_agency_for(user)
    if agency is not None and state.required_agencies.filter(pk=agency.pk).exists():
        return True
    page = state.revision.content_object
    return page is not None and page.permissions_for_user(user).can_edit()


def decision_feedback(state, agency):
    """What a lead is told after deciding for `agency` on `state`; None when it has not decided.

    "Signed off for ‹agency›. 6 of 10 agencies have signed; waiting for: …", or, once the last
    agency has signed, that the page is live (or when it will be, if it has a go-live time).
    """
    rows = services.round_status(state)
    decision = next((row["decision"] for row in rows if agency and row["agency"].pk == agency.pk), None)
    if decision is None:
        return None
    page = state.revision.content_object.specific
    if state.status == TaskState.STATUS_APPROVED:
        if page.live and page.live_revision_id == state.revision_id:
            return _("Every agency has signed off: “%(title)s” is now live.") % {"title": page.title}
        return _("Every agency has signed off: “%(title)s” will go live at its scheduled time.") % {
            "title": page.title
        }
    if decision.decision == SignOff.Decision.CHANGES_REQUESTED:
        return _("Changes requested for %(agency)s: the authors have been told.") % {"agency": agency.name}
    waiting = [row["agency"].name for row in rows if not _signed(row)]
    return _(
        "Signed off for %(agency)s. %(signed)s of %(required)s agencies have signed; "
        "waiting for: %(waiting)s."
    ) % {
        "agency": agency.name,
        "signed": len(rows) - len(waiting),
        "required": len(rows),
        "waiting": ", ".join(waiting),
    }


def in_review_notice(state, can_change):
    """What the editor says of a page in review, before anyone changes it."""
    rows = services.round_status(state)
    signed = sum(1 for row in rows if _signed(row))
    text = _(
        "In review for agency sign-off: %(signed)s of %(required)s agencies have signed this version."
    ) % {"signed": signed, "required": len(rows)}
    if not can_change:
        return text
    if not signed:
        return f"{text} {_('Saving a change to it starts the sign-off again.')}"
    again = ngettext(
        "Saving a change to it starts the sign-off again: the agency that signed must sign again.",
        "Saving a change to it starts the sign-off again: the %(count)s agencies that signed must "
        "sign again.",
        signed,
    ) % {"count": signed}
    return f"{text} {again}"
