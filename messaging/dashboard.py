"""The sign-off's panels on the admin dashboard, where everyone lands after signing in.

One panel per role; a person with several roles sees each of theirs (wagtail_hooks adds them):
- an author: "Write a message", their items with changes requested, their drafts;
- a communications lead: what awaits their agency's sign-off;
- the coordinator: the items in review, the agencies still missing and those overdue, the
  items with changes requested, the explainers whose facts are over a year old;
- everyone in a partner agency: the <iframe> code that shows the current message on their site.
The queries are in messaging.services; these classes only shape them for the templates.
"""

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from home.languages import live_languages
from partners.dashboard import RolePanel
from partners.people import author_agency_for, is_coordinator, is_partner, lead_agency_for

from . import services
from .reach_views import embed_url

COORDINATOR_ROWS = 10


class AwaitingAgencySignOffPanel(RolePanel):
    """A lead's: the items waiting for their agency, each linked to its review screen."""

    name = "awaiting_agency_signoff"
    template_name = "messaging/admin/awaiting_signoff_panel.html"
    order = 50

    @staticmethod
    def is_for(user):
        return lead_agency_for(user) is not None

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        agency = lead_agency_for(self.request.user)
        states = list(
            services.task_states_awaiting_agency_of(self.request.user)
            .select_related("workflow_state", "workflow_state__requested_by", "revision")
            .order_by("started_at")
        )
        pages = services.pages_for_states(states)
        context.update(
            {
                "agency": agency,
                "rows": [
                    {
                        "state": state,
                        "page": pages.get(state.workflow_state.object_id),
                        "overdue": services.is_overdue(state),
                    }
                    for state in states
                ],
            }
        )
        return context


def change_request_rows(states, pages=None):
    """Rows of items with changes requested (services.rounds_with_changes_requested)."""
    pages = services.pages_for_states(states) if pages is None else pages
    return [
        {
            "state": state,
            "page": pages.get(state.workflow_state.object_id),
            "requests": state.change_requests,
        }
        for state in states
    ]


class AuthorPanel(RolePanel):
    """An author's: write a new message in one click, what came back with changes requested, drafts."""

    name = "author_work"
    template_name = "messaging/admin/author_panel.html"
    order = 40

    @staticmethod
    def is_for(user):
        return author_agency_for(user) is not None

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        user = self.request.user
        index = services.message_index_for(user)
        context.update(
            {
                "write_message_url": (
                    reverse("wagtailadmin_pages:add", args=["messaging", "messagepage", index.pk])
                    if index is not None
                    else None
                ),
                "returned": change_request_rows(services.rounds_with_changes_requested(user)),
                "drafts": services.drafts_of(user),
            }
        )
        return context


def recheck_rows(explainers, today):
    """Rows of explainers whose facts are due to be checked again (services.explainers_to_recheck)."""
    return [
        {
            "page": explainer,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[explainer.pk]),
            "days": services.days_since_checked(explainer, today),
        }
        for explainer in explainers
    ]


class CoordinatorSignOffPanel(RolePanel):
    """The coordinator's: the rounds in review with the agencies still missing, the overdue
    agencies and the items with changes requested, each linked to its review screen."""

    name = "coordinator_signoffs"
    template_name = "messaging/admin/coordinator_panel.html"
    order = 45

    @staticmethod
    def is_for(user):
        return is_coordinator(user)

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        states = list(services.rounds_in_review())
        missing = services.missing_agencies_by_round(states)
        today = timezone.localdate()
        shown = states[:COORDINATOR_ROWS]
        pages = services.pages_for_states(shown)
        returned = services.rounds_with_changes_requested()
        recheck = list(services.explainers_to_recheck(today))
        context.update(
            {
                "in_review_count": len(states),
                "rows": [
                    {
                        "state": state,
                        "page": pages.get(state.workflow_state.object_id),
                        "missing": missing.get(state.pk, []),
                        "overdue": services.is_overdue(state, today),
                    }
                    for state in shown
                ],
                "overdue_agencies": services.overdue_agencies(states, missing, today),
                "returned": change_request_rows(returned[:COORDINATOR_ROWS]),
                "returned_count": len(returned),
                "report_url": reverse("messaging:signoff_report"),
                "recheck": recheck_rows(recheck[:COORDINATOR_ROWS], today),
                "recheck_count": len(recheck),
            }
        )
        return context


class EmbedCodePanel(RolePanel):
    """Everyone in a partner agency: the code that shows the current unified message on their
    agency's own site, one per language served (messaging.reach_views.embed_message)."""

    name = "embed_message_code"
    template_name = "messaging/admin/embed_code_panel.html"
    order = 60

    @staticmethod
    def is_for(user):
        return is_partner(user)

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        codes = []
        for code in live_languages(self.request):
            url = embed_url(self.request, code)
            with translation.override(code):
                title = _("Unified message of the task force against human trafficking")
            snippet = (
                f'<iframe src="{escape(url)}" title="{escape(title)}" width="100%" height="320" '
                'style="border:0" loading="lazy"></iframe>'
            )
            name = translation.get_language_info(code)["name_translated"]  # in the reader's language
            codes.append({"code": code, "name": name, "url": url, "snippet": snippet})
        context["codes"] = codes
        return context


PANELS = (AuthorPanel, CoordinatorSignOffPanel, AwaitingAgencySignOffPanel, EmbedCodePanel)


def panels_for(request):
    """The sign-off panels of every role the signed-in person holds."""
    return [panel(request) for panel in PANELS if panel.is_for(request.user)]
