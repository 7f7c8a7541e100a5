"""The files of /daten/: HSDS JSON, the CSV data package and GeoJSON, assembled from each site's part.

Each file holds every site, so a change to one site file changes every file. Each site's part
(its service as JSON, its lines of every CSV table, its GeoJSON Features) is therefore made once
and kept while the site's record is the same object: the loader hands out the same record for a
file that did not change (``data.validate``), so a ``make serve`` rebuild after one edit makes
one site's part again and joins the rest. A full ``mkdocs build`` starts empty and makes every
part once, in the forked file writer.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from thinka.data.dataset import Dataset
from thinka.data.settings import Settings

from . import geojson, hsds_json, tabular
from .hsds import TABLES, Tables, check, common_records, coordination, program_id, site_records

FORMATS = ("hsds", "csv", "geojson")
SITE_TABLES = ("service", "attribute", "service_at_location", "location", "phone", "contact", "address", "schedule", "service_area", "language", "accessibility")


@dataclass
class SitePart:
    site: Any  # the record it was made from (held, so it is compared by identity)
    key: tuple[Any, ...]  # and what else it depends on, compared by value
    service: str  # the service as compact JSON
    lines: dict[str, str]  # table → CSV lines
    features: list[str]  # GeoJSON Features of current contact points as compact JSON
    other_features: list[str]  # and of all others (closed, not yet open)


_PARTS: dict[str, SitePart] = {}


def _key(dataset: Dataset, settings: Settings, slug: str) -> tuple[Any, ...]:
    site = dataset.sites[slug].record
    carriers = tuple(dataset.organisations[o].record if o in dataset.organisations else None for o in site.traeger)
    return (settings.today, settings.site_url, program_id(dataset), coordination(dataset), carriers)


def _part(dataset: Dataset, settings: Settings, slug: str, terms: dict[str, Any], by_id: dict[str, Any]) -> SitePart:
    site, key = dataset.sites[slug].record, _key(dataset, settings, slug)
    cached = _PARTS.get(slug)
    if cached is not None and cached.site is site and cached.key == key:
        return cached
    records = Tables()
    site_records(records, slug, dataset.sites[slug].record, program_id(dataset), settings, coordination(dataset))
    check(records)
    features = geojson.site_features(dataset, settings, slug)
    part = SitePart(
        site=site,
        key=key,
        service=hsds_json.compact(hsds_json.services(records, terms, by_id)[0]),
        lines={table: tabular.csv_rows(table, records.rows[table]) for table in SITE_TABLES},
        features=[hsds_json.compact(f) for f in features if geojson.current(f)],
        other_features=[hsds_json.compact(f) for f in features if not geojson.current(f)],
    )
    _PARTS[slug] = part
    return part


def files(dataset: Dataset, settings: Settings, formats: Sequence[str] = FORMATS) -> Iterator[tuple[str, str]]:
    """The files of /daten/ (site-relative paths) in the given formats; raises
    :class:`~.hsds.ExportError` (German, naming record and field) when a record breaks HSDS."""
    common = common_records(dataset)
    check(common)
    terms = hsds_json.short_terms(common)
    by_id = {row["id"]: row for row in common.rows["organization"]}
    parts = [_part(dataset, settings, slug, terms, by_id) for slug in dataset.sites]
    for slug in set(_PARTS) - set(dataset.sites):  # a site file that was removed
        del _PARTS[slug]
    if "hsds" in formats:
        yield hsds_json.SERVICES_PATH, hsds_json.page([p.service for p in parts], common, settings, hsds_json.SERVICES_WHAT)
        organizations = [hsds_json.compact(o) for o in hsds_json.organizations(common, terms)]
        yield hsds_json.ORGANIZATIONS_PATH, hsds_json.page(organizations, common, settings, hsds_json.ORGANIZATIONS_WHAT)
    if "csv" in formats:
        for table in TABLES:
            common_lines = tabular.csv_rows(table, common.rows[table])
            site_lines = "".join(p.lines[table] for p in parts) if table in SITE_TABLES else ""
            yield tabular.path(table), tabular.header(table) + common_lines + site_lines
        yield tabular.DESCRIPTOR, tabular.descriptor_text(common, settings)
    if "geojson" in formats:
        yield geojson.PATH, geojson.collection(dataset, settings, [f for p in parts for f in p.features])
        yield geojson.OTHER_PATH, geojson.collection(dataset, settings, [f for p in parts for f in p.other_features], geojson.OTHER_PATH)
