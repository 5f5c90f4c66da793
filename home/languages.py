"""Which languages the site serves: those whose home page is live.

A language is in settings.LANGUAGES and has a HomePage translation of the site's root page; it
is *served* only while that home page is live. An unpublished Spanish home takes the whole
Spanish site down: `/` does not send anyone there, the language switcher does not offer it, and
every path under /es/ answers 404 (LiveLanguageMiddleware), including Django views under the
language prefix (/es/search/, /es/accounts/login/) and live pages below that home.

Computed once per request, with one query for the site (which Wagtail caches on the request
anyway) and one for the homes, whatever the number of pages or languages.
"""

from django.conf import settings
from django.http import Http404
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

_CACHE_ATTRIBUTE = "_taskforce_live_homes"


def live_homes(request):
    """{language_code: live home page} for the request's site, in settings.LANGUAGES order.

    The pages carry only what a link needs (id, locale, paths, depth). Without a site there is
    no home to judge: every configured language counts as served (nothing is found there anyway)
    and the mapping is {code: None}.
    """
    cached = getattr(request, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached

    site = Site.find_for_request(request)
    if site is None:
        homes = {code: None for code, _name in settings.LANGUAGES}
    else:
        root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
        found = {
            page.locale.language_code: page
            for page in Page.objects.filter(translation_key__in=root_key, live=True)
            .select_related("locale")
            .only("id", "title", "locale", "url_path", "path", "depth", "translation_key")
        }
        homes = {code: found[code] for code, _name in settings.LANGUAGES if code in found}
    setattr(request, _CACHE_ATTRIBUTE, homes)
    return homes


def live_languages(request):
    """The codes of settings.LANGUAGES whose home page is live, in settings order."""
    return list(live_homes(request))


def best_live_language(request, wanted):
    """The language to send a visitor to: what they asked for if it is served, else the default
    language if it is, else the first one served. With nothing live, the default language."""
    live = live_languages(request)
    if wanted in live:
        return wanted
    if settings.LANGUAGE_CODE in live or not live:
        return settings.LANGUAGE_CODE
    return live[0]


class LiveLanguageMiddleware:
    """Answer 404 for any path under the prefix of a language whose home page is not live.

    Paths without a language prefix (the admin, documents, /healthz, static files, the sitemap,
    `/` itself) are not this middleware's business and pass untouched. Placed after
    LocaleMiddleware, so the 404 page speaks the language of the prefix.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info)
        if language is not None and language not in live_languages(request):
            raise Http404(_("This language is not published on this site."))
        return self.get_response(request)
