"""Project middleware: wiring only, the policies live in settings."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path
from django.utils.translation import get_language


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
    """

    def process_response(self, request, response):
        if response.status_code == 404 and is_valid_path(
            request.path_info, getattr(request, "urlconf", None)
        ):
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
