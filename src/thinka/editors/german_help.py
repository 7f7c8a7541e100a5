"""argparse in German: the headings and messages of ``thinka --help`` and of a mistyped command
line (``usage:``, ``options``, ``the following arguments are required`` …), which argparse
takes through gettext and Python ships only in English."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

GERMAN = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r ist nicht möglich (möglich: %(choices)s)",
    "expected one argument": "hier fehlt ein Wert",
    "expected at least one argument": "hier fehlt mindestens ein Wert",
    "expected at most one argument": "hier ist höchstens ein Wert möglich",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "%(value)r ist kein gültiger Wert",
    "ambiguous option: %(option)s could match %(matches)s": "%(option)s ist nicht eindeutig: gemeint sein könnte %(matches)s",
    "not allowed with argument %s": "nicht zusammen mit %s möglich",
    "ignored explicit argument %r": "%r wird hier nicht erwartet",
    "one of the arguments %s is required": "eine dieser Angaben ist nötig: %s",
    "unexpected option string: %s": "unerwartete Option: %s",
}


@contextmanager
def german() -> Iterator[None]:
    """While parsing, argparse speaks German (its gettext function ``_`` looked up by name)."""
    english = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: GERMAN.get(text, english(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = english  # type: ignore[attr-defined]
