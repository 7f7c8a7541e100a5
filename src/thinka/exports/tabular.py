"""The HSDS records as a Tabular Data Package: one CSV file per HSDS object and ``datapackage.json``.

The columns, their types and keys are those of HSDS's own ``datapackage.json`` (vendored in
``hsds_schema/``), so tools made for HSDS read the files as they are. UTF-8, comma-separated,
one header row. **Formula injection:** a text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is written with an apostrophe in front (``'+4936512345``), so a spreadsheet shows
it as text instead of running it as a formula (OWASP's advice for CSV files); a program reading
the files removes that one leading apostrophe. Numbers, dates and times are never changed.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from typing import Any

from thinka.data.settings import Settings

from .hsds import HSDS_VERSION, TABLES, Tables, package_schemas

DIR = "daten/csv/"
DESCRIPTOR = DIR + "datapackage.json"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(value: str) -> str:
    """A text as a spreadsheet may open it: never the start of a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def unsafe(value: str) -> str:
    """The text a cell holds, without the apostrophe :func:`safe` put in front."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


@functools.cache
def _columns(table: str) -> tuple[list[str], list[int]]:
    """A table's column names, and which columns hold free text that :func:`safe` must guard (ids,
    codes from a list, numbers, dates and times never begin with a formula sign)."""
    fields = package_schemas()[table]["schema"]["fields"]
    free = [i for i, f in enumerate(fields) if f["type"] == "string" and f.get("format") != "uuid" and "enum" not in f.get("constraints", {})]
    return [f["name"] for f in fields], free


@functools.cache
def _writer(table: str) -> tuple[io.StringIO, Any]:
    """One buffer and CSV writer per table, emptied and used again for each site's lines (a new
    writer per site and table cost as much as the writing)."""
    out = io.StringIO()
    return out, csv.writer(out, lineterminator="\r\n")


def header(table: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(_columns(table)[0])
    return out.getvalue()


def csv_rows(table: str, rows: list[dict[str, Any]]) -> str:
    """The lines of ``rows`` (without the header), so each site's lines can be kept and joined."""
    if not rows:
        return ""
    names, free = _columns(table)
    cells = [list(map(row.get, names)) for row in rows]  # csv writes None as an empty cell
    for line in cells:
        for i in free:
            value = line[i]
            if value and value.startswith(FORMULA_START):
                line[i] = "'" + value
    out, writer = _writer(table)
    out.seek(0)
    out.truncate()
    writer.writerows(cells)
    return out.getvalue()


def csv_text(table: str, rows: list[dict[str, Any]]) -> str:
    return header(table) + csv_rows(table, rows)


def descriptor(t: Tables, settings: Settings) -> dict[str, Any]:
    licence = t.licence
    resources = []
    for table in TABLES:
        resource = package_schemas()[table]
        resources.append({
            "name": table,
            "path": resource["path"],
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": resource["description"],
            "schema": resource["schema"],
        })
    return {
        "profile": "tabular-data-package",
        "name": "thinka-anlaufstellen",
        "title": "ThINKA-Standorte und Anlaufstellen (HSDS 3.0, CSV)",
        "description": (
            "Alle Standorte, Anlaufstellen und Organisationen des Programms ThINKA nach Open Referral HSDS "
            f"{HSDS_VERSION}, eine CSV-Datei je HSDS-Objekt. Texte, die mit =, +, - oder @ beginnen, stehen mit "
            "einem Apostroph davor (Schutz vor Formeln in Tabellenprogrammen); beim Einlesen dieses Zeichen entfernen."
        ),
        "homepage": settings.absolute("daten/"),
        "version": HSDS_VERSION,
        "licenses": [{"name": licence.kennung, "title": licence.name, "path": licence.url}],
        "sources": [{"title": licence.namensnennung, "path": settings.absolute("daten/")}],
        "resources": resources,
    }


def path(table: str) -> str:
    return DIR + package_schemas()[table]["path"]


def descriptor_text(t: Tables, settings: Settings) -> str:
    return json.dumps(descriptor(t, settings), ensure_ascii=False, indent=1) + "\n"
