"""Keep users' groups in step with their memberships, and role groups in step with agencies."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Agency, Membership
from .roles import ensure_role_groups, sync_user_groups


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender, instance, **kwargs):
    sync_user_groups(instance.user)


@receiver(post_save, sender=Agency)
def agency_saved(sender, instance, created, **kwargs):
    if created:
        ensure_role_groups()
