"""Read YAML as the editor typed it, keeping where each value stands.

Every scalar stays text (``07743``, ``12:30``, ``no`` and ``ja`` are not converted by
YAML 1.1's implicit typing); the field types in :mod:`thinka.data.model` decide what a text
means. Duplicate keys, anchors/aliases and explicit tags are reported, not silently
resolved. Positions are 1-based ``(line, column)`` pairs, indexed by the path of keys
and list indices that leads to the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is much faster; fall back to the pure-Python composer.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

from .diagnostics import Problems
from .limits import MAX_DEPTH, MAX_FIELDS, MAX_KEY_CHARS, MAX_LIST_ENTRIES, MAX_VALUES, german_number
from .reading import read_data_file
from .yamlerrors import explain

NULLS = {"", "~", "null", "Null", "NULL"}

# Characters no editor means to type: control characters (C0 except tab and line ends, DEL, C1),
# Unicode line/paragraph separators (YAML would count them as line breaks and shift every
# position), bidi overrides and isolates (text that displays other than it reads) and
# byte-order marks inside the text. Checked in the raw text (exact position) and in every
# scalar (escapes such as "\x01" in double quotes).
FORBIDDEN = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")
# Characters that are invisible in one-line values, identifiers and keys, so that 'gera' and
# 'ge<U+200B>ra' would look the same: zero-width spaces and joiners, word joiner and invisible
# operators, soft hyphen, direction marks, embeddings, overrides and isolates, byte-order marks and
# tag characters. Long texts (Markdown) may hold the harmless ones (a soft hyphen, an emoji's
# joiner); the loader refuses the bidi controls everywhere (FORBIDDEN).
# Also the fillers and joiners that draw nothing: combining grapheme joiner, Hangul fillers,
# Khmer inherent vowels, Mongolian variation selectors and vowel separator.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0\U000e0000-\U000e007f]"
)
# Control characters (C0 including tab and line ends, DEL, C1): never in a one-line value or key.
CONTROL = re.compile("[\u0000-\u001f\u007f-\u009f]")
_NAMES = {
    "\u0000": "Nullzeichen",
    "\u0009": "Tabulator",
    "\u000a": "Zeilenumbruch",
    "\u000d": "Wagenrücklauf",
    "\u0085": "Zeilenumbruch NEL",
    "\u00ad": "weiches Trennzeichen",
    "\u2028": "Zeilentrenner",
    "\u2029": "Absatztrenner",
    "\ufeff": "unsichtbares Byte-Order-Mark",
}


def forbidden_character_message(char: str) -> str:
    """German message for one character matched by :data:`FORBIDDEN`."""
    code = f"U+{ord(char):04X}"
    if char in _NAMES:
        what = _NAMES[char]
    elif "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069" or char in "\u200e\u200f":
        what = "Steuerzeichen für die Schreibrichtung"
    elif char in "\u115f\u1160\u3164\uffa0":
        what = "unsichtbares Füllzeichen"
    elif "\U000e0000" <= char <= "\U000e007f":
        what = "unsichtbares Tag-Zeichen"
    elif INVISIBLE.fullmatch(char):
        what = "unsichtbares Zeichen ohne Breite"
    else:
        what = "Steuerzeichen"
    return f"Unzulässiges Zeichen {code} ({what}) – es ist unsichtbar oder verändert die Anzeige. Bitte löschen."

Loc = tuple[Any, ...]
# Tags that plain YAML gives to unquoted values; any other (explicit) tag is refused.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "null", "bool", "int", "float", "timestamp")}
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_DEFAULT_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: _SEQ, yaml.MappingNode: _MAP}


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The composer gives a node without a tag its kind's default tag. PyYAML would guess
    ``int``, ``bool`` … from the text with regular expressions (a third of composing), but
    every scalar stays text here: only explicit tags matter, and they are refused."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]


@dataclass
class Document:
    """One YAML file: its data (plain dicts, lists, str, None) and where everything stands."""

    path: Path
    data: Any = None
    # Values the loader refused and already reported (read as empty): the field rules stay
    # silent there, so the editor sees one message per mistake, not also "Hier fehlt ein Wert".
    refused: set[Loc] = field(default_factory=set)
    # The YAML text read, kept so that positions can be worked out when a message first needs one:
    # most files never need any, and noting every position of 10,000 files took a third of the
    # loaded data's memory.
    text: str | None = field(default=None, repr=False, compare=False)
    # (position of each value, position of each key), by the path of keys and list indices.
    positions: tuple[dict[Loc, tuple[int, int]], dict[Loc, tuple[int, int]]] | None = field(default=None, repr=False, compare=False)

    def _positions(self) -> tuple[dict[Loc, tuple[int, int]], dict[Loc, tuple[int, int]]]:
        if self.positions is None:
            builder = _Builder(self, Problems(), self.text or "")
            node = yaml.compose(self.text, Loader=_Loader) if self.text is not None else None  # it composed before
            if node is not None:
                builder.build(node, ())
            self.positions = builder.values, builder.keys
        return self.positions

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of the value (or of its key) at ``loc``; the nearest existing parent otherwise."""
        values, keys = self._positions()
        loc = tuple(loc)
        while True:
            if key and loc in keys:
                return keys[loc]
            if loc in values:
                return values[loc]
            if loc in keys:
                return keys[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]


