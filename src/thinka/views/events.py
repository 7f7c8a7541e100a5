"""Events (Veranstaltungen): upcoming list, archive, event pages and iCalendar files.

"Upcoming" means: the event's last day is today or later, where today comes from the build
settings (:mod:`thinka.data.settings`), never from the clock directly. Addresses:

- ``veranstaltungen/`` upcoming events, soonest first; ``veranstaltungen/<name>/`` one event
  (``events/<name>.yml``) with ``veranstaltungen/<name>/termin.ics``
- ``veranstaltungen/archiv/`` years; ``veranstaltungen/archiv/<JJJJ>/`` past events of a year
- ``veranstaltungen/standorte/<slug>/`` a site's upcoming events; ``veranstaltungen/koordinierungsstelle/``
- ``veranstaltungen/kalender.ics`` all events; ``…/standorte/<slug>/kalender.ics`` a site's
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from thinka.data.dataset import Dataset, contact_point_matches, point_anchor
from thinka.data.dates import Span, german_date, span
from thinka.data.model import Event
from thinka.data.news_events import image_name, image_source
from thinka.data.settings import Settings
from thinka.data.text import render_markdown
from thinka.data.vocabulary import COORDINATION
from thinka.exports import ical
from thinka.exports.ical import CalendarEntry

from .common import Fragment, PageView, owner_link, owner_url, relative_link, site_url
from .paging import paged_views
from .sites import address_line

EVENTS_URL = "veranstaltungen/"
ARCHIVE_URL = f"{EVENTS_URL}archiv/"
CALENDAR_URL = f"{EVENTS_URL}kalender.ics"
PER_PAGE = 20
ON_SITE_PAGE = 5
ON_START_PAGE = 3


def event_url(name: str) -> str:
    return f"{EVENTS_URL}{name}/"


def owner_events_url(owner: str) -> str:
    return owner_url(EVENTS_URL, owner)


def media_url(name: str) -> str:
    plain = image_name(name)
    if plain is None:  # validation refuses it; never an address outside the folder
        raise ValueError(f"Bildname außerhalb des Ordners: {name!r}")
    return EVENTS_URL + plain


def when_label(when: Span) -> str:
    """German: 'Mittwoch, 15. April 2015, 10:00–16:00 Uhr', 'Mittwoch, 21. Oktober 2015', …"""
    first = german_date(when.start_day, weekday=True)
    same_day = when.end_day == when.start_day
    if when.all_day:
        return first if same_day else f"{first} bis {german_date(when.end_day, weekday=True)}"
    if when.open_end:
        return f"{first}, ab {when.start_clock:%H:%M} Uhr"
    if same_day:
        return f"{first}, {when.start_clock:%H:%M}–{when.end_clock:%H:%M} Uhr"
    return f"{first}, {when.start_clock:%H:%M} Uhr, bis {german_date(when.end_day, weekday=True)}, {when.end_clock:%H:%M} Uhr"


@dataclass(frozen=True)
class Entry:
    name: str
    event: Event
    when: Span


class Events:
    """The events of a dataset in time order, grouped once for all pages of a build."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        entries = [Entry(name, located.record, span(located.record.beginn, located.record.ende)) for name, located in dataset.events.items()]
        self.entries = sorted(entries, key=lambda e: (e.when.start_day, e.when.start_clock or time.min, e.name))
        self.by_owner: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            for owner in entry.event.standorte:
                self.by_owner[owner].append(entry)

    @staticmethod
    def upcoming(entries: list[Entry], today: date) -> list[Entry]:
        """Events that have not ended before ``today``, soonest first."""
        return [e for e in entries if e.when.end_day >= today]

    @staticmethod
    def past(entries: list[Entry], today: date) -> list[Entry]:
        """Events whose last day lies before ``today``, latest first."""
        return [e for e in reversed(entries) if e.when.end_day < today]

    def place(self, entry: Entry) -> dict[str, Any]:
        place = entry.event.ort
        if place.anlaufstelle:
            slug, index = contact_point_matches(self.dataset, entry.event.standorte, place.anlaufstelle)[0]
            # Where the contact point is, nothing more: its card (with its open-now state) is not needed here.
            point = self.dataset.sites[slug].record.anlaufstellen[index]
            return {"name": point.name, "address": address_line(point.adresse), "url": f"{site_url(slug)}#{point_anchor(index)}"}
        return {"name": place.name, "address": address_line(place.adresse), "url": None}  # type: ignore[arg-type]

    def teaser(self, entry: Entry, today: date) -> dict[str, Any]:
        place = self.place(entry)
        return {
            "name": entry.name,
            "title": entry.event.titel,
            "url": event_url(entry.name),
            "when": when_label(entry.when),
            "start_iso": entry.when.start.isoformat(),
            "place": place,
            "place_label": ", ".join(p for p in (place["name"], place["address"]) if p),
            "owners": [owner_link(self.dataset, o) for o in entry.event.standorte],
            "past": entry.when.end_day < today,
        }

    def teasers(self, entries: list[Entry], today: date) -> list[dict[str, Any]]:
        return [self.teaser(e, today) for e in entries]

    def site_section(self, owner: str, today: date) -> dict[str, Any]:
        """The upcoming events of a site (or the coordination office) for its page."""
        upcoming = self.upcoming(self.by_owner.get(owner, []), today)
        return {
            "upcoming": self.teasers(upcoming[:ON_SITE_PAGE], today),
            "total": len(upcoming),
            "all_url": owner_events_url(owner),
            "calendar_url": owner_events_url(owner) + "kalender.ics",
            "archive_url": ARCHIVE_URL,
        }


