"""Opening hours: weekdays and time ranges as editors type them, shown in German style."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from .types import _one_line, fail
from .vocabulary import WEEK_RHYTHM_SHORT

WEEKDAYS = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
WEEKDAY_NAMES = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
# Every dash a keyboard or word processor may put between two days or times: hyphen-minus,
# hyphen (U+2010), non-breaking hyphen, figure dash, en and em dash, minus sign.
DASH = re.compile(r"\s*(?:[-\u2010-\u2014\u2212]|bis)\s*")


@dataclass(frozen=True)
class Weekdays:
    days: tuple[int, ...]

    @property
    def label(self) -> str:
        """``Mo–Fr``, ``Mo, Mi, Fr``, ``Mo–Mi, Fr``: runs of three or more days become a range."""
        parts, run = [], [self.days[0]]
        for day in self.days[1:] + (99,):
            if day == run[-1] + 1:
                run.append(day)
                continue
            if len(run) >= 3:
                parts.append(f"{WEEKDAYS[run[0]]}–{WEEKDAYS[run[-1]]}")
            else:
                parts.extend(WEEKDAYS[d] for d in run)
            run = [day]
        return ", ".join(parts)

    @property
    def spoken(self) -> str:
        """For screen readers: ``Montag bis Freitag``."""
        return ", ".join(
            " bis ".join(WEEKDAY_NAMES[WEEKDAYS.index(d)] for d in part.split("–")) for part in self.label.split(", ")
        )


def _weekday(token: str, typed: str) -> int:
    key = token.strip()[:2].capitalize()
    if key not in WEEKDAYS or not WEEKDAY_NAMES[WEEKDAYS.index(key)].lower().startswith(token.strip().lower()):
        fail(f"'{token.strip()}' in '{typed}' ist kein Wochentag (Mo, Di, Mi, Do, Fr, Sa, So).")
    return WEEKDAYS.index(key)


def _weekdays(value: Any) -> Weekdays:
    typed = _one_line(value)
    if re.search(r"\d", typed):
        fail(f"'{typed}' nennt Uhrzeiten: bei 'tage:' stehen nur die Wochentage (z. B. tage: Mo–Fr), die Uhrzeiten gehören in die Zeile 'zeiten:' darunter (z. B. zeiten: 09:00–12:00).")
    days: list[int] = []
    for part in re.split(r"\s*[,/]\s*|\s+und\s+", typed):
        ends = DASH.split(part)
        if len(ends) == 1:
            days.append(_weekday(ends[0], typed))
        elif len(ends) == 2:
            first, last = _weekday(ends[0], typed), _weekday(ends[1], typed)
            if last < first:
                fail(f"Der Tagesbereich '{part}' endet vor seinem Anfang (Woche beginnt am Montag).")
            days.extend(range(first, last + 1))
        else:
            fail(f"'{part}' ist kein Tagesbereich (Beispiel: Mo–Fr).")
    if len(set(days)) != len(days):
        fail(f"In '{typed}' ist ein Wochentag doppelt genannt.")
    return Weekdays(tuple(sorted(days)))


Days = Annotated[
    Weekdays,
    BeforeValidator(_weekdays),
    PlainSerializer(lambda w: w.label),
    WithJsonSchema({"type": "string", "examples": ["Mo–Fr", "Di, Do", "Mi"]}),
]


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class TimeRange:
    start: int  # minutes after midnight
    end: int

    @property
    def label(self) -> str:
        return f"{clock(self.start)}–{clock(self.end)}"

    def overlaps(self, other: TimeRange) -> bool:
        return self.start < other.end and other.start < self.end


def _minutes(text: str, typed: str) -> int:
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", text.strip())
    if not match:
        fail(f"'{text.strip()}' in '{typed}' ist keine Uhrzeit: bitte SS:MM schreiben (z. B. 09:00).")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        fail(f"Die Uhrzeit '{text.strip()}' gibt es nicht.")
    return hours * 60 + minutes


def _time_range(value: Any) -> TimeRange:
    typed = _one_line(value)
    ends = DASH.split(typed.removesuffix(" Uhr"))
    if len(ends) != 2:
        fail(f"'{typed}' ist keine Zeitspanne: bitte von–bis schreiben (z. B. 09:00–12:00).")
    start, end = _minutes(ends[0], typed), _minutes(ends[1], typed)
    if end <= start:
        fail(f"Die Zeitspanne '{typed}' endet nicht nach ihrem Beginn.")
    return TimeRange(start, end)


def _time_ranges(value: Any) -> Any:
    if isinstance(value, str):
        parts = re.split(r"\s*[,;]\s*|\s+und\s+", value.strip())
        if not any(parts):
            fail(f"'{value.strip()}' enthält keine Zeitspanne: bitte von–bis schreiben (z. B. 09:00–12:00).")
        if not all(parts):
            fail(f"In '{value.strip()}' steht eine leere Zeitspanne (ein Komma zu viel): bitte von–bis schreiben (z. B. 09:00–12:00, 13:00–15:00).")
        return parts
    if isinstance(value, list) and not value:
        fail("Hier fehlt die Zeitspanne: bitte von–bis schreiben (z. B. 09:00–12:00).")
    return value


_RANGE = r"\d{1,2}[:.]\d{2}\s*([-\u2010-\u2014\u2212]|bis)\s*\d{1,2}[:.]\d{2}( Uhr)?"
Range = Annotated[
    TimeRange,
    BeforeValidator(_time_range),
    PlainSerializer(lambda r: r.label),
    WithJsonSchema({"type": "string", "pattern": rf"^\s*{_RANGE}\s*$", "examples": ["09:00–12:00"]}),
]


class _OneLineOrList:
    """JSON Schema: ``zeiten`` takes ``09:00–12:00, 13:00–15:00`` on one line, or a list."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        line = {"type": "string", "pattern": rf"^\s*{_RANGE}(\s*([,;]|\sund\s)\s*{_RANGE})*\s*$"}
        return {"anyOf": [line, handler(core_schema)]}


RangeList = Annotated[list[Range], BeforeValidator(_time_ranges), _OneLineOrList()]


def summary(rows: list[Any]) -> str:
    """``Mo–Fr 09:00–12:00, Do 14:00–18:00`` for one contact point's rows."""
    return ", ".join(
        f"{row.tage.label} {', '.join(r.label for r in row.zeiten)}"
        + (f" ({WEEK_RHYTHM_SHORT[row.wochen]})" if row.wochen else "")
        for row in rows
    )


def weekly_ranges(rows: list[Any]) -> list[list[int]]:
    """``[[weekday 0=Mo, start minute, end minute], …]`` for the browser's open/closed state; only
    rows held every week (a row with ``wochen`` is not: the browser cannot tell odd weeks or the
    first Monday, so such a row never says "open now")."""
    return sorted([day, r.start, r.end] for row in rows if row.wochen is None for r in row.zeiten for day in row.tage.days)


def public_holidays(year: int, years_ahead: int = 2) -> list[str]:
    """Thuringia's public holidays (ISO dates) from the previous year to ``years_ahead`` years on,
    from the maintained ``holidays`` library."""
    import holidays

    table = holidays.country_holidays("DE", subdiv="TH", years=range(year - 1, year + years_ahead + 1))
    return sorted(day.isoformat() for day in table)
