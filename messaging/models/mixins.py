"""Opt a page type into the sign-off invariant with one line:

    class ExplainerPage(SignOffRequiredMixin, Page): ...

DESIGN.md, section 4: no messaging page, in any locale, becomes live unless a communications lead
of every required agency has signed off the exact revision being published. The mixin closes
every road to "live" at the model, so that the Publish button, scheduled go-live, bulk actions,
copies, reverts, wagtail-localize and management commands all meet the same check:

- publish(revision) refuses a revision that is not completely signed off. The sign-off workflow
  calls it with skip_permission_checks=True (messaging.workflow.publish_on_finish): Wagtail would
  otherwise check the last signer's publish permission, and leads have none.
- save() refuses any other way of making the page live, or of pointing it at another live
  revision, or of changing the signed words of a live page without a new revision; aliases
  (which have no revisions of their own) are kept as drafts.
- permissions_for_user() takes away the Publish button (and scheduling) from everyone, superusers
  included: the workflow is the only road.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models.signals import class_prepared
from django.utils.translation import gettext_lazy as _
from wagtail.models import PagePermissionTester


def add_signoff_tab(sender, **kwargs):
    """Give each opted-in page type a "Sign-off" tab (deadline and agency-by-agency status)."""
    if (
        not issubclass(sender, SignOffRequiredMixin)
        or sender._meta.abstract
        or "edit_handler" in sender.__dict__
    ):
        return
    from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface

    from messaging.panels import SignOffStatusPanel

    sender.edit_handler = TabbedInterface(
        [
            ObjectList(sender.content_panels, heading=_("Content")),
            ObjectList(sender.promote_panels, heading=_("Promote")),
            ObjectList(sender.settings_panels, heading=_("Settings")),
            ObjectList(
                [FieldPanel("signoff_needed_by"), SignOffStatusPanel(heading=_("Agency sign-off"))],
                heading=_("Sign-off"),
            ),
        ]
    )


class_prepared.connect(add_signoff_tab)


class SignOffRequired(PermissionDenied):
    """Raised when something tries to make a messaging page live without a complete sign-off."""


class SignOffPermissionTester(PagePermissionTester):
    """Nobody publishes a messaging page by hand; unpublishing and scheduling control stay."""

    def _holds_publish_permission(self):
        return PagePermissionTester.can_publish(self)

    def can_publish(self):
        return False

    def can_unschedule(self):
        return self._holds_publish_permission()

    def can_set_view_restrictions(self):
        return self._holds_publish_permission()


class SignOffParentPermissionTester(PagePermissionTester):
    """An index of messaging pages: creating a child must not publish it in the same step."""

    def can_publish_subpage(self):
        return False


class SignOffRequiredParentMixin(models.Model):
    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return SignOffParentPermissionTester(user, self)


class SignOffRequiredMixin(models.Model):
    signoff_needed_by = models.DateField(
        _("sign-off needed by"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. Agencies that have not answered by then are reminded and the item is flagged."
        ),
    )

    # Fields whose live values must always equal the live revision's (subclasses extend).
    signed_fields = ["title"]

    class Meta:
        abstract = True

    # --- Publishing ---------------------------------------------------------------------

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        self._check_no_other_road_to_live(update_fields)
        result = super().save(*args, **kwargs)
        if self.latest_revision_id and (update_fields is None or "latest_revision" in update_fields):
            # A new revision during review (any edit, by anyone) voids the sign-offs given so far.
            from messaging.services import void_outdated_round

            void_outdated_round(self, self.latest_revision)
        return result

    def publish(self, revision, user=None, *args, **kwargs):
        from messaging.services import assert_signed_off

        assert_signed_off(revision)
        self._signoff_verified_revision_id = revision.pk
        try:
            return super().publish(revision, user, *args, **kwargs)
        finally:
            self._signoff_verified_revision_id = None

    def _check_no_other_road_to_live(self, update_fields):
        from messaging.services import assert_signed_off, live_fields_match_revision

        if self.alias_of_id and self.live:
            # An alias has no revisions of its own and Wagtail (and wagtail-localize's tree
            # synchronisation) would make it live with another page's words, possibly in another
            # language. It stays a draft: convert it to an ordinary page and submit it instead.
            self.live = False
            self.live_revision = None
        if not self.live:
            return  # drafts, unpublishing and scheduled (not yet live) states are always fine
        previous = None
        if self.pk is not None:
            previous = type(self).objects.filter(pk=self.pk).values("live", "live_revision_id").first()
        going_live = (
            previous is None or not previous["live"] or previous["live_revision_id"] != self.live_revision_id
        )
        if going_live:
            if self.live_revision_id is None:
                raise SignOffRequired(_("This page can only go live through the agency sign-off."))
            if getattr(self, "_signoff_verified_revision_id", None) != self.live_revision_id:
                assert_signed_off(self.live_revision)
            return
        touches_words = update_fields is None or set(update_fields) & set(self.signed_fields)
        if touches_words and not live_fields_match_revision(self):
            raise SignOffRequired(
                _("The words of a live page can only change through a new revision and a new sign-off.")
            )

    # --- Workflow and permissions ------------------------------------------------------------

    def get_workflow(self):
        """The page's workflow if it contains an agency sign-off; else the default sign-off workflow."""
        from messaging.services import default_signoff_workflow, workflow_has_signoff

        workflow = super().get_workflow()
        if workflow is not None and workflow_has_signoff(workflow):
            return workflow
        return default_signoff_workflow()

    @property
    def has_workflow(self):
        # Page.has_workflow only looks for a workflow assigned in the tree; ours never lacks one.
        return self.get_workflow() is not None

    def permissions_for_user(self, user):
        return SignOffPermissionTester(user, self)
