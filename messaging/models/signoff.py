"""The "Agency sign-off" workflow task and the immutable records of what each agency decided.

Wagtail's own GroupApprovalTask lets any one member of a group approve. Here every required
agency must sign off, through one of its communications leads, on the exact revision under
review (DESIGN.md, section 4). The rules live in messaging.services; this module holds the data
and the small Task API Wagtail calls.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, Task, TaskState, WorkflowState

from partners.models import Agency


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to change?"),
        required=True,
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": _("Say what needs to change, so the authors can fix it.")},
    )


class SignOffCommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, widget=forms.Textarea({"rows": 3})
    )


class SignOffTaskState(TaskState):
    """One round of review of one revision: which agencies must sign, and by when."""

    required_agencies = models.ManyToManyField(
        Agency, related_name="+", verbose_name=_("agencies whose sign-off is required")
    )
    needed_by = models.DateField(_("sign-off needed by"), null=True, blank=True)
    source_revision = models.ForeignKey(
        Revision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("source revision"),
        help_text=_("For a translation: the revision of the original it was translated from."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
        help_text=_("Who started this round: by submitting, resubmitting or editing during review."),
    )
    content_hash = models.CharField(
        _("content fingerprint"),
        max_length=64,
        blank=True,
        help_text=_("SHA-256 of the revision's content when the round started."),
    )

    class Meta:
        verbose_name = _("agency sign-off task state")
        verbose_name_plural = _("agency sign-off task states")


class AgencySignOffTask(Task):
    """Every required agency signs off on the same revision; then the page is published."""

    # No per-task choice of agencies: which agencies a round requires is decided by the page type
    # (messaging.scope), so that where a workflow is assigned can never loosen it.
    task_state_class = SignOffTaskState

    class Meta:
        verbose_name = _("Agency sign-off")
        verbose_name_plural = _("Agency sign-offs")

    @classmethod
    def get_description(cls):
        return _(
            "Every required partner agency signs off on the exact revision: every active agency for "
            "messages, the agencies chosen in Settings → Sign-off of site pages for the site's own pages."
        )

    def required_agencies(self, page):
        # Lazily: messaging.scope imports these models.
        from messaging.scope import signoff_required_agencies

        return signoff_required_agencies(page)

    # --- Wagtail's Task API: thin wrappers around messaging.services ---------------------

    def start(self, workflow_state, user=None):
        # Task API, lazily: messaging.services imports these models.
        from messaging.services import start_signoff_round

        task_state = super().start(workflow_state, user=user)
        return start_signoff_round(task_state.specific, user=user)

    def deactivate(self, user=None):
        """Disabling the task ends the reviews in progress; it never publishes anything.

        Wagtail's deactivate() cancels each task state, which would let a workflow with no other
        task finish and try to publish an unsigned revision.
        """
        self.active = False
        self.save()
        states = WorkflowState.objects.filter(
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
            current_task_state__task=self,
        )
        for workflow_state in states:
            workflow_state.cancel(user=user)

    def get_actions(self, obj, user):
        # Task API, lazily: messaging.services imports these models.
        from messaging.services import signoff_actions_for

        return signoff_actions_for(obj, user, task=self)

    def get_form_for_action(self, action):
        if action == "request_changes":
            return RequestChangesForm
        if action == "sign_off_with_comment":
            return SignOffCommentForm
        return None

    def on_action(self, task_state, user, action_name, **kwargs):
        # Task API, lazily: messaging.services imports these models.
        from messaging.services import request_changes, sign_off

        if action_name in {"sign_off", "sign_off_with_comment"}:
            sign_off(task_state.specific, user, comment=kwargs.get("comment", ""))
        elif action_name == "request_changes":
            request_changes(task_state.specific, user, comment=kwargs.get("comment", ""))
        # Wagtail's workflow action view goes here next: the round's review, which says what the
        # decision did ("6 of 10 agencies have signed; waiting for …", or that it is live).
        return reverse("messaging:review", args=[task_state.pk])

    def user_can_access_editor(self, obj, user):
        # Task API, lazily: messaging.services imports these models.
        from messaging.services import current_round, lead_agency_for

        agency = lead_agency_for(user)
        state = current_round(obj) if agency is not None else None
        return state is not None and state.required_agencies.filter(pk=agency.pk).exists()

    def get_task_states_user_can_moderate(self, user, **kwargs):
        # Task API, lazily: messaging.services imports these models.
        from messaging.services import task_states_awaiting_agency_of

        return task_states_awaiting_agency_of(user, task=self)


class SignOffQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError("Sign-off records are immutable.")

    def delete(self):
        raise ValidationError("Sign-off records are immutable.")

    def signed(self):
        return self.filter(decision=SignOff.Decision.SIGNED_OFF)

    def of_page(self, page):
        """Every decision on any revision of `page`."""
        return self.filter(
            revision__object_id=str(page.pk), revision__base_content_type=page.get_base_content_type()
        )


class SignOff(models.Model):
    """What one agency decided about one revision, through which person. Never changed afterwards."""

    class Decision(models.TextChoices):
        SIGNED_OFF = "signed_off", _("Signed off")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")

    # The record outlives what it points at (a deleted page or account): the links become empty
    # and the snapshots below keep what was decided, by whom, for which agency, on which words.
    task_state = models.ForeignKey(
        SignOffTaskState,
        on_delete=models.SET_NULL,
        null=True,
        related_name="decisions",
        verbose_name=_("review round"),
    )
    revision = models.ForeignKey(
        Revision, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("revision")
    )
    # An agency that has signed anything can be deactivated, never deleted (the records name it).
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, related_name="signoffs", verbose_name=_("agency")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="signoffs",
        verbose_name=_("signed by"),
    )
    revision_number = models.PositiveBigIntegerField(_("revision number"))
    page_title = models.CharField(_("title"), max_length=255)
    content_hash = models.CharField(_("content fingerprint"), max_length=64)
    agency_name = models.CharField(_("agency name"), max_length=200)
    signer_name = models.CharField(_("signer's name"), max_length=300)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    objects = SignOffQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "agency"],
                condition=models.Q(decision="signed_off"),
                name="one_signoff_per_agency_per_revision",
            ),
            models.UniqueConstraint(
                fields=["revision", "user"],
                condition=models.Q(decision="signed_off"),
                name="one_signoff_per_person_per_revision",
            ),
        ]

    def __str__(self):
        return f"{self.agency_name} – {self.get_decision_display()} – revision {self.revision_number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("Sign-off records are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Sign-off records are immutable.")


class SignOffReminder(models.Model):
    """A reminder sent to an agency that has not answered yet (so reminders are not repeated daily)."""

    task_state = models.ForeignKey(SignOffTaskState, on_delete=models.CASCADE, related_name="reminders")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("sign-off reminder")
        verbose_name_plural = _("sign-off reminders")

    def __str__(self):
        return f"{self.agency} – {self.sent_at:%Y-%m-%d}"
