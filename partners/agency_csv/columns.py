"""The agency CSV's columns: one entry each in COLUMNS (see partners.agency_csv)."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from home.fields import languages as site_languages
from partners import services
from partners.models import Agency, Language, Population, Service


class CellError(ValueError):
    """A cell that cannot be read; each message becomes one RowError for that cell."""

    def __init__(self, *messages):
        self.messages = messages
        super().__init__(*messages)


KEEP = object()  # what parse() returns for a blank cell that leaves the field as it is


@dataclass
class Lookups:
    """What reading and writing cells needs from the database, fetched once per file."""

    services: dict  # slug -> Service, in their order
    populations: dict = field(default_factory=dict)  # slug -> Population
    languages: dict = field(default_factory=dict)  # code -> Language (created as the import needs them)

    @classmethod
    def load(cls, *, for_import=False):
        services_by_slug = {service.slug: service for service in Service.objects.all()}
        if not for_import:
            return cls(services_by_slug)
        return cls(
            services_by_slug,
            {population.slug: population for population in Population.objects.all()},
            {language.code: language for language in Language.objects.all()},
        )


def _attribute(agency, column, _member):
    return getattr(agency, column.header)


def _stripped(text, _member, _lookups):
    return text.strip()


@dataclass(frozen=True)
class Column:
    """One column of the agency CSV, or with `each` a family of them: how its cells are written,
    read and checked. Without `apply` it is a model field, checked by the model's own rules."""

    header: str  # the header; with `each`, the prefix before each member's key
    export: Callable = _attribute  # (agency, column, member) -> cell
    parse: Callable = _stripped  # (text, member, lookups) -> value, KEEP, or raise CellError
    apply: Callable | None = None  # (agency, {member: value}, lookups) for a column that is not a model field
    after_save: bool = False  # apply once the agency is saved (it needs the agency's id)
    each: Callable | None = None  # lookups -> {key: member}: one column per member
    unknown_member: Callable | None = None  # key -> the header error for a member that does not exist
    required: bool = False
    partner_only: bool = False

    @property
    def is_field(self):
        return self.apply is None

    def expand(self, lookups):
        """[(header, member)]: the column itself, or one per member of its family."""
        if self.each is None:
            return [(self.header, None)]
        return [(f"{self.header}{key}", member) for key, member in self.each(lookups).items()]


# --- How each kind of cell is written and read --------------------------------------------------


def _split_codes(value):
    return [part for part in re.split(r"[;,\s]+", value.strip()) if part]


def _export_yes_no(agency, column, _member):
    return "yes" if getattr(agency, column.header) else "no"


def _parse_yes_no(text, _member, _lookups):
    value = text.strip()
    if value == "":  # blank: unchanged, or the default for a new agency
        return KEEP
    if value.lower() in {"yes", "y", "true", "1", "sí", "si", "x"}:
        return True
    if value.lower() in {"no", "n", "false", "0"}:
        return False
    raise CellError(_("Write yes or no, not “%(value)s”.") % {"value": value})


def _export_date(agency, column, _member):
    value = getattr(agency, column.header)
    return value.isoformat() if value else ""


def _export_description(agency, _column, code):
    return (agency.description or {}).get(code, "")


def _apply_descriptions(agency, texts, _lookups):
    description = dict(agency.description or {})
    for code, text in texts.items():
        if text:
            description[code] = text
        else:
            description.pop(code, None)
    agency.description = description


def _text_parser(*, required):
    """Reads a cell of a TranslatedTextField's language: stripped, at most as long as the field
    allows, and not blank when `required`, with Django's own messages."""

    def parse(text, _member, _lookups):
        max_length = Agency._meta.get_field("service_area").text_max_length
        try:
            return forms.CharField(max_length=max_length, required=required).clean(text)
        except ValidationError as error:
            raise CellError(*error.messages) from None

    return parse


def _export_service_area(agency, _column, _member):
    return agency.service_area_key


def _apply_service_area(agency, values, _lookups):
    agency.service_area = {**(agency.service_area or {}), settings.LANGUAGE_CODE: values[None]}


