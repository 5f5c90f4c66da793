"""Every user-facing string is translated into Spanish, and the compiled catalogue is current."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
SOURCES = ["config", "home", "partners", "messaging", "trainings", "templates", "manage.py", "locale"]


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def test_spanish_catalogue_has_no_missing_or_fuzzy_entries():
    po = polib.pofile(str(PO))
    problems = [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert problems == []


def test_compiled_catalogue_matches_the_po_file():
    po = {
        key(e): (e.msgstr, e.msgstr_plural)
        for e in polib.pofile(str(PO))
        if e.translated() and not e.obsolete
    }
    mo = {key(e): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(MO)) if e.msgid}
    assert mo == po, "run: python manage.py compilemessages -l es (see README, Translations)"


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext is not installed (make test installs it)"
)
def test_catalogue_covers_every_marked_string(tmp_path):
    """Extract strings from a copy of the sources and check each is in the committed catalogue."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, tmp_path / name)
    result = subprocess.run(  # noqa: S603 - fixed argument list
        [sys.executable, "manage.py", "makemessages", "-l", "es", "--no-location", "--no-obsolete"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "PYTHONPATH": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    extracted = {key(e) for e in polib.pofile(str(tmp_path / "locale/es/LC_MESSAGES/django.po")) if e.msgid}
    committed = {key(e) for e in polib.pofile(str(PO)) if e.translated() and not e.obsolete}
    missing = sorted(extracted - committed)
    assert missing == [], (
        "strings missing from locale/es/LC_MESSAGES/django.po (run makemessages, translate them)"
    )


def test_every_plural_has_each_form_spanish_counts_with():
    """Django's Spanish plural rule has three forms (one; millions, as in "1 000 000 de"; other):
    an entry with only two falls back to English for 2, 3, ... items."""
    po = polib.pofile(str(PO))
    forms = int(po.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    short = [e.msgid for e in po if e.msgid_plural and not e.obsolete and len(e.msgstr_plural) < forms]
    assert short == []


def test_five_items_are_counted_in_spanish():
    from django.utils import translation
    from django.utils.translation import ngettext

    with translation.override("es"):
        text = ngettext("%(counter)s item is in review.", "%(counter)s items are in review.", 5) % {
            "counter": 5
        }
    assert text == "5 elementos están en revisión."
