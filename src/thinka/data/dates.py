"""Dates as editors write them: a day, month or year (``2013-03``) for sites and posts, a moment
with a time of day (``2015-04-15 10:00``) and the span of an event, in Europe/Berlin time."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from .limits import MAX_YEAR, MIN_YEAR, years_message
from .types import _one_line, fail

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
    if not MIN_YEAR <= year <= MAX_YEAR:  # type: ignore[operator]
        fail(years_message(text))
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
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}]}),
]


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
    if not MIN_YEAR <= int(match.group(1)[:4]) <= MAX_YEAR:
        fail(years_message(match.group(1)))
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
