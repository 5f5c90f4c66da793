"""Factories for the home app: pages, translations and the site they live in."""

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from home.models import HomePage, SafetySettings, SiteText, StandardPage
from home.services import add_translation
from tests.signing import publish_signed


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "An introduction that readers see first."
    show_in_menus = True
    live = True  # published through a real sign-off round (tests.signing); live=False: a draft

    class Meta:
        model = StandardPage

    @classmethod
    def _create(cls, model_class, *args, live=True, **kwargs):
        page = super()._create(model_class, *args, live=False, **kwargs)
        return publish_signed(page) if live else page


def add_live_translation(page, locale, **fields):
    """The `locale` version of `page`, published through its own sign-off round."""
    return publish_signed(add_translation(page, locale, publish=False, **fields))


class SiteTextFactory(factory.django.DjangoModelFactory):
    hotline_name = "National Human Trafficking Hotline"
    hotline_hours = "24 hours a day"
    safety_notice = "Someone may be watching this device."
    footer_text = "Footer words."
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="en"))

    class Meta:
        model = SiteText


def ensure_locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def build_site(languages=("en", "es")):
    """The site every page test starts from: a HomePage root per language, published.

    Works on a fresh test database (where the migration made an English HomePage) and after a
    transactional test flushed every table (where nothing is left and it builds all of it).
    Returns {language_code: HomePage}.
    """
    english = ensure_locale("en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=english))
    home = HomePage.objects.filter(depth=2, locale=english).first()
    if home is None:
        home = HomePage(
            title="Home", slug="home", headline="Partner agencies against trafficking.", locale=english
        )
        root.add_child(instance=home)
        publish_signed(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    homes = {"en": HomePage.objects.get(pk=home.pk)}
    for code in languages:
        if code == "en":
            continue
        locale = ensure_locale(code)
        existing = home.get_translation_or_none(locale)
        homes[code] = (
            existing.specific
            if existing
            else add_live_translation(
                home, locale, title=f"Home ({code})", slug=f"home-{code}", headline=f"Headline {code}"
            )
        )
    return homes


def configure_safety(safety_page=None, site_text=None, **fields):
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.safety_page = safety_page
    settings.site_text = site_text
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings
