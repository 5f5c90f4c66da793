"""Wagtail's publish_scheduled, refusing scheduled messaging revisions that lack a complete sign-off.

Wagtail publishes every revision whose approved go-live time has passed and would stop at the
first refusal. A messaging revision can only carry an approved go-live time once every required
agency signed it off (the sign-off workflow publishes it, which schedules it); one that does not
(for example set by hand in the database) is unscheduled here, logged and reported, and the
others are published as usual.
"""

from django.utils import timezone
from wagtail.log_actions import log
from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled
from wagtail.models import Revision

from messaging.invariant import is_fully_signed_off
from messaging.models import SignOffRequiredMixin


class Command(WagtailPublishScheduled):
    help = "Publish scheduled revisions and unpublish expired pages (messaging needs complete sign-off)."

    def handle(self, *args, **options):
        if not options.get("dryrun"):
            due = Revision.objects.filter(approved_go_live_at__lt=timezone.now())
            for revision in due:
                page = revision.content_object
                if isinstance(page, SignOffRequiredMixin) and not is_fully_signed_off(revision):
                    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
                    log(
                        instance=page,
                        action="messaging.scheduled_publish_refused",
                        revision=revision,
                        data={"revision_id": revision.pk},
                    )
                    self.stderr.write(
                        f"Refused: revision {revision.pk} of page {page.pk} ({page.title!r}) is not "
                        "signed off by every required agency; it was unscheduled."
                    )
        return super().handle(*args, **options)
