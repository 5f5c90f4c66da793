"""sitemap.xml covering every language's tree, with hreflang alternates.

Wagtail's own Sitemap lists the descendants of the site's root page only. With translations
each language has its own root (a sibling of the default one), so we list the trees of every
translation of the root and attach, to each URL, the URLs of its live translations.
"""

from collections import defaultdict
from urllib.parse import urlsplit, urlunsplit

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    def _rebase(self, location):
        """Put the request's scheme and host on a URL of this site.

        Every item belongs to the requested site, so its URLs are rebuilt on the host the
        sitemap was asked from (validated by ALLOWED_HOSTS) rather than on the Site record's
        hostname, which is often "localhost" on a fresh install.
        """
        if self.request is None:
            return location
        parts = urlsplit(location)
        return self.request.build_absolute_uri(urlunsplit(("", "", parts.path, parts.query, parts.fragment)))

    def items(self):
        site = self.get_wagtail_site()
        # Only the trees of live homes: a language whose home is unpublished is not served at
        # all (home.languages), live pages below it included.
        roots = site.root_page.get_translations(inclusive=True).live()
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific().select_related("locale")

    def _urls(self, page, protocol, domain):
        object_list = list(self.paginator.page(page).object_list)
        by_key = defaultdict(list)
        for item in object_list:
            by_key[item.translation_key].append(item)

        urls = []
        last_mods = set()
        for item in object_list:
            siblings = by_key[item.translation_key]
            for url_info in item.get_sitemap_urls(self.request):
                url_info = {**url_info, "location": self._rebase(url_info["location"])}
                if len(siblings) > 1:
                    url_info = {
                        **url_info,
                        "alternates": [
                            {
                                "location": self._rebase(other.get_full_url(self.request)),
                                "lang_code": other.locale.language_code,
                            }
                            for other in siblings
                        ],
                    }
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
