"""Stored PDFs take their files with them."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import StoredPdf


@receiver(post_delete, sender=StoredPdf, dispatch_uid="home.stored_pdf.file")
def delete_the_file(sender, instance, **kwargs):
    if instance.file:
        instance.file.delete(save=False)
