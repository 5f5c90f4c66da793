"""Factories and helpers for messaging: index and message pages, agencies with leads, review rounds."""

import factory
import wagtail_factories
from wagtail.models import Locale, Page

from home.services import add_translation
from messaging import services
from messaging.models import MessageIndexPage, MessagePage
from tests.home.factories import add_live_translation
from tests.partners.factories import AgencyFactory, partner
from tests.signing import publish_signed


class MessageIndexPageFactory(wagtail_factories.PageFactory):
    title = "Messages"
    slug = "messages"

    class Meta:
        model = MessageIndexPage


class MessagePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Key message {n}")
    summary = "Anyone can be trafficked; help is available in your language."
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Trafficking is about control.</p>"}]
    )
    live = False  # a messaging page goes live only through sign-off

    class Meta:
        model = MessagePage


class SignOffWorld:
    """Agencies, each with a lead, an author and an index page: the usual cast of a sign-off test."""

    def __init__(self, home, agencies=3):
        services.ensure_signoff_workflow()
        self.agencies = [
            AgencyFactory(name=f"Agency {chr(65 + i)}", slug=f"agency-{chr(97 + i)}") for i in range(agencies)
        ]
        self.leads = {
            agency: partner(agency, "communications_lead", username=f"{agency.slug}-lead")
            for agency in self.agencies
        }
        self.author = partner(self.agencies[0], "author", username="author")
        self.index = publish_signed(MessageIndexPageFactory(parent=home))
        for locale in Locale.objects.exclude(pk=home.locale_id):
            if self.index.get_translation_or_none(locale) is None and home.get_translation_or_none(locale):
                add_live_translation(
                    self.index, locale, title=f"Messages ({locale.language_code})", slug="mensajes"
                )

    def lead(self, index):
        return self.leads[self.agencies[index]]

    def draft(self, **fields):
        page = MessagePageFactory(parent=self.index, **fields)
        page.save_revision(user=self.author)
        return MessagePage.objects.get(pk=page.pk)

    def submit(self, page):
        page = MessagePage.objects.get(pk=page.pk)
        if page.get_latest_revision() is None:
            page.save_revision(user=self.author)
        services.submit_for_signoff(page, self.author)
        return services.current_round(page)

    def published(self, **fields):
        """A new page live with a completely signed-off revision."""
        page = self.draft(**fields)
        self.submit(page)
        page = self.sign_all(page)
        assert page.live
        return page

    def sign_all(self, page, but=()):
        for i, agency in enumerate(self.agencies):
            if i in but:
                continue
            services.sign_off(services.current_round(page), self.leads[agency])
        return Page.objects.get(pk=page.pk).specific

    def edit(self, page, user=None, **fields):
        page = MessagePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        for name, value in fields.items():
            setattr(page, name, value)
        return page.save_revision(user=user or self.author)

    def translate(self, page, code="es", **fields):
        locale = Locale.objects.get(language_code=code)
        values = {
            "title": f"{page.title} ({code})",
            "slug": f"{page.slug}-{code}",
            "summary": "Resumen",
            **fields,
        }
        translation = add_translation(page, locale, publish=False, **values)
        return MessagePage.objects.get(pk=translation.pk)


def message_form_data(
    title="Key message", slug="key-message", summary="A summary.", paragraph="<p>Text.</p>", **extra
):
    """POST data for the MessagePage editor (create or edit), with any field overridden."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = {
        "title": title,
        "slug": slug,
        "summary": summary,
        "body": streamfield([("paragraph", rich_text(paragraph))]),
        "tags": "",
        "signoff_needed_by": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def localize_translation(page, code="es"):
    """A wagtail-localize translation of `page` (a draft page in `code`) and its Translation record."""
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=code)
    )
    translation.save_target(publish=False)
    return translation, Page.objects.get(
        translation_key=page.translation_key, locale__language_code=code
    ).specific


def translate_strings(translation, prefix="ES "):
    """Translate every string of a wagtail-localize translation, as a translator would in its editor."""
    from wagtail_localize.models import StringSegment, StringTranslation

    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": (f"{prefix.strip().lower()}-" if segment.context.path == "slug" else prefix)
                + segment.string.data,
                "translation_type": "manual",
            },
        )
