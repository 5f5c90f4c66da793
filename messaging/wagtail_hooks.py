"""Wagtail admin wiring for the sign-off: history entries, dashboard panel, report, buttons, URLs."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages as wagtail_messages
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from partners.access import CoordinatorMenuItem

from . import dashboard, services, views
from .models import SignOffRequiredMixin
from .review import decision_feedback, in_review_notice, may_view, review_url

# --- History entries ---------------------------------------------------------------------


class _AgencyDecisionFormatter(LogFormatter):
    def format_comment(self, log_entry):
        return log_entry.data.get("comment", "")


@hooks.register("register_log_actions")
def register_signoff_log_actions(actions):
    @actions.register_action("messaging.signed_off")
    class SignedOff(_AgencyDecisionFormatter):
        label = _("Sign off for an agency")

        def format_message(self, log_entry):
            return _("Signed off for %(agency)s (revision %(revision)s)") % {
                "agency": log_entry.data.get("agency", {}).get("name", "?"),
                "revision": log_entry.data.get("revision_id", "?"),
            }

    @actions.register_action("messaging.changes_requested")
    class ChangesRequested(_AgencyDecisionFormatter):
        label = _("Request changes for an agency")

        def format_message(self, log_entry):
            return _("Changes requested by %(agency)s (revision %(revision)s)") % {
                "agency": log_entry.data.get("agency", {}).get("name", "?"),
                "revision": log_entry.data.get("revision_id", "?"),
            }

    @actions.register_action("messaging.signoff_requested")
    class SignOffRequested(LogFormatter):
        label = _("Ask agencies to sign off")

        def format_message(self, log_entry):
            names = [agency.get("name", "?") for agency in log_entry.data.get("agencies", [])]
            return _("Sign-off requested from %(agencies)s (revision %(revision)s)") % {
                "agencies": ", ".join(names) or "–",
                "revision": log_entry.data.get("revision_id", "?"),
            }

    @actions.register_action("messaging.signoffs_voided")
    class SignOffsVoided(LogFormatter):
        label = _("Void sign-offs after an edit")

        def format_message(self, log_entry):
            return _("Edited during review: sign-offs on revision %(revision)s no longer count") % {
                "revision": log_entry.data.get("previous_revision_id", "?"),
            }

    actions.register_action(
        "messaging.reminder_sent", _("Send a sign-off reminder"), _("Reminder sent to an agency")
    )
    actions.register_action(
        "messaging.scheduled_publish_refused",
        _("Refuse a scheduled publication"),
        _("Scheduled publication refused: the revision was not signed off by every required agency"),
    )


# --- Dashboard -------------------------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def add_signoff_panels(request, panels):
    """Each role's panel (messaging/dashboard.py): an author's, a lead's, the coordinator's."""
    ours = dashboard.panels_for(request)
    if any(isinstance(panel, dashboard.AwaitingAgencySignOffPanel) for panel in ours):
        # The lead's panel replaces Wagtail's generic "Awaiting your review" list: it is the same
        # items, narrowed to those still waiting for the lead's own agency.
        generic = "workflow_objects_to_moderate"
        panels[:] = [panel for panel in panels if getattr(panel, "name", "") != generic]
    panels.extend(ours)


SUBMIT_LABEL = _("Submit for agency sign-off")


class SubmitForSignOffMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to ‹workflow name›", in our words and the person's language (the
    workflow's name is data, which gettext cannot translate)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = getattr(context.get("page"), "current_workflow_state", None)
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Submit again for agency sign-off")
        else:
            context["label"] = SUBMIT_LABEL
        return context


@hooks.register("construct_page_action_menu")
def put_sign_off_first(menu_items, request, context):
    """For a lead, "Sign off for ‹agency›" is the main button, not "Save draft"; "Submit for
    agency sign-off" is said in our words."""
    under_signoff = isinstance(getattr(context.get("page"), "specific_deferred", None), SignOffRequiredMixin)
    for position, item in enumerate(menu_items):
        if under_signoff and type(item) is SubmitForModerationMenuItem:
            menu_items[position] = SubmitForSignOffMenuItem(order=item.order)
    for position, item in enumerate(menu_items):
        if getattr(item, "name", "") == "sign_off":
            menu_items.insert(0, menu_items.pop(position))
            break


# --- A refused road to live is explained ------------------------------------------------------

NOT_PUBLISHED = _(
    "Saved as a draft, not published: a page under agency sign-off goes live only when every "
    "required agency has signed off this version. Use “Submit for agency sign-off”."
)


