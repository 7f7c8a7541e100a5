"""What help is offered: ``/standorte/themen/<thema>/`` lists the sites that help with one topic
(a topic of the site or of one of its current contact points), fifty per page. These pages are
the topic filter of ``/standorte/``: plain links, so they work without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from thinka.data.dataset import Dataset
from thinka.data.lifecycle import is_current
from thinka.data.vocabulary import HELP_TOPICS

from .common import SITES_URL, PageView, site_url, sort_key
from .paging import paged_views
from .translation import N_, NP_, Text

TOPICS_URL = f"{SITES_URL}themen/"  # the sites file name "themen" is reserved (dataset.py)
SITES_PER_PAGE = 50


def topic_url(key: str) -> str:
    return f"{TOPICS_URL}{key}/"


def sites_by_topic(dataset: Dataset, today: date) -> dict[str, list[dict[str, Any]]]:
    """topic key → the sites (not ended) that name it, for itself or a current contact point, by name."""
    found: dict[str, list[dict[str, Any]]] = {key: [] for key in HELP_TOPICS}
    for slug, located in dataset.sites.items():
        site = located.record
        if site.status == "beendet":
            continue
        points = [(i, p) for i, p in enumerate(site.anlaufstellen) if is_current(site, p, today)]
        for key in HELP_TOPICS:
            where = [p.name for _, p in points if key in p.themen]
            if key in site.themen or where:
                found[key].append({"name": site.name, "url": site_url(slug), "points": [] if key in site.themen else where, "status": site.status})
    for entries in found.values():
        entries.sort(key=lambda e: sort_key(e["name"]))
    return found


def topic_pages(dataset: Dataset, today: date) -> Iterator[PageView]:
    by_topic = sites_by_topic(dataset, today)
    for key, german_label in HELP_TOPICS.items():
        entries = by_topic[key]
        label = Text(german_label)
        yield from paged_views(
            entries,
            base=topic_url(key),
            per_page=SITES_PER_PAGE,
            title=N_("Standorte zum Thema %(topic)s", topic=label),
            description=NP_(
                "ThINKA-Standorte, die bei „%(topic)s“ helfen: %(num)s Standort, mit Link zu Anlaufstellen und Kontakt.",
                "ThINKA-Standorte, die bei „%(topic)s“ helfen: %(num)s Standorte, mit Link zu Anlaufstellen und Kontakt.",
                len(entries), topic=label,
            )
            if entries
            else N_("ThINKA-Standorte, die bei „%(topic)s“ helfen: zurzeit nennt kein Standort dieses Thema.", topic=label),
            template="topic-sites.html",
            context={"topic": {"key": key, "label": label}, "topics": topic_links(), "directory_url": SITES_URL},
        )


def topic_links() -> list[dict[str, Any]]:
    return [{"key": key, "label": Text(label), "url": topic_url(key)} for key, label in HELP_TOPICS.items()]