class _NeedsMessage(Exception):
    """A quick reading met something to report: read the file again, noting positions."""


class _TooManyValues(Exception):
    """More values than :data:`~thinka.data.limits.MAX_VALUES` (args: the position of the one too many)."""


def _typed_tag(tag: str) -> str:
    """A tag as the editor typed it: ``tag:yaml.org,2002:python/…`` was written ``!!python/…``."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _pos(mark: yaml.Mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


class _Builder:
    """Turns the composed nodes into plain data; refuses what editors cannot mean (explicit tags,
    aliases, merge keys, duplicate keys, too deep nesting). ``quick``: notes no positions and
    raises _NeedsMessage at the first thing to report (most files have none); otherwise notes
    every position and reports every problem."""

    def __init__(self, doc: Document, problems: Problems, text: str, *, quick: bool = False) -> None:
        self.doc = doc
        self.problems = problems
        self.quick = quick
        self.values: dict[Loc, tuple[int, int]] = {}
        self.keys: dict[Loc, tuple[int, int]] = {}
        # An alias needs an anchor, and an anchor needs an '&': without one, no node is shared.
        self.seen: set[int] | None = set() if "&" in text else None
        # Keys are checked for invisible characters only in files that hold one (escapes in
        # double quotes are checked key by key).
        self.invisible = INVISIBLE.search(text) is not None
        self.aliased = False
        self.count = 0

    def error(self, pos: tuple[int, int], message: str) -> None:
        if self.quick:
            raise _NeedsMessage
        self.problems.error(str(self.doc.path), pos[0], pos[1], message)

    def refuse(self, loc: Loc, pos: tuple[int, int], message: str) -> None:
        self.error(pos, message)
        self.doc.refused.add(loc)

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        mark = node.start_mark
        pos = (mark.line + 1, mark.column + 1)
        if not self.quick:
            self.values[loc] = pos
        if len(loc) > MAX_DEPTH:
            self.refuse(loc, pos, f"Zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen).")
            return None
        if self.seen is not None:
            if id(node) in self.seen:
                if self.quick:
                    raise _NeedsMessage
                self.aliased = True  # positions of the aliases are reported by _report_aliases
                self.doc.refused.add(loc)
                return None
            self.seen.add(id(node))
        kind = type(node)
        if kind is yaml.ScalarNode:
            self.count += 1
            if self.count > MAX_VALUES:  # checked in the quick reading, before anything is reported
                raise _TooManyValues(pos)
            value = node.value
            # The raw text was checked for forbidden characters; only an escape in double
            # quotes ("\x01") can bring one into a value.
            if node.style == '"':
                bad = FORBIDDEN.search(value)
                if bad:
                    self.refuse(loc, pos, forbidden_character_message(bad.group()))
                    return None
            if node.tag not in _PLAIN_TAGS:
                self.refuse(loc, pos, f"Unbekannte YAML-Markierung '{_typed_tag(node.tag)}' ist nicht erlaubt.")
                return None
            if not node.style and value in NULLS:  # plain (unquoted) empty, ~ or null
                return None
            return value
        if kind is yaml.SequenceNode and node.tag == _SEQ:
            if len(node.value) > MAX_LIST_ENTRIES:
                self.refuse(loc, pos, f"Zu viele Einträge in dieser Liste: {german_number(len(node.value))}; erlaubt sind höchstens {german_number(MAX_LIST_ENTRIES)}.")
                return None
            build = self.build
            return [build(item, loc + (i,)) for i, item in enumerate(node.value)]
        if kind is yaml.MappingNode and node.tag == _MAP:
            if len(node.value) > MAX_FIELDS:
                self.refuse(loc, pos, f"Zu viele Felder in diesem Abschnitt: {german_number(len(node.value))}; erlaubt sind höchstens {MAX_FIELDS}.")
                return None
            return self.mapping(node, loc)
        self.refuse(loc, pos, f"Unbekannte YAML-Markierung '{_typed_tag(node.tag)}' ist nicht erlaubt.")
        return None

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        keys, build = self.keys, self.build
        entry: set[str] | None = None  # the fields since a missing '- ' was reported
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            key_pos = (mark.line + 1, mark.column + 1)
            if type(key_node) is not yaml.ScalarNode:
                self.error(key_pos, "Ein Feldname muss einfacher Text sein.")
                continue
            key = key_node.value
            if len(key) > MAX_KEY_CHARS:
                self.error(key_pos, f"Der Feldname ist zu lang: {german_number(len(key))} Zeichen; erlaubt sind höchstens {MAX_KEY_CHARS}.")
                continue
            quoted = key_node.style == '"'
            bad = (FORBIDDEN.search(key) or CONTROL.search(key)) if quoted else None
            if bad is None and (quoted or self.invisible):
                bad = INVISIBLE.search(key)
            if bad:
                self.error(key_pos, forbidden_character_message(bad.group()))
                continue
            if key == "<<":
                self.error(key_pos, "Zusammenführen mit '<<' ist nicht erlaubt: bitte die Felder ausschreiben.")
                continue
            if key in result:
                if self.quick:
                    raise _NeedsMessage
                first = keys[loc + (key,)]
                # The first field of a list entry once more: most often the next entry lacks its '- '.
                if loc and isinstance(loc[-1], int) and not node.flow_style and (entry is not None or key == next(iter(result))):
                    if entry is None or key in entry:  # once per entry that lacks it, not for each of its fields
                        self.error(key_pos, f"Fehlt '- ' vor '{key}:'? Jeder Eintrag einer Liste beginnt mit '- '; ohne ihn steht '{key}' ein zweites Mal im Eintrag von Zeile {first[0]}.")
                        entry = set()
                    entry.add(key)
                else:
                    self.error(key_pos, f"Das Feld '{key}' steht doppelt in diesem Abschnitt (zuerst in Zeile {first[0]}).")
                continue
            if entry is not None:
                entry.add(key)
            where = loc + (key,)
            if not self.quick:
                keys[where] = key_pos
            result[key] = build(value_node, where)
        return result


def top_level_text(text: str, key: str) -> str | None:
    """The text of field ``key`` at the top of a YAML document, read without any check (None where
    there is none or the document does not read). Only for work ahead of the real check."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key and isinstance(value_node, yaml.ScalarNode):
                return value_node.value
    return None


