"""Admin listing columns shared by the apps' view sets."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import Column

from home.fields import pick_translation


class YesNoColumn(Column):
    """A true/false field as a word in the admin's language ("Yes", "No"), where Wagtail's own
    listing would print Python's "True" and "False"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return "–"
        return _("Yes") if value else _("No")


def yes_no(model, field_name):
    """The column for `model.field_name`, labelled and sortable like the field's default column."""
    field = model._meta.get_field(field_name)
    return YesNoColumn(field_name, label=capfirst(field.verbose_name), sort_key=field_name)


def translated(model, field_name, label=None):
    """The column for a TranslatedTextField: its text in the admin's language (else the default
    language's), where Wagtail's own listing would print the JSON object."""
    field = model._meta.get_field(field_name)
    return Column(
        field_name,
        label=label or capfirst(field.verbose_name),
        accessor=lambda instance: pick_translation(getattr(instance, field_name)),
    )