# ------------------------------------------------------------------ pages
def event_pages(dataset: Dataset, settings: Settings) -> Iterator[PageView]:
    events, today = Events(dataset), settings.today
    common = {"events_url": EVENTS_URL, "archive_url": ARCHIVE_URL, "calendar_url": CALENDAR_URL, "past": False, "owner": None}
    yield from paged_views(
        events.teasers(events.upcoming(events.entries, today), today),
        base=EVENTS_URL,
        per_page=PER_PAGE,
        title="Veranstaltungen",
        description="Die nächsten Veranstaltungen der ThINKA-Standorte und der Koordinierungsstelle in Thüringen.",
        template="event-list.html",
        context=dict(common, lead="Die nächsten Veranstaltungen der ThINKA-Standorte und der Koordinierungsstelle. Die nächste steht oben."),
    )
    for owner, entries in events.by_owner.items():
        upcoming = events.upcoming(entries, today)
        if not upcoming:
            continue
        who = owner_link(dataset, owner)
        yield from paged_views(
            events.teasers(upcoming, today),
            base=owner_events_url(owner),
            per_page=PER_PAGE,
            title=f"Veranstaltungen: {who['name']}",
            description=f"Die nächsten Veranstaltungen von {who['name']}.",
            template="event-list.html",
            context=dict(common, owner=who, calendar_url=owner_events_url(owner) + "kalender.ics", lead=f"Die nächsten Veranstaltungen von {who['name']}."),
        )
    past = events.past(events.entries, today)
    by_year: dict[int, list[Entry]] = defaultdict(list)
    for entry in past:
        by_year[entry.when.start_day.year].append(entry)
    yield PageView(
        f"{ARCHIVE_URL}index.md",
        ARCHIVE_URL,
        "Vergangene Veranstaltungen",
        "Archiv der ThINKA-Veranstaltungen nach Jahren.",
        "event-archive.html",
        None,
        dict(common, years=[{"year": y, "url": f"{ARCHIVE_URL}{y}/", "count": len(e)} for y, e in by_year.items()]),
        search_text="Archiv der ThINKA-Veranstaltungen nach Jahren.",
    )
    for year, entries in by_year.items():
        yield from paged_views(
            events.teasers(entries, today),
            base=f"{ARCHIVE_URL}{year}/",
            per_page=PER_PAGE,
            title=f"Veranstaltungen im Jahr {year}",
            description=f"ThINKA-Veranstaltungen im Jahr {year}, die bereits stattgefunden haben.",
            template="event-list.html",
            context=dict(common, past=True, lead=f"Diese Veranstaltungen im Jahr {year} haben bereits stattgefunden. Die letzte steht oben."),
        )
    for entry in events.entries:
        yield _event_page(events, entry, today)


def _event_page(events: Events, entry: Entry, today: date) -> PageView:
    url = event_url(entry.name)
    event = entry.event
    context = events.teaser(entry, today)
    context.update(
        description_html=render_markdown(event.beschreibung, link=lambda target: relative_link(url, target)),
        registration=event.anmeldung,
        image={"src": media_url(event.bild.datei), "alt": event.bild.alt} if event.bild else None,
        ics_url=f"{url}termin.ics",
        events_url=EVENTS_URL,
        archive_url=ARCHIVE_URL,
    )
    description = f"{event.titel}: {context['when']}, {context['place_label']}."
    return PageView(f"{url}index.md", url, event.titel, description, "event.html", events.dataset.events[entry.name].doc.path, context)


def home_fragment(dataset: Dataset, settings: Settings) -> Fragment:
    """The next events across all sites, for the start page (``<!-- thinka:veranstaltungen -->``)."""
    events = Events(dataset)
    upcoming = events.upcoming(events.entries, settings.today)
    return Fragment(
        "home-events.html",
        {"events": events.teasers(upcoming[:ON_START_PAGE], settings.today), "total": len(upcoming), "events_url": EVENTS_URL, "archive_url": ARCHIVE_URL, "calendar_url": CALENDAR_URL},
    )


# ------------------------------------------------------------------ files: calendars and images
def event_files(dataset: Dataset, settings: Settings) -> Iterator[tuple[str, str | bytes]]:
    events = Events(dataset)
    yield CALENDAR_URL, calendar(events, events.entries, settings, f"{settings.site_name} – Veranstaltungen")
    for owner in [*dataset.sites, COORDINATION]:
        name = owner_link(dataset, owner)["name"]
        yield owner_events_url(owner) + "kalender.ics", calendar(events, events.by_owner.get(owner, []), settings, f"{name} – Veranstaltungen")
    for entry in events.entries:
        yield f"{event_url(entry.name)}termin.ics", calendar(events, [entry], settings, entry.event.titel)
    published: set[str] = set()
    for located in dataset.events.values():
        image = located.record.bild
        source = image_source(dataset.data_dir / "events", image.datei) if image is not None else None
        if source is not None and media_url(image.datei) not in published:  # checked: it is there
            published.add(media_url(image.datei))
            yield media_url(image.datei), source.read_bytes()


def calendar(events: Events, entries: list[Entry], settings: Settings, name: str) -> bytes:
    """An iCalendar file of ``entries``; UIDs come from the file names, so a calendar app
    recognises an event again after every build."""
    items = []
    for entry in entries:
        teaser = events.teaser(entry, settings.today)
        text = entry.event.beschreibung
        if entry.event.anmeldung:
            text += f"\n\nAnmeldung: {entry.event.anmeldung}"
        items.append(CalendarEntry(entry.name, entry.event.titel, entry.when.start, entry.when.end, teaser["place_label"], text, teaser["url"]))
    return ical.calendar(settings, name, items, [e.when.start_day.year for e in entries])
