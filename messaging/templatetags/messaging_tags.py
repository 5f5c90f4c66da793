from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from home.templatetags.site_tags import lang_attr
from messaging.reach import public_types_for_page
from messaging.services import endorsements as signed_endorsements

register = template.Library()


@register.inclusion_tag("messaging/includes/endorsements.html")
def endorsements(page):
    """ "Endorsed by": the agencies that signed off the live revision, with the date."""
    signoffs = signed_endorsements(page)
    return {"signoffs": signoffs, "page": page, "date": max((s.created_at for s in signoffs), default=None)}


@register.inclusion_tag("messaging/includes/approval_note.html")
def approval_note(page):
    """At the foot of every page under sign-off: which agencies signed the words shown, and when.

    A page that was live before it came under sign-off says so, rather than claiming approval.
    """
    signoffs = signed_endorsements(page)
    return {
        # Names as recorded at signing, in the language they were written in (lang="en" on a Spanish page).
        "agency_names": format_html_join(
            ", ", "<span{}>{}</span>", ((lang_attr(), s.agency_name) for s in signoffs)
        ),
        "date": max((s.created_at for s in signoffs), default=None),
    }


@register.simple_tag
def is_live_now(page):
    """Whether `page` is live in the database now (an email rendered by a workflow signal holds a
    copy of the page loaded before the sign-off published it)."""
    return page is not None and type(page).objects.filter(pk=page.pk, live=True).exists()


@register.simple_tag
def feed_links(page):
    """<link rel="alternate"> to the Atom feed of the page's type, on its pages and its index
    (messaging.reach.PUBLIC_TYPES); nothing on other pages. No query."""
    return format_html_join(
        "\n    ",
        '<link rel="alternate" type="application/atom+xml" title="{}" href="{}">',
        (
            (_("%(section)s (Atom feed)") % {"section": entry.label}, reverse("feed", args=[entry.key]))
            for entry in public_types_for_page(page)
        ),
    )
