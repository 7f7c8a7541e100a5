"""Time in HSDS 3.0: dates and local clock times as HSDS writes them, the iCalendar rule of an
opening-hours row (every week, even or odd calendar weeks, the n-th or last weekday of a month)
and a contact point's closures in words."""

from __future__ import annotations

from datetime import date, datetime, time

from thinka.data.dates import BERLIN, Day
from thinka.data.hours import clock
from thinka.data.lifecycle import closure_now, closures_ahead
from thinka.data.model import ContactPoint

# HSDS's weekday codes (RFC 5545) for Mo … So.
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

# A row held only in some weeks ('wochen'), as HSDS's iCalendar fields say it: even or odd
# calendar weeks by their numbers (BYWEEKNO with WEEKLY), the n-th or last weekday of a month
# (BYDAY with an ordinal and MONTHLY).
_EVEN_WEEKS = ",".join(str(n) for n in range(2, 54, 2))
_ODD_WEEKS = ",".join(str(n) for n in range(1, 54, 2))


def week_rule(days: list[int], wochen: str | None) -> dict[str, str]:
    if wochen in ("gerade", "ungerade"):
        return {"freq": "WEEKLY", "byweekno": _EVEN_WEEKS if wochen == "gerade" else _ODD_WEEKS, "byday": ",".join(BYDAY[d] for d in days)}
    if wochen is not None:
        ordinal = "-1" if wochen == "letzte" else wochen
        return {"freq": "MONTHLY", "byday": ",".join(ordinal + BYDAY[d] for d in days)}
    return {"freq": "WEEKLY", "byday": ",".join(BYDAY[d] for d in days)}


def closures(point: ContactPoint, today: date) -> str | None:
    """Closures that hold now or lie ahead, in words (past ones are no longer news)."""
    now = closure_now(point, today)
    ahead = ([now] if now else []) + closures_ahead(point, today)
    return " ".join(
        f"Vorübergehend geschlossen vom {c.von.first.isoformat()} bis {c.bis.last.isoformat()}"
        + (f" ({c.grund})." if c.grund else ".")
        for c in ahead
    ) or None


def day(value: Day | None) -> str | None:
    """A date as precise as HSDS allows: a month or year alone counts from its first day."""
    return value.first.isoformat() if value is not None else None


def moment(value: Day) -> str:
    return datetime.combine(value.first, time(0, 0), tzinfo=BERLIN).isoformat()


def clock_time(minutes: int) -> str:
    """Local time in Thuringia (Europe/Berlin), ``HH:MM:SS`` as HSDS's example and Table Schema's
    ``time`` write it. No UTC offset: it changes with summer time while the opening hours do not.
    An end at midnight (24:00) becomes the last second of the day, which ``time`` can hold."""
    return "23:59:59" if minutes >= 24 * 60 else clock(minutes) + ":00"
