"""New home, message and explainer index pages (in any language) get the role permissions and
the sign-off workflow."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import WorkflowPage

from home.models import HomePage
from partners.roles import sync_page_permissions

from .invariant import ensure_signoff_workflow
from .models import ExplainerIndexPage, MessageIndexPage


@receiver(post_save, sender=HomePage)
def home_page_saved(sender, instance, created, **kwargs):
    """A new language's home page: the coordinator drafts the site's pages under it too."""
    if created and not kwargs.get("raw"):
        sync_page_permissions()


@receiver(post_save, sender=MessageIndexPage)
@receiver(post_save, sender=ExplainerIndexPage)
def index_page_saved(sender, instance, created, **kwargs):
    if created and not kwargs.get("raw"):
        sync_page_permissions()
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": ensure_signoff_workflow()})
