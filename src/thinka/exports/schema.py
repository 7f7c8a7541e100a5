"""JSON Schema for editors, generated from the one field definition in :mod:`thinka.data.model`.

VS Code (YAML extension) and JetBrains read the ``# yaml-language-server: $schema=…`` line at
the top of each data file and offer completion, hover help (German titles, descriptions,
examples) and live errors. The schema helps while typing; ``thinka validate`` stays the
authority: it reads every value as text and applies rules a schema cannot express
(references between files, overlapping hours, phone numbers).

Known gaps between the two, because editors read YAML 1.2 types:

- an unquoted ``07743`` reaches the editor as the number 7743, so the schema accepts the
  numbers of Thuringia's postal code ranges; ``thinka validate`` reads the text and refuses a
  postal code typed with four digits (``7743``);
- ``ja``/``nein`` fields accept ``true``/``false`` in both; the other spellings the validator
  takes (``yes``, ``wahr`` …) are flagged by the editor, which suggests ``ja``/``nein``;
- choices (``status``, ``art`` …) are exact in the editor; the validator also takes other
  upper/lower case;
- phone numbers, e-mail addresses and organisation references are checked only by
  ``thinka validate``.

The committed copies in ``sites_data/schema/`` are written only by ``thinka schema``; a test
fails when they differ from what this module generates. The built site publishes them under
``/schema/``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from thinka.data.model import Event, OrganisationsFile, Site
from thinka.data.program import Program

# kind → (model, file the schema describes)
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "site": (Site, "sites/<kennung>.yml"),
    "organisations": (OrganisationsFile, "organisations.yml"),
    "program": (Program, "program.yml"),
    "event": (Event, "events/<name>.yml"),
}
SCHEMA_DIR = Path("sites_data") / "schema"  # committed copies, relative to the repository root
SITE_PATH = "schema/"  # where the built site publishes them
DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _Generator(GenerateJsonSchema):
    """Pydantic sorts the schema's keys, examples included; examples keep the order of the
    fields, so they read like the files editors write."""

    def _sort_recursive(self, value: Any, parent_key: str | None = None) -> Any:
        if parent_key == "examples":
            return value
        return super()._sort_recursive(value, parent_key)


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def schema(kind: str) -> dict[str, Any]:
    model, _ = KINDS[kind]
    result: dict[str, Any] = {"$schema": DIALECT}
    result.update(model.model_json_schema(schema_generator=_Generator))
    return _for_editors(result)


def _for_editors(node: Any) -> Any:
    """Defaults that mean 'leave it out' are noise in a completion list; ja/nein stays ja/nein."""
    if isinstance(node, list):
        return [_for_editors(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    for key, value in node.items():
        if key == "default" and "title" in node:
            if value is None or value == []:
                continue
            if isinstance(value, bool):
                value = "ja" if value else "nein"
        result[key] = _for_editors(value)
    return result


def text(kind: str) -> str:
    return json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n"


def write(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = out_dir / file_name(kind)
        path.write_text(text(kind), "utf-8")
        written.append(path)
    return written


def outdated(out_dir: Path) -> list[Path]:
    """The committed schema files that differ from freshly generated ones (or are missing)."""
    stale = []
    for kind in KINDS:
        path = out_dir / file_name(kind)
        if not path.is_file() or path.read_text("utf-8") != text(kind):
            stale.append(path)
    return stale


def modeline(kind: str, relative_to_data_dir: str) -> str:
    """The first line of a data file: where the editor finds its schema.

    ``relative_to_data_dir`` is the file's path inside the data directory (``sites/gera.yml``).
    """
    depth = relative_to_data_dir.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}schema/{file_name(kind)}"


@dataclass
class FieldDoc:
    key: str
    title: str
    description: str
    required: bool
    examples: list[Any]
    choices: list[str]
    section: str | None  # anchor of the section this field holds (a nested part), if any
    many: bool  # a list (or one value where a list is allowed)


@dataclass
class SectionDoc:
    anchor: str
    title: str
    description: str
    used_at: list[str]  # where it appears, e.g. "anlaufstellen → adresse"
    fields: list[FieldDoc] = field(default_factory=list)


def sections(kind: str) -> list[SectionDoc]:
    """The fields of one file kind, grouped by section (the file itself, then each nested part
    in the order it is first used). Feeds the generated field reference."""
    root = schema(kind)
    defs = root.get("$defs", {})
    result: dict[str | None, SectionDoc] = {}
    queue: list[tuple[str | None, dict[str, Any], list[str]]] = [(None, root, [])]
    while queue:
        name, node, path = queue.pop(0)
        if name in result:
            result[name].used_at.append(" → ".join(path))
            continue
        anchor = _anchor(kind, node.get("title") if name else None)
        section = SectionDoc(anchor, node.get("title", name or kind), node.get("description", ""), [" → ".join(path)] if path else [])
        result[name] = section
        required = set(node.get("required", ()))
        for key, prop in node.get("properties", {}).items():
            target = _ref_of(prop)
            options = [prop] + prop.get("anyOf", [])
            choices = [v for o in options for v in o.get("enum", ()) if isinstance(v, str)]
            many = any(o.get("type") == "array" for o in options)
            title = prop.get("title") or (defs[target].get("title", key) if target else key)
            section.fields.append(
                FieldDoc(key, title, prop.get("description", ""), key in required, prop.get("examples", []),
                         choices if len(choices) <= 12 else [], _anchor(kind, defs[target].get("title", target)) if target else None, many)
            )
            if target:
                queue.append((target, defs[target], path + [key]))
    return list(result.values())


ANCHORS = {"site": "standort", "organisations": "organisationen", "program": "programm", "event": "veranstaltung"}


def _anchor(kind: str, section_title: str | None) -> str:
    """``standort`` for the file itself, ``standort-anschrift`` for a part of it."""
    if not section_title:
        return ANCHORS[kind]
    folded = section_title.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return ANCHORS[kind] + "-" + re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def _ref_of(prop: dict[str, Any]) -> str | None:
    """The name of the definition a property holds (directly, optionally or as list items)."""
    for candidate in [prop] + prop.get("anyOf", []):
        if "$ref" in candidate:
            return candidate["$ref"].rsplit("/", 1)[1]
        items = candidate.get("items")
        if isinstance(items, dict) and "$ref" in items:
            return items["$ref"].rsplit("/", 1)[1]
    return None