def _asked_to_publish(request):
    return request.method == "POST" and bool(
        request.POST.get("action-publish") or request.POST.get("publish_copies")
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def explain_why_not_published(request, page):
    """A forged or stale Publish (or revert-and-publish, or scheduled go-live) on a page under
    sign-off is saved as a draft by Wagtail, which only says "updated": say why it is not live."""
    if _asked_to_publish(request) and isinstance(page.specific_deferred, SignOffRequiredMixin):
        messages.warning(request, NOT_PUBLISHED)


@hooks.register("after_edit_page")
def tell_the_outcome_of_a_decision(request, page):
    """After signing off (or requesting changes) from the editor's action menu."""
    if request.method != "POST" or not request.POST.get("workflow-action-name"):
        return
    state = services.latest_round(page)
    agency = services.lead_agency_for(request.user)
    feedback = decision_feedback(state, agency) if state is not None and agency is not None else None
    if feedback:
        messages.success(request, feedback)


@hooks.register("before_edit_page", order=-1)
def signpost_the_editor(request, page):
    """Say in the editor where the page stands in its sign-off and what to do next, with a button.

    Before any change: that it is in review, how many agencies have signed, and that saving a
    change starts the sign-off again. wagtail-localize's translation editor has no workflow
    actions and no page header buttons, but it shows these messages: there the translator is
    told to submit (or submit again), and a lead to review. Runs before wagtail-localize's own
    hook (which renders its editor) and never answers itself.
    """
    if request.method != "GET":
        return
    page = page.specific_deferred
    if not isinstance(page, SignOffRequiredMixin):
        return
    user = request.user
    translated_in_editor = services.is_localize_translation(page)
    state = services.current_round(page)
    if state is None:
        if translated_in_editor and page.permissions_for_user(user).can_submit_for_moderation():
            wagtail_messages.info(
                request,
                _(
                    "When every text is translated, submit the translation for agency sign-off: "
                    "the leads sign the translated words."
                ),
                buttons=[_submit_button(page)],
            )
        return
    if not may_view(state, user):
        return
    can_edit = page.permissions_for_user(user).can_edit()
    if translated_in_editor and can_edit and services.translated_strings_changed(state):
        wagtail_messages.warning(
            request,
            _("The translated text has changed since it was submitted: submit it again for sign-off."),
            buttons=[_submit_button(page)],
        )
        return
    can_decide = services.user_can_decide(state, user)
    text = in_review_notice(state, can_change=can_edit and not translated_in_editor)
    label = _("Review and sign off") if can_decide else _("See the review")
    wagtail_messages.warning(request, text, buttons=[wagtail_messages.button(review_url(state), label)])


def _submit_button(page):
    return wagtail_messages.button(reverse("messaging:submit", args=[page.pk]), SUBMIT_LABEL)


@hooks.register("after_copy_page")
def explain_why_copy_not_published(request, page, new_page):
    if _asked_to_publish(request) and isinstance(new_page.specific_deferred, SignOffRequiredMixin):
        messages.warning(request, NOT_PUBLISHED)


# --- Report ----------------------------------------------------------------------------------


@hooks.register("register_reports_menu_item")
def register_signoff_report_menu_item():
    return CoordinatorMenuItem(
        _("Sign-offs"), reverse("messaging:signoff_report"), name="signoffs", icon_name="tasks", order=50
    )


# --- Buttons on messaging pages -------------------------------------------------------------


class SubmitForSignOffButton(PageMenuItem):
    label = SUBMIT_LABEL
    icon_name = "resubmit"
    url_name = "messaging:submit"

    def is_shown(self, user):
        page = self.page.specific_deferred
        return (
            isinstance(page, SignOffRequiredMixin)
            and not page.workflow_in_progress
            and page.permissions_for_user(user).can_submit_for_moderation()
        )


class ReviewButton(PageMenuItem):
    """To the review screen of the round in progress, where leads read and sign, shown in the
    ordinary editor's page header. wagtail-localize's translation editor renders no page header
    buttons: there the same link comes in the message signpost_the_editor shows."""

    icon_name = "tasks"

    def is_shown(self, user):
        page = self.page.specific_deferred
        if not isinstance(page, SignOffRequiredMixin) or not page.workflow_in_progress:
            return False
        self.state = services.current_round(page)
        if self.state is None or not may_view(self.state, user):
            return False
        can_decide = services.user_can_decide(self.state, user)
        self.label = _("Review and sign off") if can_decide else _("See the review")
        return True

    @cached_property
    def url(self):
        return review_url(self.state)


@hooks.register("register_page_header_buttons")
def signoff_header_buttons(page, user, view_name, next_url=None):
    yield ReviewButton(page=page, priority=35)
    yield SubmitForSignOffButton(page=page, priority=40)


@hooks.register("register_page_listing_more_buttons")
def signoff_listing_buttons(page, user, next_url=None):
    # Also in the page listing ("..." menu). Submitting a wagtail-localize translation turns its
    # translated strings into a revision and starts its sign-off (services.submit_for_signoff).
    yield SubmitForSignOffButton(page=page, priority=45)


# --- URLs ------------------------------------------------------------------------------------

urlpatterns = [
    path("submit/<int:page_id>/", views.submit, name="submit"),
    path("review/<int:task_state_id>/", views.review, name="review"),
    path("report/", views.signoff_report, name="signoff_report"),
    path("record/<int:revision_id>/", views.signoff_record, name="signoff_record"),
]


@hooks.register("register_admin_urls")
def register_messaging_urls():
    return [path("messaging/", include((urlpatterns, "messaging"), namespace="messaging"))]
