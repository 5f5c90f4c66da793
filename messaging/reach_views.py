"""Public views that carry the messages beyond this site: Atom feeds, the JSON API, the embed.

All three read messaging.reach (which pages, which words); they only shape the answer. Each is
under the language prefix (/en/..., /es/...) and answers in that language only. None sets a
cookie or depends on who asks, so each may be cached by any cache (public, five minutes).
"""

from csp.decorators import csp_replace
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from . import reach

CACHE_SECONDS = 5 * 60


def _public_type_or_404(key):
    entry = reach.public_type(key)
    if entry is None:
        raise Http404
    return entry


def _absolute(request, page):
    return request.build_absolute_uri(page.get_url(request))


class PublicPagesFeed(Feed):
    """The newest live, public pages of one registered type in the URL's language, as Atom.

    Each entry: title, link, summary, published (first publication) and updated (the last
    publication, which only a completed sign-off makes).
    """

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response

    def get_object(self, request, key):
        entry = _public_type_or_404(key)
        locale = Locale.get_active()
        index = entry.index_model.objects.live().public().filter(locale=locale).first()
        pages = reach.public_pages(entry, locale)[: reach.FEED_ITEMS]
        return {
            "type": entry,
            "locale": locale,
            "index": index,
            "link": _absolute(request, index) if index else request.build_absolute_uri("/"),
            "items": reach.offered(entry, pages, request),
        }

    def title(self, obj):
        return _("%(section)s · Taskforce Commons") % {"section": obj["type"].label}

    def subtitle(self, obj):
        return getattr(obj["index"], "introduction", "") or None

    def link(self, obj):
        return obj["link"]

    def feed_guid(self, obj):
        return obj["link"]

    def author_name(self, obj):
        return _("Taskforce Commons")

    def items(self, obj):
        return obj["items"]

    def item_title(self, item):
        return item.page.title

    def item_link(self, item):
        return item.url

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.page.first_published_at

    def item_updateddate(self, item):
        return item.page.last_published_at or item.page.first_published_at


feed = PublicPagesFeed()


def _api_item(item):
    page = item.page
    return {
        "id": page.pk,
        "type": item.public_type.type_name,
        "language": page.locale.language_code,
        "title": page.title,
        "summary": item.summary,
        "url": item.url,
        "first_published_at": page.first_published_at.isoformat() if page.first_published_at else None,
        "last_published_at": page.last_published_at.isoformat() if page.last_published_at else None,
        "last_signed_at": item.last_signed_at.isoformat() if item.last_signed_at else None,
        "endorsed_by": item.endorsed_by,
    }


API_FIELDS = (
    "id",
    "type",
    "language",
    "title",
    "summary",
    "url",
    "first_published_at",
    "last_published_at",
    "last_signed_at",
    "endorsed_by",
)


@require_safe
@cache_control(public=True, max_age=CACHE_SECONDS)
def api_pages(request, key):
    """The live, public pages of one registered type in the URL's language, newest first, as JSON.

    Read-only, paginated (?page=2), exactly the fields of API_FIELDS (README, "Feeds, API and the
    embeddable message"). Any origin may read it: it holds only what the public pages show, and
    no credentials are ever honoured (no Access-Control-Allow-Credentials).
    """
    entry = _public_type_or_404(key)
    locale = Locale.get_active()
    paginator = Paginator(reach.public_pages(entry, locale).select_related("locale"), reach.API_PAGE_SIZE)
    current = paginator.get_page(request.GET.get("page"))
    here = request.build_absolute_uri(request.path)
    response = JsonResponse(
        {
            "language": locale.language_code,
            "type": entry.type_name,
            "count": paginator.count,
            "page": current.number,
            "pages": paginator.num_pages,
            "next": f"{here}?page={current.next_page_number()}" if current.has_next() else None,
            "previous": f"{here}?page={current.previous_page_number()}" if current.has_previous() else None,
            "results": [_api_item(item) for item in reach.offered(entry, current.object_list, request)],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"], "script-src": ["'none'"]})
@cache_control(public=True, max_age=CACHE_SECONDS)
def embed_message(request):
    """The current unified message of the URL's language (reach.current_message), for partner
    agencies' sites to show in an <iframe>.

    This view alone may be framed by any site: no X-Frame-Options, CSP `frame-ancestors *`.
    It runs no script (CSP `script-src 'none'`), has no form and sets no cookie; its stylesheet
    is ours. Without a message in the language it says so, with status 404, still frameable.
    """
    message = reach.current_message()
    context = {"message": None}
    if message is not None:
        item = reach.offered(reach.public_type("messages"), [message], request)[0]
        context = {"message": message, "item": item}
    return TemplateResponse(
        request, "messaging/embed_message.html", context, status=200 if message is not None else 404
    )


def embed_url(request, language_code):
    """The absolute address of the embed in one language (for the copy-paste code)."""
    from django.utils import translation

    with translation.override(language_code):
        return request.build_absolute_uri(reverse("embed_message"))
