"""The stylesheet uses logical properties, so right-to-left languages lay out correctly."""

import re
from pathlib import Path

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"

PHYSICAL = [
    r"(?:margin|padding|border)-(?:left|right|top|bottom)\b",
    r"(?<![-\w])(?:left|right|top|bottom)\s*:",
    r"text-align\s*:\s*(?:left|right)",
    r"float\s*:\s*(?:left|right)",
    r"clear\s*:\s*(?:left|right)",
    r"(?<![-\w])(?:min-|max-)?(?:width|height)\s*:",
    r"border-(?:top|bottom)-(?:left|right)-radius",
]


def declarations():
    text = re.sub(r"/\*.*?\*/", "", CSS.read_text(), flags=re.S)
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith("@media"):
            continue  # media features (max-width) describe the screen, not the layout
        yield number, line


def test_stylesheet_uses_only_logical_properties():
    offenders = [
        f"line {number}: {line.strip()}"
        for number, line in declarations()
        if any(re.search(pattern, line) for pattern in PHYSICAL)
    ]
    assert offenders == []


def test_stylesheet_loads_nothing_from_other_hosts():
    text = CSS.read_text()
    assert "@import" not in text
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text)


def test_stylesheet_respects_reduced_motion_and_print():
    text = CSS.read_text()
    assert "@media (prefers-reduced-motion: reduce)" in text
    assert "@media print" in text
