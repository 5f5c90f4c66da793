"""What the site shows beyond itself: Atom feeds, the read-only JSON API, the embeddable message.

One registry, PUBLIC_TYPES, names the page types offered outside the site; feeds, the API, the
<link rel="alternate"> tags and their README entry all read it. Offering another type is one line
here (its index page type, the URL word of its feed and API, its name).

What is offered is always `public_pages()`: live pages (the words of their signed revision, which
is what the page's own row holds; a draft edit lives only in a revision and is never read here),
public (no view restriction on the page or any ancestor, so nothing partner-only), in one locale.
"""

from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .services import endorsements_of_pages

FEED_ITEMS = 20  # the newest this many, as feed readers expect
API_PAGE_SIZE = 20


@dataclass(frozen=True)
class PublicType:
    """A page type offered in feeds and the API."""

    key: str  # the word in its URLs: /<lang>/feeds/<key>/, /<lang>/api/v1/<key>/
    model_name: str  # "app_label.ModelName"
    index_model_name: str  # the index page type it lives under (the feed's own page)
    label: Promise  # "Messages": in feed titles and link titles
    summary_field: str = "summary"  # the page's own plain-text summary

    @cached_property
    def model(self):
        return apps.get_model(self.model_name)

    @cached_property
    def index_model(self):
        return apps.get_model(self.index_model_name)

    @property
    def type_name(self):
        """The API's "type" of an item: "message"."""
        return self.model._meta.model_name.removesuffix("page")


# Offering another page type is one line more (its summary field's name as summary_field= if it
# is not "summary"); its index template then shows the visible feed link, as the two here do.
PUBLIC_TYPES = [
    PublicType("messages", "messaging.MessagePage", "messaging.MessageIndexPage", _("Messages")),
    PublicType("explainers", "messaging.ExplainerPage", "messaging.ExplainerIndexPage", _("Explainers")),
]


def public_type(key):
    """The registered type for a URL word, or None."""
    return next((entry for entry in PUBLIC_TYPES if entry.key == key), None)


def public_types_for_page(page):
    """The registered types a page is an item or the index of (to link their feeds)."""
    if page is None:
        return []
    return [entry for entry in PUBLIC_TYPES if isinstance(page, (entry.model, entry.index_model))]


def public_pages(public_type, locale=None):
    """The live, public pages of one registered type in `locale` (the active one by default),
    newest first (first published), without their StreamFields.

    Three queries whatever the number of pages: the locale, the view restrictions, the pages.
    """
    locale = locale or Locale.get_active()
    return (
        public_type.model.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("-first_published_at", "-pk")
        .defer_streamfields()
    )


def current_message(locale=None):
    """The current unified message of a language: its newest live, public message.

    "Newest" is the first publication, not the latest re-signing: a corrected older message,
    signed again, does not displace a newer one.
    """
    return public_pages(public_type("messages"), locale).first()


@dataclass(frozen=True)
class OfferedPage:
    """What feeds and the API say about one page: its public words and its endorsements."""

    page: object
    public_type: PublicType
    url: str
    endorsed_by: list
    last_signed_at: object

    @property
    def summary(self):
        return getattr(self.page, self.public_type.summary_field, "") or ""


def offered(public_type, pages, request):
    """Pages with their absolute URL (on the host the request came to, as the hreflang links)
    and "Endorsed by", in one query for all their sign-offs.

    The agency names are those recorded at signing (as the page's "Endorsed by" shows them); the
    signers' names are never read.
    """
    pages = list(pages)
    signoffs = endorsements_of_pages(pages)
    items = []
    for page in pages:
        records = signoffs.get(page.live_revision_id, [])
        items.append(
            OfferedPage(
                page=page,
                public_type=public_type,
                url=request.build_absolute_uri(page.get_url(request)),
                endorsed_by=[record.agency_name for record in records],
                last_signed_at=max((record.created_at for record in records), default=None),
            )
        )
    return items
