"""The finder's search index: which site serves a town, Ortsteil, street, postal code or district,
and every other place of Thuringia with its district and a coordinate (``data.gazetteer``), so a
place without a site gets its district's sites and the nearest ones.

Built once per build as JSON; the browser (``docs/assets/javascripts/thinka.js``) loads it
on first use and matches what a resident types, tolerant of case, umlaut spellings, word order
and small typos. ``normalize`` here and ``normalize`` in the script must stay identical.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from datetime import date
from typing import Any, Iterator

from thinka.data.dataset import Dataset, max_age_months
from thinka.data.districts import all_districts
from thinka.data.gazetteer import ATTRIBUTION, STATES, gazetteer, spellings
from thinka.data.hours import public_holidays, weekly_ranges
from thinka.data.lifecycle import closure_now, hours_are_old, is_current
from thinka.data.settings import Settings
from thinka.data.text import to_json

INDEX_PATH = "standorte/finder-index.json"
SOURCES = ATTRIBUTION  # shown under the finder: the gazetteer's data, its licences and attribution


# Compatibility forms become plain letters (NFKD: Arabic presentation forms, full-width digits).
# Letters written differently for the same sound, folded to one (after the accents are gone, so
# й, ё and ї are и, е and і by then): Ukrainian and Russian spellings of a town (Ерфурт, Эрфурт;
# Ільменау, Ильменау), and the Arabic and Persian forms of a letter (ی ي ى, ک ك, ة ه); the
# tatweel (a stretching stroke) and the zero-width non-joiner vanish; Arabic-Indic and Persian
# digits become 0-9 (٩٩٠٨٩, ۹۹۰۸۹: 99089).
_FOLD = str.maketrans(
    {"є": "е", "э": "е", "і": "и", "ы": "и", "ґ": "г", "ь": None, "ъ": None,
     "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه", "ھ": "ه", "ـ": None, "\u200c": None}
    | {chr(0x660 + d): str(d) for d in range(10)}
    | {chr(0x6F0 + d): str(d) for d in range(10)}
)
# What is kept: Latin letters and digits, the Cyrillic alphabet, the Arabic letters and Persian's
# four more (پ چ ژ گ); everything else separates words.
_OTHER = re.compile(r"[^a-z0-9\u0430-\u044f\u0621-\u064a\u067e\u0686\u0698\u06af]+")


@functools.lru_cache(maxsize=1 << 16)  # the same towns, parts and postal codes recur across sites
def normalize(text: str) -> str:
    """``Sömmerda``, ``Soemmerda`` and ``sommerda`` all become ``sommerda``; ``Эрфурт`` and
    ``Ерфурт`` become ``ерфурт``, ``إرفورت`` and ``ارفورت`` become ``ارفورت``. The finder's script
    (thinka-finder.js) has the same function."""
    text = text.casefold().replace("ß", "ss")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.category(c).startswith("M"))
    text = text.translate(_FOLD)
    text = text.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return " ".join(_OTHER.sub(" ", text).split())


# "Lusaner Straße 7" → "Lusaner Straße"; "Lilo-Hermann-Straße 03/33" → "Lilo-Hermann-Straße"
_HOUSE_NUMBER = re.compile(r"\s+\d+\s*[a-zA-Z]?(\s*[-/–]\s*\d+\s*[a-zA-Z]?)?$")


def street_name(street: str) -> str:
    return _HOUSE_NUMBER.sub("", street).strip()


def place_keys(name: str) -> list[str]:
    """``Bad Frankenhausen/Kyffhäuser`` is found as itself and as ``Bad Frankenhausen``."""
    keys = [normalize(name)]
    if "/" in name:
        keys.append(normalize(name.split("/", 1)[0]))
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


def _coordinate(lat: float, lon: float) -> list[float]:
    return [round(float(lat), 4), round(float(lon), 4)]


def build_index(dataset: Dataset, today: date) -> dict[str, Any]:
    districts = all_districts()
    sites: list[dict[str, Any]] = []
    points: list[dict[str, Any]] = []
    terms: dict[tuple[str, str], set[int]] = defaultdict(set)  # (key, kind) → site numbers
    labels: dict[tuple[str, str], str] = {}

    def term(label: str, kind: str, sites: tuple[int, ...]) -> None:
        key = normalize(label)
        if key:
            terms[(key, kind)].update(sites)
            labels.setdefault((key, kind), label)

    places = {key: _coordinate(p.lat, p.lon) for p in gazetteer().places for key in place_keys(p.name)}

    def _today(key: str) -> str:  # a dissolved district's area belongs to today's one
        while districts[key].now_in:
            key = districts[key].now_in
        return key

    ordered = sorted(dataset.sites.items(), key=lambda kv: normalize(kv[1].record.name))
    numbers = {slug: number for number, (slug, _) in enumerate(ordered)}
    max_months = max_age_months(dataset)
    for number, (slug, located) in enumerate(ordered):
        site = located.record
        site_points = []
        # A resident of an ended site's area is sent on to the site that continues its work.
        successor = numbers.get(site.nachfolger) if site.status == "beendet" and site.nachfolger else None
        owners = (number,) if successor is None else (number, successor)
        for i, point in enumerate(site.anlaufstellen):
            address = point.adresse
            term(address.ort, "Ort", owners)
            if address.ortsteil:
                term(address.ortsteil, "Ortsteil", owners)
            if address.plz:
                term(address.plz, "PLZ", owners)
            if not is_current(site, point, today):
                continue  # the place still finds the site (marked as ended), but a former office is not where to go
            if address.strasse and street_name(address.strasse):
                term(street_name(address.strasse), "Straße", owners)
            site_points.append(len(points))
            closed = closure_now(point, today)
            entry_point: dict[str, Any] = {
                "n": point.name,
                "a": ", ".join(p for p in (address.strasse, " ".join(x for x in (address.plz, address.ort) if x)) if p)
                + (f" ({address.ortsteil})" if address.ortsteil else ""),
                "i": i + 1,  # its address: the site's, with #anlaufstelle-<i>
                # hours from an old source are never shown as "open now"
                "h": [] if hours_are_old(point, max_months, today) or closed else weekly_ranges(point.oeffnungszeiten),
                "v": 1 if point.nach_vereinbarung else 0,
            }
            if closed:  # never "open now" during a closure; the results say until when
                entry_point["z"] = closed.bis.german()
                entry_point["zi"] = closed.bis.iso()  # for the date in the page's language
            if point.telefon:  # the first number, for a call link in the results
                entry_point["t"] = [point.telefon[0].display, point.telefon[0].e164]
            if point.koordinaten:
                entry_point["c"] = _coordinate(point.koordinaten.lat, point.koordinaten.lon)
            points.append(entry_point)
        area = site.einzugsgebiet
        for town in area.orte:
            term(town, "Ort", owners)
        for part in area.ortsteile:
            term(part, "Ortsteil", owners)
        for code in area.plz:
            term(code, "PLZ", owners)
        for key in site.kreise:
            term(districts[key].name, districts[key].kind, (number,))
            term(districts[key].title, districts[key].kind, (number,))  # "Landkreis Gotha", "Stadt Gera"
        entry: dict[str, Any] = {"n": site.name, "u": f"standorte/{slug}/", "s": site.status, "d": [_today(key) for key in site.kreise], "p": site_points}
        if successor is not None:
            entry["f"] = successor
        # where the site is, for "the nearest ones": its first contact point with coordinates,
        # else the first place of its area the gazetteer knows
        located_at = next((points[p]["c"] for p in site_points if "c" in points[p]), None)
        if located_at is None:
            towns = [a.adresse.ort for a in site.anlaufstellen] + list(area.orte)
            located_at = next((places[k] for t in towns for k in place_keys(t) if k in places), None) or next(
                (c for t in towns for k in place_keys(t) for name, c in places.items() if name.startswith(k + " ")), None
            )
        if located_at is not None:
            entry["c"] = located_at
        sites.append(entry)
    return {
        "v": 2,
        "sites": sites,
        "points": points,
        "districts": {key: d.title for key, d in districts.items()},
        "terms": [[key, labels[(key, kind)], kind, sorted(numbers)] for (key, kind), numbers in sorted(terms.items())],
        "holidays": public_holidays(today.year),
        **gazetteer_part(),
    }


# What residents type for a district besides its name: the number plate letters (three or more,
# so a word being typed is not taken for one) and the short forms in everyday use.
DISTRICT_ALIASES = {
    "16051": ("EF",), "16052": (), "16053": (), "16054": ("SHL",), "16055": ("WE",),
    "16061": ("EIC", "Eichsfeldkreis"), "16062": ("NDH",), "16063": ("WAK", "Wartburg-Kreis"),
    "16064": ("UH-Kreis", "UHK", "Unstrut-Hainich", "Unstrut-Hainich Kreis"), "16065": ("KYF", "Kyffhäuser", "Kyffhäuser-Kreis"),
    "16066": ("SM-Kreis",), "16067": ("GTH",), "16068": ("SÖM",), "16069": ("HBN",), "16070": ("IK-Kreis", "Ilmkreis"),
    "16071": ("AP-Kreis",), "16072": ("SON",), "16073": ("SLF", "SLF-RU", "Saalfeld-Rudolstadt-Kreis"),
    "16074": ("SHK", "Saale-Holzland"), "16075": ("SOK", "Saale-Orla"), "16076": ("GRZ",), "16077": ("ABG",),
}


@functools.lru_cache(maxsize=1)
def gazetteer_part() -> dict[str, Any]:
    """Thuringia's places as [name, district, lat, lon, "postal codes"]; the big cities' Ortsteile as
    [name, number of their city in places, 1 where found only together with the city's name ("Erfurt
    Altstadt"; also a name that is a Gemeinde too, which alone stays the Gemeinde)]; the
    other states' place names ("|"-joined) and the first three digits of their postal codes, for an
    honest answer; the larger towns' Cyrillic and Arabic-script spellings, normalized and "|"-joined
    by German name ("Erfurt": "ерфурт|ارفورت")."""
    data = gazetteer()
    states: dict[str, list[str]] = {}
    for prefix, codes in data.other_prefixes.items():
        states.setdefault(",".join(codes), []).append(prefix)
    number = {p.name: i for i, p in enumerate(data.places)}
    taken = {key for p in data.places for key in place_keys(p.name)}
    parts = [[name, number[city], 1 if with_city or normalize(name) in taken else 0] for name, city, with_city in data.parts]
    return {
        "places": [[p.name, p.district, p.lat, p.lon, " ".join(p.postal_codes)] for p in data.places],
        "parts": parts,
        "aliases": {key: "|".join(names) for key, names in DISTRICT_ALIASES.items() if names},
        "states": {code: name for code, name in STATES.items() if code != "TH"},
        "elsewhere": {state: "|".join(names) for state, names in data.other_states.items()},
        "prefixes": {states: " ".join(prefixes) for states, prefixes in sorted(states.items())},
        "spellings": {place: "|".join(keys) for place, keys in _spelling_keys().items()},
    }


def _spelling_keys() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for place, languages in spellings().items():
        keys = [normalize(text) for texts in languages.values() for text in texts]
        out[place] = [k for i, k in enumerate(keys) if k and k not in keys[:i] and k not in place_keys(place)]
    return out


def index_files(dataset: Dataset, settings: Settings) -> Iterator[tuple[str, str]]:
    yield INDEX_PATH, to_json(build_index(dataset, settings.today))
