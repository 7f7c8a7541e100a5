"""Checking a document against a model: pydantic's findings as German messages at their
``path:line:column``, and the parts of an invalid record that are valid on their own."""

from __future__ import annotations

import difflib
import functools
import re
from types import SimpleNamespace
from typing import Annotated, Any, Iterable

from pydantic import BaseModel, TypeAdapter, ValidationError

from .dataset import Located
from .diagnostics import Problems
from .limits import german_number
from .yamlsource import Document


HOURS_EXAMPLE = "zum Beispiel '- tage: Mo–Fr' und in der Zeile darunter, genau unter 'tage', 'zeiten: 09:00–12:00'"


def _label(loc: tuple[Any, ...]) -> str:
    names = [str(p) for p in loc if isinstance(p, str)]
    return names[-1] if names else "Wert"


def _german(error: dict[str, Any], fields: Iterable[str]) -> str:
    kind, loc, ctx = error["type"], error["loc"], error.get("ctx") or {}
    name = _label(loc)
    if kind == "thinka":
        return error["msg"]
    if kind == "missing" and name == "alt":
        return "Zum Bild fehlt der Alternativtext 'alt': beschreiben Sie in einem Satz, was darauf zu sehen ist."
    if "oeffnungszeiten" in loc[-3:-1] and kind == "missing" and name in ("tage", "zeiten"):
        return f"Pflichtfeld '{name}' fehlt: jede Zeile der Öffnungszeiten hat 'tage:' und 'zeiten:' ({HOURS_EXAMPLE})."
    if name == "oeffnungszeiten" or (len(loc) > 1 and loc[-2] == "oeffnungszeiten"):
        if kind in ("list_type", "tuple_type", "model_type", "dict_type", "model_attributes_type"):
            return f"Öffnungszeiten stehen als Liste, jede Zeile mit 'tage:' und 'zeiten:' ({HOURS_EXAMPLE})."
    if kind == "missing":
        return f"Pflichtfeld '{name}' fehlt."
    if kind == "extra_forbidden":
        guess = close_field(name, tuple(fields))
        hint = f" – meinten Sie '{guess}'?" if guess else ""
        return f"Unbekanntes Feld '{name}'{hint}" + ("" if hint else f". Erlaubt sind hier: {', '.join(fields)}.")
    if error.get("input", 0) is None:
        return f"Das Feld '{name}' ist leer: bitte einen Wert eintragen oder die Zeile löschen."
    if kind in ("list_type", "tuple_type"):
        return f"'{name}' muss eine Liste sein (jeder Eintrag in einer eigenen Zeile mit '- ')."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{name}' muss ein Abschnitt mit Feldern sein (feld: wert, eingerückt)."
    if kind == "too_long":
        return f"'{name}' hat zu viele Einträge: {german_number(ctx.get('actual_length', 0))}; erlaubt sind höchstens {german_number(ctx.get('max_length', 0))}."
    if kind == "too_short":
        return f"'{name}' braucht mindestens {ctx.get('min_length', 1)} Eintrag/Einträge."
    if kind in ("string_type", "str_type"):
        return f"'{name}' muss ein einfacher Text sein."
    return f"Ungültiger Wert für '{name}'."


def _fold(text: str) -> str:
    return text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")


@functools.lru_cache(maxsize=4096)
def close_field(name: str, fields: tuple[str, ...]) -> str | None:
    """The field ``name`` is a typo of, if one is close: at most two letters apart (a swap counts
    as one) and mostly the same letters, so 'telefn' suggests 'telefon', but 'ebene0' no 'ende'
    and 'telefax' no 'telefon'."""
    folded = _fold(name)
    if len(folded) > 60:
        return None
    by_fold = {_fold(f): f for f in fields}
    stem = _stem(folded)
    for other, field_name in by_fold.items():
        if len(stem) >= 3 and _stem(other) == stem:  # 'thema' and 'themen', 'ort' and 'orte'
            return field_name
    for guess in difflib.get_close_matches(folded, by_fold, n=3, cutoff=0.75):
        if _distance(folded, guess) <= 2:
            return by_fold[guess]
    return None


def _stem(word: str) -> str:
    """A word without its ending (vowels, n, s), so singular and plural meet."""
    return re.sub(r"[aeiouns]+$", "", word)


def _distance(a: str, b: str) -> int:
    """Edits from ``a`` to ``b``: letters inserted, deleted, replaced or two neighbours swapped."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
    return row[len(b)]


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the (nested) model that holds ``loc``; used for typo suggestions."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            break
        current = _inner_model(info.annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def check(model: type[BaseModel], doc: Document, problems: Problems, loc: tuple[Any, ...] = ()) -> Any:
    """Validate ``doc.data`` (at ``loc``) against ``model``; report each error at its position."""
    data = doc.data
    for part in loc:
        data = data[part]
    if not isinstance(data, dict):
        line, column = doc.where(loc)
        problems.error(str(doc.path), line, column, "Die Datei muss Felder enthalten (feld: wert), nicht nur einen Wert oder eine Liste.")
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            if problems.full(str(doc.path)):
                break
            where = loc + tuple(error["loc"])
            if any(where[:n] in doc.refused for n in range(len(where) + 1)):
                continue  # the loader has reported this value already
            fields = _fields_at(model, tuple(error["loc"]))
            line, column = doc.where(where, key=error["type"] == "extra_forbidden")
            problems.error(str(doc.path), line, column, _german(error, fields))
        return None


def checked_or_parts(model: type[BaseModel], doc: Document, problems: Problems) -> Any:
    """The validated record; if it is invalid, its parts that are valid on their own (so the
    cross-field rules still run and one run reports every problem); None without a mapping."""
    record = check(model, doc, problems)
    if record is not None:
        return record
    return valid_parts(model, doc.data) if isinstance(doc.data, dict) else None


def valid_parts(model: type[BaseModel], data: dict[str, Any]) -> SimpleNamespace:
    """The fields of ``data`` that are valid on their own (lists item by item); defaults elsewhere."""
    parts: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        annotation = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation  # type: ignore[valid-type]
        adapter = TypeAdapter(annotation)
        value = data.get(name)
        if name not in data:
            parts[name] = None if info.is_required() else info.get_default(call_default_factory=True)
            continue
        try:
            parts[name] = adapter.validate_python(value)
        except ValidationError:
            parts[name] = info.get_default(call_default_factory=True) if not info.is_required() else None
            item = _inner_model(info.annotation)
            if isinstance(value, list) and item is not None:
                parts[name] = [_try(item, v) for v in value]
    return SimpleNamespace(**parts)


def _try(model: type[BaseModel], value: Any) -> Any:
    try:
        return model.model_validate(value)
    except ValidationError:
        return None


def check_keys(doc: Document, model: type[BaseModel], problems: Problems) -> None:
    """Report unknown top-level keys of a file whose list entries are checked one by one."""
    for key in doc.data:
        if key not in model.model_fields:
            line, column = doc.where((key,), key=True)
            problems.error(str(doc.path), line, column, _german({"type": "extra_forbidden", "loc": (key,)}, list(model.model_fields)))


def error_at(problems: Problems, located: Located, rest: tuple[Any, ...], message: str, key: bool = False) -> None:
    line, column = located.where(*rest, key=key)
    problems.error(str(located.doc.path), line, column, message)
