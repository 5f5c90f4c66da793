"""The sign-off rules, as plain functions (DESIGN.md, section 4).

Every check that decides who may sign, what counts as complete and whether a revision may go live
is here, so that the Wagtail task, the admin views, the management commands and the tests all use
the same code.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, Revision, TaskState, WorkflowState

from partners.access import membership_of

from .exceptions import SignOffRefused, SignOffRequired  # noqa: F401 - re-exported
from .invariant import (  # noqa: F401 - re-exported: the invariant lives in messaging.invariant
    assert_signed_off,
    content_hash,
    default_signoff_workflow,
    ensure_signoff_workflow,
    is_fully_signed_off,
    live_fields_match_revision,
    signed_content,
    workflow_has_signoff,
)
from .models import SignOff, SignOffRequiredMixin, SignOffTaskState

# --- Who is who -------------------------------------------------------------------------


def lead_agency_for(user):
    """The active agency `user` is a communications lead of, or None (superusers are not leads)."""
    membership = membership_of(user)
    if membership and membership.is_communications_lead and membership.agency and membership.agency.is_active:
        return membership.agency
    return None


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


def submit_for_signoff(page, user):
    """Start the page's sign-off workflow on its latest revision (as Wagtail's "Submit" does)."""
    page = page.specific
    if not isinstance(page, SignOffRequiredMixin):
        raise SignOffRefused(_("This page does not need agency sign-off."))
    if page.workflow_in_progress:
        raise SignOffRefused(_("This page is already being reviewed."))
    if not page.permissions_for_user(user).can_edit():
        raise SignOffRefused(_("You cannot submit this page for sign-off."))
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


def save_translated_strings_as_revision(page, user):
    """For a translation edited in wagtail-localize, turn its translated strings into a revision.

    wagtail-localize's editor keeps translations as strings and only writes them into the page when
    it publishes, which messaging pages do not allow. The sign-off must review the translated words,
    so they become a new revision first. The live row is never written (a live translation keeps its
    signed words until the new revision is signed off). Refused while any string is untranslated.
    """
    from wagtail_localize.fields import copy_synchronised_fields
    from wagtail_localize.models import MissingRelatedObjectError, MissingTranslationError, Translation
    from wagtail_localize.segments.ingest import ingest_segments

    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "source__locale", "target_locale")
        .first()
    )
    if translation is None:
        return None
    source = translation.source
    original = source.as_instance()
    draft = page.get_latest_revision_as_object()
    copy_synchronised_fields(original, draft)
    try:
        # wagtail-localize has no public API for "strings into a draft, without saving the row";
        # this is what its create_or_update_translation() does before it saves.
        segments = source._get_segments_for_translation(translation.target_locale, fallback=False)
        ingest_segments(original, draft, source.locale, translation.target_locale, segments)
    except (MissingTranslationError, MissingRelatedObjectError):
        raise SignOffRefused(
            _("This translation is not finished: translate every text before submitting it for sign-off.")
        ) from None
    try:
        draft.full_clean()
    except ValidationError as error:
        problems = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
        raise SignOffRefused(
            _("This translation cannot be submitted until it is corrected: %(problems)s")
            % {"problems": problems}
        ) from None
    return draft.save_revision(user=user, changed=True, clean=False)


# --- Starting a round ------------------------------------------------------------------------


def find_source_revision(page):
    """For a translation, the revision of the original it was translated from; None for an original.

    With wagtail-localize, the translation source records when it last took the original's
    content; the original's newest revision at that moment is what the translators worked from.
    A page translated by hand falls back to the original's live revision.
    """
    from wagtail.models import Locale

    default_locale = Locale.get_default()
    if page.locale_id == default_locale.pk:
        return None
    try:
        from wagtail_localize.models import TranslationSource

        source = (
            TranslationSource.objects.filter(object_id=page.translation_key)
            .exclude(locale_id=page.locale_id)
            .order_by("-last_updated_at")
            .first()
        )
    except ImportError:  # pragma: no cover - wagtail-localize is always installed here
        source = None
    original = None
    if source is not None:
        original = page.get_translation_or_none(source.locale)
        if original is not None:
            revision = (
                original.revisions.filter(created_at__lte=source.last_updated_at)
                .order_by("-created_at")
                .first()
            )
            if revision is not None:
                return revision
    original = original or page.get_translation_or_none(default_locale)
    return original.live_revision if original is not None else None


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
    from .notifications import notify_leads_of_new_round

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


# --- Signing -----------------------------------------------------------------------------


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
    """Lock the page and the round, check the rules, record and log the decision.

    Call inside a transaction. The page row is locked before the round, in the same order as an
    edit takes them (SignOffRequiredMixin.save), so that the last sign-off racing an edit waits
    instead of deadlocking, and the edit then sees the publication.
    """
    workflow_state = WorkflowState.objects.only("object_id").get(pk=state.workflow_state_id)
    list(Page.objects.select_for_update().filter(pk=workflow_state.object_id).values_list("pk"))
    state = (
        SignOffTaskState.objects.select_for_update()
        .select_related("workflow_state", "revision")
        .get(pk=state.pk)
    )
    agency = _check_can_decide(state, user)
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
    return state, record


def sign_off(state, user, comment=""):
    """Record `user`'s sign-off for their agency; publish when every required agency has signed.

    The round's row is locked so that two leads signing at the same moment are counted one after
    the other: both count, and exactly one of them completes the round and publishes.
    """
    with transaction.atomic():
        state, record = _decide(state, user, SignOff.Decision.SIGNED_OFF, (comment or "").strip())
        if not missing_agencies(state):
            state.approve(user=user, comment=_("Signed off by every required agency."))
    return record


def request_changes(state, user, comment):
    """Send the item back to its authors with `comment` (required), on behalf of the user's agency."""
    comment = (comment or "").strip()
    if not comment:
        raise SignOffRefused(_("Say what needs to change, so the authors can fix it."))
    with transaction.atomic():
        state, record = _decide(state, user, SignOff.Decision.CHANGES_REQUESTED, comment)
        state.reject(user=user, comment=comment)
    from .notifications import notify_authors_of_change_request

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


