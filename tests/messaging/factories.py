"""Factories and helpers for messaging: index, message and explainer pages, agencies with leads,
review rounds."""

import datetime
import uuid

import factory
import wagtail_factories
from wagtail.models import Locale, Page

from home.services import add_translation
from messaging import services
from messaging.models import (
    Audience,
    ExplainerIndexPage,
    ExplainerPage,
    MessageIndexPage,
    MessagePage,
    TraffickingForm,
)
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


class ExplainerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Explainers"
    slug = "explainers"

    class Meta:
        model = ExplainerIndexPage


def trafficking_forms(*codes):
    return list(TraffickingForm.objects.filter(code__in=codes))


def audiences(*codes):
    return list(Audience.objects.filter(code__in=codes))


def myth_fact(
    myth="Trafficking always means crossing a border.",
    fact="<p>Many people are trafficked in their own town.</p>",
    why="Looking only at borders misses most victims.",
    organisation="UNODC",
    title="Global Report on Trafficking in Persons",
    year=2024,
    url="https://www.unodc.org/unodc/data-and-analysis/glotip.html",
):
    """One item of an explainer's myths_and_facts, as stored (raw stream data)."""
    return {
        "type": "myth_fact",
        "value": {
            "myth": myth,
            "fact": fact,
            "why_it_matters": why,
            # ListBlock's block format (with ids), as the editor saves it: wagtail-localize only
            # extracts the strings of list items stored that way.
            "evidence": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {"organisation": organisation, "title": title, "year": year, "url": url},
                }
            ],
        },
    }


class ExplainerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Explainer {n}")
    summary = "Trafficking is about control, not about movement."
    myths_and_facts = factory.LazyFunction(lambda: [myth_fact()])
    respectful_wording = 'Say "a person who has been trafficked".'
    facts_checked_on = factory.LazyFunction(datetime.date.today)
    forms_of_trafficking = factory.LazyFunction(lambda: trafficking_forms("labour"))
    audiences = factory.LazyFunction(lambda: audiences("general-public"))
    live = False  # a messaging page goes live only through sign-off

    class Meta:
        model = ExplainerPage


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
        self.home = home
        self.index = self._index(MessageIndexPageFactory, "mensajes")
        self._explainer_index = None

    def _index(self, factory_class, translated_slug):
        """A live index page under the home page, with a live translation in every other language."""
        index = publish_signed(factory_class(parent=self.home))
        for locale in Locale.objects.exclude(pk=self.home.locale_id):
            if index.get_translation_or_none(locale) is None and self.home.get_translation_or_none(locale):
                add_live_translation(
                    index, locale, title=f"{index.title} ({locale.language_code})", slug=translated_slug
                )
        return index

    @property
    def explainer_index(self):
        """The explainers' index, made when a test first needs it."""
        if self._explainer_index is None:
            self._explainer_index = self._index(ExplainerIndexPageFactory, "explicaciones")
            # Wagtail caches a user's page permissions on the user object: the author and leads
            # are loaded again to see their grants on the new index.
            user_model = type(self.author)
            self.author = user_model.objects.get(pk=self.author.pk)
            self.leads = {agency: user_model.objects.get(pk=lead.pk) for agency, lead in self.leads.items()}
        return self._explainer_index

    def lead(self, index):
        return self.leads[self.agencies[index]]

    def draft(self, factory_class=MessagePageFactory, **fields):
        """A draft message (or, given ExplainerPageFactory, an explainer) with a revision by the author."""
        parent = self.explainer_index if factory_class is ExplainerPageFactory else self.index
        page = factory_class(parent=parent, **fields)
        page.save_revision(user=self.author)
        return Page.objects.get(pk=page.pk).specific

    def draft_explainer(self, **fields):
        return self.draft(ExplainerPageFactory, **fields)

    def published_explainer(self, **fields):
        return self.published(ExplainerPageFactory, **fields)

    def submit(self, page):
        page = Page.objects.get(pk=page.pk).specific
        if page.get_latest_revision() is None:
            page.save_revision(user=self.author)
        services.submit_for_signoff(page, self.author)
        return services.current_round(page)

    def published(self, factory_class=MessagePageFactory, **fields):
        """A new page live with a completely signed-off revision."""
        page = self.draft(factory_class, **fields)
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
        page = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
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
        return Page.objects.get(pk=translation.pk).specific


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


def explainer_form_data(
    title="Explainer",
    slug="explainer",
    summary="A summary.",
    paragraph="<p>Many people are trafficked close to home.</p>",
    myth="Trafficking always crosses a border.",
    **extra,
):
    """POST data for the ExplainerPage editor, with any field overridden (the same signature as
    message_form_data, so a road test can post either: `paragraph` is the fact)."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    citation = {"organisation": "UNODC", "title": "Global Report", "year": "2024", "url": ""}
    item = {
        "myth": myth,
        "fact": rich_text(paragraph),
        "why_it_matters": "",
        "evidence": streamfield([("item", citation)]),
    }
    data = {
        "title": title,
        "slug": slug,
        "summary": summary,
        "myths_and_facts": streamfield([("myth_fact", item)]),
        "respectful_wording": "",
        "facts_checked_on": "2026-01-15",
        "forms_of_trafficking": [str(form.pk) for form in trafficking_forms("labour")],
        "audiences": [],
        "signoff_needed_by": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    forms_chosen = data.pop("forms_of_trafficking")
    form = nested_form_data(data)
    form["forms_of_trafficking"] = forms_chosen
    return form


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
