"""The canonical HSDS 3.0 JSON of /daten/hsds/: the records of :mod:`.hsds`, nested.

HSDS 3.0 has no packaging for many records in one file; its API wraps lists in a ``Page``
(``total_items`` … ``contents``). A static host cannot answer ``/services/{id}``, so each file is
what an HSDS API's ``/services?full=true`` and ``/organizations`` would return as one page, with
the licence beside ``contents``. The nested objects are the same dictionaries the CSV package
writes, so JSON and CSV cannot disagree.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import orjson

from thinka.data.dataset import Dataset
from thinka.data.settings import Settings

from .hsds import HSDS_VERSION, Tables, location_id, point_status, site_records, taxonomies

DIR = "daten/hsds/"
SERVICES_PATH = DIR + "services.json"
ORGANIZATIONS_PATH = DIR + "organizations.json"


def _children(rows: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    """Rows grouped by the parent they name in ``key``, without that key: nested in their parent,
    the reference says nothing (HSDS: foreign keys are for the tabular form; JSON is dereferenced).
    It keeps the file about a fifth smaller."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        parent = row.get(key)
        if parent is not None:
            found[parent].append({k: v for k, v in row.items() if k != key})
    return found


def _nest(row: dict[str, Any], **children: list[dict[str, Any]] | dict[str, Any] | None) -> dict[str, Any]:
    return {**row, **{name: value for name, value in children.items() if value}}


def short_terms(common: Tables) -> dict[str, dict[str, Any]]:
    """An attribute embeds its term with the term's code, name, description and taxonomy name; the
    taxonomies' own records (and taxonomy_id, language) are in the CSV package. Embedding them in
    every attribute made attributes half of the file."""
    return {row["id"]: {k: row[k] for k in ("id", "code", "name", "description", "taxonomy")} for row in common.rows["taxonomy_term"]}


def _attributes(rows: list[dict[str, Any]], terms: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    attributes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in rows:
        nested = {"id": a["id"], "link_entity": a["link_entity"], "taxonomy_term": terms[a["taxonomy_term_id"]]}
        if "value" in a:
            nested["value"] = a["value"]
        attributes[a["link_id"]].append(nested)
    return attributes


def services(t: Tables, terms: dict[str, dict[str, Any]], by_id: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The services of ``t`` (one site's records, or all), each with everything it holds embedded;
    ``by_id``: the organisations' plain records, embedded as each service's organisation."""
    rows = t.rows
    attributes = _attributes(rows["attribute"], terms)
    phones_of_contact = _children(rows["phone"], "contact_id")
    by_location = {name: _children(rows[name], "location_id") for name in ("address", "phone", "language", "accessibility")}
    locations = {
        row["id"]: _nest(
            row, addresses=by_location["address"].get(row["id"]), phones=by_location["phone"].get(row["id"]),
            languages=by_location["language"].get(row["id"]), accessibility=by_location["accessibility"].get(row["id"]),
            attributes=attributes.get(row["id"]),
        )
        for row in rows["location"]
    }
    schedules = _children(rows["schedule"], "service_at_location_id")
    contacts = _children([_nest(c, phones=phones_of_contact.get(c["id"])) for c in rows["contact"]], "service_at_location_id")
    at_locations = _children(
        [
            _nest(s, location=locations[s["location_id"]], schedules=schedules.get(s["id"]), contacts=contacts.get(s["id"]), attributes=attributes.get(s["id"]))
            for s in rows["service_at_location"]
        ],
        "service_id",
    )
    areas = _children(rows["service_area"], "service_id")
    return [
        _nest(
            s, organization=by_id.get(s.get("organization_id", "")),
            service_areas=areas.get(s["id"]), service_at_locations=at_locations.get(s["id"]), attributes=attributes.get(s["id"]),
        )
        for s in rows["service"]
    ]


def organizations(common: Tables, terms: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every organisation with its type; the coordination office with the programme ThINKA
    (services name it by program_id)."""
    attributes = _attributes(common.rows["attribute"], terms)
    programs_of = _children(common.rows["program"], "organization_id")
    return [_nest(o, programs=programs_of.get(o["id"]), attributes=attributes.get(o["id"])) for o in common.rows["organization"]]


def documents(t: Tables) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The services and the organisations of a whole set of records (tests, the /daten/ example)."""
    terms = short_terms(t)
    return services(t, terms, {row["id"]: row for row in t.rows["organization"]}), organizations(t, terms)


SERVICES_WHAT = "Alle ThINKA-Standorte als HSDS-Dienste (service), mit ihren Anlaufstellen (service_at_location, location)."
ORGANIZATIONS_WHAT = "Alle Organisationen, die an ThINKA beteiligt sind (organization)."


PAGE_TAIL = "]}\n"


def page_head(n: int, t: Tables, settings: Settings, what: str) -> str:
    """HSDS's API ``Page`` holding ``n`` records at once, with the licence beside it, up to the
    ``[`` that opens ``contents``: the records follow as JSON texts, comma-separated, then
    :data:`PAGE_TAIL` (so a writer can write them one by one)."""
    licence = t.licence
    head = dumps({
        "total_items": n, "total_pages": 1, "page_number": 1, "size": n, "first_page": True, "last_page": True, "empty": n == 0,
        "hsds_version": HSDS_VERSION,
        "description": what,
        "license": {"name": licence.kennung, "title": licence.name, "path": licence.url},
        "attribution": f"{licence.namensnennung}, {settings.absolute('daten/')}",
        "contents": [],
    })
    return head[: -len("[]}\n")] + "["


def page(contents: list[str], t: Tables, settings: Settings, what: str) -> str:
    """The whole ``Page`` around ``contents`` (the records as JSON texts)."""
    return page_head(len(contents), t, settings, what) + ",".join(contents) + PAGE_TAIL


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def compact_bytes(value: Any) -> bytes:
    """:func:`compact` as UTF-8, by orjson, about ten times faster (a sixth of the exports'
    time at 10,000 sites). The same bytes for what the records hold: text (every code point
    escaped as ``json`` escapes it), booleans, null, and coordinates inside Thuringia (both
    write the shortest decimal that reads back as the same number; they differ only below
    1e-4, as ``1e-05`` and ``0.00001``). tests/test_open_data_hsds.py compares the two."""
    return orjson.dumps(value)


def example(dataset: Dataset, settings: Settings) -> dict[str, Any] | None:
    """For /daten/: the first current contact point with opening hours, as HSDS JSON
    (its service_at_location), as rows of schedules.csv and as its GeoJSON feature's site;
    None when there is none. Made from that one site only, so it costs nothing at scale."""
    for slug, located in dataset.sites.items():
        for index, point in enumerate(located.record.anlaufstellen):
            if point.oeffnungszeiten and point_status(located.record, point, settings) == "active":
                one = Tables()
                taxonomies(one)
                site_records(one, slug, located.record, None, settings)
                lid = location_id(slug, point.name)
                service = services(one, short_terms(one), {})[0]
                sal = next(s for s in service["service_at_locations"] if s["location_id"] == lid)
                return {"slug": slug, "index": index, "point": point.name, "site": located.record.name, "tables": one, "json": sal}
    return None
