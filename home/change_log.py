"""Every change to the site settings and the site text is logged, with what changed.

SafetySettings (hotline numbers, quick-exit address) and SiteText (hotline name, footer, safety
notice, one row per language) are outside the agency sign-off: an editor with permission changes
them at once. So that a coordinator can review such a change, each save writes a log entry
(Wagtail's ModelLogEntry, shown in Reports → Site history and in the snippet's history) that
names who did it and, per changed field, the old and the new value:

    action: "home.settings.changed" / "home.site_text.changed" / "home.site_text.created"
    data:   {"changes": [{"field": "hotline_phone", "old": "1-888-373-7888", "new": "1-800-555-0100"}],
             "locale": "es"}   # SiteText only

The entry is written from the model's save signals, so every road is covered the same way: the
settings and snippet edit forms, the snippet's "Copy", wagtail-localize creating or updating a
translation (its editor, "Sync translations"), and code. The user comes from Wagtail's log
context, which every admin view activates; code outside the admin logs without a user.
Wagtail's own generic "wagtail.edit" / "wagtail.create" entries are turned off for these two
models (LoggedBySignalEditAction, ...), so one save makes one entry.

The row a site's settings get on first use (SafetySettings.for_site creates it with the
defaults, possibly during a public page view) is not a change and is not logged.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import post_save, pre_save
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.log_actions import LogFormatter, log

from .models import SafetySettings, SiteText

# Fields that say where a row belongs, not what it says.
NOT_CONTENT = {"id", "site", "locale", "translation_key"}

ACTIONS = {
    SafetySettings: {"changed": "home.settings.changed"},
    SiteText: {"changed": "home.site_text.changed", "created": "home.site_text.created"},
}


def content_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and field.name not in NOT_CONTENT and not field.primary_key
    ]


def _display(instance, field):
    if instance is None:
        return ""
    if field.is_relation:
        related = getattr(instance, field.name)
        return "" if related is None else f"{related} (#{related.pk})"
    value = field.value_from_object(instance)
    return "" if value is None else str(value)


def field_changes(before, after):
    """[{"field", "old", "new"}] for each content field whose stored value differs."""
    changes = []
    for field in content_fields(type(after)):
        if before is not None and field.value_from_object(before) == field.value_from_object(after):
            continue
        old, new = _display(before, field), _display(after, field)
        if before is None and not new:
            continue  # a new row: list what it says, not its empty fields
        changes.append({"field": field.name, "old": old, "new": new})
    return changes


def remember_stored_row(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._stored_before_save = None
        return
    relations = [field.name for field in content_fields(sender) if field.is_relation]
    instance._stored_before_save = (
        sender._default_manager.select_related(*relations).filter(pk=instance.pk).first()
    )


def log_saved_changes(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_stored_before_save", None)
    instance._stored_before_save = None
    action = ACTIONS[sender].get("created" if created else "changed")
    if action is None:
        return  # SafetySettings' default row, made on first use
    data = {"changes": field_changes(None if created else before, instance)}
    if isinstance(instance, SiteText):
        data["locale"] = instance.locale.language_code
    log(instance, action, data=data)


def connect():
    for model in ACTIONS:
        pre_save.connect(remember_stored_row, sender=model, dispatch_uid=f"home.change_log.pre.{model}")
        post_save.connect(log_saved_changes, sender=model, dispatch_uid=f"home.change_log.post.{model}")


# --- Admin: one entry per save, ours --------------------------------------------------------------


class LoggedBySignalEditAction(EditAction):
    """Wagtail's edit, without its generic "wagtail.edit" entry: the save signal logs the change."""

    def __init__(self, instance, user=None, **kwargs):
        kwargs["log_action"] = None
        super().__init__(instance, user, **kwargs)


class LoggedBySignalCreateAction(CreateAction):
    """Wagtail's create, without its generic "wagtail.create" entry: the save signal logs it."""

    def __init__(self, instance, user=None, **kwargs):
        kwargs["log_action"] = None
        super().__init__(instance, user, **kwargs)


def register_actions(registry):
    for model in ACTIONS:
        registry.register(model, LoggedBySignalEditAction)
        registry.register(model, LoggedBySignalCreateAction)


# --- How the entries read in the admin -------------------------------------------------------------


def describe_changes(log_entry, *, created=False):
    model = log_entry.content_type.model_class()
    parts = []
    for change in log_entry.data.get("changes", []):
        try:
            label = str(model._meta.get_field(change["field"]).verbose_name)
        except FieldDoesNotExist:  # a field removed since: show its name
            label = change.get("field", "?")
        old = Truncator(change.get("old", "")).chars(80)
        new = Truncator(change.get("new", "")).chars(80)
        if created:
            parts.append(_("%(field)s “%(new)s”") % {"field": label, "new": new})
        else:
            parts.append(_("%(field)s: “%(old)s” → “%(new)s”") % {"field": label, "old": old, "new": new})
    return "; ".join(parts)


class ChangedFormatter(LogFormatter):
    def format_message(self, log_entry):
        changes = describe_changes(log_entry)
        if not changes:
            return _("Saved without changes")
        return _("Changed %(changes)s") % {"changes": changes}


def register_log_actions(actions):
    @actions.register_action("home.settings.changed")
    class SettingsChanged(ChangedFormatter):
        label = gettext_lazy("Change site settings")

    @actions.register_action("home.site_text.changed")
    class SiteTextChanged(ChangedFormatter):
        label = gettext_lazy("Change site text")

    @actions.register_action("home.site_text.created")
    class SiteTextCreated(LogFormatter):
        label = gettext_lazy("Create site text")

        def format_message(self, log_entry):
            return _("Created with %(values)s") % {"values": describe_changes(log_entry, created=True)}
