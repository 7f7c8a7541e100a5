"""YAML syntax errors explained to editors in German: what PyYAML's message means, and for
indentation mistakes which line stands too far in or out, and under which line it belongs."""

from __future__ import annotations

import re

import yaml

from .limits import MAX_DEPTH

_HINTS = {
    "tab character": "Tabulatorzeichen sind in YAML nicht erlaubt; bitte mit Leerzeichen einrücken.",
    "found character '\\t' that cannot start any token": "Tabulatorzeichen sind in YAML nicht erlaubt; bitte mit Leerzeichen einrücken.",
    "mapping values are not allowed": "Doppelpunkt an unerwarteter Stelle. Steht ein Text mit ': ' ohne Anführungszeichen? Dann den Text in \"…\" setzen.",
    "could not find expected ':'": "Hier fehlt ein Doppelpunkt nach dem Feldnamen (feld: wert).",
    "found undefined alias": "Verweise (*name) sind nicht erlaubt.",
    "did not find expected key": "Einrückung stimmt nicht: Felder eines Abschnitts müssen genau untereinander stehen.",
    "did not find expected '-' indicator": "Einrückung stimmt nicht: Listeneinträge ('- ') müssen genau untereinander stehen.",
    "found unexpected end of stream": "Die Datei endet mitten in einem Wert; fehlt ein schließendes Anführungszeichen oder eine Klammer?",
    "found unknown escape character": "Unbekannte Escape-Sequenz mit '\\' in einem Text in doppelten Anführungszeichen.",
    "did not find expected ',' or ']'": "Eine Liste in [eckigen Klammern] ist nicht geschlossen: fehlt ein ']' oder ein Komma?",
    "did not find expected ',' or '}'": "Ein Abschnitt in {geschweiften Klammern} ist nicht geschlossen: fehlt ein '}' oder ein Komma?",
    "found unexpected ':'": "Doppelpunkt an unerwarteter Stelle; Text mit Doppelpunkt bitte in \"…\" setzen.",
    "while scanning a quoted scalar": "Ein Anführungszeichen wird nicht geschlossen.",
    "found character that cannot start any token": "Dieses Zeichen darf hier nicht am Anfang eines Werts stehen (z. B. @ oder `): bitte den Wert in \"…\" setzen.",
    "exceeded maximum nesting depth": f"Zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen).",
    "found invalid Unicode character escape code": "Ungültige Unicode-Escape-Sequenz (\\u…) in einem Text in doppelten Anführungszeichen.",
    "expected alphabetic or numeric character": "Nach '&' oder '*' muss ein Name folgen; Anker und Verweise sind ohnehin nicht erlaubt. Text mit '&' oder '*' am Anfang bitte in \"…\" setzen.",
    "found duplicate anchor": "Anker (&name) sind nicht erlaubt.",
    "found unexpected document separator": "Ein '---' oder '...' steht mitten im Text; bitte den Text in \"…\" setzen.",
    "block sequence entries are not allowed": "Ein Listeneintrag ('- ') steht an unerwarteter Stelle: steht er unter einem Feld mit Wert in derselben Zeile?",
    "expected a single document in the stream": "Die Datei darf nur ein YAML-Dokument enthalten ('---' nur einmal am Anfang).",
    # The rarer ones, so that no message falls back to PyYAML's English.
    "<document start>": "Nach dem Ende des Dokuments ('...') oder einer Anweisung mit '%' geht die Datei weiter: bitte '...' bzw. die '%'-Zeile löschen.",
    "expected <block end>": "Einrückung stimmt nicht: diese Zeile passt zu keinem Abschnitt darüber.",
    "expected the node content": "Hier fehlt ein Wert; steht ein Zeichen wie '!', '&' oder '*' allein? Text bitte in \"…\" setzen.",
    "expected a comment or a line break": "Nach diesem Wert darf in derselben Zeile nur noch ein Kommentar (# …) stehen.",
    "YAML directive": "Die Anweisung '%YAML' steht doppelt; bitte eine löschen.",
    "TAG directive": "Eine Anweisung '%TAG' steht doppelt; bitte eine löschen.",
    "unknown directive name": "Eine Zeile mit '%' am Anfang ist eine YAML-Anweisung, und diese gibt es nicht; Text mit '%' am Anfang bitte in \"…\" setzen.",
    "found incompatible YAML document": "Die Anweisung '%YAML' nennt eine Version, die es nicht gibt; bitte die Zeile löschen.",
    "found undefined tag handle": "Unbekannte YAML-Markierung ('!…'); Text mit '!' am Anfang bitte in \"…\" setzen.",
    "found non-specific tag": "Ein '!' allein ist keine gültige Markierung; Text mit '!' am Anfang bitte in \"…\" setzen.",
    "while scanning a tag": "Unbekannte YAML-Markierung ('!…'); Text mit '!' am Anfang bitte in \"…\" setzen.",
    "while scanning a directive": "Eine Zeile mit '%' am Anfang ist eine YAML-Anweisung; Text mit '%' am Anfang bitte in \"…\" setzen.",
    "hexdecimal number": "Ungültige Escape-Sequenz (\\x…, \\u…) in einem Text in doppelten Anführungszeichen.",
    "expected escape sequence of": "Ungültige Escape-Sequenz (\\x…, \\u…) in einem Text in doppelten Anführungszeichen.",
    "expected chomping or indentation indicators": "Nach '|' oder '>' darf nur '-', '+' oder eine Ziffer folgen; Text mit '|' oder '>' am Anfang bitte in \"…\" setzen.",
    "indentation indicator equal to 0": "Nach '|' oder '>' darf keine 0 folgen; Text mit '|' oder '>' am Anfang bitte in \"…\" setzen.",
    "expected indentation indicator": "Nach '|' oder '>' darf keine 0 folgen; Text mit '|' oder '>' am Anfang bitte in \"…\" setzen.",
    "while scanning a block scalar": "Nach '|' oder '>' darf in derselben Zeile nichts folgen; Text mit '|' oder '>' am Anfang bitte in \"…\" setzen.",
    "while scanning an alias": "Nach '*' muss ein Name folgen; Verweise sind ohnehin nicht erlaubt. Text mit '*' am Anfang bitte in \"…\" setzen.",
    "while scanning an anchor": "Nach '&' muss ein Name folgen; Anker sind ohnehin nicht erlaubt. Text mit '&' am Anfang bitte in \"…\" setzen.",
    "while scanning a simple key": "Hier fehlt ein Doppelpunkt nach dem Feldnamen (feld: wert).",
}


