"""Thuringia's Landkreise and kreisfreie Städte (reference data in ``reference/kreise.yml``)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated, Any

import yaml
from pydantic import BeforeValidator, WithJsonSchema

from .types import _one_line, fail


@dataclass(frozen=True)
class District:
    key: str
    name: str
    kind: str  # "Landkreis" or "kreisfreie Stadt"
    until: str | None = None  # dissolved on this date
    now_in: str | None = None  # key of the district it belongs to today

    @property
    def slug(self) -> str:
        """Address part: ``weimarer-land``, ``kyffhaeuserkreis``."""
        text = self.name.lower()
        for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
            text = text.replace(umlaut, plain)
        return "-".join(text.replace("-", " ").split())

    @property
    def title(self) -> str:
        """``Landkreis Gotha``, ``Stadt Gera``, ``Ilm-Kreis`` (names that already say 'Kreis' stay)."""
        if self.kind == "kreisfreie Stadt":
            return f"Stadt {self.name}"
        return self.name if "kreis" in self.name.lower() else f"Landkreis {self.name}"


@cache
def all_districts() -> dict[str, District]:
    text = resources.files("thinka.data").joinpath("reference/kreise.yml").read_text("utf-8")
    rows = yaml.safe_load(text)["kreise"]
    return {
        str(r["schluessel"]): District(str(r["schluessel"]), r["name"], r["art"], r.get("bis"), r.get("heute"))
        for r in rows
    }


def lookup(text: str) -> District | None:
    districts = all_districts()
    if text in districts:
        return districts[text]
    for district in districts.values():
        if text.casefold() in (district.name.casefold(), district.title.casefold()):
            return district
    return None


def _district(value: Any) -> str:
    text = _one_line(value)
    district = lookup(text)
    if district:
        return district.key
    names = [d.name for d in all_districts().values()]
    close = difflib.get_close_matches(text, names, n=1, cutoff=0.6)
    hint = f" Meinten Sie '{close[0]}'?" if close else " Erlaubt sind Schlüssel (z. B. 16053) oder Namen (z. B. Jena) der 17 Landkreise und 5 kreisfreien Städte."
    fail(f"'{text}' ist kein Thüringer Landkreis und keine kreisfreie Stadt.{hint}")
    raise AssertionError  # unreachable


def _json_schema() -> dict[str, Any]:
    """Every key, name and title the field accepts, so editors can pick from a list."""
    table = all_districts().values()
    texts = list(dict.fromkeys([d.key for d in table] + [d.name for d in table] + [d.title for d in table]))
    # An unquoted key (16053) is a number for an editor.
    return {"anyOf": [{"type": "string", "enum": texts}, {"type": "integer", "enum": sorted(int(d.key) for d in table)}]}


DistrictKey = Annotated[
    str,
    BeforeValidator(_district),
    WithJsonSchema(_json_schema()),
]
