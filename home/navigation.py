"""What every public page shows around its content: menu, breadcrumbs, languages, safety links.

Computed once per request (base.html asks for it in several places) with a fixed number of
queries whatever the size of the site.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site
from wagtail.views import serve as wagtail_serve

from .languages import live_homes
from .models import SafetySettings


@dataclass
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool  # False when we fall back to that language's home page


@dataclass
class Chrome:
    home_page: Page | None
    menu_items: list
    breadcrumbs: list
    languages: list
    safety: SafetySettings | None
    site_text: object
    safety_page_url: str | None
    default_language: str = settings.LANGUAGE_CODE


def _active_locale(locales):
    code = get_language()
    return locales.get(code) or locales.get(settings.LANGUAGE_CODE)


def _translations_by_language(page, locales_by_id):
    """{language_code: live page} for a page and its translations."""
    if page is None:
        return {}
    found = {}
    for translation in (
        page.get_translations(inclusive=True).live().only("id", "locale_id", "url_path", "path", "depth")
    ):
        locale = locales_by_id.get(translation.locale_id)
        if locale is not None:
            found[locale.language_code] = translation
    return found


def _subpage_suffix(request, page):
    """For a RoutablePage sub-route (/partners/agency/x/), the same route under a translation."""
    match = getattr(request, "routable_resolver_match", None)
    if page is None or match is None or not hasattr(page.specific_class, "reverse_subpage"):
        return ""
    try:
        return page.specific.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs).lstrip("/")
    except NoReverseMatch:  # a route without a name: fall back to the page itself
        return ""


def _is_translatable_view(request):
    """True for our own Django views under the language prefix (search ...), not Wagtail pages."""
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name and match.func is not wagtail_serve)


def build_chrome(request, page=None):
    cached = getattr(request, "_taskforce_chrome", None)
    if cached is not None and cached[0] is page:
        return cached[1]

    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    locales_by_id = {locale.pk: locale for locale in locales.values()}
    active = _active_locale(locales)

    site = Site.find_for_request(request)
    # Only languages whose home is live are served (home.languages): the others are not offered.
    homes = live_homes(request)
    home_page = homes.get(active.language_code) if active else None
    if home_page is None and site is not None:
        home_page = site.root_page

    menu_items = []
    if home_page is not None:
        current_path = page.path if page is not None else ""
        children = home_page.get_children().live().public().in_menu()
        for item in children.only("id", "title", "url_path", "path", "depth", "locale_id"):
            menu_items.append(
                {
                    "title": item.title,
                    "url": item.get_url(request),
                    "is_current": bool(current_path) and current_path.startswith(item.path),
                    "is_exact": bool(current_path) and current_path == item.path,
                }
            )

    breadcrumbs = []
    if page is not None and home_page is not None and page.depth > home_page.depth:
        for ancestor in (
            page.get_ancestors()
            .filter(depth__gte=home_page.depth)
            .only("id", "title", "url_path", "path", "depth", "locale_id")
        ):
            breadcrumbs.append({"title": ancestor.title, "url": ancestor.get_url(request)})

    translations = _translations_by_language(page, locales_by_id)
    subpage = _subpage_suffix(request, page)
    # Filters and page numbers (?service=...&page=2) mean the same in every language.
    query = request.META.get("QUERY_STRING", "")
    if query and page is not None:
        subpage += "?" + query
    translatable_view = page is None and _is_translatable_view(request)
    languages = []
    for code, name in settings.LANGUAGES:
        if code not in homes:
            continue
        target = translations.get(code)
        if target is not None:
            url, exact = target.get_url(request) + subpage, True
        elif translatable_view:
            url, exact = translate_url(request.get_full_path(), code), True
        elif homes.get(code) is not None:
            url, exact = homes[code].get_url(request), False
        else:
            url, exact = f"/{code}/", False
        languages.append(
            LanguageLink(
                code=code, name=name, url=url, is_current=(code == get_language()), is_translation=exact
            )
        )

    safety = SafetySettings.for_request(request) if site is not None else None
    site_text = None
    safety_page_url = None
    if safety is not None:
        if safety.site_text_id:
            localized_text = safety.site_text.get_translation_or_none(active) if active else None
            site_text = localized_text or safety.site_text
        if safety.safety_page_id:
            safety_page = safety.safety_page
            localized = safety_page.get_translation_or_none(active) if active else None
            target = localized if localized is not None and localized.live else safety_page
            safety_page_url = target.get_url(request)

    chrome = Chrome(
        home_page=home_page,
        menu_items=menu_items,
        breadcrumbs=breadcrumbs,
        languages=languages,
        safety=safety,
        site_text=site_text,
        safety_page_url=safety_page_url,
    )
    request._taskforce_chrome = (page, chrome)
    return chrome
