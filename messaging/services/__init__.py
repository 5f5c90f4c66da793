"""The sign-off services, by concern (DESIGN.md, section 4):

- messaging.services.rounds: submitting, starting and voiding rounds; the one locked decision
  path (sign_off, request_changes) and who may decide.
- messaging.services.translations: what a translation was made from; translated words as a revision.
- messaging.services.queries: read-only questions for the Task API, panels, reports and the dashboard.
- messaging.services.worklists: what awaits each person (an author's drafts and returned items,
  the agencies each round still waits for), for the dashboard and the report.
- messaging.services.reminders: reminders and overdue items (the daily command calls it).
- messaging.services.explainers: explainers whose facts are over a year old.

What "completely signed off" means lives beside the gate, in messaging.invariant; the exceptions
in messaging.exceptions. This package re-exports their public names, so that
`from messaging import services` keeps giving one place to call.
"""

from ..exceptions import SignOffRefused, SignOffRequired
from ..invariant import (
    assert_signed_off,
    content_hash,
    default_signoff_workflow,
    ensure_signoff_workflow,
    is_fully_signed_off,
    live_fields_match_revision,
    signed_content,
    workflow_has_signoff,
)
from .explainers import days_since_checked, explainers_to_recheck
from .queries import (
    authors_of,
    current_round,
    days_waiting,
    endorsements,
    endorsements_of_pages,
    is_overdue,
    last_signed_revision,
    last_signed_revision_of,
    latest_round,
    lead_agency_for,
    pages_for_states,
    round_status,
    rounds_in_review,
    task_states_awaiting_agency_of,
)
from .reminders import reminder_due_agencies, send_due_reminders
from .rounds import (
    _record,
    missing_agencies,
    request_changes,
    sign_off,
    signoff_actions_for,
    start_signoff_round,
    submit_for_signoff,
    user_can_decide,
    void_outdated_round,
)
from .translations import (
    find_source_revision,
    is_localize_translation,
    save_translated_strings_as_revision,
    translated_strings_changed,
)
from .worklists import (
    drafts_of,
    message_index_for,
    missing_agencies_by_round,
    overdue_agencies,
    rounds_with_changes_requested,
)

__all__ = [
    "SignOffRefused",
    "SignOffRequired",
    "_record",
    "assert_signed_off",
    "authors_of",
    "content_hash",
    "current_round",
    "days_since_checked",
    "days_waiting",
    "default_signoff_workflow",
    "drafts_of",
    "endorsements",
    "endorsements_of_pages",
    "explainers_to_recheck",
    "ensure_signoff_workflow",
    "find_source_revision",
    "is_fully_signed_off",
    "is_overdue",
    "last_signed_revision",
    "last_signed_revision_of",
    "latest_round",
    "lead_agency_for",
    "live_fields_match_revision",
    "message_index_for",
    "missing_agencies",
    "missing_agencies_by_round",
    "overdue_agencies",
    "pages_for_states",
    "reminder_due_agencies",
    "request_changes",
    "round_status",
    "rounds_in_review",
    "rounds_with_changes_requested",
    "save_translated_strings_as_revision",
    "is_localize_translation",
    "translated_strings_changed",
    "send_due_reminders",
    "sign_off",
    "signed_content",
    "signoff_actions_for",
    "start_signoff_round",
    "submit_for_signoff",
    "task_states_awaiting_agency_of",
    "user_can_decide",
    "void_outdated_round",
    "workflow_has_signoff",
]
