"""Demo content for the home app: the site's core pages in English and Spanish, the site text and
the safety settings. The words are in home/demo_data.toml; the toolkit is home/seeding.py.

Called by `manage.py seed_demo`. Idempotent: a page or record that already exists is left as
it is (an editor's changes survive a second run), so running it twice changes nothing.
"""

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Site

from .models import HomePage, SafetySettings, SiteText, StandardPage
from .seeding import (
    add_draft_child,
    draft,
    ensure_locale,
    ensure_translation,
    latest,
    load_demo_data,
    stream,
)

# The data file's page that the quick-exit settings point to.
SAFETY_PAGE = "safety"


def accounts():
    """The home app creates no demo accounts (seed_demo itself creates the administrator)."""
    return []


def _ensure_home(content, report):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root is not a HomePage; run migrations on a fresh database.")
    # Fill the placeholder created by the migration, once. It stays live with its first words
    # until the agencies have signed the demo's.
    if not latest(home).introduction:
        home.title = content["title"]
        home.headline = content["headline"]
        home.introduction = content["introduction"]
        draft(home)
        report.note("English home page")
    return home


def _blocks(entries, pages):
    """StreamField data from the data file's blocks, with its page names (`link.page`, `pages`)
    replaced by the ids of `pages`."""
    for entry in entries:
        for value in entry.values():
            if not isinstance(value, dict):
                continue
            if "link" in value:
                name = value["link"].pop("page", None)
                value["link"] = {"page": pages[name].pk if name else None, **value["link"]}
            if "pages" in value:
                value["pages"] = [pages[name].pk for name in value["pages"]]
    return stream(entries)


def _home_fields(content):
    return {
        "title": content["title"],
        "slug": slugify(content["title"]),
        "headline": content["headline"],
        "introduction": content["introduction"],
    }


def _standard_fields(content):
    return {
        "title": content["title"],
        "slug": content["slug"],
        "search_description": content["search_description"],
        "introduction": content["introduction"],
        "show_hotline": content.get("show_hotline", False),
        "body": _blocks(content["body"], {}),
    }


def _ensure_standard_page(parent, content, report):
    existing = parent.get_children().filter(slug=content["slug"]).first()
    if existing is not None:
        return existing.specific
    return add_draft_child(parent, StandardPage(show_in_menus=True, **_standard_fields(content)), report)


def _ensure_sections(home, content, pages):
    """The home page's sections (call to action, featured pages), once."""
    home = latest(HomePage.objects.get(pk=home.pk))  # fresh: children were added through another instance
    if not home.body:
        home.body = _blocks(content["sections"], pages)
        draft(home)
    return home


def _ensure_site_text(site_text, report):
    english = ensure_locale("en")
    text = SiteText.objects.filter(locale=english).first()
    if text is None:
        text = SiteText.objects.create(locale=english, **site_text["en"])
        report.note("en: site text")
    for code, content in site_text.items():
        if code == "en":
            continue
        locale = ensure_locale(code)
        if text.get_translation_or_none(locale) is None:
            translation = text.copy_for_translation(locale)
            for field, value in content.items():
                setattr(translation, field, value)
            translation.save()
            report.note(f"{code}: site text")
    return text


def _ensure_safety_settings(safety_page, text, report):
    settings_ = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    changed = False
    if settings_.safety_page_id is None:
        settings_.safety_page = safety_page
        changed = True
    if settings_.site_text_id is None:
        settings_.site_text = text
        changed = True
    if changed:
        settings_.save()
        report.note("safety settings")


@transaction.atomic
def seed(report, password=None):
    """Draft the home page, the standard pages and their Spanish versions; create the site text."""
    data = load_demo_data("home")
    spanish = ensure_locale("es")
    home = _ensure_home(data["home"]["en"], report)
    pages = {name: _ensure_standard_page(home, page["en"], report) for name, page in data["pages"].items()}
    home = _ensure_sections(home, data["home"]["en"], pages)

    home_es = ensure_translation(home, spanish, _home_fields(data["home"]["es"]), report)
    pages_es = {
        name: ensure_translation(pages[name], spanish, _standard_fields(page["es"]), report)
        for name, page in data["pages"].items()
    }
    _ensure_sections(home_es, data["home"]["es"], pages_es)

    text = _ensure_site_text(data["site_text"], report)
    _ensure_safety_settings(pages[SAFETY_PAGE], text, report)
    return report
