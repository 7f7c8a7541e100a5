"""Field types: how a text typed by an editor becomes a value, with German messages.

Every input is text (see :mod:`thinka.yamlsource`), so each type parses text itself
and raises :func:`fail` with a message an editor can act on.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlsplit

import email_validator
import phonenumbers
from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from .yamlsource import FORBIDDEN, forbidden_character_message


def fail(message: str) -> None:
    raise PydanticCustomError("thinka", message)


# Characters that make text look other than it is (bidi overrides) or break output: the
# loader reports them already; checked again here for values that come from elsewhere.
_FORBIDDEN = FORBIDDEN


def _text(value: Any) -> str:
    if value is None:
        fail("Hier fehlt ein Wert.")
    if not isinstance(value, str):
        fail("Hier wird ein einfacher Text erwartet, keine Liste und kein Abschnitt.")
    value = unicodedata.normalize("NFC", value.strip())
    if not value:
        fail("Hier fehlt ein Wert.")
    bad = _FORBIDDEN.search(value)
    if bad:
        fail(forbidden_character_message(bad.group()))
    return value


Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]


def _one_line(value: Any) -> str:
    value = _text(value)
    if "\n" in value:
        fail("Dieser Wert muss in eine Zeile passen.")
    return value


Line = Annotated[str, BeforeValidator(_one_line), WithJsonSchema({"type": "string", "minLength": 1})]

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")


def _markdown(value: Any) -> str:
    value = _text(value)
    if _HTML.search(value):
        fail("HTML ist in Beschreibungen nicht erlaubt (gefunden: '<…'). Bitte nur Markdown verwenden.")
    return value


Markdown = Annotated[str, BeforeValidator(_markdown), WithJsonSchema({"type": "string", "minLength": 1})]


def as_list(value: Any) -> Any:
    """Let editors write one value without list syntax: ``telefon: 0361 123`` means a list of one."""
    if isinstance(value, str):
        return [value]
    return value


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


YesNo = Annotated[bool, BeforeValidator(_yes_no), WithJsonSchema({"type": "string", "enum": ["ja", "nein"]})]


def _postal_code(value: Any) -> str:
    value = _one_line(value)
    if not re.fullmatch(r"\d{5}", value):
        fail(f"Postleitzahl '{value}' muss aus genau fünf Ziffern bestehen (z. B. 07743).")
    if value[:2] not in {"04", "06", "07", "36", "37", "96", "98", "99"}:
        fail(f"Postleitzahl '{value}' liegt nicht in Thüringen (Thüringer Postleitzahlen beginnen mit 04, 06, 07, 36, 37, 96, 98 oder 99).")
    return value


PostalCode = Annotated[str, BeforeValidator(_postal_code), WithJsonSchema({"type": "string", "pattern": r"^\d{5}$"})]


@dataclass(frozen=True)
class Phone:
    """A German phone number: shown in national format, dialled in E.164."""

    typed: str
    e164: str
    display: str

    def __str__(self) -> str:
        return self.display


def _phone(value: Any) -> Phone:
    text = _one_line(value)
    try:
        number = phonenumbers.parse(text, "DE")
    except phonenumbers.NumberParseException:
        fail(f"'{text}' ist keine Telefonnummer (Beispiel: 03677 123456 oder +49 3677 123456).")
    if not phonenumbers.is_valid_number(number) or phonenumbers.region_code_for_number(number) != "DE":
        fail(f"'{text}' ist keine gültige deutsche Telefonnummer (Beispiel: 03677 123456).")
    return Phone(
        typed=text,
        e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        display=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
    )


PhoneNumber = Annotated[
    Phone,
    BeforeValidator(_phone),
    PlainSerializer(lambda p: p.display),
    WithJsonSchema({"type": "string", "examples": ["03677 123456"]}),
]


def _email(value: Any) -> str:
    text = _one_line(value)
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
    WithJsonSchema({"type": ["string", "number"], "examples": ["50.9271"]}),
]
Longitude = Annotated[
    float,
    BeforeValidator(lambda v: _number(v, *LON_RANGE, "Längengrad")),
    WithJsonSchema({"type": ["string", "number"], "examples": ["11.5892"]}),
]

MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]


@dataclass(frozen=True)
class Day:
    """A date as precise as the editor knows it: ``2013``, ``2013-03`` or ``2013-03-01``."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def first(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        return "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate((self.year, self.month, self.day)) if n)

    def german(self) -> str:
        if self.day:
            return f"{self.day}. {MONTHS[self.month - 1]} {self.year}"  # type: ignore[index]
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def month_year(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}" if self.month else str(self.year)

    def __str__(self) -> str:
        return self.iso()


def _day(value: Any) -> Day:
    text = _one_line(value)
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not match:
        fail(f"'{text}' ist kein Datum: bitte JJJJ-MM-TT schreiben (z. B. 2013-03-01), oder JJJJ-MM bzw. JJJJ, wenn der Tag nicht bekannt ist.")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year, month or 1, day or 1)  # type: ignore[arg-type]
    except ValueError:
        fail(f"Das Datum '{text}' gibt es nicht.")
    return Day(year, month, day)  # type: ignore[arg-type]


Date = Annotated[
    Day,
    BeforeValidator(_day),
    PlainSerializer(lambda d: d.iso()),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$", "examples": ["2013-03-01"]}),
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
        fail(f"'{text}' ist hier nicht erlaubt. Möglich: {', '.join(options)}.")
        raise AssertionError  # unreachable

    return Annotated[str, BeforeValidator(check), WithJsonSchema({"type": "string", "enum": list(options)})]


def ident_list(min_items: int = 0) -> Any:
    return Annotated[list[Ident], BeforeValidator(as_list), Field(min_length=min_items)]


def text_list(min_items: int = 0) -> Any:
    return Annotated[list[Line], BeforeValidator(as_list), Field(min_length=min_items)]
