"""From the validated dataset to page views: what each generated page shows.

Templates only arrange; everything they show is computed here once (labels, links,
German dates). Each view names its component template in ``overrides/thinka/``.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import quote

from .districts import District, all_districts
from .hours import public_holidays, summary, weekly_ranges
from .jsonld import site_jsonld
from .model import COORDINATION, CONTACT_KINDS, ORGANISATION_TYPES, PRECISION, SITE_STATUS, STEP_FREE, ContactPoint, Organisation, Site
from .qr import qr_svg
from .settings import Settings
from .text import render_markdown, to_json
from .validate import Dataset
from .vcard import VCARD_NAME

SITES_URL = "standorte/"
CONTACT_POINTS_URL = "anlaufstellen/"
PARTNERS_URL = "partner/"


@dataclass
class PageView:
    """One generated page: where it lives, what it is called, which component draws it."""

    src_uri: str  # as if it were docs/<src_uri>
    url: str  # directory URL, e.g. "standorte/gera/"
    title: str
    description: str
    template: str
    source: Path | None  # the YAML file it comes from (for edit links)
    # What the template gets; a function for pages of which there are many (one per site), so that
    # a build holds the context of one such page at a time, not of all of them.
    context: dict[str, Any] | Callable[[], dict[str, Any]] = field(default_factory=dict)
    # What the site search should know of this page instead of its full text (None: full text).
    # Keeps the search index small when there are many generated pages.
    search_text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # more page metadata, e.g. robots: noindex

    def drawn_context(self) -> dict[str, Any]:
        """The template's context (computed now if the view holds a function)."""
        return self.context() if callable(self.context) else self.context

    def link(self, target: str) -> str:
        """Relative link from this page to ``target`` (a site-root-relative URL, maybe with #anchor)."""
        return relative_link(self.url, target)


@dataclass
class Fragment:
    """Generated HTML that a hand-written page asks for with a marker ``<!-- thinka:NAME -->``."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


def per_dataset(compute: Callable[[Dataset], Any]) -> Callable[[Dataset], Any]:
    """``compute(dataset)`` worked out once per dataset (kept in ``dataset.memo``), for what
    several pages of a build show."""

    @functools.wraps(compute)
    def once(dataset: Dataset) -> Any:
        if compute.__name__ not in dataset.memo:
            dataset.memo[compute.__name__] = compute(dataset)
        return dataset.memo[compute.__name__]

    return once


def relative_link(page_url: str, target: str) -> str:
    """Link from the page at ``page_url`` to ``target`` (maybe with #anchor); both relative to the site root."""
    path, _, anchor = target.partition("#")
    # posixpath.relpath("/" + path, "/" + page_url) for clean paths, without its normalising
    # (a site page draws about twenty links; relpath took a tenth of a 10,000-site build).
    here, there = page_url.split("/"), path.split("/")
    here, there = [p for p in here if p], [p for p in there if p]
    common = 0
    while common < len(here) and common < len(there) and here[common] == there[common]:
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") or not path else "")
    return rel + (f"#{anchor}" if anchor else "")


def site_url(slug: str) -> str:
    return f"{SITES_URL}{slug}/"


# /partner/ lists the organisations of a type itself up to this many; a larger type shows its count
# and links to its own pages (fifty each). An organisation lists up to twenty of its sites (each
# site page names all of its organisations), so no page grows with the programme.
PARTNERS_LISTED_PER_TYPE = 25
PARTNERS_PER_PAGE = 50
SITES_LISTED_PER_PARTNER = 20


def partner_url(dataset: Dataset, ident: str) -> str:
    """Where the partner directory shows an organisation: /partner/#id, or the page of its type."""
    return _partner_places(dataset).get(ident, f"{PARTNERS_URL}#{ident}")


def partner_type_url(kind: str) -> str:
    return f"{PARTNERS_URL}{kind}/"


@per_dataset
def _partners_by_type(dataset: Dataset) -> list[tuple[str, list[Organisation]]]:
    """Each organisation type with its organisations in German order."""
    kinds = []
    for kind in ORGANISATION_TYPES:
        orgs = sorted((o.record for o in dataset.organisations.values() if o.record.typ == kind), key=lambda o: sort_key(o.name))
        if orgs:
            kinds.append((kind, orgs))
    return kinds


@per_dataset
def _partner_places(dataset: Dataset) -> dict[str, str]:
    """Organisation id -> its place in the partner directory."""
    from .paging import page_url  # paging builds on PageView, defined here

    places = {}
    for kind, orgs in _partners_by_type(dataset):
        for i, org in enumerate(orgs):
            page = PARTNERS_URL if len(orgs) <= PARTNERS_LISTED_PER_TYPE else page_url(partner_type_url(kind), i // PARTNERS_PER_PAGE + 1)
            places[org.id] = f"{page}#{org.id}"
    return places


COORDINATION_URL = "programm/koordinierungsstelle/"


def owner_url(base: str, owner: str) -> str:
    """A site's (or the coordination office's) folder below a section: ``aktuelles/standorte/gera/``."""
    return f"{base}{COORDINATION}/" if owner == COORDINATION else f"{base}standorte/{owner}/"


def owner_link(dataset: Dataset, key: str) -> dict[str, str]:
    """Who a post or event belongs to: a site, or the coordination office (``koordinierungsstelle``)."""
    if key == COORDINATION:
        return {"key": key, "name": "Koordinierungsstelle", "url": COORDINATION_URL}
    return {"key": key, "name": dataset.sites[key].record.name, "url": site_url(key)}


@functools.lru_cache(maxsize=1 << 16)  # the same names and towns are sorted on many pages
def sort_key(text: str) -> str:
    """German alphabetical order: umlauts sort with their base letter."""
    if text.isascii():  # nothing to decompose
        return text.casefold()
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))


