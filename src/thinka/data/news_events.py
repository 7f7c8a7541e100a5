"""Checking news posts (``news/*.md``) and events (``events/*.yml``): front matter, text,
the sites they belong to, their images and the places of events."""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from pathlib import Path

from . import images
from .checking import checked_or_parts, error_at
from .dataset import (
    EVENTS_DIR,
    NEWS_DIR,
    RESERVED_NAMES,
    Dataset,
    Located,
    Post,
    contact_point_matches,
    named_files,
)
from .dates import span
from .diagnostics import Problems, file_system_reason
from .limits import MAX_MARKDOWN_CHARS, german_number
from .model import Event, NewsPost
from .types import find_html
from .vocabulary import COORDINATION, IMAGE_TYPES
from .yamlsource import load, load_markdown


def load_posts(dataset: Dataset, problems: Problems) -> None:
    folder = dataset.data_dir / NEWS_DIR
    for path, name in named_files(folder, (".md",), problems, example="2015-06-06-buergerbuero-rabenhold.md", reserved=RESERVED_NAMES):
        before = len(problems.items)
        doc, body, body_line = load_markdown(path, problems, dataset.data_dir)
        if doc.data is None:
            if len(problems.items) == before:
                problems.error(str(path), 1, 1, "Die Angaben oben fehlen: titel, datum und standorte zwischen zwei Zeilen '---'.")
            continue
        parts = checked_or_parts(NewsPost, doc, problems)
        located = Located(parts, doc)
        if parts is not None:
            _check_owners(dataset, located, problems)
            if parts.datum is not None and parts.datum.month is None:
                error_at(problems, located, ("datum",), "Bitte mindestens Jahr und Monat angeben (JJJJ-MM), damit die Meldung im Monatsarchiv erscheint.")
            if parts.bild is not None:
                _check_image(folder, located, parts.bild.datei, problems)
        _check_body(path, body, body_line, problems)
        if isinstance(parts, NewsPost) and len(problems.items) == before:
            dataset.posts[name] = Located(Post(parts, body, body_line), doc)


def _check_body(path: Path, body: str, first_line: int, problems: Problems) -> None:
    if not body.strip():
        problems.error(str(path), first_line, 1, "Der Text der Meldung fehlt: bitte unter die zweite Zeile '---' schreiben.")
        return
    if len(body) > MAX_MARKDOWN_CHARS:
        problems.error(
            str(path), first_line, 1,
            f"Der Text der Meldung ist zu lang: {german_number(len(body))} Zeichen; erlaubt sind höchstens {german_number(MAX_MARKDOWN_CHARS)}.",
        )
        return
    offset = find_html(body)
    if offset is not None:
        line = body.count("\n", 0, offset)
        column = offset - (body.rfind("\n", 0, offset) + 1) + 1
        problems.error(str(path), first_line + line, column, "HTML ist im Text nicht erlaubt (gefunden: '<…'). Bitte nur Markdown verwenden.")
    fenced = False
    for number, text in enumerate(body.split("\n")):
        if text.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"# ", text):
            problems.error(str(path), first_line + number, 1, "Überschriften im Text bitte mit '## ' beginnen; die oberste Ebene ist der Titel der Meldung.")


def _check_owners(dataset: Dataset, located: Located, problems: Problems) -> None:
    """``standorte``: each a known site or the coordination office, each once."""
    known = set(dataset.sites) | dataset.broken_sites
    seen: set[str] = set()
    for i, slug in enumerate(located.record.standorte or ()):
        if slug is None:
            continue
        if slug in seen:
            error_at(problems, located, ("standorte", i), f"Der Standort '{slug}' steht doppelt in der Liste.")
        elif slug != COORDINATION and slug not in known and not dataset.sites_unread:
            close = difflib.get_close_matches(slug, sorted(known | {COORDINATION}), n=1)
            hint = f" Meinten Sie '{close[0]}'?" if close else f" Die Kennung ist der Dateiname in sites/ ohne .yml; für die Koordinierungsstelle '{COORDINATION}'."
            error_at(problems, located, ("standorte", i), f"Den Standort '{slug}' gibt es nicht.{hint}")
        seen.add(slug)


def image_name(name: str) -> str | None:
    """Where below the post's or event's folder an image is published: the name as typed, made
    plain (``bilder/./a.png`` → ``bilder/a.png``); None for an absolute name or one that climbs
    out with '..' (its address would leave the published folder, whatever the file system says)."""
    if "\\" in name or posixpath.isabs(name):
        return None
    plain = posixpath.normpath(name)
    return None if plain == ".." or plain.startswith("../") else plain


def image_source(folder: Path, name: str) -> Path | None:
    """The file an image name stands for: resolved (symlinks followed), a regular file inside
    ``folder``; None otherwise. Images are published from this path, never from the name."""
    if image_name(name) is None:
        return None
    try:
        real = (folder / name).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return real if real.is_relative_to(folder.resolve()) and real.is_file() else None


