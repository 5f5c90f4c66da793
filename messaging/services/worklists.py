"""What awaits each person, for the dashboard panels and the coordinator's report. Read-only.

- an author: where to write a new message, their drafts, and their items with changes requested;
- the coordinator: the items with changes requested, the agencies each round still waits for and
  the agencies that are overdue.

(A lead's list is queries.task_states_awaiting_agency_of.) Each function runs a fixed number of
queries, however many items there are.
"""

from django.db.models import CharField, F, Prefetch, Q
from django.db.models.functions import Cast
from django.utils import translation
from wagtail.models import Locale, Page, TaskState, WorkflowState, get_default_page_content_type

from ..models import MessageIndexPage, SignOff, SignOffTaskState
from .queries import is_overdue

DASHBOARD_LIMIT = 10


def message_index_for(user, language_code=None):
    """The message index in the user's language (else the default one) where they may add a
    message, or None."""
    language_code = language_code or translation.get_language()
    indexes = MessageIndexPage.objects.select_related("locale").order_by("path")
    by_language = {}
    for index in indexes:
        by_language.setdefault(index.locale.language_code, index)
    default = Locale.get_default().language_code
    for code in (language_code, default, *by_language):
        index = by_language.get(code)
        if index is not None and index.permissions_for_user(user).can_add_subpage():
            return index
    return None


def _pages_of(user):
    """The pks (as text, as WorkflowState.object_id holds them) of the pages `user` owns."""
    return Page.objects.filter(owner=user).annotate(pk_text=Cast("pk", CharField())).values("pk_text")


def drafts_of(user, limit=DASHBOARD_LIMIT):
    """Pages with changes not yet live that `user` owns or last edited, and that are not in
    review nor waiting for changes (those are listed elsewhere), most recently edited first."""
    in_a_workflow = WorkflowState.objects.active().filter(base_content_type=get_default_page_content_type())
    return list(
        Page.objects.filter(has_unpublished_changes=True)
        .filter(Q(owner=user) | Q(latest_revision__user=user))
        .exclude(pk__in=[int(pk) for pk in in_a_workflow.values_list("object_id", flat=True)])
        .select_related("locale", "latest_revision")
        .order_by(F("latest_revision_created_at").desc(nulls_last=True), "-pk")[:limit]
    )


def rounds_with_changes_requested(user=None):
    """The rounds sent back to their authors and not resubmitted yet, oldest request first, each
    with `change_requests`: the decisions asking for changes (which agency, the comment, when).

    With `user`: only the items they submitted, wrote the revision of, or own.
    """
    states = SignOffTaskState.objects.filter(
        status=TaskState.STATUS_REJECTED,
        workflow_state__status=WorkflowState.STATUS_NEEDS_CHANGES,
        workflow_state__current_task_state=F("pk"),
    )
    if user is not None:
        states = states.filter(
            Q(workflow_state__requested_by=user)
            | Q(submitted_by=user)
            | Q(revision__user=user)
            | Q(workflow_state__object_id__in=_pages_of(user))
        )
    return list(
        states.select_related("workflow_state", "workflow_state__requested_by", "revision")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=SignOff.objects.filter(decision=SignOff.Decision.CHANGES_REQUESTED).order_by(
                    "created_at", "pk"
                ),
                to_attr="change_requests",
            )
        )
        .order_by("finished_at", "pk")
    )


def missing_agencies_by_round(states):
    """{state.pk: [required agencies that have not signed the round's revision, by name]}.

    One query, given rounds whose `required_agencies` are prefetched (queries.rounds_in_review).
    """
    if not states:
        return {}
    signed = set(
        SignOff.objects.signed()
        .filter(revision_id__in={state.revision_id for state in states})
        .values_list("revision_id", "agency_id")
    )
    return {
        state.pk: sorted(
            (
                agency
                for agency in state.required_agencies.all()
                if (state.revision_id, agency.pk) not in signed
            ),
            key=lambda agency: agency.name,
        )
        for state in states
    }


def overdue_agencies(states, missing, today=None):
    """[(agency, number of overdue rounds waiting for it)], most overdue rounds first.

    `missing` is missing_agencies_by_round(states).
    """
    counts, agencies = {}, {}
    for state in states:
        if not is_overdue(state, today):
            continue
        for agency in missing.get(state.pk, []):
            agencies[agency.pk] = agency
            counts[agency.pk] = counts.get(agency.pk, 0) + 1
    return [
        (agencies[pk], count)
        for pk, count in sorted(counts.items(), key=lambda item: (-item[1], agencies[item[0]].name))
    ]
