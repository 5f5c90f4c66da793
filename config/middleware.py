"""Project middleware: wiring only, the policies live in settings."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


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