def _check_image(folder: Path, located: Located, name: str, problems: Problems) -> None:
    path = folder / name
    where = ("bild", "datei")
    if "\\" in name or posixpath.isabs(name):
        error_at(problems, located, where, f"Bitte das Bild relativ zum Ordner {folder.name}/ angeben, ohne '/' am Anfang (z. B. bilder/foto.jpg).")
    elif image_name(name) is None or not path.resolve().is_relative_to(folder.resolve()):  # '..' out, or a symlink out
        error_at(problems, located, where, f"Das Bild muss im Ordner {folder.name}/ liegen (oder in einem Unterordner davon).")
    elif path.suffix.lower() not in IMAGE_TYPES or path.resolve().suffix.lower() not in IMAGE_TYPES:
        error_at(problems, located, where, "Bilder bitte als JPEG, PNG oder WebP speichern (.jpg, .png, .webp).")
    elif image_source(folder, name) is None:
        reason = _unreadable(path)
        error_at(problems, located, where, f"Die Bilddatei '{name}' kann nicht gelesen werden: {reason}." if reason else f"Die Bilddatei '{name}' gibt es nicht (gesucht in {folder.name}/{name}).")
    elif reason := _unreadable(path):
        error_at(problems, located, where, f"Die Bilddatei '{name}' kann nicht gelesen werden: {reason}.")
    else:
        try:
            images.check(image_source(folder, name), path.suffix)  # type: ignore[arg-type]
        except images.ImageProblem as exc:
            error_at(problems, located, where, f"'{name}': {exc}")
        except OSError as exc:
            error_at(problems, located, where, f"Die Bilddatei '{name}' kann nicht gelesen werden: {file_system_reason(exc)}.")


def _unreadable(path: Path) -> str | None:
    """Why a file that may exist cannot be read (a folder without permission, the file itself);
    None when it can be read or does not exist (the build must be able to publish it)."""
    try:
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
    except FileNotFoundError:
        return None
    except OSError as exc:
        return file_system_reason(exc)
    return None


def load_events(dataset: Dataset, problems: Problems) -> None:
    folder = dataset.data_dir / EVENTS_DIR
    for path, name in named_files(folder, (".yml", ".yaml"), problems, example="2015-06-06-buergerbuero-rabenhold.yml", reserved=RESERVED_NAMES):
        before = len(problems.items)
        doc = load(path, problems, dataset.data_dir)
        if doc.data is None:
            if len(problems.items) == before:
                problems.error(str(path), 1, 1, "Die Datei ist leer: erwartet werden titel, beginn, ort, standorte und beschreibung.")
            continue
        parts = checked_or_parts(Event, doc, problems)
        if parts is None:
            continue
        located = Located(parts, doc)
        _check_owners(dataset, located, problems)
        _check_event(dataset, located, problems)
        if parts.bild is not None:
            _check_image(folder, located, parts.bild.datei, problems)
        if isinstance(parts, Event) and len(problems.items) == before:
            dataset.events[name] = located


def _check_event(dataset: Dataset, located: Located, problems: Problems) -> None:
    event = located.record
    if event.beginn is not None and ("ende" not in located.doc.data or event.ende is not None):
        try:
            span(event.beginn, event.ende)
        except ValueError as exc:
            error_at(problems, located, ("ende",), str(exc))
    place = event.ort
    if place is None:
        return
    if place.anlaufstelle and place.adresse:
        error_at(problems, located, ("ort", "adresse"), "Bitte entweder 'anlaufstelle' oder 'adresse' angeben, nicht beides.", key=True)
    elif not place.anlaufstelle and not place.adresse:
        error_at(problems, located, ("ort",), "Bitte beim Ort entweder 'anlaufstelle' (eine Anlaufstelle der genannten Standorte) oder 'adresse' angeben.")
    elif place.anlaufstelle:
        if place.name:
            error_at(problems, located, ("ort", "name"), "'name' gehört zu einer Adresse; bei einer Anlaufstelle steht ihr Name schon fest.", key=True)
        owners = [s for s in event.standorte or () if s in dataset.sites]
        found = contact_point_matches(dataset, owners, place.anlaufstelle)
        if len(found) > 1:
            error_at(problems, located, ("ort", "anlaufstelle"), f"'{place.anlaufstelle}' gibt es an mehreren der genannten Standorte ({', '.join(s for s, _ in found)}).")
        elif not found and all(s == COORDINATION or s in dataset.sites for s in event.standorte or ()):
            names = sorted({p.name for s in owners for p in dataset.sites[s].record.anlaufstellen})
            close = difflib.get_close_matches(place.anlaufstelle, names, n=1)
            hint = f" Meinten Sie '{close[0]}'?" if close else (f" Möglich: {', '.join(names)}." if names else " Die genannten Standorte haben keine eingetragene Anlaufstelle; bitte 'adresse' angeben.")
            error_at(problems, located, ("ort", "anlaufstelle"), f"Die Anlaufstelle '{place.anlaufstelle}' gibt es an den genannten Standorten nicht.{hint}")
