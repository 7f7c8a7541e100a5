"""The map page (/karte/): an offline overview of Thuringia drawn at build time, with every
contact point placed by its coordinates, and — only after the visitor agrees — an interactive
OpenStreetMap view (vendored Leaflet, see docs/assets/javascripts/thinka.js)."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from .districts import all_districts
from .pages import PageView, site_url, sort_key
from .validate import Dataset

MAP_URL = "karte/"
WIDTH = 600.0
LAT_MID = 50.9
# The drawing's frame: a little wider than the state (lon 9.87–12.66, lat 50.20–51.65).
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 9.80, 12.72, 50.15, 51.70
SCALE = WIDTH / ((LON_MAX - LON_MIN) * math.cos(math.radians(LAT_MID)))
HEIGHT = round((LAT_MAX - LAT_MIN) * SCALE, 1)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection around 50.9° N: accurate enough for a state overview."""
    x = (lon - LON_MIN) * math.cos(math.radians(LAT_MID)) * SCALE
    y = (LAT_MAX - lat) * SCALE
    return round(x, 1), round(y, 1)


@cache
def boundaries() -> tuple[dict[str, Any], ...]:
    """District outlines from the vendored, openly licensed file (see reference/thueringen.LICENSE.md)."""
    source = resources.files("thinka").joinpath("reference/thueringen.geojson")
    if not source.is_file():
        return ()
    data = json.loads(source.read_text("utf-8"))
    shapes = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        path = []
        for polygon in polygons:
            for ring in polygon:
                points = [project(lon, lat) for lon, lat in ring]
                path.append("M" + "L".join(f"{x},{y}" for x, y in points) + "Z")
        shapes.append({"key": str(feature["properties"].get("schluessel", "")), "name": feature["properties"].get("name", ""), "d": "".join(path)})
    return tuple(shapes)


@cache
def attribution() -> str:
    source = resources.files("thinka").joinpath("reference/thueringen.LICENSE.md")
    if not source.is_file():
        return ""
    # The licence file quotes the attribution right after its "### Attribution" heading.
    text = source.read_text("utf-8").split("### Attribution", 1)[-1]
    quote = next((line[2:].strip() for line in text.splitlines() if line.startswith("> ")), "")
    return quote.removeprefix("Kreisgrenzen:").strip()


def map_page(dataset: Dataset) -> PageView:
    districts = all_districts()
    markers = []
    unmapped = []
    by_district: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for slug, located in dataset.sites.items():
        site = located.record
        for i, point in enumerate(site.anlaufstellen):
            entry = {
                "name": point.name,
                "site": site.name,
                "town": point.adresse.ort,
                "url": f"{site_url(slug)}#anlaufstelle-{i + 1}",
                "ended": site.status == "beendet",
            }
            by_district[site.kreise[0]].append(entry)
            if site.status != "aktiv":
                continue
            if point.koordinaten is None:
                unmapped.append(entry)
                continue
            x, y = project(point.koordinaten.lon, point.koordinaten.lat)
            markers.append(
                dict(entry, x=x, y=y, lat=point.koordinaten.lat, lon=point.koordinaten.lon, approximate=point.koordinaten.genauigkeit == "ort")
            )
    markers.sort(key=lambda m: (m["y"], m["x"]))
    groups = [
        {"title": districts[key].title, "points": sorted(points, key=lambda p: (sort_key(p["town"]), sort_key(p["name"])))}
        for key, points in sorted(by_district.items(), key=lambda kv: sort_key(districts[kv[0]].name))
    ]
    return PageView(
        "karte/index.md",
        MAP_URL,
        "Karte",
        f"Karte der {len(markers)} aktiven ThINKA-Anlaufstellen in Thüringen – ohne Verbindung zu fremden Servern, bis Sie zustimmen.",
        "map.html",
        None,
        {
            "width": WIDTH,
            "height": HEIGHT,
            "shapes": boundaries(),
            "attribution": attribution(),
            "markers": markers,
            "unmapped": unmapped,
            "groups": groups,
        },
        search_text="Karte aller Anlaufstellen in Thüringen, auch als Liste.",
    )


def map_pages(dataset: Dataset, settings: object = None) -> Iterator[PageView]:
    yield map_page(dataset)
