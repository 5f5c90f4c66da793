"""Printable fact sheets: a live message or explainer on one or two pages, to hand out.

Each sheet shows the signed words of the page's live revision, the agencies that endorsed them,
the hotline from the site settings, the page's address and the date it was signed off, in the
page's own language. It is made once per signed revision and language and stored
(home.pdf.stored_pdf): publishing a new revision makes a new one, in the background (a
django-task enqueued on commit); a request for a sheet not made yet renders it once itself.
"""

from django.db import transaction
from django.utils import translation
from django_tasks import task
from wagtail.models import Page
from wagtail.signals import page_published

from home.pdf import render_pdf, stored_pdf

from .models import ExplainerPage, MessagePage, SignOff

# Bump when the template or its stylesheet changes what a sheet looks like: stored sheets are remade.
TEMPLATE_VERSION = 2
KIND = "fact-sheet"


def offers_fact_sheet(page):
    """The page types with a "Download as PDF" fact sheet."""
    return isinstance(page, (MessagePage, ExplainerPage))


def _hotline(page):
    from home.models import SafetySettings

    site = page.get_site()
    if site is None:
        return {}
    safety = SafetySettings.for_site(site)
    text = None
    if safety.site_text_id:
        text = safety.site_text.get_translation_or_none(page.locale) or safety.site_text
    return {
        "phone": safety.hotline_phone,
        "sms": safety.hotline_sms,
        "emergency": safety.emergency_number,
        "name": text.hotline_name if text else "",
        "hours": text.hotline_hours if text else "",
    }


def fact_sheet_context(page):
    """Everything the sheet of `page`'s live revision shows, besides the revision's words."""
    revision = page.live_revision
    endorsements = list(SignOff.objects.signed().filter(revision=revision).order_by("agency_name", "pk"))
    signed_on = max((signoff.created_at for signoff in endorsements), default=revision.created_at)
    return {
        "revision": revision,
        "page": revision.as_object(),
        "agencies": [signoff.agency_name for signoff in endorsements],
        "signed_on": signed_on,
        "hotline": _hotline(page),
        "url": page.full_url,
        "language": page.locale.language_code,
    }


def fact_sheet(page):
    """The stored fact sheet (home.StoredPdf) of a live page's live revision, made if missing."""
    context = fact_sheet_context(page)
    language = context["language"]

    def render():
        with translation.override(language):
            return render_pdf("messaging/pdf/fact_sheet.html", context)

    return stored_pdf(
        revision=context["revision"],
        language=language,
        kind=KIND,
        content={
            "template": TEMPLATE_VERSION,
            "agencies": context["agencies"],
            "signed_on": context["signed_on"].isoformat(),
            "hotline": context["hotline"],
            "url": context["url"],
        },
        render=render,
    )


@task()
def make_fact_sheet(page_id):
    """Make the sheet of a page just published, so that no reader waits for it."""
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if page is None or not offers_fact_sheet(page) or page.live_revision_id is None:
        return False
    fact_sheet(page)
    return True


def _published(sender, instance, **kwargs):
    if offers_fact_sheet(instance):
        page_id = instance.pk
        transaction.on_commit(lambda: make_fact_sheet.enqueue(page_id))


def connect():
    page_published.connect(_published, dispatch_uid="messaging.factsheets.published")
