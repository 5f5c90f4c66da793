"""New message index pages (in any language) get the role permissions."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import MessageIndexPage


@receiver(post_save, sender=MessageIndexPage)
def index_page_saved(sender, instance, created, **kwargs):
    """A new message index (in any language) gets the role permissions."""
    if created and not kwargs.get("raw"):
        from partners.roles import sync_page_permissions

        sync_page_permissions()
