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

``NP_(singular, plural, n)`` counts with the language's plural forms (Babel's plural rules: German
and English two, Ukrainian and Russian three, Arabic six), ``NC_(context, text)`` keeps a German
word apart where other languages say it differently; dates, weekdays and lists are
:mod:`.wording`'s. A missing, fuzzy or broken translation (placeholders that do not fit, see
:func:`check_catalogue`) shows the German text, inside ``<span lang="de">`` in element content.
``make messages`` extracts the texts (``babel.cfg``) into ``locale/thinka.pot`` and updates the
``thinka.po`` files; ``tests/test_translation.py`` fails on a stale or broken catalogue.
"""

from __future__ import annotations

import contextlib
import functools
from gettext import c2py as _c2py
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Callable

from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from markupsafe import Markup, escape

from thinka.data.languages import DEFAULT, LANGUAGES

from .catalogue_check import broken, check_catalogue  # noqa: F401 - check_catalogue is part of this API

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
def messages(code: str) -> dict[str, str | tuple[str, ...]]:
    """The catalogue's translated, current entries: msgid → translation, or for a plural entry its
    singular msgid → every form of the language. Fuzzy entries, entries with an empty form and
    entries whose placeholders do not fit the German text (see :func:`check_catalogue`) count as
    missing: the page shows the German text instead."""
    found: dict[str, str | tuple[str, ...]] = {}
    if code == DEFAULT:
        return found
    for path in catalogue_files(code):
        with path.open("rb") as handle:
            catalogue = read_po(handle, locale=code)
        for message in catalogue:
            if not message.id or message.fuzzy or not message.string or broken(catalogue, message):
                continue
            if isinstance(message.id, str) and isinstance(message.string, str):
                found[_key(message.id, message.context)] = message.string
            elif isinstance(message.id, tuple) and isinstance(message.string, tuple) and all(message.string):
                found[message.id[0]] = tuple(message.string)
    return found


def _key(message: str, context: str | None) -> str:
    """A text's key in :func:`messages`: the German text, after its context if it has one (gettext's
    ``context\x04text``), for a German word the languages say differently in different places."""
    return f"{context}\x04{message}" if context else message


def check_catalogues() -> list[str]:
    """:func:`check_catalogue` for every catalogue file of every language: what a build or
    ``make test`` reports (German ``path:line:column`` messages) before refusing."""
    unknown = [
        f"{folder}:1:1: Ein Katalog für die Sprache '{folder.name}', die die Website nicht kennt; "
        f"möglich sind: {', '.join(code for code in LANGUAGES if code != DEFAULT)} (thinka.data.languages)."
        for folder in sorted(LOCALE_DIR.iterdir())
        if folder.is_dir() and not folder.name.startswith(("_", ".")) and folder.name not in LANGUAGES
    ]
    return unknown + [problem for path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")) for problem in check_catalogue(path)]


@functools.cache
def plural_index(code: str) -> Callable[[int], int]:
    """Which of a language's plural forms a number takes (Babel's plural rule for the language:
    German and English have two forms, Ukrainian and Russian three, Arabic six)."""
    return _c2py(get_plural(code).plural_expr)


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


def translated(message: str, code: str | None = None, context: str | None = None) -> str | None:
    """The catalogue's translation of ``message`` (in ``context``) into ``code`` (default: the
    current language), or ``None`` where there is none (German itself needs none)."""
    code = code or _current.get()
    if code == DEFAULT:
        return message
    found = messages(code).get(_key(message, context))
    return found if isinstance(found, str) else None


def gettext(message: str, **params: Any) -> str:
    """``message`` in the current language (German where the catalogue has no translation)."""
    text = translated(message) or message
    return text % params if params else text


def ngettext(singular: str, plural: str, n: int, **params: Any) -> str:
    """The form of ``singular``/``plural`` that ``n`` takes in the current language, with ``num``
    (= n) and ``params`` filled in; German where the catalogue has no translation."""
    text = _plural_text(singular, plural, n, _current.get()) or (singular if n == 1 else plural)
    return text % {"num": n, **params}


def _plural_text(singular: str, plural: str, n: int, code: str) -> str | None:
    if code == DEFAULT:
        return singular if n == 1 else plural
    forms = messages(code).get(singular)
    if not isinstance(forms, tuple):
        return None
    return forms[min(plural_index(code)(n), len(forms) - 1)]


MISSING_OPEN, MISSING_CLOSE = '<span lang="de">', "</span>"


def _mark_german(text: str) -> str:
    """HTML of a text the current language has no translation for: German, marked as such."""
    return MISSING_OPEN + text + MISSING_CLOSE


def _in_german(compose: Callable[..., str], *args: Any) -> str:
    """``compose(*args)`` with German as the current language (views are mostly built outside of
    any language, so this is usually a plain call)."""
    if _current.get() == DEFAULT:
        return compose(*args)
    with using(DEFAULT):
        return compose(*args)


class Text(str):
    """A German text translated when printed: ``N_("Jetzt geöffnet")``, ``N_("bis %(tag)s", tag=…)``.

    It is a ``str`` holding the German text, so code that only passes it on (sorting, the search
    index, ``html.escape``, comparisons in tests) sees German; printing it on a page (``str()``,
    ``format()``, Jinja's ``{{ }}``) gives the current language. Parameters may be texts themselves
    (dates, labels), translated with it. In HTML, a text the language has no translation for is
    the German one inside ``<span lang="de">``; :func:`plain` gives it without (for attributes).
    """

    message: str
    params: dict[str, Any]

    def __new__(cls, message: str, **params: Any) -> "Text":
        self = super().__new__(cls, _in_german(cls._words, message, params))
        self.message, self.params = message, params
        return self

    @classmethod
    def _words(cls, message: str, params: dict[str, Any]) -> str:
        return gettext(message, **{k: str(v) for k, v in params.items()})

    def known(self) -> bool:
        """Does the current language have this text (German always does)?"""
        return translated(self.message) is not None

    def __str__(self) -> str:
        if _current.get() == DEFAULT:
            return str.__str__(self)
        return self._words(self.message, self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __html__(self) -> str:
        if _current.get() == DEFAULT:
            return str(escape(str.__str__(self)))
        words = str(escape(str(self)))
        return words if self.known() else _mark_german(words)

    def __repr__(self) -> str:
        return f"N_({self.message!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Text):
            return (type(self), self.message, self.params) == (type(other), other.message, other.params)
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = str.__hash__

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self), self.message, self.params))


def _rebuild(cls: type, message: str, params: dict[str, Any]) -> Any:
    return cls(message, **params)


class PluralText(Text):
    """``NP_("%(num)s Standort", "%(num)s Standorte", n)``: the form ``n`` takes in the language."""

    def __new__(cls, singular: str, plural: str = "", n: int = 0, **params: Any) -> "PluralText":
        self = super().__new__(cls, singular, _plural=plural, _n=n, **params)
        return self

    @classmethod
    def _words(cls, message: str, params: dict[str, Any]) -> str:
        rest = {k: str(v) for k, v in params.items() if k not in ("_plural", "_n")}
        return ngettext(message, params["_plural"], params["_n"], **rest)

    def known(self) -> bool:
        return _plural_text(self.message, self.params["_plural"], self.params["_n"], _current.get()) is not None

    def __reduce__(self) -> Any:
        params = {k: v for k, v in self.params.items() if k not in ("_plural", "_n")}
        return (_rebuild_plural, (self.message, self.params["_plural"], self.params["_n"], params))


def _rebuild_plural(singular: str, plural: str, n: int, params: dict[str, Any]) -> "PluralText":
    return PluralText(singular, plural, n, **params)


class Lazy(Text):
    """A text worked out per language by a function of the language code (dates and weekdays from
    Babel's CLDR data, lists joined with the language's words)."""

    def __new__(cls, words: Callable[[str], str]) -> "Lazy":
        self = str.__new__(cls, _in_german(words, DEFAULT))
        self.message, self.params = str.__str__(self), {"_words": words}
        return self

    @classmethod
    def _words(cls, message: str, params: dict[str, Any]) -> str:
        return str(params["_words"](_current.get()))

    def known(self) -> bool:
        return True

    def __reduce__(self) -> Any:
        return (Lazy, (self.params["_words"],))


class ContextText(Text):
    """``NC_("Satz", "Öffnungszeiten")``: a German word in a context of its own (``msgctxt``), where
    other languages say it differently (a heading there, a word inside a sentence here)."""

    def __new__(cls, context: str, message: str, **params: Any) -> "ContextText":
        return super().__new__(cls, message, _context=context, **params)

    @classmethod
    def _words(cls, message: str, params: dict[str, Any]) -> str:
        rest = {k: str(v) for k, v in params.items() if k != "_context"}
        text = translated(message, context=params["_context"]) or message
        return text % rest if rest else text

    def known(self) -> bool:
        return translated(self.message, context=self.params["_context"]) is not None

    def __reduce__(self) -> Any:
        rest = {k: v for k, v in self.params.items() if k != "_context"}
        return (_rebuild_context, (self.params["_context"], self.message, rest))


def _rebuild_context(context: str, message: str, params: dict[str, Any]) -> "ContextText":
    return ContextText(context, message, **params)


N_ = Text
NP_ = PluralText
NC_ = ContextText


def plain(value: Any) -> Any:
    """A text for an attribute (``aria-label``, ``title``): translated, without the
    ``<span lang="de">`` that marks a missing translation in element content."""
    if isinstance(value, Text):
        return str(value)
    if isinstance(value, str) and value.startswith(MISSING_OPEN) and value.endswith(MISSING_CLOSE):
        inner = value[len(MISSING_OPEN) : -len(MISSING_CLOSE)]  # Markup stays Markup (already escaped)
        return Markup(inner) if isinstance(value, Markup) else inner
    return value


class _GermanAttribute:
    """``{{ lang_de }}``: `` lang="de"`` for an element holding what editors wrote, on a page in
    another language; nothing on a German page (printed, not called: cheap on every page)."""

    def __html__(self) -> str:
        return "" if _current.get() == DEFAULT else ' lang="de"'

    __str__ = __html__


german_attribute = _GermanAttribute()


def german(value: Any) -> Markup:
    """What editors wrote, inside a sentence of another language: marked as German there."""
    if _current.get() == DEFAULT:
        return escape(value)
    return Markup(MISSING_OPEN) + escape(value) + Markup(MISSING_CLOSE)


def _template_gettext(message: str) -> str:
    text = translated(message)
    return message if _current.get() == DEFAULT else text if text is not None else _mark_german(message)


def _template_ngettext(singular: str, plural: str, n: int) -> str:
    code = _current.get()
    text = _plural_text(singular, plural, n, code)
    return text if text is not None else _mark_german(singular if n == 1 else plural)


def _fast_gettext(message: str, **params: Any) -> Markup:
    """``_()`` for an autoescaping environment: what Jinja's newstyle gettext does (Markup, then
    the escaped placeholders filled in), in one call instead of two."""
    text = Markup(message if _current.get() == DEFAULT else _template_gettext(message))
    return text % params if params else text


def _fast_ngettext(singular: str, plural: str, num: int, **params: Any) -> Markup:
    return Markup(_template_ngettext(singular, plural, num)) % {"num": num, **params}


def install(env: Any) -> None:
    """Give a Jinja environment ``_()``, ``gettext()``, ``ngettext()`` and ``{% trans %}`` in the
    current language (with autoescape, Jinja fills in the ``%(name)s`` placeholders itself and
    escapes them), and the helpers for German data on a page in another language: ``plain``
    (filter, for attributes), ``lang_de`` (printed) and ``de(value)``, ``page_language()``."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext=_template_gettext, ngettext=_template_ngettext, newstyle=True)
    env.filters["plain"] = plain
    env.globals.update(lang_de=german_attribute, de=german, page_language=current)
    if env.autoescape is True:
        env.globals.update(_=_fast_gettext, gettext=_fast_gettext, ngettext=_fast_ngettext)