# ------------------------------------------------------------------ shared pieces
@cache
def holidays_json(year: int) -> str:
    return to_json(public_holidays(year))


def route_url(point: ContactPoint) -> str:
    """OpenStreetMap directions to the contact point (coordinates if known, else the address)."""
    if point.koordinaten and point.koordinaten.genauigkeit == "adresse":
        target = f"{point.koordinaten.lat:.5f},{point.koordinaten.lon:.5f}"
    else:
        address = point.adresse
        target = ", ".join(p for p in (address.strasse, " ".join(x for x in (address.plz, address.ort) if x)) if p)
    return "https://www.openstreetmap.org/directions?from=&to=" + quote(target, safe=",")


def contact_point_view(point: ContactPoint, slug: str, index: int, holidays: str = "[]") -> dict[str, Any]:
    """One contact point as the templates show it; ``holidays`` (JSON) feeds the open-now state."""
    address = point.adresse
    place = " ".join(p for p in (address.plz, address.ort) if p)
    return {
        "hours_json": to_json(weekly_ranges(point.oeffnungszeiten)) if point.oeffnungszeiten else None,
        "holidays_json": holidays,
        "route_url": route_url(point),
        "vcard_url": site_url(slug) + VCARD_NAME.format(n=index + 1),
        "id": f"anlaufstelle-{index + 1}",
        "name": point.name,
        "kind": CONTACT_KINDS[point.art],
        "street": address.strasse,
        "place": place,
        "town": address.ort,
        "district_part": address.ortsteil,
        "address_line": ", ".join(p for p in (address.strasse, place) if p) + (f" ({address.ortsteil})" if address.ortsteil else ""),
        "hours": [
            {"days": row.tage.label, "days_spoken": row.tage.spoken, "times": [r.label for r in row.zeiten]}
            for row in point.oeffnungszeiten
        ],
        "hours_summary": summary(point.oeffnungszeiten),
        "by_appointment": point.nach_vereinbarung,
        "hours_note": point.oeffnungszeiten_hinweis,
        "phones": [{"display": p.display, "e164": p.e164} for p in point.telefon],
        "email": point.email,
        "website": point.website,
        "step_free": STEP_FREE[point.stufenlos] if point.stufenlos else None,
        "step_free_value": point.stufenlos,
        "languages": point.sprachen,
        "persons": [
            {
                "role": person.rolle,
                "name": person.name,
                "phones": [{"display": p.display, "e164": p.e164} for p in person.telefon],
                "email": person.email,
            }
            for person in point.ansprechpersonen
        ],
        "since": point.seit.german() if point.seit else None,
        "coordinates": (
            {"lat": point.koordinaten.lat, "lon": point.koordinaten.lon, "precision": PRECISION[point.koordinaten.genauigkeit]}
            if point.koordinaten
            else None
        ),
        "has_contact": bool(point.telefon or point.email or point.website),
        "site_url": site_url(slug),
    }