# --- What people see ---------------------------------------------------------------------------


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
    """Every messaging item in review, for the coordinator's report, with counts in one query."""
    states = (
        SignOffTaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS, workflow_state__status=WorkflowState.STATUS_IN_PROGRESS
        )
        .select_related("workflow_state__requested_by", "revision")
        .prefetch_related("required_agencies")
        .annotate(required_count=Count("required_agencies", distinct=True))
        .order_by("started_at")
    )
    return states


def days_waiting(state, now=None):
    now = now or timezone.now()
    return (now - state.started_at).days


def is_overdue(state, today=None):
    today = today or timezone.localdate()
    return bool(state.needed_by and state.needed_by < today)


def reminder_due_agencies(state, after_days=None, now=None):
    """Required agencies still silent after `after_days`, not reminded within that period."""
    after_days = after_days if after_days is not None else settings.SIGNOFF_REMINDER_AFTER_DAYS
    now = now or timezone.now()
    if now - state.started_at < datetime.timedelta(days=after_days):
        return []
    recently = state.reminders.filter(sent_at__gte=now - datetime.timedelta(days=after_days)).values(
        "agency_id"
    )
    answered = SignOff.objects.filter(revision_id=state.revision_id).values("agency_id")
    return list(state.required_agencies.exclude(pk__in=answered).exclude(pk__in=recently).order_by("name"))


def pages_for_states(states):
    """{workflow_state.object_id: specific page} for a list of rounds, in one query per page type."""
    from wagtail.models import Locale

    ids = {int(state.workflow_state.object_id) for state in states}
    if not ids:
        return {}
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    pages = {}
    for page in Page.objects.filter(pk__in=ids).specific(defer=True):
        page.locale = locales[page.locale_id]  # one query for all locales, not one per row
        pages[str(page.pk)] = page
    return pages


def agency_signoff_counts(states):
    """{state.pk: number of required agencies that signed the round's revision}, in one query."""
    if not states:
        return {}
    pairs = SignOffTaskState.required_agencies.through.objects.filter(
        signofftaskstate_id__in=[s.pk for s in states]
    ).values_list("signofftaskstate_id", "agency_id")
    revision_of = {s.pk: s.revision_id for s in states}
    signed = set(
        SignOff.objects.signed()
        .filter(revision_id__in=set(revision_of.values()))
        .values_list("revision_id", "agency_id")
    )
    counts = dict.fromkeys(revision_of, 0)
    for state_id, agency_id in pairs:
        if (revision_of[state_id], agency_id) in signed:
            counts[state_id] += 1
    return counts
