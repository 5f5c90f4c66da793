from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.sitemaps import TranslatedSitemap
from messaging import reach_views
from messaging import views as messaging_views
from partners import views as partner_views

urlpatterns = [
    path("", home_views.root_redirect, name="root"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", home_views.healthz, name="healthz"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything a reader sees lives under a language prefix: /en/..., /es/...
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    # Partner sign-in in the visitor's language (the Wagtail admin keeps its own at /admin/login/).
    path("accounts/login/", partner_views.PartnerLoginView.as_view(), name="login"),
    path("accounts/logout/", partner_views.PartnerLogoutView.as_view(), name="logout"),
    # Beyond this site (messaging.reach, README "Feeds, API and the embeddable message"). These
    # words come before the page tree: a top-level page slugged "feeds", "api", "embed" or
    # "fact-sheets" would be hidden behind them.
    path("fact-sheets/<int:page_id>/", messaging_views.fact_sheet, name="fact_sheet"),
    path("feeds/<slug:key>/", reach_views.feed, name="feed"),
    path("api/v1/<slug:key>/", reach_views.api_pages, name="api_pages"),
    path("embed/message/", reach_views.embed_message, name="embed_message"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
