"""The partner directory: ``/partner/`` by type of organisation, and a type's own pages
(``/partner/<typ>/``) when it has many; where each organisation is listed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from thinka.data.dataset import Dataset
from thinka.data.model import Organisation, Site
from thinka.data.vocabulary import ORGANISATION_TYPES

from .common import PARTNERS_URL, PageView, per_dataset, site_url, sort_key
from .paging import page_url, paged_views

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

    places = {}
    for kind, orgs in _partners_by_type(dataset):
        for i, org in enumerate(orgs):
            page = PARTNERS_URL if len(orgs) <= PARTNERS_LISTED_PER_TYPE else page_url(partner_type_url(kind), i // PARTNERS_PER_PAGE + 1)
            places[org.id] = f"{page}#{org.id}"
    return places


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


