"""The toolkit shared by every app's demo (`<app>/demo.py`, run by `manage.py seed_demo`).

Each app keeps its demo content in `<app>/demo_data.toml` and exposes two functions in its demo
module: `seed(report, password=None)`, which creates what is missing, and `accounts()`, the demo
accounts it creates, for the command's printout. Seeding is idempotent: what exists is left as
it is (an editor's changes survive a second run). Pages are only drafted here; they go live when
the agencies have signed them off (messaging.demo.sign_pages, the seeding's second phase).
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from .services import add_translation

DATA_FILE = "demo_data.toml"


@dataclass
class SeedReport:
    """What a seeding run created, in order, for the command's summary."""

    created: list = field(default_factory=list)

    def note(self, text):
        self.created.append(text)


def load_demo_data(app_label):
    """The demo content of an installed app: its `demo_data.toml`, as plain dicts and lists."""
    path = Path(apps.get_app_config(app_label).path) / DATA_FILE
    with path.open("rb") as data:
        return tomllib.load(data)


def stream(entries):
    """StreamField data from the data files' block list, where each entry is `{block_type: value}`."""
    return [{"type": block_type, "value": value} for entry in entries for block_type, value in entry.items()]


def ensure_locale(code):
    locale, _ = Locale.objects.get_or_create(language_code=code)
    return locale


def ensure_demo_user(username, password, *, report, **fields):
    """Create a demo account once; an existing account keeps its password and details."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, **fields)
        user.set_password(password)
        user.save()
        report.note(f"user {username}")
    return user


def draft(page, *, user=None):
    """Save the page's words as a new revision, without publishing them."""
    page.save_revision(user=user, log_action=True)


def latest(page):
    """What the page says in its latest revision (signed or not): the demos' idempotency check."""
    return page.get_latest_revision_as_object() if page.latest_revision_id else page


def add_draft_child(parent, page, report=None, *, user=None):
    """Add `page` under `parent` and save its words as a draft; `report` notes it when given."""
    parent.add_child(instance=page)
    draft(page, user=user)
    if report is not None:
        report.note(f"{page.locale.language_code}: {page.title}")
    return page


def ensure_translation(page, locale, fields, report=None, *, user=None):
    """The `locale` version of `page`: created once, as a draft, with `fields` (title, slug, ...)."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = add_translation(page, locale, publish=False, user=user, **fields)
    if report is not None:
        report.note(f"{locale.language_code}: {translation.title}")
    return translation


def translate_in_editor(page, locale, fields, *, user=None):
    """The `locale` version of `page` made as a translator does in wagtail-localize's editor:
    "Translate this page" (a synchronised draft translation), then each text typed in.

    `fields` holds the translated title, slug, summary and body (HTML paragraphs, in the same order
    as the original's). Returns the draft translation, whose words are still only strings: the
    sign-off's submit turns them into the revision the leads sign. Created once.
    """
    import re

    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(user=user, publish=False)
    paragraphs = iter(re.findall(r"<p>(.*?)</p>", fields.get("body", ""), flags=re.S))
    for segment in (
        StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    ):
        path = segment.context.path
        text = next(paragraphs) if path.startswith("body.") else fields[path]
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    return page.get_translation(locale).specific
