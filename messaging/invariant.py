"""What "completely signed off" means, beside the gate that enforces it (DESIGN.md, section 4).

The content fingerprint, the complete sign-off of a revision, the signed part of a page and the
default sign-off workflow. messaging.gate calls these; the services and views read them. This
module sits in the model layer: it imports the sign-off models, and nothing above them.
"""

import contextlib
import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Revision, TaskState, Workflow, WorkflowTask

from .exceptions import SignOffRequired
from .models import AgencySignOffTask, SignOff, SignOffTaskState


def content_hash(revision):
    """A fingerprint of a revision's words. Revisions are normally never changed after they are
    saved, but Wagtail can overwrite its latest revision in place (autosave); a sign-off is only
    valid for the exact content it was given on."""
    data = json.dumps(revision.content, sort_keys=True, cls=DjangoJSONEncoder)
    return hashlib.sha256(data.encode()).hexdigest()


# --- The invariant -------------------------------------------------------------------------


def is_fully_signed_off(revision):
    """True when, in some review round of this exact revision, every required agency signed it off."""
    if revision is None:
        return False
    fingerprint = content_hash(revision)
    signed = set(
        SignOff.objects.signed()
        .filter(revision=revision, content_hash=fingerprint)
        .values_list("agency_id", flat=True)
    )
    # Only a completed round counts: a cancelled or narrower round proves nothing.
    rounds = SignOffTaskState.objects.filter(
        revision=revision, status=TaskState.STATUS_APPROVED, content_hash=fingerprint
    )
    for state in rounds.prefetch_related("required_agencies"):
        required = {agency.pk for agency in state.required_agencies.all()}
        if required and required <= signed:
            return True
    return False


def assert_signed_off(revision):
    if not is_fully_signed_off(revision):
        raise SignOffRequired(
            _("This version has not been signed off by every required agency, so it cannot be published.")
        )


def signed_content(page, data=None):
    """The signed part of a page's data, comparable between the live row and a revision.

    Everything but Wagtail's bookkeeping (SignOffRequiredMixin.unsigned_fields): fields, tags,
    many-to-many choices and child objects. Child objects are compared by content, not by row id.
    """
    data = json.loads(json.dumps(page.serializable_data() if data is None else data, cls=DjangoJSONEncoder))
    content = {}
    for name, value in data.items():
        if name in page.unsigned_fields:
            continue
        if isinstance(value, str) and value[:1] == "[":
            # A StreamField is serialised as a JSON string: compare its structure.
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            parent_link = _child_parent_link(page, name)
            value = (
                sorted(
                    json.dumps(
                        {k: v for k, v in item.items() if k not in {"pk", "id", parent_link}},
                        sort_keys=True,
                    )
                    for item in value
                )
                if parent_link
                else value
            )
        content[name] = value
    return content


# Not words, but a person's choice all the same: a save that changes one of these is kept.
_UNSIGNED_CHOICES = ("go_live_at", "expire_at", "signoff_needed_by", "wagtail_admin_comments", "comments")


def unchanged_since(page, revision):
    """True when saving `page` now would store exactly `revision`'s content again (its words and
    every choice a person makes; only Wagtail's bookkeeping may differ)."""
    if signed_content(page) != signed_content(page, revision.content):
        return False
    now = json.loads(json.dumps(page.serializable_data(), cls=DjangoJSONEncoder))
    return all(now.get(name) == revision.content.get(name) for name in _UNSIGNED_CHOICES)


def _child_parent_link(page, name):
    """For a child relation (tags, orderables), the name of the child's link back to the page."""
    try:
        field = page._meta.get_field(name)
    except Exception:  # noqa: BLE001 - not a model field: keep the value as it is
        return None
    remote = getattr(field, "field", None)
    return remote.name if field.one_to_many and remote is not None else None


def live_fields_match_revision(page):
    """True when everything signed on the live page equals its live revision.

    A page that was live before it came under sign-off without any revision (the home page made
    by the first migration) has nothing to compare with but itself: it stays live as it is, and
    saving it is fine as long as its words stay exactly those already shown.
    """
    if page.live_revision_id is None:
        stored = type(page).objects.filter(pk=page.pk).first()
        return stored is not None and signed_content(page) == signed_content(stored)
    revision = Revision.objects.get(pk=page.live_revision_id)
    return signed_content(page) == signed_content(page, revision.content)


# --- Workflows --------------------------------------------------------------------------


def workflow_has_signoff(workflow):
    return AgencySignOffTask.objects.filter(workflow_tasks__workflow=workflow, active=True).exists()


def default_signoff_workflow():
    """The first active workflow that contains an active agency sign-off task (see migration 0002)."""
    return (
        Workflow.objects.filter(
            active=True, workflow_tasks__task__in=AgencySignOffTask.objects.filter(active=True)
        )
        .order_by("pk")
        .first()
    )


@transaction.atomic
def ensure_signoff_workflow():
    """The default sign-off workflow, created if missing (migration 0002 normally made it)."""
    workflow = default_signoff_workflow()
    if workflow is None:
        task = AgencySignOffTask.objects.create(name="Agency sign-off")
        workflow = Workflow.objects.create(name="Agency sign-off", active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow
