"""What happens when a workflow finishes (settings.WAGTAIL_FINISH_WORKFLOW_ACTION)."""

# Imported by wagtail.models.workflows while apps are still loading: keep model imports lazy.


def publish_on_finish(workflow_state, user=None):
    """Publish the signed-off revision.

    Wagtail's default publishes "as" the last approver and checks that person's publish
    permission. The last approver of a sign-off is a communications lead, who has no publish
    permission (and must not have one). So the permission check is skipped here, and the page's
    own publish() verifies instead that every required agency signed off this exact revision.
    """
    # Both lazily: this module is imported by wagtail.models.workflows, before the models are.
    from wagtail.workflows import publish_workflow_state

    from .models import SignOffRequiredMixin, SignOffTaskState

    page = workflow_state.content_object
    if not isinstance(getattr(page, "specific", page), SignOffRequiredMixin):
        return publish_workflow_state(workflow_state, user=user)
    # The revision the agencies signed (the last round's), not merely the newest one.
    last_round = (
        SignOffTaskState.objects.filter(workflow_state=workflow_state, status="approved")
        .select_related("revision")
        .order_by("-finished_at", "-pk")
        .first()
    )
    revision = last_round.revision if last_round else page.get_latest_revision()
    return revision.publish(user=user, skip_permission_checks=True)