def load(path: str | Path, problems: Problems, root: str | Path | None = None) -> Document:
    """Load one YAML file. Problems are added to ``problems``; ``data`` is None when unreadable.
    ``root``: the data folder the file must lie in, also after following symlinks."""
    doc = Document(Path(path))
    text = _read_text(doc.path, problems, root)
    if text is not None:
        _compose(text, doc, problems)
    return doc


FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


def load_markdown(path: str | Path, problems: Problems, root: str | Path | None = None) -> tuple[Document, str, int]:
    """A Markdown file with YAML front matter between two ``---`` lines.

    Returns the front matter (positions as in the whole file), the body and the line the body
    starts on. ``data`` is None when the front matter is missing or unreadable.
    """
    doc = Document(Path(path))
    text = _read_text(doc.path, problems, root)
    if text is None:
        return doc, "", 1
    name = str(doc.path)
    if not FENCE.match(text):
        problems.error(name, 1, 1, "Die Datei muss mit einer Zeile '---' beginnen: oben stehen die Angaben (titel, datum, standorte …), dann eine Zeile '---', darunter der Text.")
        return doc, "", 1
    closing = FENCE.search(text, text.index("\n") + 1 if "\n" in text else len(text))
    if closing is None:
        problems.error(name, 1, 1, "Die Angaben oben werden nicht mit einer Zeile '---' abgeschlossen.")
        return doc, "", 1
    # The opening '---' is YAML's own document marker, so line numbers stay those of the file.
    _compose(text[: closing.start()], doc, problems)
    body_line = text.count("\n", 0, closing.end()) + 2
    return doc, text[closing.end() + 1 :], body_line


