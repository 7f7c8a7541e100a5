"""Translations of the interface texts: gettext catalogues (``views/locale/<code>/LC_MESSAGES/*.po``,
read with Babel; one file per part of the site, e.g. ``thinka.po`` for pages and cards, ``finder.po``
for the finder, all of a language's files together make its catalogue), and the language a page is
being drawn in.

German is the source language: every text is written in German in the code and the templates
(``msgid``), and a page in another language shows the catalogue's translation. The language is
set for the drawing of one page (``with using("en"): …``); templates call ``_()`` / ``{% trans %}``
and views return :class:`Text` objects (``N_("…")``), which become words only when a page in a
given language prints them — so one view's context serves every language.
Placeholders are Python's named ones, ``%(name)s``, the form Babel checks.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po
from markupsafe import escape

from thinka.data.languages import DEFAULT, LANGUAGES

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "thinka"
_current: ContextVar[str] = ContextVar("thinka_language", default=DEFAULT)


def catalogue_path(code: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.po"


def catalogue_files(code: str) -> list[Path]:
    """All catalogue files of a language, in name order."""
    return sorted((LOCALE_DIR / code / "LC_MESSAGES").glob("*.po"))


def current() -> str:
    """The language of the page being drawn (German outside of ``using``)."""
    return _current.get()


@contextlib.contextmanager
def using(code: str) -> Iterator[None]:
    """Draw in ``code`` within the block."""
    if code not in LANGUAGES:
        raise KeyError(code)
    token = _current.set(code)
    try:
        yield
    finally:
        _current.reset(token)


@functools.cache
def messages(code: str) -> dict[str, str]:
    """The catalogue's translated, current entries (fuzzy ones count as missing)."""
    found: dict[str, str] = {}
    if code == DEFAULT:
        return found
    for path in catalogue_files(code):
        with path.open("rb") as handle:
            catalogue = read_po(handle, locale=code)
        found.update((m.id, m.string) for m in catalogue if m.id and isinstance(m.id, str) and m.string and not m.fuzzy)
    return found


REVIEWED_LINE = "# Geprüft von Muttersprachler*in: ja"


@functools.cache
def reviewed(code: str) -> bool:
    """Has a native speaker checked this language? Each catalogue file says so in its header
    comment (``# Geprüft von Muttersprachler*in: ja`` or ``nein``); a language counts as checked
    only when all its files say ``ja``. German is the original."""
    if code == DEFAULT:
        return True
    files = catalogue_files(code)
    return bool(files) and all(REVIEWED_LINE in _header_comment(path) for path in files)


def _header_comment(path: Path) -> list[str]:
    lines = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            lines.append(line.rstrip())
    return lines


def gettext(message: str, **params: Any) -> str:
    """``message`` in the current language (German where the catalogue has no translation)."""
    text = messages(_current.get()).get(message, message) if _current.get() != DEFAULT else message
    return text % params if params else text


class Text:
    """A German text translated when printed: ``N_("Jetzt geöffnet")``, ``N_("bis %(tag)s", tag=…)``."""

    __slots__ = ("message", "params")

    def __init__(self, message: str, **params: Any) -> None:
        self.message, self.params = message, params

    def __str__(self) -> str:
        return gettext(self.message, **{k: str(v) for k, v in self.params.items()})

    def __html__(self) -> str:
        return str(escape(str(self)))

    def __repr__(self) -> str:
        return f"N_({self.message!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.message, self.params) == (other.message, other.params)

    def __hash__(self) -> int:
        return hash(self.message)


N_ = Text


def install(env: Any) -> None:
    """Give a Jinja environment ``_()``, ``gettext()`` and ``{% trans %}`` in the current language."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(
        gettext=lambda message, **params: gettext(message, **params),
        ngettext=lambda singular, plural, n, **params: gettext(singular if n == 1 else plural, **{"num": n, **params}),
        newstyle=True,
    )
