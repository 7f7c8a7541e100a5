"""The directories: ``/standorte/`` by district (with a district's own pages when it has many
sites), the A–Z list ``/anlaufstellen/`` and, through :mod:`.partners`, ``/partner/``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from thinka.data.dataset import Dataset
from thinka.data.districts import District, all_districts
from thinka.data.lifecycle import is_current
from thinka.data.model import Site
from thinka.data.vocabulary import HELP_TOPICS, SITE_STATUS
from thinka.exports.finder import SOURCES as FINDER_SOURCES

from .common import (
    CONTACT_POINTS_URL,
    SITES_URL,
    PageView,
    site_url,
    sort_key,
)
from .paging import page_url, paged_views
from .partners import partner_directory
from .sites import contact_point_view, status_view, topic_views
from .topics import topic_links, topic_pages
from .translation import N_
from .wording import district_title

# /standorte/ lists the sites of a district itself up to this many; a larger district shows its
# count and links to its own pages (fifty sites each), so no page grows with the programme.
SITES_LISTED_PER_DISTRICT = 10
SITES_PER_PAGE = 50
DISTRICTS_URL = f"{SITES_URL}kreise/"  # the sites file name "kreise" is reserved (validate.py)


def district_url(district: District) -> str:
    return f"{DISTRICTS_URL}{district.slug}/"


def _district_groups(dataset: Dataset, today: date) -> list[tuple[District, list[dict[str, Any]]]]:
    """Each district with sites, in German order of names; its sites active first, then by name
    (worked out once per build: /standorte/ and the district pages share it)."""
    key = f"district_groups:{today.isoformat()}"
    if key not in dataset.memo:
        dataset.memo[key] = _group_by_district(dataset, today)
    return dataset.memo[key]


def _group_by_district(dataset: Dataset, today: date) -> list[tuple[District, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    table = all_districts()
    for slug, located in dataset.sites.items():
        site: Site = located.record
        current = [p for p in site.anlaufstellen if is_current(site, p, today)]
        entry = {
            "name": site.name,
            "url": site_url(slug),
            "status": status_view(site),
            "towns": sorted({p.adresse.ort for p in current} | set(site.einzugsgebiet.orte if site.einzugsgebiet else ()), key=sort_key),
            "contact_points": len(current),
            "topics": topic_views(sorted(set(site.themen) | {t for p in current for t in p.themen}, key=list(HELP_TOPICS).index)),
        }
        for key in site.kreise:
            groups[key].append(entry)
    ordered = []
    for key, entries in sorted(groups.items(), key=lambda kv: sort_key(table[kv[0]].name)):
        entries.sort(key=lambda e: (e["status"]["value"] == "beendet", sort_key(e["name"])))
        ordered.append((table[key], entries))
    return ordered


def _district_summary(district: District, entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "key": district.key,
        "title": district_title(district),
        "kind": district.kind,
        "url": district_url(district),
        "total": len(entries),
        "active": sum(1 for e in entries if e["status"]["value"] == "aktiv"),
    }


def site_directory(dataset: Dataset, today: date) -> PageView:
    districts = [
        dict(_district_summary(district, entries), sites=entries if len(entries) <= SITES_LISTED_PER_DISTRICT else [])
        for district, entries in _district_groups(dataset, today)
    ]
    counts = {status: sum(1 for s in dataset.sites.values() if s.record.status == status) for status in SITE_STATUS}
    return PageView(
        "standorte/index.md",
        SITES_URL,
        N_("Standorte"),
        N_("Alle %(num)s ThINKA-Standorte in Thüringen, nach Landkreis und kreisfreier Stadt geordnet, mit Status und Anlaufstellen.", num=len(dataset.sites)),
        "site-directory.html",
        None,
        {"districts": districts, "counts": counts, "total": len(dataset.sites), "topics": topic_links(), "finder_sources": FINDER_SOURCES},
        search_text=N_("Alle Standorte nach Landkreis und kreisfreier Stadt: %(districts)s", districts=" ".join(d["title"] for d in districts)),
    )


# The A–Z list is split into pages of this many contact points, so no page grows with the programme.
CONTACT_POINTS_PER_PAGE = 50


def contact_point_directory(dataset: Dataset, today: date) -> Iterator[PageView]:
    """/anlaufstellen/ (and …/seite/2/ …): every contact point by town; letters link to the page
    where their towns begin."""

    # Sorted by town, then name (then data order); a row is drawn only with its page.
    order = sorted(
        (sort_key(point.adresse.ort), sort_key(point.name), n, slug, i)
        for n, (slug, located) in enumerate(dataset.sites.items())
        for i, point in enumerate(located.record.anlaufstellen)
        if is_current(located.record, point, today)
    )
    rows = []
    starts: dict[str, str] = {}
    for i, (town, _, _, slug, index) in enumerate(order):
        letter = town[:1].upper()
        number = i // CONTACT_POINTS_PER_PAGE + 1
        starts.setdefault(letter, f"{page_url(CONTACT_POINTS_URL, number)}#buchstabe-{letter.lower()}")
        # The first row of a page whose letter began on the page before.
        continued = i % CONTACT_POINTS_PER_PAGE == 0 and i > 0 and rows[i - 1][2] == letter
        rows.append((slug, index, letter, continued))

    def row(item: tuple[str, int, str, bool]) -> dict[str, Any]:
        slug, index, letter, continued = item
        site: Site = dataset.sites[slug].record
        view = contact_point_view(site.anlaufstellen[index], slug, index, today=today)
        view.update(site_name=site.name, url=f"{site_url(slug)}#{view['id']}", ended=site.status == "beendet", letter=letter, continued=continued)
        return view

    yield from paged_views(
        rows,
        drawn=row,
        base=CONTACT_POINTS_URL,
        per_page=CONTACT_POINTS_PER_PAGE,
        title=N_("Anlaufstellen A–Z"),
        description=N_("Alle %(num)s ThINKA-Anlaufstellen in Thüringen von A bis Z nach Ort, mit Adresse, Öffnungszeiten und Kontakt.", num=len(rows)),
        template="contact-point-directory.html",
        context={"letters": sorted(starts.items()), "total": len(rows)},
    )


def district_pages(dataset: Dataset, today: date) -> Iterator[PageView]:
    """/standorte/kreise/<kreis>/ (and …/seite/2/ …): the sites of one district, fifty per page."""

    for district, entries in _district_groups(dataset, today):
        summary = _district_summary(district, entries)
        yield from paged_views(
            entries,
            base=summary["url"],
            per_page=SITES_PER_PAGE,
            title=N_("Standorte: %(district)s", district=district_title(district)),
            description=N_(
                "ThINKA-Standorte – %(district)s: alle %(num)s mit Status und Orten, von dort zu Anlaufstellen, Öffnungszeiten und Kontakt.",
                district=district_title(district), num=len(entries),
            ),
            template="district-sites.html",
            context={"district": summary, "directory_url": SITES_URL},
        )


def directory_pages(dataset: Dataset, today: date) -> Iterator[PageView]:
    yield site_directory(dataset, today)
    yield from district_pages(dataset, today)
    yield from contact_point_directory(dataset, today)
    yield from topic_pages(dataset, today)
    yield from partner_directory(dataset)
