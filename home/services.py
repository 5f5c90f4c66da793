"""Business rules of the home app that other code (demo data, tests, later features) calls."""

from django.db import transaction
from wagtail.models import Page


@transaction.atomic
def add_translation(page, locale, *, publish=True, user=None, **fields):
    """Create the `locale` version of `page` with the given field values and return it.

    The new page goes under the parent's translation in `locale` (which must exist, except for
    a root page) and shares `page.translation_key`, so Wagtail and wagtail-localize see the two
    as translations of each other. Built directly rather than with copy_for_translation so the
    slug is right from the start and no redirect from a placeholder slug is created.
    """
    page = page.specific
    parent = page.get_parent()
    if parent.depth > 1:
        parent = parent.get_translation(locale)
    values = {"show_in_menus": page.show_in_menus, "slug": page.slug, **fields, "live": False}
    values.setdefault("draft_title", values.get("title", page.title))
    translation = type(page)(locale=locale, translation_key=page.translation_key, **values)
    parent.add_child(instance=translation)
    revision = translation.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    return Page.objects.get(pk=translation.pk).specific
