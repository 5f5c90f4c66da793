from django import template

from home.navigation import build_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Menu, breadcrumbs, language links and safety settings for base.html (one computation a request)."""
    request = context.get("request")
    if request is None:
        return None
    return build_chrome(request, page=context.get("page"))


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


@register.filter
def tel_href(number):
    """The digits (and a leading +) of a phone number, for tel: and sms: links."""
    number = str(number or "").strip()
    digits = "".join(ch for ch in number if ch.isdigit())
    return f"+{digits}" if number.startswith("+") else digits
