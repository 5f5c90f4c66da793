"""Keep users' groups in step with their memberships, and role groups in step with agencies."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .lead_changes import lead_agency_id, record_lead_change
from .models import Agency, Membership
from .roles import ensure_role_groups, sync_user_groups


@receiver(pre_save, sender=Membership)
def remember_lead_agency(sender, instance, raw=False, **kwargs):
    previous = Membership.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._previous_lead_agency_id = lead_agency_id(previous)


@receiver(post_save, sender=Membership)
def membership_saved(sender, instance, raw=False, **kwargs):
    sync_user_groups(instance.user)
    if not raw:
        record_lead_change(instance, getattr(instance, "_previous_lead_agency_id", None))


@receiver(post_delete, sender=Membership)
def membership_deleted(sender, instance, **kwargs):
    sync_user_groups(instance.user)


@receiver(pre_save, sender=Agency)
def remember_active_state(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        stored = Agency.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()
        instance._was_active = stored


@receiver(post_save, sender=Agency)
def agency_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        ensure_role_groups()
    elif getattr(instance, "_was_active", instance.is_active) != instance.is_active:
        # Deactivating an agency takes its staff's roles away at once; reactivating gives them back.
        groups = ensure_role_groups()
        for membership in instance.memberships.select_related("user"):
            sync_user_groups(membership.user, groups)
    instance._was_active = instance.is_active
