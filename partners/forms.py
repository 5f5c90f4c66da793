"""Forms of the partner directory: the public filters, the matrix filter, the admin agency form."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Agency, AgencyType, Language, Population, Service
from .services import set_capabilities


def website_field():
    """The agency's website; an address typed without a scheme gets https:// (Django 6's default)."""
    model_field = Agency._meta.get_field("website")
    return forms.URLField(
        label=model_field.verbose_name,
        max_length=model_field.max_length,
        required=False,
        assume_scheme="https",
    )


def _language_option(language):
    """ "Vietnamese (Tiếng Việt)": the name in the page's language, and in its own when different."""
    label, native = str(language.label), language.native_name
    return label if label.casefold() == native.casefold() else f"{label} ({native})"


class DirectoryFilterForm(forms.Form):
    """The directory's filters, read from GET so that a filtered list is a shareable URL.

    Choices are built from lists fetched once (three queries), and each bad value is reported
    on its own field while the other filters still apply.
    """

    service = forms.ChoiceField(label=_("Service"), required=False)
    population = forms.ChoiceField(label=_("Who it serves"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    type = forms.ChoiceField(label=_("Type of agency"), required=False)

    invalid_choice = _("“%(value)s” is not in the list. Choose one of the options, or “%(any)s”.")

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.services = {service.slug: service for service in Service.objects.all()}
        self.populations = {population.slug: population for population in Population.objects.all()}
        self.languages = {
            language.code: language
            for language in Language.objects.filter(agencies__is_active=True).distinct()
        }
        options = {
            "service": (_("Any service"), [(s, term.label) for s, term in self.services.items()]),
            "population": (_("Anyone"), [(s, term.label) for s, term in self.populations.items()]),
            "language": (
                _("Any language"),
                sorted(
                    ((c, _language_option(language)) for c, language in self.languages.items()),
                    key=lambda x: x[1],
                ),
            ),
            "type": (_("Any type"), list(AgencyType.choices)),
        }
        for name, (any_label, choices) in options.items():
            field = self.fields[name]
            field.choices = [("", any_label), *choices]
            field.error_messages["invalid_choice"] = self.invalid_choice % {
                "value": "%(value)s",
                "any": any_label,
            }

    def filters(self):
        """Keyword arguments for services.filter_agencies(): the valid filters only."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = self.cleaned_data
        return {
            "service": self.services.get(cleaned.get("service") or ""),
            "population": self.populations.get(cleaned.get("population") or ""),
            "language": self.languages.get(cleaned.get("language") or ""),
            "agency_type": cleaned.get("type") or "",
        }

    def active_filters(self):
        """[(field name, label, chosen value's label)] for the filters in use, to summarise them."""
        if not self.is_bound:
            return []
        self.is_valid()
        active = []
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if value:
                active.append((name, field.label, dict(field.choices)[value]))
        return active


class LanguageMarkedSelect(forms.Select):
    """A select whose options carry `lang` when their label is not in the page's language
    (`option_languages`: {value: language code})."""

    def __init__(self, attrs=None, choices=(), option_languages=None):
        super().__init__(attrs, choices)
        self.option_languages = option_languages or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        code = self.option_languages.get(value)
        current = get_language() or settings.LANGUAGE_CODE
        if code and code.split("-")[0] != current.split("-")[0]:
            option["attrs"]["lang"] = code
        return option


class MatrixFilterForm(forms.Form):
    """The matrix's jurisdiction filter: each service area is shown in the page's language, and
    submitted as its default-language text (Jurisdiction.key), the same in every language."""

    jurisdiction = forms.ChoiceField(
        label=_("Jurisdiction or service area"), required=False, widget=LanguageMarkedSelect
    )

    def __init__(self, data=None, *, jurisdictions, **kwargs):
        super().__init__(data, **kwargs)
        self.jurisdictions = {jurisdiction.key: jurisdiction for jurisdiction in jurisdictions}
        field = self.fields["jurisdiction"]
        field.choices = [("", _("All jurisdictions"))] + [(j.key, j.label) for j in jurisdictions]
        field.widget.option_languages = {j.key: j.label_language for j in jurisdictions}
        field.error_messages["invalid_choice"] = _(
            "“%(value)s” is not a jurisdiction of any agency; showing all jurisdictions."
        )

    def chosen_jurisdiction(self):
        """The Jurisdiction chosen, or None for all of them (also when the value is unknown)."""
        if not self.is_bound or not self.is_valid():
            return None
        return self.jurisdictions.get(self.cleaned_data["jurisdiction"])


class CapabilityGridWidget(forms.CheckboxSelectMultiple):
    """Services × populations as a table of checkboxes, each labelled "<service> for <population>"."""

    template_name = "partners/widgets/capability_grid.html"

    def __init__(self, services=(), populations=(), attrs=None):
        super().__init__(attrs)
        self.services = list(services)
        self.populations = list(populations)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = {str(v) for v in (value or [])}
        base_id = (attrs or {}).get("id") or f"id_{name}"
        rows = []
        for service in self.services:
            cells = []
            for population in self.populations:
                key = f"{service.pk}:{population.pk}"
                cells.append(
                    {
                        "value": key,
                        "id": f"{base_id}_{service.pk}_{population.pk}",
                        "checked": key in chosen,
                        "label": _("%(service)s for %(population)s")
                        % {"service": service.label, "population": population.label},
                    }
                )
            rows.append({"service": service, "cells": cells})
        context["grid"] = {"name": name, "populations": self.populations, "rows": rows}
        return context

    class Media:
        css = {"all": ["partners/admin.css"]}


class AgencyAdminForm(WagtailAdminModelForm):
    """The agency edit form: the model's fields plus the capability grid and "verified today"."""

    website = website_field()
    capability_grid = forms.MultipleChoiceField(
        label=_("What the agency offers, and to whom"),
        required=False,
        help_text=_("Tick each service the agency offers to each group of people."),
    )
    confirm_verified = forms.BooleanField(
        label=_("I have checked this entry and it is correct today"),
        required=False,
        help_text=_("Sets “entry last verified on” to today's date."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        services = list(Service.objects.all())
        populations = list(Population.objects.all())
        grid = self.fields["capability_grid"]
        self.capability_pairs = {f"{s.pk}:{p.pk}": (s, p) for s in services for p in populations}
        grid.choices = [(key, f"{s.label} / {p.label}") for key, (s, p) in self.capability_pairs.items()]
        grid.widget = CapabilityGridWidget(services=services, populations=populations)
        if self.instance.pk:
            grid.initial = [f"{c.service_id}:{c.population_id}" for c in self.instance.capabilities.all()]
        if self.instance.last_verified_on:
            self.fields["confirm_verified"].help_text = _(
                "Last verified on %(date)s. Ticking this sets it to today's date."
            ) % {"date": date_format(self.instance.last_verified_on)}

    def save(self, commit=True):
        """Save the agency, then make it offer exactly the ticked pairs (services.set_capabilities).

        With commit=False the pairs are written by save_m2m(), as Django does for many-to-many fields.
        """
        if self.cleaned_data.get("confirm_verified"):
            self.instance.last_verified_on = timezone.localdate()
        agency = super().save(commit=commit)
        if "capability_grid" not in self.cleaned_data:
            return agency
        pairs = [self.capability_pairs[key] for key in self.cleaned_data["capability_grid"]]
        if commit:
            set_capabilities(agency, pairs)
        else:
            save_m2m = self.save_m2m

            def save_m2m_and_capabilities():
                save_m2m()
                set_capabilities(agency, pairs)

            self.save_m2m = save_m2m_and_capabilities
        return agency
