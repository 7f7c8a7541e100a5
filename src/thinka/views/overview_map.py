"""The map page (/karte/): an offline overview of Thuringia drawn at build time, with every
contact point placed by its coordinates, and — only after the visitor agrees — an interactive
OpenStreetMap view (vendored Leaflet, see docs/assets/javascripts/thinka.js).

Markers are drawn in screen pixels over the scaled outline (a second SVG without a viewBox, placed
by percentages), so they stay large enough for a finger at every width. Contact points at the same
place, or so close that their markers would cover each other on a phone, share one marker with
their number; it leads to their list. ``LIVE_MAP`` holds what the live map sends and stores: the
page's script and the privacy statement (views/legal.py) both read it from here."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from thinka.data.dataset import Dataset, point_anchor
from thinka.data.districts import District, all_districts
from thinka.data.lifecycle import is_current
from thinka.data.settings import Settings

from .common import PageView, site_url, sort_key
from .translation import N_, NP_, Lazy, Text
from .wording import browser_texts_json, district_title, joined

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


@dataclass(frozen=True)
class LiveMap:
    """The interactive map after consent: where its tiles come from and what the consent stores.
    The map page hands these to the script as data attributes (map.html), and the privacy
    statement (privacy.html) names them, so what the page does and what it says cannot drift."""

    consent_key: str = "thinka-karte-zustimmung"  # Local Storage key, written only when "merken" is ticked
    consent_value: str = "ja"
    tiles: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    max_zoom: int = 18
    # Tile requests name this website (its origin), never the page the visitor is on.
    referrer_policy: str = "strict-origin"
    attribution: str = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende'
    operator: str = "OpenStreetMap Foundation (OSMF)"
    operator_short: str = "OSMF"
    privacy_policy: str = "https://osmfoundation.org/wiki/Privacy_Policy"

    @property
    def host(self) -> str:
        return urlsplit(self.tiles).hostname or ""


LIVE_MAP = LiveMap()

# /karte/ shows every contact point up to this many on the map; beyond, it shows the districts with
# their numbers and each district gets its own map page, so no map page carries the whole programme.
MARKERS_ON_OVERVIEW = 250
DISTRICT_MAPS_URL = f"{MAP_URL}kreise/"

# Markers in CSS pixels, whatever the map's width. Points closer than a marker's width on a small
# phone's map (REFERENCE_PX wide) share one marker: apart, they would cover each other there.
REFERENCE_PX = 320
DOT_PX = 24  # a single contact point (WCAG 2.5.8: targets of at least 24 × 24 px)
GROUP_DOT_PX = 26  # several, with their number inside (wider for two digits or more)
HIT_PX = 44  # the area that takes a tap or click
LABEL_PX = 15  # font size of the name shown on hover and focus
LABEL_CHAR_PX = 8.4  # a generous average width of one of its characters
LABEL_GAP_PX = 6


def district_map_url(district: District) -> str:
    return f"{DISTRICT_MAPS_URL}{district.slug}/"


class LazyLines:
    """The lines of a marker's name, wrapped in the page's language (a name's length differs)."""

    def __init__(self, *args: Any) -> None:
        self.args = args

    def placed(self) -> dict[str, Any]:
        return _label(str(self.args[0]), *self.args[1:])

    def __iter__(self) -> Iterator[str]:
        return iter(self.placed()["lines"])


def _placed_label(text: Text, *args: float) -> dict[str, Any]:
    """:func:`_label` for a translated name: lines and offsets worked out in the page's language."""
    lines = LazyLines(text, *args)
    return {"lines": lines, "dx": Lazy(lambda code: str(lines.placed()["dx"])), "dy": Lazy(lambda code: str(lines.placed()["dy"])), "step": LABEL_PX + 2}


def _points(dataset: Dataset, today: date) -> dict[str, list[dict[str, Any]]]:
    """Per district (a site's first district): its current contact points, each either placed on
    the drawing or with the reason it is not on the map."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for slug, located in dataset.sites.items():
        site = located.record
        for i, point in enumerate(site.anlaufstellen):
            if not is_current(site, point, today):
                continue  # a former office is history on its site page, never on the map
            entry: dict[str, Any] = {
                "name": point.name,
                "site": site.name,
                "town": point.adresse.ort,
                "url": f"{site_url(slug)}#{point_anchor(i)}",
                "reason": None,
            }
            if site.status != "aktiv":
                entry["reason"] = N_("noch nicht geöffnet, der Standort ist in Planung")
            elif point.koordinaten is None:
                entry["reason"] = N_("noch keine Koordinaten eingetragen")
            else:
                x, y = project(point.koordinaten.lon, point.koordinaten.lat)
                entry.update(x=x, y=y, lat=point.koordinaten.lat, lon=point.koordinaten.lon, approximate=point.koordinaten.genauigkeit == "ort")
            found[site.kreise[0]].append(entry)
    return found


def _by_name(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(points, key=lambda p: (sort_key(p["town"]), sort_key(p["name"]), p["url"]))


def _centre(points: list[dict[str, Any]]) -> tuple[float, float]:
    return sum(p["x"] for p in points) / len(points), sum(p["y"] for p in points) / len(points)


def _group(points: list[dict[str, Any]], box: tuple[float, float, float, float]) -> list[list[dict[str, Any]]]:
    """The mapped points in groups that share a marker, so that no two markers lie closer than a
    marker's width on the reference phone. Points with the most neighbours that close start a group
    and take in their neighbours (so a town between two others gathers both); then groups whose
    centres came that close merge, until none do."""
    limit = DOT_PX * box[2] / REFERENCE_PX  # in drawing units
    spots: dict[tuple[float, float], list[dict[str, Any]]] = defaultdict(list)  # points at one coordinate
    for p in points:
        spots[(p["x"], p["y"])].append(p)
    grid: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for x, y in spots:
        grid[(int(x // limit), int(y // limit))].append((x, y))

    def near(x: float, y: float) -> list[tuple[float, float]]:  # squared distances: millions of calls at 10,000 sites
        cx, cy = int(x // limit), int(y // limit)
        return [s for dx in (-1, 0, 1) for dy in (-1, 0, 1) for s in grid.get((cx + dx, cy + dy), ()) if (s[0] - x) ** 2 + (s[1] - y) ** 2 < squared]

    squared = limit * limit
    neighbours = {spot: near(*spot) for spot in spots}
    first = {spot: min((p["name"], p["url"]) for p in here) for spot, here in spots.items()}
    size = {spot: len(here) for spot, here in spots.items()}
    weight = {spot: sum(map(size.__getitem__, close)) for spot, close in neighbours.items()}  # points within reach
    order = sorted(spots, key=lambda s: (-weight[s], s[1], s[0], first[s]))
    taken: set[tuple[float, float]] = set()
    groups: list[list[dict[str, Any]]] = []
    for spot in order:
        if spot not in taken:
            members = [n for n in neighbours[spot] if n not in taken]  # the spot is its own neighbour
            taken.update(members)
            groups.append([p for n in members for p in spots[n]])
    # Seeds lie at least `limit` apart, so no more groups fit than markers fit on the map: the
    # pairwise check below stays small however many points there are.
    while True:  # each pass merges what it finds; a few passes at most
        centres = [_centre(g) for g in groups]
        merged: list[list[dict[str, Any]]] = []
        gone: set[int] = set()
        for i, group in enumerate(groups):
            if i in gone:
                continue
            for j in range(i + 1, len(groups)):
                if j not in gone and math.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1]) < limit:
                    group = group + groups[j]
                    gone.add(j)
            merged.append(group)
        if not gone:
            return groups
        groups = merged


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _label(text: str, fx: float, fy: float, aspect: float, radius: float) -> dict[str, Any]:
    """Where the name goes around a marker at (fx, fy) (fractions of the map): above the dot,
    below it at the top edge; shifted sideways so that it stays inside the reference phone's map."""
    lines = _wrap(text, int((REFERENCE_PX - 8) / LABEL_CHAR_PX))
    width = max(len(line) for line in lines) * LABEL_CHAR_PX
    left = fx * REFERENCE_PX
    dx = max(4 - left, min(-width / 2, REFERENCE_PX - 4 - width - left))
    step = LABEL_PX + 2
    above = radius + LABEL_GAP_PX + step * (len(lines) - 1)
    if fy * REFERENCE_PX * aspect - above - LABEL_PX < 0:
        first = radius + LABEL_GAP_PX + LABEL_PX
    else:
        first = -above
    return {"lines": lines, "dx": round(dx, 1), "dy": round(first, 1), "step": step}


def _markers(points: list[dict[str, Any]], box: tuple[float, float, float, float]) -> list[dict[str, Any]]:
    """The markers of one map section, north first (the keyboard's order); a group's marker keeps
    its points (``members``) and the anchor of their entry in the list."""
    markers = []
    aspect = box[3] / box[2]
    for members in _group(points, box):
        members = _by_name(members)
        x, y = _centre(members)
        fx, fy = (x - box[0]) / box[2], (y - box[1]) / box[3]
        approximate = any(p["approximate"] for p in members)
        where = N_(", ungefähre Lage") if approximate else ""
        marker: dict[str, Any] = {
            "fx": fx,
            "fy": fy,
            "cx": f"{100 * fx:.2f}%",
            "cy": f"{100 * fy:.2f}%",
            "approximate": approximate,
            "count": len(members),
            "members": members,
        }
        if len(members) == 1:
            p = members[0]
            marker.update(group=False, url=p["url"], name=p["name"], radius=DOT_PX / 2,
                          label=N_("%(name)s, %(town)s – %(site)s%(where)s", name=p["name"], town=p["town"], site=p["site"], where=where),
                          **_label(p["name"], fx, fy, aspect, DOT_PX / 2))
        else:
            name = NP_("%(towns)s: %(num)s Anlaufstelle", "%(towns)s: %(num)s Anlaufstellen", len(members), towns=joined(sorted({p["town"] for p in members}, key=sort_key)))
            radius = (GROUP_DOT_PX + 8 * (len(str(len(members))) - 1)) / 2
            marker.update(group=True, name=name, radius=radius, label=N_("%(name)s%(where)s. Liste zeigen", name=name, where=where),
                          heading=N_("%(name)s (ungefähre Lage: Ortsmitte)", name=name) if approximate else name, **_placed_label(name, fx, fy, aspect, radius))
        markers.append(marker)
    markers.sort(key=lambda m: (m["fy"], m["fx"]))
    for number, marker in enumerate((m for m in markers if m["group"]), start=1):
        marker["id"] = f"karte-ort-{number}"
    return markers


def _listing(title: str, url: str | None, points: list[dict[str, Any]], markers: list[dict[str, Any]], listed: set[str]) -> dict[str, Any]:
    """One district in the list under the map: its places in German order, where a marker's group
    is one entry with all its points (the marker leads there), then what is not on the map and why.
    A group that reaches across a district border is listed whole once, in the first of its
    districts; its points still appear in their own districts' lists."""
    group_of = {id(p): m for m in markers if m["group"] for p in m["members"]}
    entries: list[dict[str, Any]] = []
    for p in _by_name([p for p in points if p["reason"] is None]):
        marker = group_of.get(id(p))
        if marker is None or marker["id"] in listed:
            if marker is None or not any(e.get("id") == marker["id"] for e in entries):
                entries.append({"group": False, "point": p})
        else:
            listed.add(marker["id"])
            entries.append({"group": True, "id": marker["id"], "heading": marker["heading"], "points": marker["members"]})
    return {"title": title, "url": url, "entries": entries, "unmapped": _by_name([p for p in points if p["reason"] is not None])}


def _caption(prefix: str, points: list[dict[str, Any]], markers: list[dict[str, Any]]) -> Lazy:
    mapped = [p for p in points if p["reason"] is None]
    unmapped = len(points) - len(mapped)
    parts: list[Text] = []
    if not mapped:
        parts.append(N_("%(where)s: keine Anlaufstelle mit Koordinaten.", where=prefix))
    else:
        towns = len({sort_key(p["town"]) for p in mapped})
        parts.append(N_(
            "%(where)s: %(points)s in %(towns)s, gezeigt mit %(markers)s.", where=prefix,
            points=NP_("%(num)s Anlaufstelle", "%(num)s Anlaufstellen", len(mapped)),
            towns=NP_("%(num)s Ort", "%(num)s Orten", towns),
            markers=NP_("%(num)s Punkt", "%(num)s Punkten", len(markers)),
        ))
        if any(m["group"] for m in markers):
            parts.append(N_(" Eine Zahl im Punkt: so viele Anlaufstellen am selben Ort oder nah beieinander."))
        if any(m["approximate"] for m in markers):
            parts.append(N_(" Hohle Punkte zeigen nur die Ortsmitte, weil die genaue Lage noch fehlt."))
    if unmapped:
        parts.append(NP_(" %(num)s weitere Anlaufstelle steht nur in der Liste, mit dem Grund.", " %(num)s weitere Anlaufstellen stehen nur in der Liste, mit dem Grund.", unmapped))
    return Lazy(lambda code: "".join(str(p) for p in parts))


def _box(key: str, points: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """The drawing's section for one district: its outline (and its markers), with a margin."""
    boxes = [shape["box"] for shape in boundaries() if shape["key"] == key]
    xs = [b[0] for b in boxes] + [b[2] for b in boxes] + [p["x"] for p in points if p["reason"] is None]
    ys = [b[1] for b in boxes] + [b[3] for b in boxes] + [p["y"] for p in points if p["reason"] is None]
    if not xs:
        return (0.0, 0.0, WIDTH, HEIGHT)
    margin = max(max(xs) - min(xs), max(ys) - min(ys)) * 0.08 + 5
    return (round(min(xs) - margin, 1), round(min(ys) - margin, 1), round(max(xs) - min(xs) + 2 * margin, 1), round(max(ys) - min(ys) + 2 * margin, 1))


def _view(src_uri: str, url: str, title: str, description: str, context: dict[str, Any], search_text: str) -> PageView:
    base = {"shapes": boundaries(), "attribution": attribution(), "overview_url": MAP_URL, "districts": [], "back": None, "current": None, "live": LIVE_MAP,
            "browser_texts": browser_texts_json(live_map=True)}
    return PageView(src_uri, url, title, description, "map.html", None, dict(base, **context), search_text=search_text)


def map_pages(dataset: Dataset, settings: Settings) -> Iterator[PageView]:
    table = all_districts()
    found = _points(dataset, settings.today)
    ordered = sorted(found.items(), key=lambda kv: sort_key(table[kv[0]].name))
    mapped = sum(1 for _, points in ordered for p in points if p["reason"] is None)
    everything = mapped <= MARKERS_ON_OVERVIEW
    whole = (0.0, 0.0, WIDTH, HEIGHT)
    markers: list[dict[str, Any]] = []
    listings: list[dict[str, Any]] = []
    if everything:
        markers = _markers([p for _, points in ordered for p in points if p["reason"] is None], whole)
        listed: set[str] = set()
        listings = [_listing(district_title(table[key]), district_map_url(table[key]), points, markers, listed) for key, points in ordered]
    summaries = [
        {"key": key, "title": district_title(table[key]), "url": district_map_url(table[key]), "points": len(points), "markers": sum(1 for p in points if p["reason"] is None)}
        for key, points in ordered
    ]
    all_points = [p for _, points in ordered for p in points]
    yield _view(
        "karte/index.md",
        MAP_URL,
        N_("Karte"),
        NP_(
            "Karte der %(num)s ThINKA-Anlaufstelle in Thüringen – ohne Verbindung zu fremden Servern, bis Sie zustimmen.",
            "Karte der %(num)s ThINKA-Anlaufstellen in Thüringen – ohne Verbindung zu fremden Servern, bis Sie zustimmen.",
            mapped,
        ),
        {
            "heading": N_("Karte der Anlaufstellen"),
            "viewbox": whole,
            "total": mapped,
            "markers": markers,
            "caption": _caption(N_("Übersichtskarte Thüringen"), all_points, markers) if everything else "",
            "listings": listings,
            "districts": [] if everything else summaries,
        },
        N_("Karte aller Anlaufstellen in Thüringen, auch als Liste."),
    )
    for key, points in ordered:
        district = table[key]
        box = _box(key, points)
        here = _markers([p for p in points if p["reason"] is None], box)
        count = sum(1 for p in points if p["reason"] is None)
        yield _view(
            f"{district_map_url(district)}index.md",
            district_map_url(district),
            N_("Karte: %(district)s", district=district_title(district)),
            NP_(
                "Karte der %(num)s ThINKA-Anlaufstelle – %(district)s, auch als Liste.",
                "Karte der %(num)s ThINKA-Anlaufstellen – %(district)s, auch als Liste.",
                count, district=district_title(district),
            ),
            {
                "heading": N_("Karte: %(district)s", district=district_title(district)),
                "viewbox": box,
                "current": key,
                "total": count,
                "markers": here,
                "caption": _caption(district_title(district), points, here),
                "listings": [_listing(district_title(district), None, points, here, set())],
                "back": MAP_URL,
            },
            N_("Karte der Anlaufstellen – %(district)s.", district=district_title(district)),
        )
