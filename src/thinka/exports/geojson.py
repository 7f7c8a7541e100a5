"""Contact points as GeoJSON (RFC 7946) for map tools and QGIS: ``/daten/anlaufstellen.geojson``.

Every contact point is a Feature, also former ones and those of ended sites, so nothing is lost:
``status`` says which are open (``active``, the values of HSDS) and ``aktuell`` is true only for
them; a map of today's contact points filters on it. A point without coordinates has the
geometry ``null`` (RFC 7946 §3.2); ``lage_ungefaehr`` marks positions that are only the town's
centre. Ids are the HSDS location ids, so the files can be joined.
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


def site_features(dataset: Dataset, settings: Settings, slug: str) -> list[dict[str, Any]]:
    """The Features of one site's contact points."""
    site = dataset.sites[slug].record
    carriers = [dataset.organisation(org).name for org in site.traeger if org in dataset.organisations]
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
                "standort": site.name,
                "standort_status": SITE_STATUS[site.status],
                "standort_id": service_id(slug),
                "standort_seite": settings.absolute(f"standorte/{slug}/"),
                "traeger": ", ".join(carriers) or None,
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
                "stand": site.stand.iso(),
            },
        })
    return features


def collection(dataset: Dataset, settings: Settings, features: list[str]) -> str:
    """The FeatureCollection around the Features (as JSON texts), with the licence."""
    licence = dataset.program.datenlizenz if dataset.program else DataLicence()
    head = json.dumps({
        "type": "FeatureCollection",
        "name": "ThINKA-Anlaufstellen",
        "license": {"name": licence.kennung, "title": licence.name, "path": licence.url},
        "attribution": f"{licence.namensnennung}, {settings.absolute('daten/')}",
        "features": [],
    }, ensure_ascii=False, separators=(",", ":"))
    return head[: -len("[]}")] + "[" + ",".join(features) + "]}\n"


def feature(dataset: Dataset, settings: Settings, slug: str, index: int) -> dict[str, Any]:
    """One contact point's Feature, as the file holds it (for the example on /daten/)."""
    return site_features(dataset, settings, slug)[index]
