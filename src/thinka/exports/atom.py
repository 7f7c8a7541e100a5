"""Atom feeds (RFC 4287): text escaped by ElementTree, HTML content carried as text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime, time

from thinka.data.dates import BERLIN
from thinka.data.settings import Settings

ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"


@dataclass(frozen=True)
class FeedEntry:
    url: str  # site-relative
    title: str
    day: date  # published and updated: the post's date, at midnight Berlin time
    summary: str
    content_html: str
    authors: list[str] = field(default_factory=list)
    categories: list[tuple[str, str]] = field(default_factory=list)  # (term, label)


def stamp(day: date) -> str:
    return datetime.combine(day, time(0, 0), tzinfo=BERLIN).isoformat()


def atom_feed(settings: Settings, title: str, page_url: str, feed_url: str, entries: list[FeedEntry]) -> str:
    """A feed of ``entries`` (newest first); ``page_url`` is the page the feed stands for."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {f"{{{XML}}}lang": "de"})
    _sub(feed, "id", settings.absolute(feed_url))
    _sub(feed, "title", title)
    # A feed without entries changes on the day of the build, not with every build: feed readers
    # and `make serve` (which rewrites only files that changed) see the same feed all day.
    _sub(feed, "updated", stamp(entries[0].day) if entries else stamp(settings.today))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=settings.absolute(feed_url))
    _sub(feed, "link", rel="alternate", type="text/html", href=settings.absolute(page_url))
    _sub(_sub(feed, "author"), "name", settings.site_name)
    for item in entries:
        url = settings.absolute(item.url)
        entry = _sub(feed, "entry", attrib={f"{{{XML}}}base": url})
        _sub(entry, "id", url)
        _sub(entry, "title", item.title)
        _sub(entry, "published", stamp(item.day))
        _sub(entry, "updated", stamp(item.day))
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        for name in item.authors:
            _sub(_sub(entry, "author"), "name", name)
        for term, label in item.categories:
            _sub(entry, "category", term=term, label=label)
        _sub(entry, "summary", item.summary)
        _sub(entry, "content", item.content_html, type="html")
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None, attrib: dict[str, str] | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrib or {}, **attributes)
    element.text = text
    return element