def _read_text(path: Path, problems: Problems, root: str | Path | None = None) -> str | None:
    name = str(path)
    raw = read_data_file(path, problems, root)
    if raw is None:
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.error(name, line, column, "Die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte). Bitte als UTF-8 speichern.")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and old Mac line ends
    found = False
    for match in FORBIDDEN.finditer(text):
        line, column = _text_pos(text, match.start())
        problems.error(name, line, column, forbidden_character_message(match.group()))
        found = True
    return None if found else text


def _compose(text: str, doc: Document, problems: Problems) -> None:
    name = str(doc.path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _pos(mark) if mark else (1, 1)
        explained, start = explain(exc, text)
        message = "YAML-Syntaxfehler: " + explained
        column = start or column
        opened = exc.context or ""
        if ("flow" in opened or "quoted" in opened) and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            message += f" (Der betroffene Abschnitt beginnt in Zeile {exc.context_mark.line + 1}.)"
        problems.error(name, line, column, message)
        return
    except yaml.reader.ReaderError as exc:  # a character the YAML reader refuses (not caught above)
        line, column = _text_pos(text, exc.position) if isinstance(exc.position, int) else (1, 1)
        char = chr(exc.character) if isinstance(exc.character, int) else ""
        problems.error(name, line, column, forbidden_character_message(char) if char else "Die Datei enthält ein unzulässiges Zeichen.")
        return
    except yaml.YAMLError:
        problems.error(name, 1, 1, "YAML-Syntaxfehler: Die Datei ist kein gültiges YAML.")
        return
    except RecursionError:
        problems.error(name, 1, 1, f"Zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen).")
        return
    doc.text = text
    if node is None:
        return
    builder = _Builder(doc, problems, text, quick=True)
    try:
        try:
            doc.data = builder.build(node, ())
            return
        except _NeedsMessage:
            pass
        builder = _Builder(doc, problems, text)
        doc.data = builder.build(node, ())
    except _TooManyValues as exc:  # nothing of the file is read
        doc.data, doc.positions = None, None
        message = f"Die Datei enthält zu viele Werte: mehr als {german_number(MAX_VALUES)}. Bitte auf mehrere Dateien verteilen oder kürzen."
        problems.error(name, exc.args[0][0], exc.args[0][1], message)
        return
    doc.positions = builder.values, builder.keys
    if builder.aliased:
        _report_aliases(text, doc, problems)


def _text_pos(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset (counting only \\n as a line end)."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _report_aliases(text: str, doc: Document, problems: Problems) -> None:
    """Composing shares aliased nodes, losing where the alias stood; the event stream keeps it."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            line, column = _pos(event.start_mark)
            problems.error(str(doc.path), line, column, "Anker und Verweise (&name / *name) sind nicht erlaubt: bitte den Wert ausschreiben.")
