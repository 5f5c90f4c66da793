"""PDFs of the partner area (the capability matrix), rendered with WeasyPrint.

Same policy as home.pdf: the document may load this site's static files and nothing else
(home.pdf.static_only_url_fetcher decides). WeasyPrint 70 no longer accepts a plain function
returning a dict as its URL fetcher (it asserts a URLFetcher with a `fetch` method returning a
URLFetcherResponse), so home.pdf.render_pdf fails as soon as a template links a stylesheet.
StaticOnlyURLFetcher adapts the same policy to both APIs; home.pdf can adopt it (see the report
on issue 3).
"""

from django.template.loader import render_to_string
from django.utils.translation import get_language, get_language_bidi

from home.pdf import static_only_url_fetcher

try:  # WeasyPrint >= 70
    from weasyprint.urls import URLFetcher, URLFetcherResponse
except ImportError:  # pragma: no cover - older WeasyPrint takes the plain function
    URLFetcher = URLFetcherResponse = None


if URLFetcher is not None:

    class StaticOnlyURLFetcher(URLFetcher):
        """A WeasyPrint fetcher that serves /static/... and refuses every other URL.

        A refused URL is left out of the document with a logged warning, as WeasyPrint does
        for any resource it cannot load; nothing is ever fetched from the network.
        """

        def fetch(self, url, headers=None):
            found = static_only_url_fetcher(url)
            return URLFetcherResponse(
                found["redirected_url"], found["string"], {"Content-Type": found["mime_type"]}
            )

    def url_fetcher():
        return StaticOnlyURLFetcher()

else:  # pragma: no cover

    def url_fetcher():
        return static_only_url_fetcher


def render_pdf(template_name, context, *, request=None):
    """Render `template_name` (HTML) to PDF bytes in the active language."""
    from weasyprint import HTML

    context = {"LANGUAGE_CODE": get_language(), "LANGUAGE_BIDI": get_language_bidi(), **context}
    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url="/", url_fetcher=url_fetcher()).write_pdf()
