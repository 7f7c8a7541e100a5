"""JSON Schema for editors, generated from the one field definition in :mod:`thinka.model`.

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
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from .model import OrganisationsFile, Program, Site

# kind → (model, file the schema describes)
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "site": (Site, "sites/<kennung>.yml"),
    "organisations": (OrganisationsFile, "organisations.yml"),
    "program": (Program, "program.yml"),
}
SCHEMA_DIR = Path("sites_data") / "schema"  # committed copies, relative to the repository root
SITE_PATH = "schema/"  # where the built site publishes them
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def schema(kind: str) -> dict[str, Any]:
    model, _ = KINDS[kind]
    result: dict[str, Any] = {"$schema": DIALECT}
    result.update(model.model_json_schema())
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


def fields(kind: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every field of a file kind, depth first: (dotted path, title of its section, property schema)."""
    root = schema(kind)
    defs = root.get("$defs", {})

    def walk(node: dict[str, Any], prefix: str, section: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        for name, prop in node.get("properties", {}).items():
            path = f"{prefix}{name}"
            target = _model_of(prop, defs)
            if "$ref" in prop:  # a section: its title is the referenced definition's (same text)
                prop = {"title": target[0].get("title"), **prop} if target else prop
            yield path, section, prop
            if target is not None:
                child, is_list = target
                yield from walk(child, path + ("[]." if is_list else "."), child.get("title", name))

    yield from walk(root, "", root["title"])


def _model_of(prop: dict[str, Any], defs: dict[str, Any]) -> tuple[dict[str, Any], bool] | None:
    """The object schema a property holds (directly, optionally or as list items)."""
    candidates = [prop] + prop.get("anyOf", [])
    for candidate in candidates:
        if "$ref" in candidate:
            return defs[candidate["$ref"].rsplit("/", 1)[1]], False
        items = candidate.get("items")
        if isinstance(items, dict) and "$ref" in items:
            return defs[items["$ref"].rsplit("/", 1)[1]], True
    return None
