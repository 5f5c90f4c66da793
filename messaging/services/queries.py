"""Read-only questions about sign-off rounds, for the Task API, the editor panel, reports and the dashboard.

Who leads which agency, who wrote a round's words, which round is in progress, what each agency
decided, and the counts the coordinator's report shows. Nothing here writes.
"""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, TaskState, WorkflowState

# Who leads which agency is partners.people; lead_agency_for stays importable from here.
from partners.people import lead_agency_for

from ..models import SignOff, SignOffTaskState


def last_signed_revision(page, before=None):
    """The newest revision of `page` that completed a sign-off round (before `before`, if given)."""
    rounds = SignOffTaskState.objects.filter(
        status=TaskState.STATUS_APPROVED,
        revision__base_content_type_id=page.get_base_content_type().pk,
        revision__object_id=str(page.pk),
    )
    if before is not None:
        rounds = rounds.filter(revision__created_at__lt=before.created_at)
    state = rounds.select_related("revision").order_by("-revision__created_at", "-revision_id").first()
    return state.revision if state else None


def authors_of(state):
    """Everyone who wrote words of the round's revision: the author of every revision made since
    the last signed one (so that nobody launders their own words through another's revision)."""
    revision = state.revision
    page = revision.content_object
    revisions = Revision.objects.filter(
        base_content_type_id=revision.base_content_type_id,
        object_id=revision.object_id,
        created_at__lte=revision.created_at,
    )
    last_signed = last_signed_revision(page, before=revision)
    if last_signed is not None:
        revisions = revisions.filter(created_at__gt=last_signed.created_at)
    return set(revisions.exclude(user=None).values_list("user_id", flat=True))


def current_round(page):
    """The review round in progress for `page`, or None."""
    state = (
        SignOffTaskState.objects.filter(
            workflow_state__base_content_type_id=page.get_base_content_type().pk,
            workflow_state__object_id=str(page.pk),
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
            status=TaskState.STATUS_IN_PROGRESS,
        )
        .select_related("revision", "workflow_state", "workflow_state__requested_by")
        .order_by("-pk")
        .first()
    )
    return state


def latest_round(page):
    """The most recent review round of `page`, whatever its status."""
    return (
        SignOffTaskState.objects.filter(
            workflow_state__base_content_type_id=page.get_base_content_type().pk,
            workflow_state__object_id=str(page.pk),
        )
        .select_related("revision", "workflow_state", "workflow_state__requested_by", "source_revision")
        .order_by("-pk")
        .first()
    )


def task_states_awaiting_agency_of(user, task=None):
    """Rounds in progress where the user's agency is required and has not signed the revision yet."""
    agency = lead_agency_for(user)
    if agency is None:
        return SignOffTaskState.objects.none()
    signed = SignOff.objects.filter(
        revision_id=OuterRef("revision_id"), agency=agency, decision=SignOff.Decision.SIGNED_OFF
    )
    states = SignOffTaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        required_agencies=agency,
    ).exclude(Exists(signed))
    if task is not None:
        states = states.filter(task=task)
    # Not what they submitted, wrote or already signed themselves: they could not sign it.
    states = (
        states.exclude(workflow_state__requested_by=user)
        .exclude(submitted_by=user)
        .exclude(revision__user=user)
        .exclude(revision_id__in=SignOff.objects.signed().filter(user=user).values("revision_id"))
    )
    wrote = [state.pk for state in states.select_related("revision") if user.pk in authors_of(state)]
    return states.exclude(pk__in=wrote) if wrote else states


def endorsements(page):
    """The sign-offs of the page's live revision, one per agency, as recorded when they signed.

    Names come from the records (SignOff.agency_name), not from the agencies as they are now:
    renaming an agency does not change what a live page says was endorsed.
    """
    if not page.live_revision_id:
        return []
    return list(
        SignOff.objects.signed().filter(revision_id=page.live_revision_id).order_by("agency_name", "pk")
    )


def endorsements_of_pages(pages):
    """{live revision id: its sign-offs, by agency name} for many pages, in one query (feeds, API)."""
    revision_ids = {page.live_revision_id for page in pages if page.live_revision_id}
    found = {}
    if not revision_ids:
        return found
    signoffs = SignOff.objects.signed().filter(revision_id__in=revision_ids).order_by("agency_name", "pk")
    for signoff in signoffs.only("revision_id", "agency_name", "created_at"):
        found.setdefault(signoff.revision_id, []).append(signoff)
    return found


def round_status(state):
    """Agency by agency: signed (by whom, when), changes requested (comment) or pending."""
    if state is None:
        return []
    decisions = {}
    for decision in SignOff.objects.filter(revision_id=state.revision_id, content_hash=state.content_hash):
        decisions.setdefault(decision.agency_id, decision)
        if decision.decision == SignOff.Decision.SIGNED_OFF:
            decisions[decision.agency_id] = decision
    rows = []
    for agency in state.required_agencies.order_by("name"):
        decision = decisions.get(agency.pk)
        rows.append({"agency": agency, "decision": decision})
    return rows


def last_signed_revision_of(page, agency, before_revision):
    """The newest earlier revision of `page` that `agency` signed off (for "changes since")."""
    return (
        Revision.objects.filter(
            pk__in=SignOff.objects.signed().filter(agency=agency).values("revision_id"),
            base_content_type_id=page.get_base_content_type().pk,
            object_id=str(page.pk),
            created_at__lt=before_revision.created_at,
        )
        .order_by("-created_at")
        .first()
    )


def rounds_in_review():
    """Every item in review, oldest first, with its required agencies (prefetched)."""
    states = (
        SignOffTaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS, workflow_state__status=WorkflowState.STATUS_IN_PROGRESS
        )
        .select_related("workflow_state__requested_by", "revision")
        .prefetch_related("required_agencies")
        .order_by("started_at")
    )
    return states


def days_waiting(state, now=None):
    now = now or timezone.now()
    return (now - state.started_at).days


def is_overdue(state, today=None):
    today = today or timezone.localdate()
    return bool(state.needed_by and state.needed_by < today)


def pages_for_states(states):
    """{workflow_state.object_id: specific page} for a list of rounds, in one query per page type."""
    ids = {int(state.workflow_state.object_id) for state in states}
    if not ids:
        return {}
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    pages = {}
    for page in Page.objects.filter(pk__in=ids).specific(defer=True):
        page.locale = locales[page.locale_id]  # one query for all locales, not one per row
        pages[str(page.pk)] = page
    return pages
