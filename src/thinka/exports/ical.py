"""iCalendar files (RFC 5545) with the ``icalendar`` library: times in Europe/Berlin with its
VTIMEZONE, all-day events as dates."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from icalendar import Calendar, Timezone
from icalendar import Event as VEvent

from thinka.data.settings import Settings

PRODID = "-//ThINKA Thüringen//Veranstaltungen//DE"


@dataclass(frozen=True)
class CalendarEntry:
    uid_name: str  # the event's file name: its UID is <name>@<host>, the same after every build
    title: str
    start: datetime | date
    end: datetime | date | None  # exclusive; None when open
    location: str
    description: str
    url: str  # site-relative


@functools.lru_cache(maxsize=None)
def _berlin(first_year: int, last_year: int) -> Timezone:
    """VTIMEZONE for Europe/Berlin from the tz database, once per range of years (it is read-only here)."""
    return Timezone.from_tzid("Europe/Berlin", first_date=date(first_year, 1, 1), last_date=date(last_year, 1, 1))


@functools.lru_cache(maxsize=None)
def _berlin_ical(first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE as iCalendar lines; folding its 30 lines anew for every calendar took most of the time."""
    return _berlin(first_year, last_year).to_ical()


def calendar(settings: Settings, name: str, entries: list[CalendarEntry], years: list[int]) -> bytes:
    """A calendar of ``entries``; ``years`` those of the events' starts. DTSTAMP is the build time in UTC."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    # A VTIMEZONE always: it covers the events' years, and a calendar needs at least one component.
    # It is the calendar's first component; serialised once per range of years and put in place below.
    years = years + [settings.today.year]
    timezone = _berlin_ical(min(years), max(years) + 2)
    host = urlsplit(settings.site_url).hostname or "thinka"
    for entry in entries:
        url = settings.absolute(entry.url)
        vevent = VEvent()
        vevent.add("uid", f"{entry.uid_name}@{host}")
        vevent.add("dtstamp", settings.now)
        vevent.add("dtstart", entry.start)
        if entry.end is not None:
            vevent.add("dtend", entry.end)
        vevent.add("summary", entry.title)
        vevent.add("location", entry.location)
        vevent.add("description", f"{entry.description}\n\n{url}")
        vevent.add("url", url)
        cal.add_component(vevent)
    head, end, tail = cal.to_ical().rpartition(b"END:VCALENDAR")
    head, begin, events_part = head.partition(b"BEGIN:VEVENT")
    return head + timezone + begin + events_part + end + tail
