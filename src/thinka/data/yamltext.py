"""YAML written as editors write it: plain where that is safe, quoted where needed.

Used for scaffolding and for the examples in the field reference, so both show values the
way the sample files do (``stand: 2026-11-25``, ``plz: "07549"``).
"""

from __future__ import annotations

import json
import re
from typing import Any

_PLAIN = re.compile(r"[A-Za-zÄÖÜäöüß0-9(+][^\[\]{},\"'\n`\\]*")  # flow indicators never, so it fits in [a, b]
# Plain values an editor's YAML 1.2 reader would not take as text (numbers, booleans, null).
_NOT_TEXT_FOR_EDITORS = re.compile(r"[-+]?[0-9.]+([eE][-+]?[0-9]+)?|true|false|null|yes|no|on|off|y|n|~", re.I)


def scalar(value: Any) -> str:
    """One value; text is quoted when a reader could take it for something else."""
    if not isinstance(value, str):
        return "ja" if value is True else "nein" if value is False else str(value)
    plain = (
        _PLAIN.fullmatch(value)
        and value == value.strip()
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
        and not _NOT_TEXT_FOR_EDITORS.fullmatch(value)
    )
    return value if plain else json.dumps(value, ensure_ascii=False)  # JSON strings are valid YAML


def flow_list(items: list[Any]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def block(key: str, value: Any, indent: int = 0) -> list[str]:
    """``key: value`` as block YAML lines: sections indented, lists of sections with ``- ``."""
    pad = " " * indent
    if isinstance(value, dict):
        lines = [f"{pad}{key}:"]
        for k, v in value.items():
            lines += block(k, v, indent + 2)
        return lines
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        lines = [f"{pad}{key}:"]
        for item in value:
            inner = [line for k, v in item.items() for line in block(k, v, indent + 4)]
            inner[0] = f"{pad}  - " + inner[0][indent + 4 :]
            lines += inner
        return lines
    if isinstance(value, list):
        return [f"{pad}{key}: {flow_list(value)}"]
    return [f"{pad}{key}: {scalar(value)}"]
