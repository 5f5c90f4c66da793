"""Text kept in every site language inside one row.

Pages and snippets are translated with wagtail-localize (one row per language). Some records
must stay a single row whatever the language, because everything else points at them: an agency,
a service in the partner taxonomy (DESIGN.md, section 4). Their public words are stored here as
{"en": "...", "es": "..."} and edited with one labelled input per language of settings.LANGUAGES.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def languages():
    return [code for code, _name in settings.LANGUAGES]


def translated_lookups(field_name):
    """The per-language lookups of a TranslatedTextField ("service_area__en", ...), for searching
    its text in every language: a lookup on the whole JSON would also match the language codes."""
    return [f"{field_name}__{code}" for code in languages()]


def pick_translation(values, language=None):
    """The text for `language`, else the default language's, else any; "" when there is none."""
    return _pick(values, language)[1]


def picked_language(values, language=None):
    """The language code of the text pick_translation() returns (for a `lang` attribute when it
    fell back to another language); the default language for plain text, "" when there is none."""
    return _pick(values, language)[0]


def _pick(values, language=None):
    if not values:
        return "", ""
    if isinstance(values, str):
        return settings.LANGUAGE_CODE, values
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for code in (language, settings.LANGUAGE_CODE):
        if values.get(code):
            return code, values[code]
    return next(((code, text) for code, text in values.items() if text), ("", ""))


class TranslatedTextWidget(forms.MultiWidget):
    template_name = "home/widgets/translated_text.html"

    def __init__(self, multiline=False, attrs=None):
        # The languages and their names are read together, once: reading the names again at
        # render time disagreed with the inputs whenever settings.LANGUAGES changed in between.
        self.codes = languages()
        self.names = dict(settings.LANGUAGES)
        base = forms.Textarea(attrs={"rows": 4}) if multiline else forms.TextInput()
        widgets = {code: base.__class__(attrs=dict(base.attrs)) for code in self.codes}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code in self.codes]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for code, subwidget in zip(self.codes, context["widget"]["subwidgets"], strict=True):
            subwidget["language_code"] = code
            subwidget["language_name"] = self.names[code]
        return context


class TranslatedTextFormField(forms.MultiValueField):
    """One input per site language; the default language is required when the field is."""

    def __init__(self, *, multiline=False, max_length=None, required=True, **kwargs):
        self.codes = languages()
        fields = [forms.CharField(required=False, max_length=max_length) for _code in self.codes]
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("empty_value", None)
        super().__init__(
            fields=fields,
            widget=TranslatedTextWidget(multiline=multiline),
            require_all_fields=False,
            required=required,
            **kwargs,
        )

    def compress(self, data_list):
        return {code: (text or "").strip() for code, text in zip(self.codes, data_list or [], strict=False)}

    def clean(self, value):
        result = super().clean(value) or {}
        if self.required and not result.get(settings.LANGUAGE_CODE):
            raise ValidationError(
                _("Write this in %(language)s at least.")
                % {"language": dict(settings.LANGUAGES)[settings.LANGUAGE_CODE]},
                code="required",
            )
        return {code: text for code, text in result.items() if text}


class TranslatedTextField(models.JSONField):
    """A JSON object {language code: text}, edited as one input per site language."""

    def __init__(self, *args, multiline=False, max_length=None, **kwargs):
        self.multiline = multiline
        self.text_max_length = max_length
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.multiline:
            kwargs["multiline"] = True
        if self.text_max_length:
            kwargs["max_length"] = self.text_max_length
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return TranslatedTextFormField(
            multiline=self.multiline,
            max_length=self.text_max_length,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name),
            help_text=kwargs.get("help_text", self.help_text),
        )