def _org(dataset: Dataset, ident: str) -> Organisation:
    return dataset.organisation(ident)


def _member_views(dataset: Dataset, members: list[Any]) -> list[dict[str, Any]]:
    return [
        {"name": _org(dataset, m.organisation).name, "role": m.rolle, "url": partner_url(dataset, m.organisation)}
        for m in members
    ]


def _districts(site: Site) -> list[District]:
    table = all_districts()
    return [table[key] for key in site.kreise]


def _status(site: Site) -> dict[str, Any]:
    if site.status == "beendet":
        text = f"beendet {site.ende.month_year()}" if site.ende else "beendet"
    elif site.status == "geplant":
        text = f"geplant ab {site.beginn.month_year()}" if site.beginn else "in Planung"
    else:
        text = f"aktiv seit {site.beginn.month_year()}" if site.beginn else "aktiv"
    return {"value": site.status, "label": SITE_STATUS[site.status], "text": text}


# ------------------------------------------------------------------ the pages
def site_page(
    dataset: Dataset, slug: str, settings: Settings, *, news: dict[str, Any] | None = None, events: dict[str, Any] | None = None
) -> PageView:
    """The page of one site; ``news`` and ``events`` are its sections from :mod:`thinka.news` and :mod:`thinka.events`."""
    located = dataset.sites[slug]
    site: Site = located.record
    districts = _districts(site)
    towns = sorted({p.adresse.ort for p in site.anlaufstellen}, key=sort_key)
    where = " und ".join(d.title for d in districts)
    description = f"{site.name} ({where}): " + (
        f"Anlaufstellen in {', '.join(towns)} mit Adresse, Öffnungszeiten und Kontakt."
        if towns
        else "Träger, Steuerungsgruppe, Partner und wie Sie Kontakt aufnehmen."
    )
    coordination = dataset.program.koordinierungsstelle if dataset.program else None

    def context() -> dict[str, Any]:
        return {
            "slug": slug,
            "name": site.name,
            "districts": [{"title": d.title, "anchor": d.key} for d in districts],
            "status": _status(site),
            "start": site.beginn.german() if site.beginn else None,
            "end": site.ende.german() if site.ende else None,
            "description_html": render_markdown(site.beschreibung),
            "contact_points": [contact_point_view(p, slug, i, holidays_json(settings.today.year)) for i, p in enumerate(site.anlaufstellen)],
            "carriers": [
                {"name": _org(dataset, t).name, "url": partner_url(dataset, t), "website": _org(dataset, t).website}
                for t in site.traeger
            ],
            "steering_group": _member_views(dataset, site.steuerungsgruppe),
            "partners": _member_views(dataset, site.partner),
            "service_area": (
                {"towns": site.einzugsgebiet.orte, "parts": site.einzugsgebiet.ortsteile, "postal_codes": site.einzugsgebiet.plz}
                if site.einzugsgebiet
                else None
            ),
            "reviewed": site.stand.month_year(),
            "reviewed_iso": site.stand.iso(),
            "coordination": (
                {"name": _org(dataset, coordination).name, "url": partner_url(dataset, coordination)} if coordination else None
            ),
            "directory_url": SITES_URL,
            "jsonld": site_jsonld(site, settings.absolute(site_url(slug))),
            "qr_svg": qr_svg(settings.absolute(site_url(slug))),
            "page_url": settings.absolute(site_url(slug)),
            "news": news,
            "events": events,
        }

    search_text = " ".join(
        [d.title for d in districts]
        + [p.name for p in site.anlaufstellen]
        + site.einzugsgebiet.orte
        + site.einzugsgebiet.ortsteile
        + site.einzugsgebiet.plz
    )
    return PageView(f"standorte/{slug}.md", site_url(slug), site.name, description, "site.html", located.doc.path, context, search_text)


