"""thinka.css draws our components for both directions: it names sides by the flow of the text
(margin-inline-start, border-inline-start, inset-inline-end, text-align: start …), so that an Arabic
or Dari page (dir="rtl") mirrors cards, bars and lists on its own. A physical side (left/right) is
allowed only in a rule whose comment says why (``physical:``), e.g. a map, whose west stays west."""

from __future__ import annotations

import re
from pathlib import Path

CSS = Path(__file__).resolve().parents[1] / "docs" / "assets" / "stylesheets" / "thinka.css"

_SIDES = r"(?:left|right)"
# properties that name a physical side, and values that do
_PHYSICAL_PROPERTY = re.compile(
    rf"(?<![\w-])(?:(?:margin|padding|border|scroll-margin|scroll-padding)-{_SIDES}(?:-\w+)?|{_SIDES}"
    rf"|border-(?:top|bottom)-{_SIDES}-radius)\s*:",
)
_PHYSICAL_VALUE = re.compile(rf"(?<![\w-])(?:text-align|float|clear|caption-side)\s*:\s*{_SIDES}\b")
_BACKGROUND_SIDE = re.compile(rf"background(?:-position)?\s*:[^;]*\b{_SIDES}\b")
# four-value shorthands whose left and right differ ("padding: 0 0 0 0.8em")
_FOUR = re.compile(r"(?<![\w-])(margin|padding|inset|border-(?:width|style|color)|border-radius)\s*:\s*([^;!}]+)")
# a horizontal offset in an inset shadow (a bar on one side) or a horizontal move or turn
_SHADOW = re.compile(r"box-shadow\s*:\s*inset\s+(-?[\d.]+)(?:px|em|rem)?\s")
_TRANSFORM = re.compile(r"(?<![\w-])(?:transform|translate|rotate)\s*:[^;]*(?:translateX|translate\(|rotate|scaleX)")


def _rules(css: str) -> list[tuple[str, str, int]]:
    """(selector, declarations, line) of every rule, with the comments inside a rule and right
    after its closing brace on the same line kept apart as the rule's reason."""
    rules = []
    for m in re.finditer(r"([^{}]+)\{([^{}]*)\}([^\n]*)", css):
        selector = re.sub(r"/\*.*?\*/", "", m.group(1), flags=re.S).strip()
        line = css.count("\n", 0, m.start(2)) + 1
        rules.append((selector, m.group(2) + " " + m.group(3), line))
    return rules


def _physical(declarations: str) -> list[str]:
    body = re.sub(r"/\*.*?\*/", "", declarations, flags=re.S)
    found = [m.group(0) for m in _PHYSICAL_PROPERTY.finditer(body)]
    found += [m.group(0) for m in _PHYSICAL_VALUE.finditer(body)]
    found += [m.group(0) for m in _BACKGROUND_SIDE.finditer(body)]
    for m in _FOUR.finditer(body):
        parts = m.group(2).split()
        if len(parts) == 4 and parts[1] != parts[3]:
            found.append(m.group(0).strip())
    found += [m.group(0) for m in _SHADOW.finditer(body) if float(m.group(1)) != 0]
    found += [m.group(0) for m in _TRANSFORM.finditer(body)]
    return found


def physical_sides(css: str) -> list[str]:
    """Every use of a physical side in a rule that neither says why nor belongs to one direction only."""
    problems = []
    for selector, declarations, line in _rules(css):
        if "physical:" in declarations:
            continue  # the rule says why it means a side of the screen
        if re.search(r"\[dir=[\"']?(?:ltr|rtl)", selector) and all(
            re.search(r"\[dir=[\"']?(?:ltr|rtl)", s) for s in selector.split(",")
        ):
            continue  # written for one direction only: there a side is a side
        problems += [f"thinka.css:{line}: {selector[:60]}: {p}" for p in _physical(declarations)]
    return problems


def test_thinka_css_names_sides_by_the_flow_of_the_text() -> None:
    assert physical_sides(CSS.read_text("utf-8")) == []


def test_the_check_finds_each_kind_of_physical_side() -> None:
    css = """
    .a { margin-left: 1em; }
    .b { padding: 0 0 0 0.8em; }
    .c { text-align: left; }
    .d { box-shadow: inset 5px 0 0 red; }
    .e { position: absolute; top: 0; right: 0; }
    .f { border-left-color: red; }
    .g { float: right; }
    .h { margin: 0 1em; padding: 0.1em 0.2em 0.3em; text-align: start; border-inline-start: 1px solid; }
    .i { left: 0; } /* physical: the map's west stays west */
    [dir=rtl] .j { transform: scaleX(-1); }
    """
    found = physical_sides(css)
    assert [p.split(": ", 2)[1] for p in found] == [".a", ".b", ".c", ".d", ".e", ".f", ".g"]
