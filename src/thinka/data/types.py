"""Field types: how a text typed by an editor becomes a value, with German messages.

Every input is text (see :mod:`thinka.data.yamlsource`), so each type parses text itself
and raises :func:`fail` with a message an editor can act on.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

import email_validator
import phonenumbers
from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

# The JSON Schema (``thinka schema``) serves editors: VS Code and JetBrains read the YAML with
# YAML 1.2 typing, so an unquoted ``07743`` reaches the schema as the number 7743, ``2013`` as a
# number and ``true`` as a boolean. ``thinka validate`` reads every value as typed text. Each type
# below therefore also declares the non-text forms an editor may produce; the rules that decide
# stay in the Python validators.
from .limits import MAX_ITEMS, MAX_LINE_CHARS, MAX_MARKDOWN_CHARS, german_number
from .yamlsource import CONTROL, FORBIDDEN, INVISIBLE, forbidden_character_message


def fail(message: str) -> None:
    raise PydanticCustomError("thinka", message)


# Characters that make text look other than it is (bidi overrides) or break output: the
# loader reports them already; checked again here for values that come from elsewhere.
_FORBIDDEN = FORBIDDEN


# The copy templates in the editors' guide mark what to fill in as <…>.
_PLACEHOLDER = re.compile(r"<[^<>\n]+>")


def _text(value: Any) -> str:
    if value is None:
        fail("Hier fehlt ein Wert.")
    if not isinstance(value, str):
        fail("Hier wird ein einfacher Text erwartet, keine Liste und kein Abschnitt.")
    if len(value) > MAX_MARKDOWN_CHARS:  # before any other check, so none of them runs long
        fail(f"Der Text ist zu lang: {german_number(len(value))} Zeichen; erlaubt sind höchstens {german_number(MAX_MARKDOWN_CHARS)}.")
    value = unicodedata.normalize("NFC", value.strip())
    if not value:
        fail("Hier fehlt ein Wert.")
    bad = _FORBIDDEN.search(value)
    if bad:
        fail(forbidden_character_message(bad.group()))
    if _PLACEHOLDER.fullmatch(value):
        fail(f"'{value}' ist ein Platzhalter aus der Vorlage: bitte durch die richtige Angabe ersetzen (ohne spitze Klammern) oder die Zeile löschen.")
    return value


Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]


def _one_line(value: Any) -> str:
    if isinstance(value, str) and len(value) > MAX_LINE_CHARS:
        fail(
            f"Der Wert ist zu lang: {german_number(len(value))} Zeichen; in einer Zeile erlaubt sind höchstens {MAX_LINE_CHARS}. "
            "Längere Texte gehören in die Beschreibung."
        )
    value = _text(value)
    if "\n" in value:
        fail("Dieser Wert muss in eine Zeile passen.")
    # A carriage return or escape would rewrite a terminal line; an invisible character makes two
    # different values look the same.
    bad = CONTROL.search(value) or INVISIBLE.search(value)
    if bad:
        fail(forbidden_character_message(bad.group()))
    if _NON_LATIN.search(value):
        _one_alphabet_per_word(value)
    return value


# Cyrillic and Greek letters that look like Latin ones ('Lоbeda' with a Cyrillic о) make two names
# look the same while they differ: a word may use one of these alphabets, never two at once.
_NON_LATIN = re.compile("[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")
_WORD = re.compile(r"[^\W\d_]+")
_ALPHABETS = (("lateinische", re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")), ("kyrillische", re.compile("[\u0400-\u052f]")), ("griechische", re.compile("[\u0370-\u03ff\u1f00-\u1fff]")))


def _one_alphabet_per_word(value: str) -> None:
    for word in _WORD.findall(value):
        found = [name for name, letters in _ALPHABETS if letters.search(word)]
        if len(found) > 1:
            fail(
                f"Im Wort '{word}' stehen {found[0]} und {found[1]} Buchstaben gemischt (sie sehen gleich aus, sind aber andere Zeichen). "
                "Bitte das Wort neu tippen."
            )


# Unquoted ``2021`` or ``true`` is text for us but a number or boolean for an editor.
Line = Annotated[str, BeforeValidator(_one_line), WithJsonSchema({"type": ["string", "number", "boolean"], "minLength": 1, "maxLength": MAX_LINE_CHARS})]

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")


def _markdown(value: Any) -> str:
    value = _text(value)
    if _HTML.search(value):
        fail("HTML ist in Beschreibungen nicht erlaubt (gefunden: '<…'). Bitte nur Markdown verwenden.")
    return value


Markdown = Annotated[str, BeforeValidator(_markdown), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_MARKDOWN_CHARS})]


def as_list(value: Any) -> Any:
    """Let editors write one value without list syntax: ``telefon: 0361 123`` means a list of one."""
    if isinstance(value, str):
        return [value]
    return value


class OneOrMany:
    """Marks a list field that also takes a single value (see :func:`as_list`) in the JSON Schema."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        items = handler.resolve_ref_schema(schema).get("items")
        return {"anyOf": [items, schema]} if items else schema


