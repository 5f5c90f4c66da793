"""Show a sign-off refusal to the person, in their language, instead of a bare error."""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from .exceptions import SignOffRequired


class SignOffRefusalMiddleware:
    """Turn SignOffRequired (a refused sign-off, or a refused road to live) into a message.

    The database work of the refused action was rolled back by the transaction that raised it.
    The person goes back to where they came from (or the dashboard) with the reason; a request
    made by script (a workflow dialog) gets a 403 with the reason.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, SignOffRequired):
            return None
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return HttpResponseForbidden(str(exception))
        messages.error(request, str(exception))
        back = request.META.get("HTTP_REFERER", "")
        if not back or not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = "wagtailadmin_home"
        return redirect(back)
