"""The sign-off gate. Opt a page type into the sign-off invariant with one line:

    class ExplainerPage(SignOffRequiredMixin, Page): ...

DESIGN.md, section 4: no public page, in any locale, becomes live unless a communications lead of
every required agency has signed off the exact revision being published. Every public page type
opts in (messages, and the site's own pages: home, standard, directory and index pages); its
`signoff_scope` says which agencies its rounds require (messaging.scope).

This module imports nothing from the apps at load time, so that page types in home/ and partners/
can opt in without an import cycle. The mixin closes
every road to "live" at the model, so that the Publish button, scheduled go-live, bulk actions,
copies, reverts, wagtail-localize and management commands all meet the same check:

- publish(revision) refuses a revision that is not completely signed off. The sign-off workflow
  calls it with skip_permission_checks=True (messaging.workflow.publish_on_finish): Wagtail would
  otherwise check the last signer's publish permission, and leads have none.
- save() refuses any other way of making the page live, or of pointing it at another live
  revision, or of changing the signed words of a live page without a new revision; new rows
  (copies) and aliases, which have no signed revision of their own, are kept as drafts.
- save_revision() never overwrites a revision that has been under review (Wagtail's autosave).
- permissions_for_user() takes away the Publish button (and scheduling) from everyone, superusers
  included: the workflow is the only road.
"""

from contextvars import ContextVar

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page, PagePermissionTester

from messaging.exceptions import SignOffRequired

__all__ = ["SignOffPermissionTester", "SignOffRequired", "SignOffRequiredMixin"]


class _SignOffEditHandler:
    """Each opted-in page type's editor, with a "Sign-off" tab (deadline, agency-by-agency status).

    Built when Wagtail first asks for it (it caches the result), not at import time: page types in
    home/ and partners/ opt in, and the panel's module must not be imported while they load.
    A page type that defines its own edit_handler keeps it.
    """

    def __get__(self, instance, owner):
        # Lazily: messaging.panels imports the services, which import the models, which import this module.
        from messaging.panels import SignOffStatusPanel

        return TabbedInterface(
            [
                ObjectList(owner.content_panels, heading=_("Content")),
                ObjectList(owner.promote_panels, heading=_("Promote")),
                ObjectList(owner.settings_panels, heading=_("Settings")),
                ObjectList(
                    [FieldPanel("signoff_needed_by"), SignOffStatusPanel(heading=_("Agency sign-off"))],
                    heading=_("Sign-off"),
                ),
            ]
        )


# The revision being published by SignOffRequiredMixin.publish() in this thread, if any: the only
# moment a messaging page may go live. (Wagtail saves a copy of the page made from the revision,
# not the instance publish() was called on, so an attribute would not reach it.)
_publishing = ContextVar("messaging_publishing_revision", default=None)


class SignOffPermissionTester(PagePermissionTester):
    """Nobody publishes a messaging page by hand; unpublishing and scheduling control stay.

    No group holds Wagtail's publish permission on content under sign-off, so taking a page down
    (unpublish, unschedule, view restrictions) is given to the coordinator (and superusers) here.
    """

    def _may_take_down(self):
        # Lazily: this module imports nothing from the apps at load time (home and partners models import it).
        from partners.people import is_coordinator

        return self.user.is_active and (PagePermissionTester.can_publish(self) or is_coordinator(self.user))

    def can_publish(self):
        return False

    def can_publish_subpage(self):
        # Creating a child must not publish it in the same step (every page type below a page
        # under sign-off is under sign-off too).
        return False

    def can_unpublish(self):
        if not self.page.live or self.page_is_root or self.page_locked():
            return False
        return self._may_take_down()

    def can_delete(self, ignore_bulk=False):
        if super().can_delete(ignore_bulk=ignore_bulk):
            return True
        # Wagtail asks for publish permission to delete a live page; the coordinator (who edits
        # the page) takes it down without holding that permission.
        return (
            self._may_take_down()
            and "change" in self.permissions
            and (ignore_bulk or self.page.is_leaf() or "bulk_delete" in self.permissions)
        )

    def can_unschedule(self):
        return self._may_take_down()

    def can_set_view_restrictions(self):
        return self._may_take_down()

    def can_move_to(self, destination):
        # A message stays in its own language tree: moved under another language's index it
        # would be shown as that language's version without ever being signed off as one.
        return destination.locale_id == self.page.locale_id and super().can_move_to(destination)


