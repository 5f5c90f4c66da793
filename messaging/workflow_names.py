"""The sign-off workflow's name, shown in the reader's language on Wagtail's own screens.

Wagtail stores a workflow's and a task's name as one text (Workflow.name, Task.name) and shows it
wherever a round is mentioned: the editor's status panel and dialog ("Sent to Agency sign-off"),
the dashboard, the workflow history, the reports. Those screens are Wagtail's, so the name cannot
be passed through gettext in a template of ours. Instead, when Wagtail loads a workflow or a task
whose stored name is one this project created (NAMES), the name it reads is a `ShownName`: a str
whose characters are the stored English name (what the database, comparisons and JSON see) and
whose str() is the name in the active language (what templates, `%` formatting and f-strings
show). A name someone typed in the admin is not in NAMES and is shown as written.

Saving is the one place a shown name could leak back: a form displays the Spanish name, and a
Spanish-speaking coordinator who saves the workflow form would store it. `keep_the_stored_name`
maps any language's rendering of a known name back to the stored one before saving.

Known limit: Wagtail's history log stores the name in each entry's data when the entry is
written, in English (the stored name), and shows it as stored.
"""

from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

# The names the sign-off's migrations create (messaging/migrations/0002, messaging.invariant).
NAMES = frozenset([gettext_noop("Agency sign-off")])


class ShownName(str):
    """A stored name that reads in the active language when shown."""

    def __str__(self):
        return gettext(str.__str__(self))

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __html__(self):
        # Django's conditional_escape() uses __html__ when present: escape the shown name.
        from django.utils.html import escape

        return escape(str(self))


def show_in_the_readers_language(sender, instance, **kwargs):
    name = instance.__dict__.get("name")
    if type(name) is str and name in NAMES:
        instance.__dict__["name"] = ShownName(name)


def keep_the_stored_name(sender, instance, **kwargs):
    name = instance.__dict__.get("name")
    if isinstance(name, str):
        instance.__dict__["name"] = stored_name(name)


def stored_name(name):
    """The stored name for a name as shown in any of the site's languages."""
    raw = str.__str__(name)
    if raw in NAMES:
        return raw
    for msgid in NAMES:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                if gettext(msgid) == raw:
                    return msgid
    return raw


def connect():
    from wagtail.models import Task, Workflow

    for model in [Workflow, Task, *_subclasses(Task)]:
        uid = f"messaging.workflow_names.{model._meta.label}"
        post_init.connect(show_in_the_readers_language, sender=model, dispatch_uid=uid)
        pre_save.connect(keep_the_stored_name, sender=model, dispatch_uid=uid)


def _subclasses(model):
    for subclass in model.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)
