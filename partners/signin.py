"""Sign-in that resists guessing (issue 7, point 7), for the partner page and Wagtail's admin.

django-axes counts failed sign-ins per username and per client address (settings: AXES_*) in
the cache (Redis in production, shared by every web host). Once either reaches the limit, any
attempt for that username or from that client is refused for the cool-off period, even with the
right password. The sign-in forms below then say so on the page itself, in the visitor's
language, and lockout_response() answers 429 with that same page.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm


def cool_off_minutes():
    cool_off = settings.AXES_COOLOFF_TIME
    return max(1, round(cool_off.total_seconds() / 60)) if cool_off else 0


def lockout_message():
    minutes = cool_off_minutes()
    return ngettext(
        "Too many failed sign-in attempts. Signing in is paused for %(minutes)d minute "
        "for this user name and this device; please try again after that.",
        "Too many failed sign-in attempts. Signing in is paused for %(minutes)d minutes "
        "for this user name and this device; please try again after that.",
        minutes,
    ) % {"minutes": minutes}


def is_locked_out(request):
    """True when django-axes refused (or just locked) this request's sign-in."""
    return bool(request is not None and getattr(request, "axes_locked_out", False))


class LockoutMessageMixin:
    """An AuthenticationForm that tells a locked-out visitor why, instead of "wrong password"."""

    def get_invalid_login_error(self):
        if is_locked_out(self.request):
            return forms.ValidationError(lockout_message(), code="locked_out")
        return super().get_invalid_login_error()


class PartnerLoginForm(LockoutMessageMixin, AuthenticationForm):
    pass


class AdminLoginForm(LockoutMessageMixin, LoginForm):
    """Wagtail's admin sign-in form (WAGTAILADMIN_USER_LOGIN_FORM)."""


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the sign-in page the view rendered (it carries the message), as 429."""
    if isinstance(original_response, HttpResponse) and original_response.status_code == 200:
        original_response.status_code = 429
        return original_response
    return HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")