ONE_OR_MANY = OneOrMany()


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _ident(value: Any) -> str:
    value = _one_line(value)
    if not _SLUG.fullmatch(value):
        fail(f"'{value}' ist keine gültige Kennung: nur Kleinbuchstaben a–z, Ziffern und Bindestriche (z. B. 'stadt-gera').")
    return value


Ident = Annotated[
    str, BeforeValidator(_ident), WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"})
]


_YES = {"ja", "yes", "true", "wahr", "j"}
_NO = {"nein", "no", "false", "falsch", "n"}


def _yes_no(value: Any) -> bool:
    text = _one_line(value).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    fail(f"'{value}' ist kein Ja/Nein-Wert: bitte 'ja' oder 'nein' schreiben.")
    raise AssertionError  # unreachable


YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    PlainSerializer(lambda b: "ja" if b else "nein"),
    # ``true``/``false`` typed unquoted are booleans for an editor; we accept them as text.
    WithJsonSchema({"anyOf": [{"type": "string", "enum": ["ja", "nein"]}, {"type": "boolean"}]}),
]


THURINGIAN_PREFIXES = ("04", "06", "07", "36", "37", "96", "98", "99")


def _postal_code(value: Any) -> str:
    value = _one_line(value)
    if not re.fullmatch(r"\d{5}", value):
        fail(f"Postleitzahl '{value}' muss aus genau fünf Ziffern bestehen (z. B. 07743).")
    if value[:2] not in THURINGIAN_PREFIXES:
        fail(f"Postleitzahl '{value}' liegt nicht in Thüringen (Thüringer Postleitzahlen beginnen mit 04, 06, 07, 36, 37, 96, 98 oder 99).")
    return value


PostalCode = Annotated[
    str,
    BeforeValidator(_postal_code),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": "^(" + "|".join(THURINGIAN_PREFIXES) + r")\d{3}$"},
                # Unquoted 07743 is the number 7743 for an editor; the leading zero is lost there,
                # so the editor accepts 7743 too. `thinka validate` reads '7743' and refuses it.
                *(
                    {"type": "integer", "minimum": int(p) * 1000, "maximum": int(p) * 1000 + 999}
                    for p in THURINGIAN_PREFIXES
                ),
            ]
        }
    ),
]


@dataclass(frozen=True)
class Phone:
    """A German phone number: shown in national format, dialled in E.164."""

    typed: str
    e164: str
    display: str

    def __str__(self) -> str:
        return self.display


# What a phone number may hold besides digits: spaces, '+', brackets, slashes, dashes and dots.
# Letters would be dialled as digits (vanity numbers: 'Frau X' becomes 37289).
_PHONE_CHARACTERS = re.compile(r"[\d\s+()/.\-–]+")
# Digits after the trunk prefix 0 (area code and subscriber number); fewer cannot be a real
# German line ('0361 123' is an area code and the beginning of a number).
MIN_PHONE_DIGITS = 7


