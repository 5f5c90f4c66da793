"""Project middleware: wiring only, the policies live in settings."""

import logging

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path
from django.utils import translation
from django.utils.translation import get_language, get_language_from_path
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with two policies.

    Public pages get CONTENT_SECURITY_POLICY (no inline script, nothing from other hosts).
    The Wagtail admin, which is only for signed-in partner staff, gets
    ADMIN_CONTENT_SECURITY_POLICY: Wagtail's editor still relies on inline styles and scripts.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.ADMIN_URL_PREFIXES))
        ):
            return PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, without its redirect for 404s of routes outside the language prefix.

    Django redirects a 404 at /x/ to /en/x/ when /en/x/ would resolve. Wagtail's page route under
    /en/ resolves every path, so a genuine 404 in the admin (/admin/pages/999/) or of a document
    would be redirected into the public site. A path that resolves without a language prefix
    belongs to a non-localised route: its 404 stands.

    The redirect of an unprefixed path (/about/ to /es/about/) never goes to a language whose
    home page is not live (home.languages): it uses the best language served instead.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and is_valid_path(
            request.path_info, getattr(request, "urlconf", None)
        ):
            response.headers.setdefault("Content-Language", get_language())
            return response
        if response.status_code == 404 and get_language_from_path(request.path_info) is None:
            from home.languages import best_live_language

            language = best_live_language(request, get_language())
            if language != get_language():
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return super().process_response(request, response)


class MalformedAdminPostMiddleware:
    """Answer 400, not 500, when the admin cannot even read a crafted POST.

    Wagtail reads some POST data without a form's protection: a StreamField without its
    ``-count``, ``-type`` or ``-order`` fields raises KeyError (MultiValueDictKeyError) or
    ValueError while the editor form reads it, and posting to a workflow step's "collect data"
    URL for an action that has no form raises TypeError. None of that is a server fault: it gets
    a 400 with a message in the user's language. Both fail while reading the data, before
    anything is saved. The traceback is logged as a warning, so that a real bug raising one of
    these types stays visible.

    Wagtail's page workflow views also act on the task state named in the URL without checking
    that it belongs to the page named beside it (the permission check reads the page, the action
    runs on the other page's round): such a POST is refused with the same 400 before the view runs.

    Only POSTs to the admin (ADMIN_URL_PREFIXES): our own views validate with forms.
    """

    MALFORMED_DATA_ERRORS = (KeyError, ValueError, TypeError, ValidationError)
    PAGE_WORKFLOW_VIEWS = {
        "wagtailadmin_pages:workflow_action",
        "wagtailadmin_pages:collect_workflow_action_data",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match.view_name not in self.PAGE_WORKFLOW_VIEWS:
            return None
        from wagtail.models import TaskState

        belongs = TaskState.objects.filter(
            pk=view_kwargs["task_state_id"], workflow_state__object_id=str(view_kwargs["page_id"])
        ).exists()
        if belongs or not TaskState.objects.filter(pk=view_kwargs["task_state_id"]).exists():
            return None  # Wagtail answers 404 for a task state that does not exist
        logger.warning("Admin POST to %s names another page's task state", request.path_info)
        return self._bad_request()

    def process_exception(self, request, exception):
        if request.method != "POST" or not isinstance(exception, self.MALFORMED_DATA_ERRORS):
            return None
        if not request.path_info.startswith(tuple(settings.ADMIN_URL_PREFIXES)):
            return None
        logger.warning(
            "Malformed admin POST to %s: %s: %s",
            request.path_info,
            type(exception).__name__,
            exception,
            exc_info=exception,
        )
        return self._bad_request()

    @staticmethod
    def _bad_request():
        return HttpResponseBadRequest(
            _("The form sent was incomplete or not valid. Reload the page and try again."),
            content_type="text/plain; charset=utf-8",
        )


class AnonymousGZipMiddleware(GZipMiddleware):
    """Compress responses to readers who are not signed in, and only to them.

    Compression leaks the length of a response, and with it, to an attacker who can both make the
    browser send requests with words of their choosing reflected in the page and watch the
    encrypted traffic, the page's secrets one guessed character at a time (BREACH). Public
    reading pages hold no secret: Django masks the CSRF token anew in every response, and the
    session cookie never appears in a body. A signed-in partner's pages do hold partner-only
    contacts next to reflected words (directory filters, search), and the admin holds much more:
    those are sent uncompressed. So the proxy must not compress HTML itself (README, "Production
    deployment"); static files are compressed ahead of time by WhiteNoise.
    """

    def process_response(self, request, response):
        if settings.SESSION_COOKIE_NAME in request.COOKIES or request.path.startswith("/admin/"):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return response
        return super().process_response(request, response)
