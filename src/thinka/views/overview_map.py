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
from datetime import date
from typing import Any

from thinka.data.dataset import Dataset
from thinka.data.districts import District, all_districts
from thinka.data.lifecycle import is_current
from thinka.data.settings import Settings

from .common import PageView, site_url, sort_key

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
    source = resources.files("thinka.data").joinpath("reference/thueringen.geojson")
    if not source.is_file():
        return ()
    data = json.loads(source.read_text("utf-8"))
    shapes = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        path, xs, ys = [], [], []
        for polygon in polygons:
            for ring in polygon:
                points = [project(lon, lat) for lon, lat in ring]
                path.append("M" + "L".join(f"{x},{y}" for x, y in points) + "Z")
                xs += [x for x, _ in points]
                ys += [y for _, y in points]
        shapes.append(
            {
                "key": str(feature["properties"].get("schluessel", "")),
                "name": feature["properties"].get("name", ""),
                "d": "".join(path),
                "box": (min(xs), min(ys), max(xs), max(ys)),
            }
        )
    return tuple(shapes)


@cache
def attribution() -> str:
    source = resources.files("thinka.data").joinpath("reference/thueringen.LICENSE.md")
    if not source.is_file():
        return ""
    # The licence file quotes the attribution right after its "### Attribution" heading.
    text = source.read_text("utf-8").split("### Attribution", 1)[-1]
    quote = next((line[2:].strip() for line in text.splitlines() if line.startswith("> ")), "")
    return quote.removeprefix("Kreisgrenzen:").strip()


# /karte/ shows every contact point up to this many markers; beyond, it shows the districts with
# their numbers and each district gets its own map page, so no map page carries the whole programme.
MARKERS_ON_OVERVIEW = 250
DISTRICT_MAPS_URL = f"{MAP_URL}kreise/"
MARKER_RADIUS = 7.0


def district_map_url(district: District) -> str:
    return f"{DISTRICT_MAPS_URL}{district.slug}/"


def _points(dataset: Dataset, today: date) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Per district (a site's first district): all its contact points for the list, the markers
    (active sites with coordinates) and the active ones without coordinates."""
    found: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: {"points": [], "markers": [], "unmapped": []})
    for slug, located in dataset.sites.items():
        site = located.record
        for i, point in enumerate(site.anlaufstellen):
            if not is_current(site, point, today):
                continue  # a former office is history on its site page, never on the map
            entry = {
                "name": point.name,
                "site": site.name,
                "town": point.adresse.ort,
                "url": f"{site_url(slug)}#anlaufstelle-{i + 1}",
                "ended": site.status == "beendet",
            }
            here = found[site.kreise[0]]
            here["points"].append(entry)
            if site.status != "aktiv":
                continue
            if point.koordinaten is None:
                here["unmapped"].append(entry)
                continue
            x, y = project(point.koordinaten.lon, point.koordinaten.lat)
            here["markers"].append(
                dict(entry, x=x, y=y, lat=point.koordinaten.lat, lon=point.koordinaten.lon, approximate=point.koordinaten.genauigkeit == "ort")
            )
    return found


def _list(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(points, key=lambda p: (sort_key(p["town"]), sort_key(p["name"])))


def _box(key: str, markers: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """The drawing's section for one district: its outline (and its markers), with a margin."""
    boxes = [shape["box"] for shape in boundaries() if shape["key"] == key]
    xs = [b[0] for b in boxes] + [b[2] for b in boxes] + [m["x"] for m in markers]
    ys = [b[1] for b in boxes] + [b[3] for b in boxes] + [m["y"] for m in markers]
    if not xs:
        return (0.0, 0.0, WIDTH, HEIGHT)
    margin = max(max(xs) - min(xs), max(ys) - min(ys)) * 0.08 + 5
    return (round(min(xs) - margin, 1), round(min(ys) - margin, 1), round(max(xs) - min(xs) + 2 * margin, 1), round(max(ys) - min(ys) + 2 * margin, 1))


def _view(src_uri: str, url: str, title: str, description: str, context: dict[str, Any], search_text: str) -> PageView:
    base = {"shapes": boundaries(), "attribution": attribution(), "overview_url": MAP_URL, "districts": [], "back": None}
    return PageView(src_uri, url, title, description, "map.html", None, dict(base, **context), search_text=search_text)


def map_pages(dataset: Dataset, settings: Settings) -> Iterator[PageView]:
    table = all_districts()
    found = _points(dataset, settings.today)
    ordered = sorted(found.items(), key=lambda kv: sort_key(table[kv[0]].name))
    markers = sorted((m for _, here in ordered for m in here["markers"]), key=lambda m: (m["y"], m["x"]))
    everything = len(markers) <= MARKERS_ON_OVERVIEW
    summaries = [
        {"key": key, "title": table[key].title, "url": district_map_url(table[key]), "points": len(here["points"]), "markers": len(here["markers"])}
        for key, here in ordered
    ]
    yield _view(
        "karte/index.md",
        MAP_URL,
        "Karte",
        f"Karte der {len(markers)} aktiven ThINKA-Anlaufstellen in Thüringen – ohne Verbindung zu fremden Servern, bis Sie zustimmen.",
        {
            "heading": "Karte der Anlaufstellen",
            "viewbox": (0, 0, WIDTH, HEIGHT),
            "radius": MARKER_RADIUS,
            "total": len(markers),
            "markers": markers if everything else [],
            "unmapped": [u for _, here in ordered for u in here["unmapped"]] if everything else [],
            "groups": [{"title": table[key].title, "url": district_map_url(table[key]), "points": _list(here["points"])} for key, here in ordered] if everything else [],
            "districts": [] if everything else summaries,
        },
        "Karte aller Anlaufstellen in Thüringen, auch als Liste.",
    )
    for key, here in ordered:
        district = table[key]
        box = _box(key, here["markers"])
        yield _view(
            f"{district_map_url(district)}index.md",
            district_map_url(district),
            f"Karte: {district.title}",
            f"Karte der {len(here['markers'])} aktiven ThINKA-Anlaufstellen – {district.title}, auch als Liste.",
            {
                "heading": f"Karte: {district.title}",
                "viewbox": box,
                # Half as large again on the screen as on the overview: the district is zoomed in.
                "radius": round(1.5 * MARKER_RADIUS * box[2] / WIDTH, 2),
                "total": len(here["markers"]),
                "markers": sorted(here["markers"], key=lambda m: (m["y"], m["x"])),
                "unmapped": here["unmapped"],
                "groups": [{"title": district.title, "url": None, "points": _list(here["points"])}],
                "back": MAP_URL,
            },
            f"Karte der Anlaufstellen – {district.title}.",
        )
