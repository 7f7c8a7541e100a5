"""Field types: how a text typed by an editor becomes a value, with German messages.

Every input is text (see :mod:`thinka.yamlsource`), so each type parses text itself
and raises :func:`fail` with a message an editor can act on.
"""

from __future__ import annotations

import calendar
import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import email_validator
import phonenumbers
from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

# The JSON Schema (``thinka schema``) serves editors: VS Code and JetBrains read the YAML with
# YAML 1.2 typing, so an unquoted ``07743`` reaches the schema as the number 7743, ``2013`` as a
# number and ``true`` as a boolean. ``thinka validate`` reads every value as typed text. Each type
# below therefore also declares the non-text forms an editor may produce; the rules that decide
# stay in the Python validators.
from .yamlsource import FORBIDDEN, forbidden_character_message


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
    value = _text(value)
    if "\n" in value:
        fail("Dieser Wert muss in eine Zeile passen.")
    return value


# Unquoted ``2021`` or ``true`` is text for us but a number or boolean for an editor.
Line = Annotated[str, BeforeValidator(_one_line), WithJsonSchema({"type": ["string", "number", "boolean"], "minLength": 1})]

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
    # 03677123456 without spaces is a number for an editor.
    WithJsonSchema({"type": ["string", "integer"], "examples": ["03677 123456"]}),
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
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*$"}, {"type": "number", "minimum": LAT_RANGE[0], "maximum": LAT_RANGE[1]}]}),
]
Longitude = Annotated[
    float,
    BeforeValidator(lambda v: _number(v, *LON_RANGE, "Längengrad")),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*$"}, {"type": "number", "minimum": LON_RANGE[0], "maximum": LON_RANGE[1]}]}),
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
    # A year alone (2013) is a number for an editor.
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "integer", "minimum": 1000, "maximum": 9999}]}),
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
    return Annotated[list[Ident], BeforeValidator(as_list), ONE_OR_MANY, Field(min_length=min_items)]


def text_list(min_items: int = 0) -> Any:
    return Annotated[list[Line], BeforeValidator(as_list), ONE_OR_MANY, Field(min_length=min_items)]


def find_html(text: str) -> int | None:
    """Offset of the first raw HTML tag in ``text`` (Markdown must not contain HTML), else None."""
    match = _HTML.search(text)
    return match.start() if match else None


# ------------------------------------------------------------------ dates with times (events)
BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]


def german_date(day: date, *, weekday: bool = False) -> str:
    text = f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


@dataclass(frozen=True)
class Moment:
    """A day, or a day and a time of day in Europe/Berlin; an end may also be a time alone (same day)."""

    day: date | None
    clock: time | None = None

    def iso(self) -> str:
        parts = [self.day.isoformat() if self.day else "", self.clock.strftime("%H:%M") if self.clock else ""]
        return " ".join(p for p in parts if p)

    def __str__(self) -> str:
        return self.iso()


_MOMENT = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?|(\d{1,2}):(\d{2})")


def _clock(hours: str, minutes: str, text: str) -> time:
    try:
        return time(int(hours), int(minutes))
    except ValueError:
        fail(f"Die Uhrzeit in '{text}' gibt es nicht (erlaubt: 00:00 bis 23:59).")
    raise AssertionError  # unreachable


def _moment(value: Any, *, time_alone: bool) -> Moment:
    text = _one_line(value)
    match = _MOMENT.fullmatch(text)
    if not match or (match.group(4) and not time_alone):
        example = "2015-04-15, 2015-04-15 10:00" + (" oder nur 16:00, wenn es am selben Tag endet" if time_alone else "")
        fail(f"'{text}' ist kein Zeitpunkt: bitte JJJJ-MM-TT oder JJJJ-MM-TT HH:MM schreiben (z. B. {example}).")
    if match.group(4):
        return Moment(None, _clock(match.group(4), match.group(5), text))
    try:
        day = date.fromisoformat(match.group(1))
    except ValueError:
        fail(f"Das Datum '{match.group(1)}' gibt es nicht.")
    clock = _clock(match.group(2), match.group(3), text) if match.group(2) else None
    if clock is not None:
        local = datetime.combine(day, clock, tzinfo=BERLIN)
        if local.astimezone(timezone.utc).astimezone(BERLIN).replace(tzinfo=None) != local.replace(tzinfo=None):
            fail(f"Die Uhrzeit {clock:%H:%M} gibt es am {german_date(day)} wegen der Umstellung auf Sommerzeit nicht.")
    return Moment(day, clock)


_MOMENT_SCHEMA = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2})?$", "examples": ["2015-04-15 10:00"]}
Start = Annotated[
    Moment,
    BeforeValidator(lambda v: _moment(v, time_alone=False)),
    PlainSerializer(lambda m: m.iso()),
    WithJsonSchema(_MOMENT_SCHEMA),
]
End = Annotated[
    Moment,
    BeforeValidator(lambda v: _moment(v, time_alone=True)),
    PlainSerializer(lambda m: m.iso()),
    WithJsonSchema({"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2})?|\d{1,2}:\d{2})$", "examples": ["16:00"]}),
]


def moment_label(day: date, clock: time | None) -> str:
    return german_date(day) + (f", {clock:%H:%M} Uhr" if clock else "")


@dataclass(frozen=True)
class Span:
    """When an event takes place: from a day (and time) to a last day (and time), local time."""

    start_day: date
    start_clock: time | None
    end_day: date  # the last day, inclusive
    end_clock: time | None
    open_end: bool  # no end was given

    @property
    def all_day(self) -> bool:
        return self.start_clock is None

    @property
    def start(self) -> datetime | date:
        return datetime.combine(self.start_day, self.start_clock, tzinfo=BERLIN) if self.start_clock else self.start_day

    @property
    def end(self) -> datetime | date | None:
        """The exclusive end as calendars want it: the next day for all-day events; None when open."""
        if self.all_day:
            return self.end_day + timedelta(days=1)
        if self.open_end:
            return None
        return datetime.combine(self.end_day, self.end_clock, tzinfo=BERLIN)  # type: ignore[arg-type]


def span(start: Moment, end: Moment | None) -> Span:
    """Resolve ``beginn``/``ende``; raises ValueError with a German message when they do not fit."""
    assert start.day is not None
    if end is None:
        return Span(start.day, start.clock, start.day, None, True)
    if start.clock is None and end.clock is not None:
        raise ValueError("Der Beginn hat keine Uhrzeit, das Ende schon: bitte beide mit Uhrzeit angeben oder beide ohne.")
    if start.clock is not None and end.clock is None:
        raise ValueError("Der Beginn hat eine Uhrzeit, das Ende nicht: bitte auch beim Ende eine angeben (z. B. 16:00 oder 2015-04-16 16:00).")
    result = Span(start.day, start.clock, end.day or start.day, end.clock, False)
    start_label, end_label = moment_label(result.start_day, start.clock), moment_label(result.end_day, end.clock)
    if result.all_day and result.end_day < result.start_day:
        raise ValueError(f"Das Ende ({end_label}) liegt vor dem Beginn ({start_label}).")
    if not result.all_day and result.end <= result.start:  # type: ignore[operator]
        raise ValueError(f"Das Ende ({end_label}) liegt nicht nach dem Beginn ({start_label}).")
    return result


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
