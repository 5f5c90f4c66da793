from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from .languages import best_live_language
from .search import search_pages


@require_safe
def root_redirect(request):
    """Send / to the visitor's language (cookie, Accept-Language) if it is served, else the
    default language, else the first language served (home.languages.best_live_language)."""
    language = best_live_language(request, get_language_from_request(request))
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@require_safe
def search(request):
    outcome = search_pages(request.GET.get("q", ""), page_number=request.GET.get("page", 1))
    response = render(
        request,
        "home/search.html",
        {"search": outcome, "max_query_length": settings.SEARCH_MAX_QUERY_LENGTH},
    )
    return response


@never_cache
@require_safe
def healthz(request):
    """Liveness and database check for load balancers: 200 when fine, 503 when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
@cache_control(max_age=60 * 60 * 24)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
