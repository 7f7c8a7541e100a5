"""The field reference for editors (/redaktion/felder/), generated from the JSON Schema.

Every field of every file kind with its German title, description, whether it is required,
the allowed values and an example, so the guide never drifts from ``model.py``.
"""

from __future__ import annotations

from typing import Any, Iterator

from thinka.data.dataset import Dataset
from thinka.data.yamltext import block
from thinka.exports import schema

from .common import PageView

URL = "redaktion/felder/"
FILES = {
    "site": ("Standort", "sites_data/sites/<kennung>.yml", "Eine Datei je Standort. Der Dateiname (ohne .yml) ist die Adresse der Seite, z. B. /standorte/gera/."),
    "organisations": ("Organisationen", "sites_data/organisations.yml", "Alle Organisationen, jede genau einmal. Standorte verweisen über die Kennung (id) auf sie."),
    "program": ("Programm", "sites_data/program.yml", "Die Fakten zum Programm und Einstellungen für die Pflege der Daten."),
    "event": ("Veranstaltung", "sites_data/events/<name>.yml", "Eine Datei je Veranstaltung. Der Dateiname (ohne .yml) ist die Adresse der Seite, z. B. /veranstaltungen/2015-04-15-erfahrungsaustausch-artern/."),
}


def _field(f: schema.FieldDoc) -> dict[str, Any]:
    return {
        "key": f.key,
        "title": f.title,
        "description": f.description,
        "required": f.required,
        "choices": f.choices,
        "example": "\n".join(block(f.key, f.examples[0])) if f.examples else None,
        "section": f.section,
        "many": f.many,
    }


def reference_context() -> dict[str, Any]:
    files = []
    for kind, (title, path, about) in FILES.items():
        sections = [
            {
                "anchor": s.anchor,
                "title": title if i == 0 else s.title,
                "used_at": s.used_at,
                "fields": [_field(f) for f in s.fields],
            }
            for i, s in enumerate(schema.sections(kind))
        ]
        files.append({"kind": kind, "title": title, "path": path, "about": about, "sections": sections, "schema_url": schema.SITE_PATH + schema.file_name(kind)})
    return {"files": files}


def field_reference_page(dataset: Dataset) -> Iterator[PageView]:
    yield PageView(
        "redaktion/felder.md",
        URL,
        "Alle Felder",
        "Jedes Feld der ThINKA-Daten mit Bedeutung, erlaubten Werten und Beispiel – erzeugt aus dem Datenmodell.",
        "field-reference.html",
        None,
        reference_context(),
    )
