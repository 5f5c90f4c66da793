"""Factories for agencies, the taxonomy and the people who work for agencies."""

import factory
from django.utils import timezone

from partners.models import Agency, AgencyType, Capability, Language, Membership, Population, Service

# Users live in tests/factories.py; imported here too, for the tests that take them from here.
from tests.factories import PASSWORD, UserFactory  # noqa: F401


class AgencyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Agency {n}")
    short_name = factory.Sequence(lambda n: f"AG{n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")
    agency_type = AgencyType.VICTIM_SERVICES
    service_area = factory.LazyFunction(lambda: {"en": "Harbor County"})
    description = factory.LazyAttribute(
        lambda agency: {"en": f"{agency.name} helps people.", "es": f"{agency.name} ayuda."}
    )
    contact_name = "Pat Contact"
    contact_phone = "555-0100"
    contact_email = factory.LazyAttribute(lambda agency: f"contact@{agency.slug}.example.org")
    capacity_notes = "2 emergency beds for single women"
    last_verified_on = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = Agency


class ServiceFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"service-{n}")
    name = factory.LazyAttribute(lambda term: {"en": f"Service {term.slug}", "es": f"Servicio {term.slug}"})

    class Meta:
        model = Service


class PopulationFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"population-{n}")
    name = factory.LazyAttribute(
        lambda term: {"en": f"Population {term.slug}", "es": f"Población {term.slug}"}
    )

    class Meta:
        model = Population


class LanguageFactory(factory.django.DjangoModelFactory):
    code = "es"

    class Meta:
        model = Language
        django_get_or_create = ("code",)


class CapabilityFactory(factory.django.DjangoModelFactory):
    agency = factory.SubFactory(AgencyFactory)
    service = factory.SubFactory(ServiceFactory)
    population = factory.SubFactory(PopulationFactory)

    class Meta:
        model = Capability


class MembershipFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)

    class Meta:
        model = Membership


def partner(agency, *roles, username=None, **user_fields):
    """A user working for `agency` with the given roles ("author", "communications_lead", ...)."""
    user = UserFactory(**({"username": username} if username else {}), **user_fields)
    MembershipFactory(user=user, agency=agency, **{f"is_{role}": True for role in roles})
    user.refresh_from_db()
    return user


def coordinator(agency=None, username=None):
    user = UserFactory(**({"username": username} if username else {}))
    MembershipFactory(user=user, agency=agency, is_coordinator=True)
    user.refresh_from_db()
    return user


def build_directory(homes, *, languages=("es",)):
    """The directory page under the English home (/en/partners/) and its translations (/es/socios/).

    Returns {language_code: DirectoryPage}.
    """
    from wagtail.models import Locale

    from partners.models import DirectoryPage
    from tests.home.factories import add_live_translation
    from tests.signing import publish_signed

    english = DirectoryPage(title="Partner directory", slug="partners", introduction="Who does what.")
    homes["en"].add_child(instance=english)
    pages = {"en": publish_signed(english)}
    slugs = {"es": ("Directorio de socios", "socios")}
    for code in languages:
        title, slug = slugs.get(code, (f"Directory {code}", f"directory-{code}"))
        locale = Locale.objects.get(language_code=code)
        pages[code] = add_live_translation(english, locale, title=title, slug=slug)
    return pages


def offering(agency, *pairs):
    """Make `agency` offer each (service, population) pair; returns the agency."""
    for service, population in pairs:
        CapabilityFactory(agency=agency, service=service, population=population)
    return agency
