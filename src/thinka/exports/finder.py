"""The finder's search index: which site serves a town, Ortsteil, postal code or district.

Built once per build as JSON; the browser (``docs/assets/javascripts/thinka.js``) loads it
on first use and matches what a resident types, tolerant of case, umlaut spellings and
small typos. ``normalize`` here and ``normalize`` in the script must stay identical.
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
from thinka.data.hours import public_holidays, weekly_ranges
from thinka.data.lifecycle import hours_are_old, is_current
from thinka.data.settings import Settings
from thinka.data.text import to_json

INDEX_PATH = "standorte/finder-index.json"


@functools.lru_cache(maxsize=1 << 16)  # the same towns, parts and postal codes recur across sites
def normalize(text: str) -> str:
    """``Sömmerda``, ``Soemmerda`` and ``sommerda`` all become ``sommerda``."""
    text = text.casefold().replace("ß", "ss")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = text.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


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
            site_points.append(len(points))
            points.append(
                {
                    "n": point.name,
                    "a": ", ".join(p for p in (address.strasse, " ".join(x for x in (address.plz, address.ort) if x)) if p)
                    + (f" ({address.ortsteil})" if address.ortsteil else ""),
                    "u": f"standorte/{slug}/#anlaufstelle-{i + 1}",
                    # hours from an old source are never shown as "open now"
                    "h": [] if hours_are_old(point, max_months, today) else weekly_ranges(point.oeffnungszeiten),
                    "v": 1 if point.nach_vereinbarung else 0,
                }
            )
        area = site.einzugsgebiet
        for town in area.orte:
            term(town, "Ort", owners)
        for part in area.ortsteile:
            term(part, "Ortsteil", owners)
        for code in area.plz:
            term(code, "PLZ", owners)
        for key in site.kreise:
            term(districts[key].name, districts[key].kind, (number,))
        entry: dict[str, Any] = {"n": site.name, "u": f"standorte/{slug}/", "s": site.status, "d": site.kreise, "p": site_points}
        if successor is not None:
            entry["f"] = successor
        sites.append(entry)
    return {
        "v": 1,
        "sites": sites,
        "points": points,
        "districts": {key: d.title for key, d in districts.items()},
        "terms": [[key, labels[(key, kind)], kind, sorted(numbers)] for (key, kind), numbers in sorted(terms.items())],
        "holidays": public_holidays(today.year),
    }


def index_files(dataset: Dataset, settings: Settings) -> Iterator[tuple[str, str]]:
    yield INDEX_PATH, to_json(build_index(dataset, settings.today))
