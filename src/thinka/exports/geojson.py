"""Contact points as GeoJSON (RFC 7946) for map tools and QGIS: ``/daten/anlaufstellen.geojson``.

``anlaufstellen.geojson`` holds the current contact points only (HSDS status ``active``): a map
tool or QGIS draws every Feature of a file it loads, and nothing in a style says "former", so a
closed office in the same file would show as if one could go there today. Every other contact
point (closed, of an ended site, or not yet open) is a Feature of
``anlaufstellen-nicht-aktuell.geojson``, with ``status`` and ``geschlossen_seit``, so nothing is
lost and the two files together hold every contact point once. A point without coordinates has
the geometry ``null`` (RFC 7946 §3.2); ``lage_ungefaehr`` marks positions that are only the town's
centre. Coordinates are ``[longitude, latitude]`` in WGS 84 (RFC 7946 §3.1.1, no ``crs`` member).
Ids are the HSDS location ids, so the files can be joined.
"""

from __future__ import annotations

import json
from typing import Any

from thinka.data.dataset import Dataset
from thinka.data.hours import summary
from thinka.data.program import DataLicence
from thinka.data.settings import Settings
from thinka.data.vocabulary import SITE_STATUS

from .hsds import location_id, point_status, service_id

PATH = "daten/anlaufstellen.geojson"
OTHER_PATH = "daten/anlaufstellen-nicht-aktuell.geojson"
NAMES = {PATH: "ThINKA-Anlaufstellen", OTHER_PATH: "ThINKA-Anlaufstellen, nicht aktuell"}


def site_features(dataset: Dataset, settings: Settings, slug: str) -> list[dict[str, Any]]:
    """The Features of one site's contact points."""
    site = dataset.sites[slug].record
    carriers = ", ".join(dataset.organisation(org).name for org in site.traeger if org in dataset.organisations) or None
    # The site's part of every Feature, worked out once per site.
    common = {
        "standort": site.name, "standort_status": SITE_STATUS[site.status], "standort_id": service_id(slug),
        "standort_seite": settings.absolute(f"standorte/{slug}/"), "traeger": carriers,
    }
    stand = site.stand.iso()
    features = []
    for point in site.anlaufstellen:
        status = point_status(site, point, settings)
        where, c = point.adresse, point.koordinaten
        features.append({
            "type": "Feature",
            "id": location_id(slug, point.name),
            "geometry": {"type": "Point", "coordinates": [c.lon, c.lat]} if c else None,
            "properties": {
                "name": point.name,
                "art": point.art,
                "status": status,
                "aktuell": status == "active",
                "geschlossen_seit": point.bis.iso() if point.bis and status == "defunct" else None,
                **common,
                "strasse": where.strasse,
                "plz": where.plz,
                "ort": where.ort,
                "ortsteil": where.ortsteil,
                "telefon": ", ".join(p.display for p in point.telefon) or None,
                "email": point.email,
                "website": point.website,
                "oeffnungszeiten": summary(point.oeffnungszeiten) or None,
                "nach_vereinbarung": point.nach_vereinbarung,
                "lage_ungefaehr": None if c is None else c.genauigkeit == "ort",
                "stand": stand,
            },
        })
    return features


def current(feature: dict[str, Any]) -> bool:
    """Whether a Feature belongs in :data:`PATH` (else in :data:`OTHER_PATH`)."""
    return bool(feature["properties"]["aktuell"])


COLLECTION_TAIL = "]}\n"


def collection_head(dataset: Dataset, settings: Settings, path: str = PATH) -> str:
    """The FeatureCollection of ``path`` with the licence, up to the ``[`` that opens
    ``features``: the Features follow as JSON texts, comma-separated, then :data:`COLLECTION_TAIL`."""
    licence = dataset.program.datenlizenz if dataset.program else DataLicence()
    head = json.dumps({
        "type": "FeatureCollection",
        "name": NAMES[path],
        "license": {"name": licence.kennung, "title": licence.name, "path": licence.url},
        "attribution": f"{licence.namensnennung}, {settings.absolute('daten/')}",
        "features": [],
    }, ensure_ascii=False, separators=(",", ":"))
    return head[: -len("[]}")] + "["


def collection(dataset: Dataset, settings: Settings, features: list[str], path: str = PATH) -> str:
    """The whole FeatureCollection of ``path`` around the Features (as JSON texts)."""
    return collection_head(dataset, settings, path) + ",".join(features) + COLLECTION_TAIL


def feature(dataset: Dataset, settings: Settings, slug: str, index: int) -> dict[str, Any]:
    """One contact point's Feature, as the file holds it (for the example on /daten/)."""
    return site_features(dataset, settings, slug)[index]
