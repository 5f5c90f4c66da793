"""Review rounds and the decisions on them: submit, start, void, sign off, request changes.

Every decision goes through _decide(), the one locked path: the page row first, then the round
(the same order as SignOffRequiredMixin.save), so that simultaneous decisions and edits are
handled one after the other.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import Page, TaskState, WorkflowState

from ..exceptions import SignOffRefused
from ..invariant import content_hash, is_fully_signed_off
from ..models import SignOff, SignOffRequiredMixin, SignOffTaskState
from ..notifications import notify_authors_of_change_request, notify_leads_of_new_round
from .queries import authors_of, current_round, lead_agency_for
from .translations import (
    find_source_revision,
    save_translated_strings_as_revision,
    translated_strings_changed,
)

STRINGS_CHANGED = gettext_lazy(
    "The translated text has changed since this was submitted: it must be submitted again "
    "before it can be signed off."
)


def submit_for_signoff(page, user):
    """Start the page's sign-off workflow on its latest revision (as Wagtail's "Submit" does)."""
    page = page.specific
    if not isinstance(page, SignOffRequiredMixin):
        raise SignOffRefused(_("This page does not need agency sign-off."))
    if not page.permissions_for_user(user).can_edit():
        raise SignOffRefused(_("You cannot submit this page for sign-off."))
    if page.workflow_in_progress:
        state = current_round(page)
        if state is not None and translated_strings_changed(state):
            # Translated strings changed in wagtail-localize's editor during the review: they
            # become the new revision, which voids the round and restarts it on these words.
            save_translated_strings_as_revision(page, user)
            return type(page).objects.get(pk=page.pk).current_workflow_state
        raise SignOffRefused(_("This page is already being reviewed."))
    save_translated_strings_as_revision(page, user)
    latest = page.get_latest_revision()
    if latest is None:
        page.save_revision(user=user)
    elif is_fully_signed_off(latest):
        if page.live and page.live_revision_id == latest.pk:
            raise SignOffRefused(
                _("This version is live and signed off already: there is nothing to submit.")
            )
        # Signed off once, then taken down (or never shown): its old sign-offs must not bring it
        # back. The same words go round again as a new revision, which every agency signs afresh.
        latest.as_object().save_revision(user=user, log_action=True)
        page = type(page).objects.get(pk=page.pk)
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        # Sent back with a change request: carry on with the same workflow, as Wagtail's own
        # "Resubmit" does, on the latest revision.
        workflow_state.resume(user)
        return workflow_state
    if not page.permissions_for_user(user).can_submit_for_moderation():
        raise SignOffRefused(_("You cannot submit this page for sign-off."))
    workflow = page.get_workflow()
    if workflow is None:
        raise SignOffRefused(_("No sign-off workflow is set up. Ask the coordinator."))
    try:
        return workflow.start(page, user)
    except ValidationError:
        raise SignOffRefused(_("This page is already being reviewed.")) from None


def start_signoff_round(state, user=None):
    """Record who must sign this round and by when; ask their leads (called when the task starts)."""
    task = state.task.specific
    page = state.revision.as_object()
    required = task.required_agencies(page)
    state.required_agencies.set(required)
    state.needed_by = getattr(page, "signoff_needed_by", None)
    state.source_revision = find_source_revision(page)
    state.submitted_by = user
    state.content_hash = content_hash(state.revision)
    state.save(update_fields=["needed_by", "source_revision", "submitted_by", "content_hash"])
    log(
        instance=page,
        action="messaging.signoff_requested",
        user=user,
        revision=state.revision,
        data={"agencies": [{"id": a.pk, "name": a.name} for a in required], "revision_id": state.revision_id},
    )
    notify_leads_of_new_round(state)
    return state


def void_outdated_round(page, new_revision):
    """A new revision during review voids the sign-offs given so far: restart the round on it."""
    state = current_round(page)
    if state is None or state.revision_id == new_revision.pk:
        return None
    with transaction.atomic():
        # Lock the round, as sign_off() does, so that an edit and a final sign-off arriving
        # together are handled one after the other.
        state = SignOffTaskState.objects.select_for_update().select_related("workflow_state").get(pk=state.pk)
        if (
            state.status != TaskState.STATUS_IN_PROGRESS
            or state.workflow_state.status != WorkflowState.STATUS_IN_PROGRESS
        ):
            return None
        return _void(page, state, new_revision)


def _void(page, state, new_revision):
    signed = SignOff.objects.signed().filter(task_state=state).count()
    log(
        instance=page,
        action="messaging.signoffs_voided",
        user=new_revision.user,
        revision=new_revision,
        data={"previous_revision_id": state.revision_id, "signoffs_voided": signed},
    )
    state.cancel(user=new_revision.user, resume=True)
    return current_round(page)


def _check_can_decide(state, user):
    """Raise SignOffRefused unless `user` may decide for their agency on this round now."""
    if (
        state.status != TaskState.STATUS_IN_PROGRESS
        or state.workflow_state.status != WorkflowState.STATUS_IN_PROGRESS
    ):
        raise SignOffRefused(_("This review round is over."))
    page = state.revision.content_object
    latest = page.get_latest_revision()
    if latest is None or latest.pk != state.revision_id:
        raise SignOffRefused(_("The page has changed since this round started: review the latest version."))
    agency = lead_agency_for(user)
    if agency is None:
        raise SignOffRefused(_("Only a communications lead can sign off for an agency."))
    if not state.required_agencies.filter(pk=agency.pk).exists():
        raise SignOffRefused(_("Your agency's sign-off is not required for this item."))
    if content_hash(state.revision) != state.content_hash:
        raise SignOffRefused(_("The version under review was changed: it must be submitted again."))
    if user.pk in {state.workflow_state.requested_by_id, state.submitted_by_id} or user.pk in authors_of(
        state
    ):
        raise SignOffRefused(
            _(
                "You submitted or wrote this version, so you cannot sign it off. "
                "Another lead of your agency must."
            )
        )
    # A person signs a revision once, whatever agency they belong to now: a lead moved to another
    # agency mid-round does not sign again for the new one.
    earlier = SignOff.objects.signed().filter(revision_id=state.revision_id, user=user).first()
    if earlier is not None:
        raise SignOffRefused(
            _("You have already signed off this revision (for %(agency)s).") % {"agency": earlier.agency_name}
        )
    if SignOff.objects.signed().filter(revision_id=state.revision_id, agency=agency).exists():
        raise SignOffRefused(_("Your agency has already signed off this revision."))
    return agency


def user_can_decide(state, user):
    try:
        _check_can_decide(state, user)
    except SignOffRefused:
        return False
    return True


def _record(state, user, agency, decision, comment):
    try:
        with transaction.atomic():
            return SignOff.objects.create(
                task_state=state,
                revision_id=state.revision_id,
                revision_number=state.revision_id,
                page_title=str(state.revision.object_str or "")[:255],
                content_hash=state.content_hash,
                agency=agency,
                agency_name=agency.name,
                user=user,
                signer_name=user.get_full_name() or user.get_username(),
                decision=decision,
                comment=comment,
            )
    except IntegrityError:
        raise SignOffRefused(_("This revision has already been signed off by you or your agency.")) from None


def missing_agencies(state):
    """Required agencies that have not signed off the round's revision yet."""
    signed = (
        SignOff.objects.signed()
        .filter(revision_id=state.revision_id, content_hash=content_hash(state.revision))
        .values("agency_id")
    )
    return list(state.required_agencies.exclude(pk__in=signed).order_by("name"))


