"""Demo content for messaging: the message index and three messages, the explainer index and
seven myth-and-fact explainers, in English and Spanish (the words are in messaging/demo_data.toml),
and the seeding's second phase, sign_pages.

One is published with every agency's sign-off, one is in review with some agencies signed (its
Spanish made in wagtail-localize's translation editor), one was sent back with a change request,
so a new user can log in as a lead and act. Six explainers are published with every agency's
sign-off (one with facts checked over a year ago, for the coordinator's reminder), one is in
review. It goes through
the real services (submit, sign off, request changes): nothing is marked live by hand. Idempotent.
Runs after partners.demo.seed, whose agencies, authors and leads it uses.
"""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from home.models import HomePage
from home.seeding import add_draft_child, ensure_translation, load_demo_data, stream, translate_in_editor
from partners.models import Agency, Membership

from . import services
from .gate import SignOffRequiredMixin
from .models import (
    Audience,
    ExplainerIndexPage,
    ExplainerPage,
    MessageIndexPage,
    MessagePage,
    SignOffSettings,
    SignOffTaskState,
    TraffickingForm,
)


def accounts():
    """Messaging creates no demo accounts: its messages are written and signed by the partners'."""
    return []


def _fields(content):
    return {
        "title": content["title"],
        "slug": content["slug"],
        "summary": content["summary"],
        "body": stream([{"paragraph": content["body"]}]),
    }


def _explainer_fields(content, explainer, today):
    """An explainer's fields in one language: its words from `content`, and what is the same in
    every language (sources, topics, audiences, the date its facts were checked) from `explainer`."""
    evidence = [
        {"type": "item", "id": str(uuid.uuid4()), "value": {"year": None, **citation}}
        for citation in explainer["evidence"]
    ]
    item = {
        "myth": content["myth"],
        "fact": content["fact"],
        "why_it_matters": content["why"],
        "evidence": evidence,
    }
    return {
        "title": content["title"],
        "slug": content["slug"],
        "summary": content["summary"],
        "respectful_wording": content["wording"],
        "myths_and_facts": stream([{"myth_fact": item}]),
        "facts_checked_on": today - datetime.timedelta(days=explainer["facts_checked_days_ago"]),
        "forms_of_trafficking": list(TraffickingForm.objects.filter(code__in=explainer["forms"])),
        "audiences": list(Audience.objects.filter(code__in=explainer["audiences"])),
    }


def _seed_explainers(home, data, report):
    """Draft the explainer index; take each demo explainer, in English and Spanish, to its state."""
    index, index_es = _ensure_index(home, data["explainer_index"], report, model=ExplainerIndexPage)
    # The people are loaded after the index exists: Wagtail caches a user's page permissions on
    # the user object, and their grants on a new index come with it.
    agencies, leads, author = _cast()
    today = timezone.localdate()
    for explainer in data["explainers"]:
        if ExplainerPage.objects.child_of(index).filter(slug=explainer["en"]["slug"]).exists():
            continue
        page = ExplainerPage(live=False, owner=author, **_explainer_fields(explainer["en"], explainer, today))
        add_draft_child(index, page, user=author)
        spanish = ensure_translation(
            page, index_es.locale, _explainer_fields(explainer["es"], explainer, today), user=author
        )
        for version in (page, spanish):
            version = ExplainerPage.objects.get(pk=version.pk)
            _take_through(version, explainer["state"], author, agencies, leads)
        report.note(f"explainer ({explainer['state']}): {explainer['en']['title']}")


def _ensure_index(home, content, report, model=MessageIndexPage):
    """The message (or explainer) index in English (published once signed off, by sign_pages)
    and Spanish."""
    index = model.objects.child_of(home).filter(locale=home.locale).first()
    if index is None:
        index = model(show_in_menus=True, locale=home.locale, **content["en"])
        add_draft_child(home, index, report)
    spanish = Locale.objects.get(language_code="es")
    return index, ensure_translation(index, spanish, content["es"], report)


