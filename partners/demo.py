"""Demo content for partners: ten fictional agencies of "Harbor County", their demo accounts and
the directory page in English and Spanish. The content is in partners/demo_data.toml.

Called by `manage.py seed_demo` after the home pages exist. Idempotent: an agency, account or
page that exists is left as it is, so a second run changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from home.models import HomePage
from home.seeding import add_draft_child, ensure_demo_user, ensure_locale, ensure_translation, load_demo_data

from .models import Agency, DirectoryPage, Language, Membership, Population, Service
from .services import set_capabilities
from .taxonomy import ensure_default_taxonomy

# Each agency gets one demo account per role, named `<agency slug>-<suffix>`.
ROLE_SUFFIXES = {"author": "is_author", "lead": "is_communications_lead", "host": "is_training_host"}
AGENCY_DETAILS = {"offers", "languages", "verified_days_ago", "description", "service_area"}


def accounts():
    """The demo partner accounts, for seed_demo's printout: [(label, [[usernames], ...])]."""
    agencies = load_demo_data("partners")["agencies"]
    return [
        ("Coordinator", [["coordinator"]]),
        (
            "Agency staff (author, communications lead, training host)",
            [[f"{agency['slug']}-{suffix}" for suffix in ROLE_SUFFIXES] for agency in agencies],
        ),
    ]


def _pairs(offers, groups, services, populations):
    """(service, population) pairs from {service slug: [population slugs or group names]}."""
    return [
        (services[service], populations[population])
        for service, offered_to in offers.items()
        for name in offered_to
        for population in groups.get(name, [name])
    ]


def _ensure_agency(content, capabilities, languages, report):
    agency = Agency.objects.filter(slug=content["slug"]).first()
    if agency is not None:
        return agency
    days = content.get("verified_days_ago")
    agency = Agency(
        **{key: value for key, value in content.items() if key not in AGENCY_DETAILS},
        description=dict(content["description"]),
        service_area=dict(content["service_area"]),
        last_verified_on=None if days is None else timezone.localdate() - datetime.timedelta(days=days),
    )
    agency.languages.set([languages[code] for code in content["languages"]])
    agency.save()
    set_capabilities(agency, capabilities)
    report.note(f"agency {agency.slug}")
    return agency


def _ensure_member(username, password, agency, report, **roles):
    user = ensure_demo_user(username, password, report=report, email=f"{username}@example.org")
    if not Membership.objects.filter(user=user).exists():
        Membership.objects.create(user=user, agency=agency, **roles)
    return user


def _ensure_directory(content, report):
    english, spanish = ensure_locale("en"), ensure_locale("es")
    home = HomePage.objects.filter(locale=english).order_by("path").first()
    directory = DirectoryPage.objects.child_of(home).first()
    if directory is None:
        directory = add_draft_child(home, DirectoryPage(show_in_menus=True, **content["en"]), report)
    ensure_translation(directory, spanish, content["es"], report)
    return directory


@transaction.atomic
def seed(report, password=None):
    """Create the taxonomy, the agencies with what they offer, their accounts (when `password` is
    given) and the directory page as a draft in English and Spanish."""
    data = load_demo_data("partners")
    created_terms = ensure_default_taxonomy()
    if created_terms:
        report.note(f"{len(created_terms)} services and populations")
    services = {service.slug: service for service in Service.objects.all()}
    populations = {population.slug: population for population in Population.objects.all()}
    codes = {code for content in data["agencies"] for code in content["languages"]}
    languages = {code: Language.objects.get_or_create(code=code)[0] for code in sorted(codes)}

    for content in data["agencies"]:
        capabilities = _pairs(content["offers"], data["population_groups"], services, populations)
        agency = _ensure_agency(content, capabilities, languages, report)
        if password:
            for suffix, role in ROLE_SUFFIXES.items():
                _ensure_member(f"{agency.slug}-{suffix}", password, agency, report, **{role: True})
    if password:
        _ensure_member("coordinator", password, None, report, is_coordinator=True)

    _ensure_directory(data["directory"], report)
    return report