class SignOffRequiredMixin(models.Model):
    # Which agencies a round of this page type requires (messaging.scope): SCOPE_ALL_AGENCIES
    # (every active agency: the task force's message) or SCOPE_SITE (the configurable set for the
    # site's own pages). Decided by the page type, never by where a workflow is assigned.
    SCOPE_ALL_AGENCIES = "all_agencies"
    SCOPE_SITE = "site"
    signoff_scope = SCOPE_ALL_AGENCIES

    edit_handler = _SignOffEditHandler()

    signoff_needed_by = models.DateField(
        _("sign-off needed by"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. Agencies that have not answered by then are reminded and the item is flagged."
        ),
    )

    # Wagtail's bookkeeping on the page row. Every other field and child relation of the page
    # (words, tags, co-authors, images chosen ...) is signed content: on a live page it must
    # always equal the live revision's (messaging.invariant.live_fields_match_revision).
    unsigned_fields = frozenset(
        {
            "id",
            "pk",
            "page_ptr",
            "path",
            "depth",
            "numchild",
            "url_path",
            "content_type",
            "live",
            "has_unpublished_changes",
            "first_published_at",
            "last_published_at",
            "live_revision",
            "latest_revision",
            "latest_revision_created_at",
            "draft_title",
            "locked",
            "locked_at",
            "locked_by",
            "owner",
            "go_live_at",
            "expire_at",
            "expired",
            "locale",
            "translation_key",
            "alias_of",
            "signoff_needed_by",
            "wagtail_admin_comments",
            "comments",
        }
    )

    class Meta:
        abstract = True

    # --- Publishing ---------------------------------------------------------------------

    def save(self, *args, **kwargs):
        if self.pk is None or self._state.adding:
            return self._save_checked(args, kwargs)
        # One lock order on every path: the page row first, then its review round
        # (messaging.services.rounds._decide locks them in the same order when a lead decides).
        with transaction.atomic():
            self._lock_row_and_keep_newer_publication(kwargs)
            return self._save_checked(args, kwargs)

    def _save_checked(self, args, kwargs):
        update_fields = kwargs.get("update_fields")
        if self._keep_as_draft() and update_fields is not None:
            kwargs["update_fields"] = list({*update_fields, "live", "live_revision"})
        self._check_no_other_road_to_live(kwargs.get("update_fields"))
        result = super().save(*args, **kwargs)
        self._remember_live_state()
        update_fields = kwargs.get("update_fields")
        if self.latest_revision_id and (update_fields is None or "latest_revision" in update_fields):
            # A new revision during review (any edit, by anyone) voids the sign-offs given so far.
            # Lazily: messaging.services imports the models, which import this module.
            from messaging.services import void_outdated_round

            void_outdated_round(self, self.latest_revision)
        return result

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._remember_live_state()
        return instance

    def with_content_json(self, content):
        page = super().with_content_json(content)
        page._loaded_live_state = getattr(self, "_loaded_live_state", None)
        return page

    def _remember_live_state(self):
        fields = self.__dict__
        if "live" in fields and "live_revision_id" in fields:
            self._loaded_live_state = (fields["live"], fields["live_revision_id"])

    def _lock_row_and_keep_newer_publication(self, kwargs):
        """A save made from a copy read before someone else published or unpublished the page
        keeps their publication: it does not write its stale "draft" state back over it.

        (Wagtail's editor saves a draft page's whole row before making the revision; if the last
        sign-off published the page in between, that row would turn the page back into a draft
        while its history says "Published".) The stale copy's words are not written on the live
        row either; they reach the revision that the editor makes next, as for any live page.
        """
        current = (
            Page.objects.select_for_update()
            .filter(pk=self.pk)
            .values(
                "live",
                "live_revision_id",
                "has_unpublished_changes",
                "first_published_at",
                "last_published_at",
            )
            .first()
        )
        loaded = getattr(self, "_loaded_live_state", None)
        if current is None or loaded is None:
            return
        now = (current["live"], current["live_revision_id"])
        if now == loaded or (self.live, self.live_revision_id) != loaded:
            return  # nobody published in between, or this save itself publishes or unpublishes
        for name, value in current.items():
            setattr(self, name, value)
        if current["live"]:
            update_fields = kwargs.get("update_fields")
            kwargs["update_fields"] = [name for name in (update_fields or []) if name in self.unsigned_fields]

    def save_revision(self, *args, overwrite_revision=None, **kwargs):
        """Never rewrite a revision that is, or was, under review: make a new one instead; and
        make none when nothing changed since the revision under review.

        Wagtail overwrites its latest revision in place when the same person saves again
        (autosave); a signed or reviewed revision's words must never change under its sign-offs.
        """
        # Lazily: messaging.models imports this module, and the invariant and queries import them.
        from messaging.invariant import unchanged_since
        from messaging.models import SignOffTaskState
        from messaging.services.queries import current_round

        state = current_round(self) if self.pk and self.workflow_in_progress else None
        if (
            state is not None
            and state.revision_id == self.latest_revision_id
            and unchanged_since(self, state.revision)
        ):
            # Saving without changing anything restarts nothing: the round goes on.
            return state.revision
        if (
            overwrite_revision is not None
            and SignOffTaskState.objects.filter(revision=overwrite_revision).exists()
        ):
            overwrite_revision = None
        return super().save_revision(*args, overwrite_revision=overwrite_revision, **kwargs)

    def publish(self, revision, user=None, *args, **kwargs):
        # Lazily: messaging.invariant imports the models, which import this module.
        from messaging.invariant import assert_signed_off

        if str(revision.object_id) != str(self.pk):
            raise SignOffRequired(_("A page can only be published with one of its own revisions."))
        assert_signed_off(revision)
        token = _publishing.set(revision.pk)
        try:
            return super().publish(revision, user, *args, **kwargs)
        finally:
            _publishing.reset(token)

    def _keep_as_draft(self):
        """New rows and aliases never start live (see _check_no_other_road_to_live)."""
        if not self.live:
            return False
        if self.alias_of_id or self.pk is None:
            self.live = False
            self.live_revision = None
            return True
        return False

    def _check_no_other_road_to_live(self, update_fields):
        """Refuse every way to live but publish(); keep copies and aliases as drafts.

        - A new row (a copy, a page created in code) starts as a draft: it has no signed revision
          of its own. Aliases have no revisions at all, and Wagtail and wagtail-localize's tree
          synchronisation would make them live with another page's (or language's) words: they
          stay drafts too. Convert an alias into an ordinary page and submit it instead.
        - Going live, or changing the live revision, only happens inside publish(), which has
          checked the complete sign-off of that exact revision of this page.
        - The words of a page that stays live must match its live revision.
        """
        # Lazily: messaging.invariant imports the models, which import this module.
        from messaging.invariant import live_fields_match_revision

        self._keep_as_draft()
        if not self.live:
            return  # drafts, unpublishing and scheduled (not yet live) states are always fine
        previous = type(self).objects.filter(pk=self.pk).values("live", "live_revision_id").first()
        going_live = not previous["live"] or previous["live_revision_id"] != self.live_revision_id
        if going_live:
            if self.live_revision_id is None or _publishing.get() != self.live_revision_id:
                raise SignOffRequired(_("This page can only go live through the agency sign-off."))
            return
        touches_words = update_fields is None or set(update_fields) - self.unsigned_fields
        if touches_words and not live_fields_match_revision(self):
            raise SignOffRequired(
                _("The words of a live page can only change through a new revision and a new sign-off.")
            )

    # --- Workflow and permissions ------------------------------------------------------------

    def get_workflow(self):
        """The page's workflow if it contains an agency sign-off; else the default sign-off workflow."""
        # Lazily: messaging.invariant imports the models, which import this module.
        from messaging.invariant import default_signoff_workflow, workflow_has_signoff

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