def _export_service_area_translation(agency, _column, code):
    return (agency.service_area or {}).get(code, "")


def _apply_service_area_translations(agency, texts, _lookups):
    """As for the description: a blank cell removes that language's text (pages then show the
    default language's), a column left out keeps it."""
    service_area = dict(agency.service_area or {})
    for code, text in texts.items():
        if text:
            service_area[code] = text
        else:
            service_area.pop(code, None)
    agency.service_area = service_area


def _export_languages(agency, _column, _member):
    return " ".join(sorted(language.code for language in agency.languages.all()))


def _parse_languages(text, _member, lookups):
    codes = [code.lower() for code in _split_codes(text)]
    unknown = [code for code in codes if code not in LANG_INFO and code not in lookups.languages]
    if unknown:
        message = _("Unknown language code: %(codes)s. Use codes such as en, es, fr, vi.")
        raise CellError(message % {"codes": ", ".join(unknown)})
    return codes


def _apply_languages(agency, values, lookups):
    for code in values[None]:
        if code not in lookups.languages:
            lookups.languages[code] = Language.objects.create(code=code)
    agency.languages.set([lookups.languages[code] for code in values[None]])


def _export_offers(agency, _column, service):
    populations = [c.population for c in agency.capabilities.all() if c.service_id == service.pk]
    return "; ".join(p.slug for p in sorted(populations, key=lambda p: (p.sort_order, p.slug)))


def _parse_offers(text, _service, lookups):
    chosen, errors = [], []
    for slug in _split_codes(text):
        population = lookups.populations.get(slug)
        if population is None:
            errors.append(
                _("There is no population “%(slug)s”. Use: %(choices)s.")
                % {"slug": slug, "choices": ", ".join(lookups.populations)}
            )
        elif population not in chosen:
            chosen.append(population)
    if errors:
        raise CellError(*errors)
    return chosen


def _apply_offers(agency, offers, _lookups):
    """Replace what the agency offers for the services whose column the file has, and only those."""
    pairs = [(service, population) for service, chosen in offers.items() for population in chosen]
    services.set_capabilities(agency, pairs, services=list(offers))


# --- The table ----------------------------------------------------------------------------------

COLUMNS = (
    Column("slug", required=True),
    Column("name", required=True),
    Column("short_name", required=True),
    Column("agency_type", required=True),
    Column(
        "service_area",  # in the default language
        export=_export_service_area,
        parse=_text_parser(required=True),
        apply=_apply_service_area,
        required=True,
    ),
    Column(
        "service_area:",  # one per other site language
        export=_export_service_area_translation,
        parse=_text_parser(required=False),
        apply=_apply_service_area_translations,
        each=lambda _lookups: {code: code for code in site_languages() if code != settings.LANGUAGE_CODE},
        unknown_member=lambda code: (
            _("The “service_area” column holds the text in this language.")
            if code == settings.LANGUAGE_CODE
            else _("“%(code)s” is not a language of this site.") % {"code": code}
        ),
    ),
    Column("website"),
    Column("public_phone"),
    Column("public_email"),
    Column(
        "description:",
        export=_export_description,
        apply=_apply_descriptions,
        each=lambda _lookups: {code: code for code in site_languages()},
        unknown_member=lambda code: _("“%(code)s” is not a language of this site.") % {"code": code},
    ),
    Column("languages", export=_export_languages, parse=_parse_languages, apply=_apply_languages),
    Column("open_24_7", export=_export_yes_no, parse=_parse_yes_no),
    Column("is_active", export=_export_yes_no, parse=_parse_yes_no),
    Column("last_verified_on", export=_export_date),
    *(Column(name, partner_only=True) for name in Agency.PARTNER_ONLY_FIELDS),
    Column(
        "service:",
        export=_export_offers,
        parse=_parse_offers,
        apply=_apply_offers,
        after_save=True,
        each=lambda lookups: lookups.services,
        unknown_member=lambda slug: (
            _("There is no service “%(slug)s”. Add it in the admin first, or remove the column.")
            % {"slug": slug}
        ),
    ),
)