def _phone(value: Any) -> Phone:
    text = _one_line(value)
    if not _PHONE_CHARACTERS.fullmatch(text):
        fail(
            f"'{text}' ist keine Telefonnummer: bitte nur die Nummer angeben (Ziffern, Leerzeichen, + ( ) / -); "
            "Namen und Zeiten gehören nicht in das Feld 'telefon' (dafür gibt es 'ansprechpersonen' und 'oeffnungszeiten_hinweis')."
        )
    try:
        number = phonenumbers.parse(text, "DE")
    except phonenumbers.NumberParseException:
        fail(f"'{text}' ist keine Telefonnummer (Beispiel: 03677 123456 oder +49 3677 123456).")
    if not phonenumbers.is_valid_number(number) or phonenumbers.region_code_for_number(number) != "DE":
        fail(f"'{text}' ist keine gültige deutsche Telefonnummer (Beispiel: 03677 123456).")
    if len(phonenumbers.national_significant_number(number)) < MIN_PHONE_DIGITS:
        fail(f"'{text}' ist zu kurz für eine Telefonnummer: bitte die ganze Nummer mit Vorwahl angeben (Beispiel: 03677 123456).")
    return Phone(
        typed=text,
        e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        display=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
    )


PhoneNumber = Annotated[
    Phone,
    BeforeValidator(_phone),
    PlainSerializer(lambda p: p.display),
    # 03677123456 without spaces is a number for an editor.
    WithJsonSchema({"type": ["string", "integer"], "examples": ["03677 123456"]}),
]


# Characters that make a mailto: link carry more than an address: '?' starts a query with hidden
# headers (?bcc=…), '&' joins them, '%' hides characters as escapes (%40 is '@').
_MAILTO_SPECIAL = re.compile(r"[?&%]")


def _email(value: Any) -> str:
    text = _one_line(value)
    if _MAILTO_SPECIAL.search(text):
        fail(f"'{text}' ist keine gültige E-Mail-Adresse: die Zeichen ?, & und % gehören nicht in eine Adresse (Beispiel: kontakt@beispiel.de).")
    try:
        return email_validator.validate_email(text, check_deliverability=False).normalized
    except email_validator.EmailNotValidError:
        fail(f"'{text}' ist keine gültige E-Mail-Adresse (Beispiel: kontakt@beispiel.de).")
    raise AssertionError  # unreachable


Email = Annotated[str, BeforeValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]

URL_SCHEMES = ("https", "http", "mailto", "tel")


def _url(value: Any) -> str:
    text = _one_line(value)
    if any(c.isspace() for c in text):
        fail(f"Die Adresse '{text}' enthält Leerzeichen.")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in URL_SCHEMES:
        fail(f"Die Adresse '{text}' muss mit https:// beginnen (erlaubt sind https, http, mailto und tel).")
    if scheme in ("http", "https") and not parts.hostname:
        fail(f"In der Adresse '{text}' fehlt der Servername (z. B. https://www.beispiel.de).")
    if scheme in ("http", "https") and "@" in parts.netloc:
        # https://www.bank.de@evil.example/ leads to evil.example: no name or password before the server
        fail(f"In der Adresse '{text}' steht vor dem Servernamen ein '@' (Benutzername oder Passwort); bitte nur https://server/pfad angeben.")
    if scheme == "mailto" and "?" in text:
        fail(f"Die Adresse '{text}' enthält nach '?' weitere Angaben (z. B. versteckte Empfänger); bitte nur mailto:name@beispiel.de angeben.")
    return text


