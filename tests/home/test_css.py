"""The public stylesheets use logical properties (right-to-left languages lay out correctly), the
design tokens of site.css instead of colour literals, and load nothing from other hosts."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CSS = ROOT / "static" / "css" / "site.css"
PAGE_CSS = ROOT / "static" / "css" / "page.css"
APP_CSS = [
    ROOT / "partners" / "static" / "partners" / "site.css",
    ROOT / "messaging" / "static" / "messaging" / "site.css",
    ROOT / "messaging" / "static" / "messaging" / "embed.css",
]
PUBLIC_CSS = [CSS, PAGE_CSS, *APP_CSS]
ADMIN_CSS = [ROOT / "messaging" / "static" / "messaging" / "review.css"]

PHYSICAL = [
    r"(?:margin|padding|border)-(?:left|right|top|bottom)\b",
    r"(?<![-\w])(?:left|right|top|bottom)\s*:",
    r"text-align\s*:\s*(?:left|right)",
    r"float\s*:\s*(?:left|right)",
    r"clear\s*:\s*(?:left|right)",
    r"(?<![-\w])(?:min-|max-)?(?:width|height)\s*:",
    r"border-(?:top|bottom)-(?:left|right)-radius",
]
COLOUR_LITERAL = r"#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\("


def declarations(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith("@media"):
            continue  # media features (max-width) describe the screen, not the layout
        yield number, line


@pytest.mark.parametrize("path", PUBLIC_CSS + ADMIN_CSS, ids=lambda p: str(p.relative_to(ROOT)))
def test_stylesheet_uses_only_logical_properties(path):
    offenders = [
        f"line {number}: {line.strip()}"
        for number, line in declarations(path)
        if any(re.search(pattern, line) for pattern in PHYSICAL)
    ]
    assert offenders == []


@pytest.mark.parametrize("path", PUBLIC_CSS + ADMIN_CSS, ids=lambda p: str(p.relative_to(ROOT)))
def test_colours_come_from_the_design_tokens(path):
    """Colour literals only where the tokens are defined (site.css's :root block)."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
    text = re.sub(r":root\s*\{.*?\}", "", text, count=1, flags=re.S)
    assert re.findall(COLOUR_LITERAL, text) == []


@pytest.mark.parametrize("path", PUBLIC_CSS + ADMIN_CSS, ids=lambda p: str(p.relative_to(ROOT)))
def test_stylesheet_loads_nothing_from_other_hosts(path):
    text = path.read_text()
    assert "@import" not in text
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text)


def test_stylesheet_respects_reduced_motion_and_print():
    text = PAGE_CSS.read_text()
    assert "@media (prefers-reduced-motion: reduce)" in text
    assert "@media print" in text


def test_each_app_stylesheet_is_loaded_only_by_its_own_templates():
    templates = ROOT / "templates"
    for app in ("partners", "messaging"):
        href = f"'{app}/site.css'"
        users = {
            p.relative_to(templates).parts[0] for p in templates.rglob("*.html") if href in p.read_text()
        }
        assert users == {app}
    assert "partners/site.css" not in (templates / "base.html").read_text()
