"""Printable PDFs with WeasyPrint, rendered from our own templates.

WeasyPrint fetches only what the document itself needs, and only from this site's static files:
no network access, no third-party hosts. Fonts come from the operating system (fontconfig:
DejaVu and Noto, installed by bin/install-system-deps), which covers Latin, Arabic and the
other scripts Noto carries, so a PDF in any enabled language shows its letters.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils.translation import get_language, get_language_bidi


class PdfResourceRefused(Exception):
    pass


def static_file_for_url(url):
    """The static file a PDF asks for (/static/... or file:///static/...); refuse anything else."""
    path = None
    for prefix in (settings.STATIC_URL, f"file://{settings.STATIC_URL}"):
        if url.startswith(prefix):
            path = url[len(prefix) :]
            break
    if path is None:
        raise PdfResourceRefused(f"PDFs may only load this site's static files, not {url!r}")
    try:
        found = finders.find(path.split("?", 1)[0])
    except SuspiciousFileOperation:
        found = None
    if not found:
        raise PdfResourceRefused(f"No static file {path!r}")
    return Path(found)


def static_only_url_fetcher():
    """A WeasyPrint URL fetcher that serves static files and fetches nothing from anywhere else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            file_path = static_file_for_url(url)
            mime_type = mimetypes.guess_type(file_path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=file_path.read_bytes(), headers={"Content-Type": mime_type})

    return StaticOnlyURLFetcher(fail_on_errors=True)


def render_pdf(template_name, context, *, request=None):
    """Render `template_name` (HTML) to PDF bytes in the active language."""
    from weasyprint import HTML

    context = {
        "LANGUAGE_CODE": get_language(),
        "LANGUAGE_BIDI": get_language_bidi(),
        **context,
    }
    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url="/", url_fetcher=static_only_url_fetcher()).write_pdf()
