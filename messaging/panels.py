"""The sign-off status panel on the page editor: agency by agency, for the round in review."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from partners.access import is_partner

from . import services


class SignOffStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "messaging/panels/signoff_status.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            state = services.current_round(page) or services.latest_round(page)
            user = self.request.user
            lead_agency = services.lead_agency_for(user)
            compare_url = None
            if state is not None and lead_agency is not None:
                earlier = services.last_signed_revision_of(page, lead_agency, state.revision)
                if earlier is not None:
                    compare_url = reverse(
                        "wagtailadmin_pages:revisions_compare", args=[page.pk, earlier.pk, state.revision_id]
                    )
            source_url = None
            if state is not None and state.source_revision_id:
                source_url = reverse(
                    "wagtailadmin_pages:revisions_view",
                    args=[state.source_revision.object_id, state.source_revision_id],
                )
            live_signed = services.is_fully_signed_off(page.live_revision) if page.live_revision_id else False
            context.update(
                {
                    "page": page,
                    "state": state,
                    "in_review": state is not None and state == services.current_round(page),
                    "rows": services.round_status(state),
                    "lead_agency": lead_agency,
                    "compare_url": compare_url,
                    "source_url": source_url,
                    "overdue": services.is_overdue(state) if state else False,
                    "record_url": (
                        reverse("messaging:signoff_record", args=[page.live_revision_id])
                        if live_signed and is_partner(user)
                        else None
                    ),
                    "can_submit": (
                        not page.workflow_in_progress
                        and page.permissions_for_user(user).can_submit_for_moderation()
                    ),
                    "submit_url": reverse("messaging:submit", args=[page.pk]),
                    "review_url": reverse("messaging:review", args=[state.pk]) if state else None,
                }
            )
            return context
