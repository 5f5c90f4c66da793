"""Admin views of the sign-off: submit, the coordinator's report, the sign-off record PDF."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages as wagtail_messages
from wagtail.models import Page, Revision

from partners.access import coordinator_required, is_partner

from . import factsheets, services
from .dashboard import change_request_rows, recheck_rows
from .models import SignOffRequiredMixin, SignOffTaskState
from .pdf import signoff_record_pdf
from .review import build_review, decision_feedback, may_view, review_url


@require_http_methods(["GET", "POST"])
def submit(request, page_id):
    """Submit a messaging page (a translation too) to its agency sign-off."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, SignOffRequiredMixin) or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.submit_for_signoff(page, request.user)
        except services.SignOffRefused as refusal:
            # Back to the editor (for a translation: wagtail-localize's), where the message
            # names what is missing; the button says where to fix it.
            wagtail_messages.error(
                request,
                str(refusal),
                buttons=[
                    wagtail_messages.button(
                        reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Open the editor")
                    )
                ],
            )
        else:
            messages.success(
                request, _("'%(title)s' was submitted for agency sign-off.") % {"title": page.title}
            )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(request, "messaging/admin/submit.html", {"page": page})


@never_cache
def review(request, task_state_id):
    """One round's review: the words, what changed, the original of a translation, the decisions.

    The decision forms post to Wagtail's workflow action URL, which calls the task's on_action().
    """
    state = get_object_or_404(
        SignOffTaskState.objects.select_related(
            "revision", "workflow_state__requested_by", "source_revision"
        ),
        pk=task_state_id,
    )
    if state.revision is None or state.revision.content_object is None:
        raise Http404
    if not may_view(state, request.user):
        raise PermissionDenied
    data = build_review(state, request.user, request)
    page = data.page
    perms = page.permissions_for_user(request.user)
    if data.can_decide:
        preview_url = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, state.task_id])
    elif perms.can_edit():
        preview_url = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, state.revision_id])
    else:
        preview_url = None
    current = services.current_round(page)
    by = state.workflow_state.requested_by
    context = {
        "review": data,
        "language": data.under_review.locale.get_display_name(),
        "feedback": decision_feedback(state, data.agency) if data.agency else None,
        "public_url": page.get_url(request) if page.live else None,
        "submitted_by": (by.get_full_name() or by.get_username()) if by else "–",
        "status_label": state.get_status_display(),
        "current_review_url": review_url(current) if current and current.pk != state.pk else None,
        "preview_url": preview_url,
        # Authors and translators come here from emails and the dashboard too: one click to
        # the editor (wagtail-localize's for a synchronised translation, at the same URL).
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]) if perms.can_edit() else None,
        "is_translation": services.translations.is_localize_translation(page),
        "can_resubmit": data.strings_changed and perms.can_edit(),
        "sign_off_url": reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, "sign_off_with_comment", state.pk]
        ),
        # Wagtail's workflow action view drops an invalid form silently and goes to `next`; our
        # on_action() sends a decision made to the review itself, without this parameter.
        "changes_refused": request.GET.get("refused") == "request_changes" and data.can_decide,
        "request_changes_url": reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, "request_changes", state.pk]
        ),
    }
    return TemplateResponse(request, "messaging/admin/review.html", context)


@never_cache
@coordinator_required
def signoff_report(request):
    """Every item in review (how long it has waited, which agencies are still missing, what is
    overdue) and every item with changes requested (which agency asked, the comment, since when)."""
    states = list(services.rounds_in_review())
    returned = services.rounds_with_changes_requested()
    pages = services.pages_for_states(states + returned)
    missing = services.missing_agencies_by_round(states)
    now, today = timezone.now(), timezone.localdate()
    rows = []
    for state in states:
        required = list(state.required_agencies.all())
        rows.append(
            {
                "state": state,
                "page": pages.get(state.workflow_state.object_id),
                "days_waiting": services.days_waiting(state, now),
                "overdue": services.is_overdue(state, today),
                "signed": len(required) - len(missing[state.pk]),
                "required": len(required),
                "missing": missing[state.pk],
                # A required agency deactivated during the round can never sign: the coordinator
                # must restart the round (cancel and resubmit) or reactivate the agency.
                "inactive": [agency for agency in required if not agency.is_active],
            }
        )
    context = {
        "rows": rows,
        "returned": change_request_rows(returned, pages),
        "recheck": recheck_rows(services.explainers_to_recheck(today), today),
    }
    return TemplateResponse(request, "messaging/admin/signoff_report.html", context)


@never_cache
def signoff_record(request, revision_id):
    """The sign-off record of a signed-off revision, as a PDF, for partners' grant files and audits."""
    if not is_partner(request.user):
        raise PermissionDenied
    revision = get_object_or_404(Revision, pk=revision_id)
    page = revision.content_object
    if not isinstance(page, SignOffRequiredMixin) or not services.is_fully_signed_off(revision):
        raise Http404
    is_public = page.live and page.live_revision_id == revision.pk
    if not is_public and not page.permissions_for_user(request.user).can_edit():
        # Signed but not (or no longer) public: only for the people who may edit the page.
        raise PermissionDenied
    pdf = signoff_record_pdf(revision)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"signoff-record-{page.pk}-revision-{revision.pk}-{page.locale.language_code}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def signoff_record_url(revision):
    return reverse("messaging:signoff_record", args=[revision.pk])


@require_http_methods(["GET", "HEAD"])
def fact_sheet(request, page_id):
    """ "Download as PDF": the stored fact sheet of a live, public page's live revision, in the
    page's own language (its language prefix; another prefix is a 404, not a redirect)."""
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if page is None or not factsheets.offers_fact_sheet(page):
        raise Http404
    if page.locale.language_code != translation.get_language():
        raise Http404
    sheet = factsheets.fact_sheet(page)
    response = FileResponse(
        sheet.file.open("rb"), as_attachment=True, filename=f"{page.slug}.pdf", content_type="application/pdf"
    )
    # The same URL serves a new sheet once a new revision is live: a short public lifetime.
    patch_cache_control(response, public=True, max_age=300)
    return response