Url = Annotated[str, BeforeValidator(_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^(https?|mailto|tel):"})]


def _number(value: Any, low: float, high: float, what: str) -> float:
    text = _one_line(value).replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        fail(f"'{value}' ist keine Zahl (Beispiel: 50.9271).")
    if not low <= number <= high:
        fail(f"{what} {number} liegt außerhalb Thüringens (erlaubt: {low} bis {high}).")
    return number


# A generous box around Thuringia (the state spans about 50.20–51.65 N, 9.87–12.66 E).
LAT_RANGE = (50.15, 51.70)
LON_RANGE = (9.80, 12.70)
Latitude = Annotated[
    float,
    BeforeValidator(lambda v: _number(v, *LAT_RANGE, "Breitengrad")),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*$"}, {"type": "number", "minimum": LAT_RANGE[0], "maximum": LAT_RANGE[1]}]}),
]
Longitude = Annotated[
    float,
    BeforeValidator(lambda v: _number(v, *LON_RANGE, "Längengrad")),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*$"}, {"type": "number", "minimum": LON_RANGE[0], "maximum": LON_RANGE[1]}]}),
]

def choice(options: dict[str, str]) -> Any:
    """A text that must be one of ``options`` (value → label shown on the site)."""

    def check(value: Any) -> str:
        text = _one_line(value)
        if text in options:
            return text
        lowered = {k.lower(): k for k in options}
        if text.lower() in lowered:
            return lowered[text.lower()]
        close = difflib.get_close_matches(text.lower(), list(lowered), n=1, cutoff=0.6)
        hint = f" – meinten Sie '{lowered[close[0]]}'?" if close else "."
        fail(f"'{text}' ist hier nicht erlaubt{hint} Möglich: {', '.join(options)}.")
        raise AssertionError  # unreachable

    return Annotated[str, BeforeValidator(check), WithJsonSchema({"type": "string", "enum": list(options)})]


def ident_list(min_items: int = 0) -> Any:
    return Annotated[list[Ident], BeforeValidator(as_list), ONE_OR_MANY, Field(min_length=min_items, max_length=MAX_ITEMS)]


def text_list(min_items: int = 0) -> Any:
    return Annotated[list[Line], BeforeValidator(as_list), ONE_OR_MANY, Field(min_length=min_items, max_length=MAX_ITEMS)]


def find_html(text: str) -> int | None:
    """Offset of the first raw HTML tag in ``text`` (Markdown must not contain HTML), else None."""
    match = _HTML.search(text)
    return match.start() if match else None


def _whole_number(value: Any, low: int, high: int) -> int:
    text = _one_line(value)
    if not re.fullmatch(r"\d+", text):
        fail(f"'{text}' ist keine ganze Zahl (Beispiel: 12).")
    number = int(text)
    if not low <= number <= high:
        fail(f"{number} liegt außerhalb des erlaubten Bereichs ({low} bis {high}).")
    return number


def whole_number(low: int, high: int) -> Any:
    """A whole number typed as digits, within ``low``..``high``."""
    return Annotated[
        int,
        BeforeValidator(lambda v: _whole_number(v, low, high)),
        WithJsonSchema({"anyOf": [{"type": "integer", "minimum": low, "maximum": high}, {"type": "string", "pattern": r"^\d+$"}]}),
    ]


# GitHub user names: letters, digits, single hyphens, at most 39 characters; teams as @org/team.
_HANDLE = re.compile(r"@?[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)?")


def _handle(value: Any) -> str:
    text = _one_line(value)
    if not _HANDLE.fullmatch(text):
        fail(f"'{text}' ist kein GitHub-Name: bitte so schreiben wie '@name' oder 'name' (Buchstaben, Ziffern, Bindestriche; Teams als '@organisation/team').")
    return "@" + text.lstrip("@")


GitHubHandle = Annotated[
    str,
    BeforeValidator(_handle),
    WithJsonSchema({"type": "string", "pattern": "^" + _HANDLE.pattern + "$", "examples": ["@name"]}),
]
