"""Printable PDFs with WeasyPrint, rendered from our own templates.

WeasyPrint fetches only what the document itself needs, and only from this site's static files:
no network access, no third-party hosts. Fonts come from the operating system (fontconfig:
DejaVu and Noto, installed by bin/install-system-deps), which covers Latin, Arabic and the
other scripts Noto carries, so a PDF in any enabled language shows its letters.

In production the static files are collected with hashed names
(``css/print-pdf.3f2a1b.css``, WhiteNoise's CompressedManifestStaticFilesStorage), so the
``{% static %}`` URLs in a PDF template name files that only exist in STATIC_ROOT: the fetcher
maps such a URL back through the storage's manifest. Without a manifest (development, tests)
it asks the static file finders, as ``runserver`` does.

A PDF that cannot be made (a refused resource, WeasyPrint failing) raises PdfRenderingError, an
ordinary exception: it is logged here and Django answers with the site's 500 page.
WeasyPrint's own FatalURLFetchingError derives from BaseException, which Django's error handling
does not catch, so it must never leave this module.
"""

import logging
import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils.translation import get_language, get_language_bidi

logger = logging.getLogger(__name__)


class PdfResourceRefused(Exception):
    """The document asked for something that is not one of this site's static files."""


class PdfRenderingError(Exception):
    """The PDF could not be made; the cause is chained and was logged."""


def _static_name(url):
    """The static file name a URL points at, or None when it is not under STATIC_URL."""
    for prefix in (settings.STATIC_URL, f"file://{settings.STATIC_URL}"):
        if url.startswith(prefix):
            name = unquote(url[len(prefix) :].split("?", 1)[0].split("#", 1)[0])
            break
    else:
        return None
    # Refuse traversal and absolute names before asking any storage: "css/../../x", "/etc/x", "C:\x".
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return None
    if any(part in {"", ".", ".."} for part in name.split("/")):
        return None
    if posixpath.normpath(name) != name:
        return None
    return name


def _manifest_file(name):
    """With a manifest storage: the collected file for a hashed (or original) name, else None."""
    hashed_files = getattr(staticfiles_storage, "hashed_files", None)
    if not hashed_files:
        return None
    if name in hashed_files:  # the original name: serve its hashed copy
        name = hashed_files[name]
    elif name not in set(hashed_files.values()):
        return None
    try:
        path = Path(staticfiles_storage.path(name))
    except (SuspiciousFileOperation, NotImplementedError):
        return None
    return path if path.is_file() else None


def _found_file(name):
    """Without a manifest: the source file the finders know under `name`, else None."""
    try:
        found = finders.find(name)
    except SuspiciousFileOperation:
        return None
    return Path(found) if found else None


def static_file_for_url(url):
    """The static file a PDF asks for (/static/... or file:///static/...); refuse anything else."""
    name = _static_name(url)
    if name is None:
        raise PdfResourceRefused(f"PDFs may only load this site's static files, not {url!r}")
    path = _manifest_file(name) or _found_file(name)
    if path is None:
        raise PdfResourceRefused(f"No static file {name!r}")
    return path


def static_only_url_fetcher():
    """A WeasyPrint URL fetcher that serves static files and fetches nothing from anywhere else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            try:
                file_path = static_file_for_url(url)
            except PdfResourceRefused:
                logger.warning("PDF resource refused: %s", url)
                raise
            mime_type = mimetypes.guess_type(file_path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=file_path.read_bytes(), headers={"Content-Type": mime_type})

    return StaticOnlyURLFetcher(fail_on_errors=True)


def render_pdf(template_name, context, *, request=None):
    """Render `template_name` (HTML) to PDF bytes in the active language.

    Raises PdfRenderingError (logged with its cause) when the PDF cannot be made.
    """
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    context = {
        "LANGUAGE_CODE": get_language(),
        "LANGUAGE_BIDI": get_language_bidi(),
        **context,
    }
    html = render_to_string(template_name, context, request=request)
    try:
        return HTML(string=html, base_url="/", url_fetcher=static_only_url_fetcher()).write_pdf()
    except (Exception, FatalURLFetchingError) as error:
        logger.exception("Could not render the PDF %s", template_name)
        raise PdfRenderingError(f"Could not render the PDF {template_name}") from error


def stored_pdf(*, revision, language, kind, content, render):
    """The PDF of `revision` in `language`, rendered at most once for the same content.

    `content` is everything else the PDF shows besides the revision's own words (settings,
    names, addresses): a JSON-serialisable dict whose fingerprint is stored with the file. The
    stored PDF is returned while the fingerprint matches; otherwise `render()` (which returns the
    bytes) runs once and its result replaces the older PDFs of the same revision, language and kind.
    A request therefore waits on one render at most; two racing requests may both render, and
    the one that stores second serves its own bytes' twin from storage.
    """
    import hashlib
    import json
    import time

    from django.core.files.base import ContentFile
    from django.db import IntegrityError, transaction

    from .models import StoredPdf

    key = hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()
    same = {"revision": revision, "language": language, "kind": kind}
    found = StoredPdf.objects.filter(**same, content_key=key).first()
    if found is not None:
        if found.file and found.file.storage.exists(found.file.name):
            return found
        found.delete()  # the file is gone from storage (a lost media volume): make it again
    started = time.perf_counter()
    data = render()
    made = StoredPdf(**same, content_key=key, render_seconds=time.perf_counter() - started)
    made.file.save("printable.pdf", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            made.save()
    except IntegrityError:  # another request stored the same content first
        made.file.delete(save=False)
        return StoredPdf.objects.get(**same, content_key=key)
    older = StoredPdf.objects.filter(
        language=language,
        kind=kind,
        revision__base_content_type_id=revision.base_content_type_id,
        revision__object_id=revision.object_id,
    ).exclude(pk=made.pk)
    for stale in older:
        stale.delete()  # one by one: post_delete removes each file
    return made