_DECISION_LOG_ACTIONS = {
    SignOff.Decision.SIGNED_OFF: "messaging.signed_off",
    SignOff.Decision.CHANGES_REQUESTED: "messaging.changes_requested",
}


def _decide(state, user, decision, comment):
    """The one locked decision path: lock, check the rules, record, log, then close the round.

    The page row is locked before the round, in the same order as an edit takes them
    (SignOffRequiredMixin.save), so that the last sign-off racing an edit waits instead of
    deadlocking, and the edit then sees the publication. With the round's row locked, two leads
    signing at the same moment are counted one after the other: both count, and exactly one of
    them completes the round and publishes.
    """
    with transaction.atomic():
        workflow_state = WorkflowState.objects.only("object_id").get(pk=state.workflow_state_id)
        list(Page.objects.select_for_update().filter(pk=workflow_state.object_id).values_list("pk"))
        state = (
            SignOffTaskState.objects.select_for_update()
            .select_related("workflow_state", "revision")
            .get(pk=state.pk)
        )
        agency = _check_can_decide(state, user)
        if decision == SignOff.Decision.SIGNED_OFF and translated_strings_changed(state):
            raise SignOffRefused(STRINGS_CHANGED)
        record = _record(state, user, agency, decision, comment)
        log(
            instance=state.revision.as_object(),
            action=_DECISION_LOG_ACTIONS[decision],
            user=user,
            revision=state.revision,
            data={
                "agency": {"id": agency.pk, "name": agency.name},
                "revision_id": state.revision_id,
                "comment": comment,
            },
        )
        if decision == SignOff.Decision.CHANGES_REQUESTED:
            state.reject(user=user, comment=comment)
        elif not missing_agencies(state):
            state.approve(user=user, comment=_("Signed off by every required agency."))
    return record


def sign_off(state, user, comment=""):
    """Record `user`'s sign-off for their agency; publish when every required agency has signed."""
    return _decide(state, user, SignOff.Decision.SIGNED_OFF, (comment or "").strip())


def request_changes(state, user, comment):
    """Send the item back to its authors with `comment` (required), on behalf of the user's agency."""
    comment = (comment or "").strip()
    if not comment:
        raise SignOffRefused(_("Say what needs to change, so the authors can fix it."))
    record = _decide(state, user, SignOff.Decision.CHANGES_REQUESTED, comment)
    notify_authors_of_change_request(record)
    return record


def signoff_actions_for(obj, user, task=None):
    """The workflow actions Wagtail offers `user` on `obj` (empty when they may not decide)."""
    state = current_round(obj)
    if state is None or (task is not None and state.task_id != task.pk) or not user_can_decide(state, user):
        return []
    agency = lead_agency_for(user)
    return [
        ("sign_off", _("Sign off for %(agency)s") % {"agency": agency.name}, False),
        (
            "sign_off_with_comment",
            _("Sign off for %(agency)s, with a comment") % {"agency": agency.name},
            True,
        ),
        ("request_changes", _("Request changes"), True),
    ]
