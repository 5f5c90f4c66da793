from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

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


# Fields a page's own words are read from when it has no search description, in this order.
DESCRIPTION_FIELDS = ("summary", "introduction", "headline")
DESCRIPTION_LENGTH = 160  # about what search engines show


@register.simple_tag
def meta_description(page=None, text=""):
    """The words of <meta name="description">: `text` when given, else the page's search
    description, else its summary, introduction or headline; shortened to a search result's length."""
    if not text and page is not None:
        text = getattr(page, "search_description", "") or next(
            (getattr(page, name, "") for name in DESCRIPTION_FIELDS if getattr(page, name, "")), ""
        )
    if not text:
        text = _("The shared website of the partner agencies of the task force against human trafficking.")
    return Truncator(" ".join(str(text).split())).chars(DESCRIPTION_LENGTH)


@register.simple_tag
def lang_attr(code=None):
    """` lang="en"` on words that are not in the page's language: records written once in the
    default language (agency names, names recorded at signing) or a translation's
    fallback. Nothing when they are in the page's language. `<span{% lang_attr %}>`."""
    code = code or settings.LANGUAGE_CODE
    current = get_language() or settings.LANGUAGE_CODE
    if code.split("-")[0] == current.split("-")[0]:
        return ""
    return format_html(' lang="{}"', code)


@register.simple_tag
def in_language(text, code=None):
    """`text` in <span lang="..."> when it is not in the page's language (see lang_attr), else as
    it is: for words set inside a translated sentence,
    `{% in_language area.label area.label_language as place %}{% blocktranslate with place=place %}`."""
    attr = lang_attr(code)
    return format_html("<span{}>{}</span>", attr, text) if attr else text
