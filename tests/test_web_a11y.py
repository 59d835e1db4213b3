"""Accessibility of the site's stylesheet: every text/background pair the CSS uses meets WCAG
2.x AA contrast (4.5:1 for text, 3:1 for the focus outline), in light and dark mode, and
keyboard focus has a visible outline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[1] / "src" / "groundbrief" / "web" / "static" / "site.css"

# (foreground variable, background variable, minimum ratio): what site.css actually combines.
TEXT_PAIRS = [
    ("--fg", "--bg", 4.5), ("--muted", "--bg", 4.5), ("--link", "--bg", 4.5),
    ("--fg", "--quote-bg", 4.5), ("--muted", "--quote-bg", 4.5), ("--link", "--quote-bg", 4.5),
    ("--fg", "--pop-bg", 4.5), ("--muted", "--pop-bg", 4.5), ("--link", "--pop-bg", 4.5),
    ("--error", "--bg", 4.5),
    ("--bg", "--link", 4.5),  # button text on its background
    ("--focus", "--bg", 3.0),  # non-text: the focus outline against the page (WCAG 1.4.11)
    ("--rule", "--bg", 3.0),  # form field borders (WCAG 1.4.11)
]


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast("#777777", "#ffffff") < 4.5


def palettes(css: str) -> dict[str, dict[str, str]]:
    light = re.search(r"^:root\s*\{(.*?)\}", css, re.S | re.M).group(1)
    dark = re.search(r"prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{(.*?)\}", css, re.S).group(1)

    def variables(block: str) -> dict[str, str]:
        return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\b", block))

    return {"light": variables(light), "dark": variables(dark)}


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_text_and_background_pairs_meet_aa(mode):
    colours = palettes(CSS.read_text("utf-8"))[mode]
    failures = []
    for fg, bg, minimum in TEXT_PAIRS:
        ratio = contrast(colours[fg], colours[bg])
        if ratio < minimum:
            failures.append(f"{fg} {colours[fg]} on {bg} {colours[bg]}: {ratio:.2f} < {minimum}")
    assert not failures, failures


def test_verdict_badges_meet_aa():
    css = CSS.read_text("utf-8")
    rules = re.findall(r"\.v-([\w]+)\s*\{\s*color:\s*(#[0-9a-fA-F]{6});\s*background:\s*(#[0-9a-fA-F]{6});", css)
    assert {r[0] for r in rules} == {"supported", "refuted", "conflicting", "not_enough_evidence",
                                     "not_checkworthy"}
    for name, fg, bg in rules:
        assert contrast(fg, bg) >= 4.5, (name, fg, bg, contrast(fg, bg))


def test_keyboard_focus_is_visible():
    css = CSS.read_text("utf-8")
    rule = re.search(r"([^{}]*:focus-visible[^{}]*)\{([^}]*)\}", css)
    assert rule, "a :focus-visible rule"
    selectors, body = rule.groups()
    for element in ("a:focus-visible", "button:focus-visible", "summary:focus-visible",
                    "input:focus-visible", "textarea:focus-visible"):
        assert element in selectors
    width = re.search(r"outline:\s*(\d+)px\s+solid\s+var\(--focus\)", body)
    assert width and int(width.group(1)) >= 2
    assert "outline: none" not in css and "outline:none" not in css