# /standorte/ lists the sites of a district itself up to this many; a larger district shows its
# count and links to its own pages (fifty sites each), so no page grows with the programme.
SITES_LISTED_PER_DISTRICT = 10
SITES_PER_PAGE = 50
DISTRICTS_URL = f"{SITES_URL}kreise/"  # the sites file name "kreise" is reserved (validate.py)


def district_url(district: District) -> str:
    return f"{DISTRICTS_URL}{district.slug}/"


@per_dataset
def _district_groups(dataset: Dataset) -> list[tuple[District, list[dict[str, Any]]]]:
    """Each district with sites, in German order of names; its sites active first, then by name."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    table = all_districts()
    for slug, located in dataset.sites.items():
        site: Site = located.record
        entry = {
            "name": site.name,
            "url": site_url(slug),
            "status": _status(site),
            "towns": sorted({p.adresse.ort for p in site.anlaufstellen} | set(site.einzugsgebiet.orte if site.einzugsgebiet else ()), key=sort_key),
            "contact_points": len(site.anlaufstellen),
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
        "title": district.title,
        "kind": district.kind,
        "url": district_url(district),
        "total": len(entries),
        "active": sum(1 for e in entries if e["status"]["value"] == "aktiv"),
    }


def site_directory(dataset: Dataset) -> PageView:
    districts = [
        dict(_district_summary(district, entries), sites=entries if len(entries) <= SITES_LISTED_PER_DISTRICT else [])
        for district, entries in _district_groups(dataset)
    ]
    counts = {status: sum(1 for s in dataset.sites.values() if s.record.status == status) for status in SITE_STATUS}
    return PageView(
        "standorte/index.md",
        SITES_URL,
        "Standorte",
        f"Alle {len(dataset.sites)} ThINKA-Standorte in Thüringen, nach Landkreis und kreisfreier Stadt geordnet, mit Status und Anlaufstellen.",
        "site-directory.html",
        None,
        {"districts": districts, "counts": counts, "total": len(dataset.sites)},
        search_text="Alle Standorte nach Landkreis und kreisfreier Stadt: " + " ".join(d["title"] for d in districts),
    )


# The A–Z list is split into pages of this many contact points, so no page grows with the programme.
CONTACT_POINTS_PER_PAGE = 50


def contact_point_directory(dataset: Dataset) -> Iterator[PageView]:
    """/anlaufstellen/ (and …/seite/2/ …): every contact point by town; letters link to the page
    where their towns begin."""
    from .paging import page_url, paged_views  # paging builds on PageView, defined here

    # Sorted by town, then name (then data order); a row is drawn only with its page.
    order = sorted(
        (sort_key(point.adresse.ort), sort_key(point.name), n, slug, i)
        for n, (slug, located) in enumerate(dataset.sites.items())
        for i, point in enumerate(located.record.anlaufstellen)
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
        view = contact_point_view(site.anlaufstellen[index], slug, index)
        view.update(site_name=site.name, url=f"{site_url(slug)}#{view['id']}", ended=site.status == "beendet", letter=letter, continued=continued)
        return view

    yield from paged_views(
        rows,
        drawn=row,
        base=CONTACT_POINTS_URL,
        per_page=CONTACT_POINTS_PER_PAGE,
        title="Anlaufstellen A–Z",
        description=f"Alle {len(rows)} ThINKA-Anlaufstellen in Thüringen von A bis Z nach Ort, mit Adresse, Öffnungszeiten und Kontakt.",
        template="contact-point-directory.html",
        context={"letters": sorted(starts.items()), "total": len(rows)},
    )


def _involvement(dataset: Dataset) -> dict[str, list[dict[str, Any]]]:
    """Organisation id -> the sites (and programme roles) it takes part in, sites in German order."""
    involvement: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for slug, located in sorted(dataset.sites.items(), key=lambda kv: sort_key(kv[1].record.name)):
        site: Site = located.record
        for ident in site.traeger:
            involvement[ident].append({"name": site.name, "url": site_url(slug), "role": "Träger"})
        for group, label in (("steuerungsgruppe", "Steuerungsgruppe"), ("partner", "Netzwerkpartner")):
            for member in getattr(site, group):
                role = label + (f": {member.rolle}" if member.rolle else "")
                involvement[member.organisation].append({"name": site.name, "url": site_url(slug), "role": role})
    if dataset.program:
        involvement[dataset.program.koordinierungsstelle].insert(0, {"name": "Programm ThINKA", "url": "programm/koordinierungsstelle/", "role": "Koordinierungsstelle"})
        involvement[dataset.program.ministerium].insert(0, {"name": "Programm ThINKA", "url": "programm/foerderung/", "role": "zuständiges Ministerium"})
    return involvement


def _partner_entry(org: Organisation, sites: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": org.id,
        "name": org.name,
        "short": org.kurzname,
        "town": org.ort,
        "website": org.website,
        "sites": sites[:SITES_LISTED_PER_PARTNER],
        "more_sites": max(0, len(sites) - SITES_LISTED_PER_PARTNER),
    }


def partner_directory(dataset: Dataset) -> Iterator[PageView]:
    """/partner/ by type, and /partner/<typ>/ (fifty per page) for types with many organisations."""
    from .paging import paged_views  # paging builds on PageView, defined here

    involvement = _involvement(dataset)
    groups, own_pages = [], []
    for kind, orgs in _partners_by_type(dataset):
        entries = [_partner_entry(o, involvement.get(o.id, [])) for o in orgs]
        listed = len(entries) <= PARTNERS_LISTED_PER_TYPE
        groups.append({"kind": kind, "label": ORGANISATION_TYPES[kind], "organisations": entries if listed else [], "total": len(entries), "url": partner_type_url(kind)})
        if not listed:
            own_pages.append((kind, entries))
    yield PageView(
        "partner/index.md",
        PARTNERS_URL,
        "Partner",
        f"Träger, Kommunen, Wohnungsunternehmen und Netzwerkpartner von ThINKA ({len(dataset.organisations)} Organisationen) und die Standorte, an denen sie mitwirken.",
        "partner-directory.html",
        None,
        {"groups": groups},
        search_text="Träger, Kommunen, Wohnungsunternehmen, Ministerium, Koordinierungsstelle und Netzwerkpartner.",
    )
    for kind, entries in own_pages:
        label = ORGANISATION_TYPES[kind]
        yield from paged_views(
            entries,
            base=partner_type_url(kind),
            per_page=PARTNERS_PER_PAGE,
            title=f"Partner: {label}",
            description=f"{label} bei ThINKA: alle {len(entries)}, jeweils mit den Standorten, an denen sie mitwirken.",
            template="partner-type.html",
            context={"label": label, "directory_url": PARTNERS_URL},
        )


def district_pages(dataset: Dataset) -> Iterator[PageView]:
    """/standorte/kreise/<kreis>/ (and …/seite/2/ …): the sites of one district, fifty per page."""
    from .paging import paged_views  # paging builds on PageView, defined here

    for district, entries in _district_groups(dataset):
        summary = _district_summary(district, entries)
        yield from paged_views(
            entries,
            base=summary["url"],
            per_page=SITES_PER_PAGE,
            title=f"Standorte: {district.title}",
            description=f"ThINKA-Standorte – {district.title}: alle {len(entries)} mit Status und Orten, von dort zu Anlaufstellen, Öffnungszeiten und Kontakt.",
            template="district-sites.html",
            context={"district": summary, "directory_url": SITES_URL},
        )


def directory_pages(dataset: Dataset) -> Iterator[PageView]:
    yield site_directory(dataset)
    yield from district_pages(dataset)
    yield from contact_point_directory(dataset)
    yield from partner_directory(dataset)