_KEY = re.compile(r"(- +)*([^\s#'\"\[{&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?:[ \t]|$)")


def _line(lines: list[str], index: int) -> tuple[int, str]:
    """A line's indentation and its text without it ("" for lines outside the file)."""
    text = lines[index] if 0 <= index < len(lines) else ""
    return len(text) - len(text.lstrip(" ")), text.strip(" ")


def _above(lines: list[str], index: int) -> int:
    """The index of the nearest line above with content (not blank, not a comment); -1 if none."""
    index -= 1
    while index >= 0 and (not lines[index].strip() or lines[index].lstrip().startswith("#")):
        index -= 1
    return index


def _key(text: str) -> tuple[int, str] | None:
    """Where the first field name of a line starts (after any '- ') and the name, if it has one."""
    match = _KEY.match(text)
    if not match:
        return None
    return match.start(2), match.group(2)


def _spaces(count: int) -> str:
    return "1 Leerzeichen" if count == 1 else f"{count} Leerzeichen"


def _indentation(exc: yaml.MarkedYAMLError, text: str) -> str | None:
    """For an indentation mistake: which line stands too far in or out, and under which line its
    field belongs (YAML itself only says 'mapping values are not allowed' or 'expected key')."""
    mark = exc.problem_mark
    if mark is None:
        return None
    lines = text.split("\n")
    indent, content = _line(lines, mark.line)
    above = _above(lines, mark.line)
    if above < 0:
        return None
    above_indent, above_content = _line(lines, above)
    here, there = _key(content), _key(above_content)
    problem = exc.problem or ""
    if "mapping values are not allowed" in problem and here and there and indent > above_indent:
        # 'status: aktiv' then '  beginn: 2013': YAML reads 'beginn' as more text of 'aktiv'.
        if above_content[there[0] + len(there[1]):].strip(" :") and indent + here[0] > above_indent + there[0]:
            return f"Die Zeile ist zu weit eingerückt: '{here[1]}:' muss genau unter '{there[1]}:' (Zeile {above + 1}) stehen."
    if "expected '-' indicator" in problem and exc.context_mark is not None:
        dash = exc.context_mark.column
        if content.startswith("-") and indent > dash:
            return f"Die Zeile ist zu weit eingerückt: das '- ' muss genau unter dem '- ' in Zeile {exc.context_mark.line + 1} stehen."
        if here and there and above_content.startswith("-") and indent < above_indent + there[0]:
            return f"Die Zeile ist zu wenig eingerückt: '{here[1]}:' muss genau unter '{there[1]}:' (Zeile {above + 1}) stehen."
    if "expected key" in problem and here and indent < above_indent:
        return (
            f"Die Einrückung stimmt nicht: '{here[1]}:' ({_spaces(indent)}) und die Zeile {above + 1} darüber ({_spaces(above_indent)}) "
            "müssen genau untereinander stehen, wenn sie zum selben Abschnitt gehören."
        )
    return None


def explain(exc: yaml.MarkedYAMLError, text: str = "") -> tuple[str, int | None]:
    """The German explanation of a YAML syntax error (without the 'YAML-Syntaxfehler: ' before it),
    and for an indentation mistake the column where the line's text starts (else None)."""
    hint = _indentation(exc, text) if text and exc.problem_mark else None
    if hint and exc.problem_mark:
        indent, _ = _line(text.split("\n"), exc.problem_mark.line)
        return hint, indent + 1
    return _explain(exc), None


def _explain(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    for english, german in _HINTS.items():
        if english in problem or english in (exc.context or ""):
            return german
    return "Die Datei ist an dieser Stelle kein gültiges YAML: bitte diese Zeile mit den Zeilen darüber vergleichen (Einrückung, Doppelpunkt, Anführungszeichen, Klammern)."
