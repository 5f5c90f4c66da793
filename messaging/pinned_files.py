"""Images and documents used by a signed live page keep their files (issue 7, point 9).

A signed revision refers to an image or a document by its id; replacing the file behind that id
would change what a live page shows without anyone signing. So the file of an image or document
that a live page under sign-off uses cannot be replaced: upload a new one and change the page
(which goes through sign-off). Its title, tags and focal point stay editable.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images import get_image_model
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page, ReferenceIndex

from .exceptions import SignOffRequired
from .models import SignOffRequiredMixin

REPLACEMENT_REFUSED = _(
    "A published page that the partner agencies signed off shows this file, so it cannot be replaced. "
    "Upload the new file separately and change the page to use it; the change then goes through sign-off."
)


def live_signed_pages_using(obj):
    """Live pages under sign-off whose content refers to `obj` (Wagtail's reference index)."""
    references = ReferenceIndex.get_references_to(obj)
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {int(ref.object_id) for ref in references if ref.base_content_type_id == page_type.pk}
    if not page_ids:
        return []
    return [
        page
        for page in Page.objects.filter(pk__in=page_ids, live=True).specific()
        if isinstance(page, SignOffRequiredMixin)
    ]


def file_is_pinned(obj):
    return obj.pk is not None and bool(live_signed_pages_using(obj))


def _file_changed(instance):
    if instance.pk is None:
        return False
    stored = type(instance).objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    return stored is not None and stored != instance.file.name


def refuse_replacing_a_pinned_file(sender, instance, raw=False, **kwargs):
    """The last line of defence, for any code path that is not the admin form."""
    if not raw and _file_changed(instance) and file_is_pinned(instance):
        raise SignOffRequired(REPLACEMENT_REFUSED)


class _PinnedFileFormMixin:
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if "file" in self.changed_data and file_is_pinned(self.instance):
            raise forms.ValidationError(REPLACEMENT_REFUSED)
        return file


class PinnedImageForm(_PinnedFileFormMixin, BaseImageForm):
    """settings.WAGTAILIMAGES_IMAGE_FORM_BASE"""


class PinnedDocumentForm(_PinnedFileFormMixin, BaseDocumentForm):
    """settings.WAGTAILDOCS_DOCUMENT_FORM_BASE"""


def connect():
    pre_save.connect(refuse_replacing_a_pinned_file, sender=get_image_model(), dispatch_uid="pinned_image")
    pre_save.connect(
        refuse_replacing_a_pinned_file, sender=get_document_model(), dispatch_uid="pinned_document"
    )