def _cast():
    """Active agencies with a lead, and an author to submit: from the partners demo."""
    agencies = list(Agency.objects.active())
    leads = {}
    for membership in Membership.objects.filter(
        is_communications_lead=True, agency__in=agencies
    ).select_related("user", "agency"):
        leads.setdefault(membership.agency_id, membership.user)
    author = (
        Membership.objects.filter(is_author=True, agency__in=agencies)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return agencies, leads, (author.user if author else None)


def _take_through(page, state, author, agencies, leads, comment=None):
    services.submit_for_signoff(page, author)
    if state == "published":
        for agency in agencies:
            services.sign_off(services.current_round(page), leads[agency.pk])
    elif state == "in_review":
        for agency in agencies[: max(1, len(agencies) // 2)]:
            services.sign_off(services.current_round(page), leads[agency.pk])
    elif state == "changes_requested":
        services.sign_off(services.current_round(page), leads[agencies[0].pk])
        services.request_changes(services.current_round(page), leads[agencies[-1].pk], comment)


@transaction.atomic
def seed(report, password=None):
    """Draft the message index and take each demo message, in English and Spanish, to its state
    through the real sign-off services (submit, sign off, request changes)."""
    home = HomePage.objects.filter(depth=2, locale__language_code="en").first()
    spanish_home = home.get_translation_or_none(Locale.objects.get(language_code="es")) if home else None
    if home is None or spanish_home is None:
        return
    data = load_demo_data("messaging")
    services.ensure_signoff_workflow()
    index, index_es = _ensure_index(home, data["index"], report)

    agencies, leads, author = _cast()
    if author is None or len(agencies) < 2 or any(agency.pk not in leads for agency in agencies):
        report.note("messages skipped (the demo agencies and their leads are missing)")
        return

    for message in data["messages"]:
        if MessagePage.objects.child_of(index).filter(slug=message["en"]["slug"]).exists():
            continue
        page = MessagePage(live=False, co_authors=agencies[:3], owner=author, **_fields(message["en"]))
        add_draft_child(index, page, user=author)
        if message.get("spanish_made_in") == "translation editor":
            # As a translator does it: "Translate this page", then the texts typed into
            # wagtail-localize's editor; its sign-off reviews the translated strings.
            spanish = translate_in_editor(page, index_es.locale, message["es"], user=author)
        else:
            spanish = ensure_translation(page, index_es.locale, _fields(message["es"]), user=author)
        for version, code in ((page, "en"), (spanish, "es")):
            version = MessagePage.objects.get(pk=version.pk)
            _take_through(
                version,
                message["state"],
                author,
                agencies,
                leads,
                comment=message.get("comment", {}).get(code),
            )
        report.note(f"message ({message['state']}): {message['en']['title']}")

    _seed_explainers(home, data, report)


def _site_page_agencies(report):
    """The agencies that sign the site's own pages (Settings → Sign-off of site pages), once."""
    settings = SignOffSettings.load()
    if not settings.site_page_agencies.exists():
        slugs = load_demo_data("messaging")["site_page_agencies"]
        chosen = Agency.objects.active().filter(slug__in=slugs)
        if chosen.exists():
            settings.site_page_agencies.set(chosen)
            report.note("sign-off of site pages: " + ", ".join(a.name for a in chosen))


def awaiting_first_round(page):
    """A page whose latest words have never been put to the agencies: not live (or live with
    older words) and no review round, past or present, on its latest revision."""
    if page.latest_revision_id is None or (page.live and page.live_revision_id == page.latest_revision_id):
        return False
    return not SignOffTaskState.objects.filter(revision_id=page.latest_revision_id).exists()


@transaction.atomic
def sign_pages(report, password=None):
    """The seeding's second phase: the site's pages, drafted by the other apps' demos, go to the
    agencies and are published when every required lead has signed them off, as they would be
    on a real site. Messages keep the states messaging's seed gave them."""
    services.ensure_signoff_workflow()
    _site_page_agencies(report)
    coordinator = Membership.objects.filter(is_coordinator=True).select_related("user").first()
    leads = _cast()[1]
    if coordinator is None:
        report.note("site pages left as drafts (the demo coordinator is missing)")
        return
    signed = 0
    for page in Page.objects.type(SignOffRequiredMixin).order_by("path").specific():
        if not awaiting_first_round(page):
            continue
        services.submit_for_signoff(page, coordinator.user)
        state = services.current_round(page)
        required = list(state.required_agencies.all())
        if any(agency.pk not in leads for agency in required):
            report.note(f"{page.title} left in review (an agency has no lead)")
            continue
        for agency in required:
            services.sign_off(services.current_round(page), leads[agency.pk])
        signed += 1
    if signed:
        report.note(f"{signed} site pages signed off and published")
