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
    service: bytes  # the service as compact JSON (UTF-8, as every piece: half the memory of text)
    lines: dict[str, bytes]  # table → CSV lines
    features: list[bytes]  # GeoJSON Features of current contact points as compact JSON
    other_features: list[bytes]  # and of all others (closed, not yet open)


_PARTS: dict[str, SitePart] = {}


def _key(dataset: Dataset, settings: Settings, slug: str) -> tuple[Any, ...]:
    site = dataset.sites[slug].record
    carriers = tuple(dataset.organisations[o].record if o in dataset.organisations else None for o in site.traeger)
    return (settings.today, settings.site_url, program_id(dataset), coordination(dataset), carriers)


def _part(dataset: Dataset, settings: Settings, slug: str, terms: dict[str, Any], by_id: dict[str, Any], keep: bool) -> SitePart:
    site, key = dataset.sites[slug].record, _key(dataset, settings, slug)
    cached = _PARTS.get(slug) if keep else None
    if cached is not None and cached.site is site and cached.key == key:
        return cached
    records = Tables()
    site_records(records, slug, dataset.sites[slug].record, program_id(dataset), settings, coordination(dataset))
    check(records)
    features = geojson.site_features(dataset, settings, slug)
    part = SitePart(
        site=site,
        key=key,
        service=hsds_json.compact_bytes(hsds_json.services(records, terms, by_id)[0]),
        lines={table: tabular.csv_rows(table, records.rows[table]).encode("utf-8") for table in SITE_TABLES},
        features=[hsds_json.compact_bytes(f) for f in features if geojson.current(f)],
        other_features=[hsds_json.compact_bytes(f) for f in features if not geojson.current(f)],
    )
    if keep:
        _PARTS[slug] = part
    return part


def pieces(dataset: Dataset, settings: Settings, formats: Sequence[str] = FORMATS, keep: bool = True) -> Iterator[tuple[str, bytes, bool]]:
    """The files of /daten/ piece by piece: ``(path, UTF-8 bytes, last)``, each file's pieces in order,
    the files' pieces interleaved (every file begins before the first site and ends after the
    last), ``last`` on a file's final piece. So a writer can write every file once, site by site,
    without holding any file whole. ``keep``: keep each site's part for the next rebuild
    (``make serve``); a full build's writer makes each part, writes it and lets it go.
    Raises :class:`~.hsds.ExportError` (German, naming record and field) when a record breaks HSDS."""
    common = common_records(dataset)
    check(common)
    terms = hsds_json.short_terms(common)
    by_id = {row["id"]: row for row in common.rows["organization"]}
    if keep:
        for slug in set(_PARTS) - set(dataset.sites):  # a site file that was removed
            del _PARTS[slug]
    hsds, csv, geo = "hsds" in formats, "csv" in formats, "geojson" in formats
    # What comes before the first site, in the order the files are listed.
    if hsds:
        yield hsds_json.SERVICES_PATH, hsds_json.page_head(len(dataset.sites), common, settings, hsds_json.SERVICES_WHAT).encode("utf-8"), False
        organizations = [hsds_json.compact(o) for o in hsds_json.organizations(common, terms)]
        yield hsds_json.ORGANIZATIONS_PATH, hsds_json.page(organizations, common, settings, hsds_json.ORGANIZATIONS_WHAT).encode("utf-8"), True
    if csv:
        for table in TABLES:
            yield tabular.path(table), (tabular.header(table) + tabular.csv_rows(table, common.rows[table])).encode("utf-8"), table not in SITE_TABLES
        yield tabular.DESCRIPTOR, tabular.descriptor_text(common, settings).encode("utf-8"), True
    if geo:
        for path in (geojson.PATH, geojson.OTHER_PATH):
            yield path, geojson.collection_head(dataset, settings, path).encode("utf-8"), False
    csv_paths = [(table, tabular.path(table)) for table in SITE_TABLES]
    first_service, first_feature = True, {geojson.PATH: True, geojson.OTHER_PATH: True}
    for slug in dataset.sites:
        part = _part(dataset, settings, slug, terms, by_id, keep)
        if hsds:
            yield hsds_json.SERVICES_PATH, part.service if first_service else b"," + part.service, False
            first_service = False
        if csv:
            for table, path in csv_paths:
                if part.lines[table]:
                    yield path, part.lines[table], False
        if geo:
            for path, features in ((geojson.PATH, part.features), (geojson.OTHER_PATH, part.other_features)):
                if features:
                    yield path, (b"" if first_feature[path] else b",") + b",".join(features), False
                    first_feature[path] = False
    if hsds:
        yield hsds_json.SERVICES_PATH, hsds_json.PAGE_TAIL.encode("utf-8"), True
    if csv:
        for table, path in csv_paths:
            yield path, b"", True
    if geo:
        for path in (geojson.PATH, geojson.OTHER_PATH):
            yield path, geojson.COLLECTION_TAIL.encode("utf-8"), True


def files(dataset: Dataset, settings: Settings, formats: Sequence[str] = FORMATS) -> Iterator[tuple[str, str]]:
    """The files of /daten/ (site-relative paths) in the given formats, each whole (``make serve``,
    ``thinka export``, tests); the same texts as :func:`pieces` writes. Raises
    :class:`~.hsds.ExportError` (German, naming record and field) when a record breaks HSDS."""
    texts: dict[str, list[bytes]] = {}
    for path, piece, _ in pieces(dataset, settings, formats):
        texts.setdefault(path, []).append(piece)
    for path, parts in texts.items():
        yield path, b"".join(parts).decode("utf-8")
