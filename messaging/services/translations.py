"""Translations under sign-off: what a translation was made from, and its translated words as a revision."""

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import (
    MissingRelatedObjectError,
    MissingTranslationError,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.ingest import ingest_segments

from ..exceptions import SignOffRefused


def find_source_revision(page):
    """For a translation, the revision of the original it was translated from; None for an original.

    With wagtail-localize, the translation source records when it last took the original's
    content; the original's newest revision at that moment is what the translators worked from.
    A page translated by hand falls back to the original's live revision.
    """
    default_locale = Locale.get_default()
    if page.locale_id == default_locale.pk:
        return None
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .order_by("-last_updated_at")
        .first()
    )
    original = None
    if source is not None:
        original = page.get_translation_or_none(source.locale)
        if original is not None:
            revision = (
                original.revisions.filter(created_at__lte=source.last_updated_at)
                .order_by("-created_at")
                .first()
            )
            if revision is not None:
                return revision
    original = original or page.get_translation_or_none(default_locale)
    return original.live_revision if original is not None else None


def _translation_of(page):
    """The enabled wagtail-localize translation that produces `page`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "source__locale", "target_locale")
        .first()
    )


def is_localize_translation(page):
    """True for a page made (and kept in sync) by wagtail-localize's translation editor."""
    return _translation_of(page) is not None


def _write_strings_into(draft, translation):
    """Put the translation's current strings (and the source's synchronised fields) into `draft`.

    wagtail-localize has no public API for "strings into a draft, without saving the row"; this is
    what its create_or_update_translation() does before it saves. Refused while any string is
    untranslated.
    """
    source = translation.source
    original = source.as_instance()
    copy_synchronised_fields(original, draft)
    try:
        segments = source._get_segments_for_translation(translation.target_locale, fallback=False)
        ingest_segments(original, draft, source.locale, translation.target_locale, segments)
    except (MissingTranslationError, MissingRelatedObjectError):
        missing = untranslated_fields(translation)
        raise SignOffRefused(
            _("This translation is not finished. Still to translate: %(missing)s.")
            % {"missing": "; ".join(where_in_editor(draft, name) for name in missing)}
        ) from None
    return draft


def untranslated_fields(translation):
    """The names of the fields that still have an untranslated text, in the editor's order."""
    from wagtail_localize.models import StringSegment

    names = []
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .select_related("context")
        .order_by("order")
    )
    for segment in segments:
        name = segment.context.path.split(".")[0]
        if name not in names:
            names.append(name)
    return names


def where_in_editor(page, field_name):
    """“Label” on the ‹tab› tab: where a person finds a field of `page`'s editor."""
    try:
        label = page._meta.get_field(field_name).verbose_name
    except Exception:  # a field the editor adds (tags, comments): its name is all we know
        label = field_name.replace("_", " ")
    tab = _tab_of(page.get_edit_handler(), field_name)
    label = capfirst(str(label))
    if tab is None:
        return f"“{label}”"
    return _("“%(field)s” on the %(tab)s tab") % {"field": label, "tab": tab}


def _tab_of(handler, field_name):
    for tab in getattr(handler, "children", []):
        if field_name in _field_names(tab):
            return str(tab.heading)
    return None


def _field_names(panel):
    names = {getattr(panel, "field_name", None)}
    for child in getattr(panel, "children", []):
        names |= _field_names(child)
    return names


def translated_strings_changed(state):
    """True when a translation's strings in wagtail-localize's editor no longer match the revision
    under review in `state`. The editor saves each string at once, without a revision, so the
    words a lead would sign could differ from what the translator sees: the translation must be
    submitted again first. False for pages not made with wagtail-localize."""
    page = state.revision.content_object
    translation = _translation_of(page)
    if translation is None:
        return False
    under_review = state.revision.as_object()
    try:
        current = _write_strings_into(state.revision.as_object(), translation)
    except SignOffRefused:
        return True  # a string was emptied since
    return current.serializable_data() != under_review.serializable_data()


def save_translated_strings_as_revision(page, user):
    """For a translation edited in wagtail-localize, turn its translated strings into a revision.

    wagtail-localize's editor keeps translations as strings and only writes them into the page when
    it publishes, which pages under sign-off do not allow. The sign-off must review the translated
    words, so they become a new revision first. The live row is never written (a live translation
    keeps its signed words until the new revision is signed off). Refused while any string is
    untranslated or a field is invalid.
    """
    translation = _translation_of(page)
    if translation is None:
        return None
    draft = _write_strings_into(page.get_latest_revision_as_object(), translation)
    try:
        draft.full_clean()
    except ValidationError as error:
        problems = "; ".join(
            f"{where_in_editor(draft, field)}: {' '.join(messages)}"
            for field, messages in error.message_dict.items()
        )
        raise SignOffRefused(
            _("This translation cannot be submitted until it is corrected: %(problems)s")
            % {"problems": problems}
        ) from None
    return draft.save_revision(user=user, changed=True, clean=False)
