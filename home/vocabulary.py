"""Wagtail's own words for the sign-off, said in ours.

The people of the task force submit for sign-off, sign off or request changes; an item is in
review, has changes requested, is signed off or live. Wagtail calls the same things moderation,
and Locales what we call languages. Django looks up a string in this project's catalogues
(locale/<language>/LC_MESSAGES, LOCALE_PATHS) before Wagtail's, so giving these msgids our words
there, in English too (locale/en), changes them on every screen Wagtail renders without touching
its code. Listing them here (gettext_noop) keeps `make messages` from dropping them.
"""

from django.utils.translation import gettext_noop, ngettext

WAGTAIL_WORDS = [
    gettext_noop("Submit for moderation"),
    gettext_noop("In Moderation"),
    gettext_noop("in moderation"),
    gettext_noop("live + in moderation"),
    gettext_noop("This page hasn't been submitted for moderation yet"),
    gettext_noop("No pages/snippets have been submitted for moderation yet"),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("The page '%(page_title)s' is not currently awaiting moderation."),
    gettext_noop("The %(model_name)s '%(title)s' is not currently awaiting moderation."),
    gettext_noop("This %(model_name)s is currently awaiting moderation."),
    gettext_noop("Locales"),
    gettext_noop("{} locales"),
    # wagtail-localize's own words around a translation (its editor's are in djangojs.po).
    gettext_noop("Start Synced translation"),
    gettext_noop("Convert to alias"),
    gettext_noop("Convert to alias %(title)s"),
    gettext_noop("Convert to alias page"),
    gettext_noop("Convert page to alias"),
    gettext_noop("Page '{}' has been converted into an alias."),
    gettext_noop("Converted page to an alias of the translation source page"),
    gettext_noop("Please upload a valid PO file."),
    gettext_noop("Cannot import PO file that was created for a different translation."),
    gettext_noop("Successfully imported translations from PO File."),
]

# The admin dashboard every partner lands on: words Wagtail 8's Spanish catalogue lacks.
WAGTAIL_WORDS += [
    gettext_noop("Search all pages…"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("Your pages and snippets in a workflow"),
    # Wagtail's Spanish says "9 minutos antes" for "9 minutes ago": "hace 9 minutos".
    gettext_noop("%(time_period)s ago"),
]


def _plural_wagtail_words(count):
    """Never called: lists plural msgids for `make messages` (Django has no ngettext_noop)."""
    return ngettext(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        count,
    )
