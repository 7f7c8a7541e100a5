"""The one rule set: load a data directory, check everything, return the dataset and all problems.

Used by ``thinka validate`` and by the build alike. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import difflib
import gc
import os
import stat
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from . import freshness, lifecycle
from .checking import check, check_keys, error_at, valid_parts
from .dataset import (
    ORGANISATIONS_FILE,
    PROGRAM_FILE,
    SITE_RESERVED_NAMES,
    SITES_DIR,
    Dataset,
    Located,
    max_age_months,
    missing_legal_facts,
    named_files,
)
from .diagnostics import Problems, file_system_reason
from .hours import WEEKDAY_NAMES
from .model import ContactPoint, Organisation, OrganisationsFile, Site
from .program import Program
from .news_events import load_events, load_posts
from .settings import today_from_environment
from .yamlsource import Document, load


def load_dataset(data_dir: str | Path, problems: Problems | None = None, today: date | None = None) -> tuple[Dataset, Problems]:
    """Load and check everything; ``today`` (default: the real today) decides which data is old."""
    with _collector_paused():
        return _load_dataset(data_dir, problems, today)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes millions of objects that all stay alive, and hardly any reference cycles:
    Python's cycle collector would walk the growing heap again and again for nothing (half the
    time of loading 10,000 sites). It runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_dataset(data_dir: str | Path, problems: Problems | None, today: date | None) -> tuple[Dataset, Problems]:
    problems = problems if problems is not None else Problems()
    data_dir = Path(data_dir)
    dataset = Dataset(data_dir)
    try:
        found = stat.S_ISDIR(os.stat(data_dir).st_mode)
    except FileNotFoundError:
        found = False
    except OSError as exc:  # a folder on the way without permission, a symlink loop …
        problems.error(str(data_dir), 1, 1, f"Das Datenverzeichnis kann nicht gelesen werden: {file_system_reason(exc)}.")
        return dataset, problems
    if not found:
        problems.error(str(data_dir), 1, 1, "Datenverzeichnis nicht gefunden.")
        return dataset, problems

    program_path = data_dir / PROGRAM_FILE
    if os.path.lexists(program_path):  # whatever stands there: load() says why it cannot be read
        doc = load(program_path, problems, data_dir)
        if doc.data is not None or not problems:
            dataset.program = check(Program, doc, problems)
            dataset.program_doc = doc
    else:
        problems.error(str(program_path), 1, 1, "Datei fehlt: program.yml beschreibt das Programm und ist Pflicht.")

    org_path = data_dir / ORGANISATIONS_FILE
    if os.path.lexists(org_path):
        _load_organisations(load(org_path, problems, data_dir), dataset, problems)
    else:
        problems.error(str(org_path), 1, 1, "Datei fehlt: organisations.yml listet alle Organisationen und ist Pflicht.")

    _check_program(dataset, problems)
    sites_dir = data_dir / SITES_DIR
    before = len(problems.items)
    files = list(named_files(sites_dir, (".yml", ".yaml"), problems, example="gera-lusan.yml", what="Standort ", with_images=False, reserved=SITE_RESERVED_NAMES))
    dataset.sites_unread = any(p.path == str(sites_dir) for p in problems.items[before:])
    if not files and len(problems.items) == before and not _has_entries(sites_dir):
        problems.error(str(sites_dir), 1, 1, "Keine Standorte gefunden: lege je Standort eine Datei sites/<kennung>.yml an.")
    invalid: list[Located] = []
    for path, slug in files:
        doc, site = _site_file(path, problems, data_dir)
        if doc.data is None and problems:
            dataset.broken_sites.add(slug)
            continue
        if site is not None:
            dataset.sites[slug] = Located(site, doc)
            continue
        dataset.broken_sites.add(slug)
        if isinstance(doc.data, dict):
            # Still run the cross-field rules on every part that is valid on its own,
            # so that one run reports all problems of the file.
            invalid.append(Located(valid_parts(Site, doc.data), doc))

    today = today or today_from_environment()
    for located in list(dataset.sites.values()) + invalid:
        _check_references(dataset, located, problems)
        _check_site(located, problems, today)
    lifecycle.check(dataset, problems, today)
    load_posts(dataset, problems)
    load_events(dataset, problems)
    _check_freshness(dataset, problems, today)
    return dataset, problems


def _has_entries(folder: Path) -> bool:
    try:
        return any(folder.iterdir())
    except OSError:
        return False


def _check_freshness(dataset: Dataset, problems: Problems, today: date) -> None:
    """A warning (not an error) for each active or planned site whose 'stand' is too old."""
    months = max_age_months(dataset)
    for located in dataset.sites.values():
        site: Site = located.record
        if site.status in freshness.CHECKED_STATUSES and freshness.is_stale(site.stand, months, today):
            line, column = located.where("stand")
            problems.warning(str(located.doc.path), line, column, freshness.message(site.stand, months, today))


# Site files read and validated without any problem, by path, with the (mtime, size) they had.
# `mkdocs serve` reloads the data on every save; an unchanged file is not read again.
_SITE_FILES: dict[Path, tuple[tuple[int, int], Document, Any]] = {}


def _site_file(path: Path, problems: Problems, data_dir: Path) -> tuple[Document, Any]:
    """A site file's document and validated record (None if invalid); problems go to ``problems``."""
    try:
        stat = path.lstat() if path.is_symlink() else path.stat()  # a symlink is checked anew each time
        key: tuple[int, int] | None = None if path.is_symlink() else (stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None  # load() reports it
    cached = _SITE_FILES.get(path)
    if key is not None and cached is not None and cached[0] == key:
        return cached[1], cached[2]
    count = len(problems.items)
    doc = load(path, problems, data_dir)
    site = check(Site, doc, problems) if doc.data is not None or not problems else None
    if site is not None and len(problems.items) == count and key is not None:
        _SITE_FILES[path] = (key, doc, site)
    else:
        _SITE_FILES.pop(path, None)
    return doc, site


def _load_organisations(doc: Document, dataset: Dataset, problems: Problems) -> None:
    if doc.data is None:
        if doc.text == "" or (doc.text is not None and not problems):
            problems.error(str(doc.path), 1, 1, "Die Datei ist leer: erwartet wird 'organisationen:' mit einer Liste.")
        return
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("organisationen"), list):
        check(OrganisationsFile, doc, problems)
        return
    check_keys(doc, OrganisationsFile, problems)
    for index, _ in enumerate(doc.data["organisationen"]):
        loc = ("organisationen", index)
        org = check(Organisation, doc, problems, loc)
        if org is None:
            entry = doc.data["organisationen"][index]
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                dataset.broken_ids.add(entry["id"])
            continue
        if org.id in dataset.organisations:
            first = dataset.organisations[org.id].where("id")
            line, column = doc.where(loc + ("id",))
            problems.error(str(doc.path), line, column, f"Kennung '{org.id}' ist doppelt vergeben (zuerst in Zeile {first[0]}).")
            continue
        dataset.organisations[org.id] = Located(org, doc, loc)


def _check_program(dataset: Dataset, problems: Problems) -> None:
    if dataset.program is None or dataset.program_doc is None or not dataset.organisations:
        return
    program = Located(dataset.program, dataset.program_doc)
    _warn_legal_facts(dataset.program, dataset.program_doc, problems)
    _ref(dataset, program, ("koordinierungsstelle",), dataset.program.koordinierungsstelle, problems)
    _ref(dataset, program, ("ministerium",), dataset.program.ministerium, problems)


def _warn_legal_facts(program: Program, doc: Document, problems: Problems) -> None:
    for section, name, label in missing_legal_facts(program):
        line, column = doc.where((section, name), key=True)
        problems.warning(
            str(doc.path), line, column,
            f"Für die Rechtstexte fehlt noch: {label} ('{section}: {name}:' in program.yml). Die Seite nennt die Angabe als fehlend.",
        )


def _ref(dataset: Dataset, located: Located, rest: tuple[Any, ...], ident: str, problems: Problems) -> None:
    orgs = dataset.organisations
    if ident not in orgs and ident not in dataset.broken_ids:
        close = difflib.get_close_matches(ident, list(orgs), n=1)
        hint = f" Meinten Sie '{close[0]}'?" if close else " Bitte zuerst in organisations.yml anlegen."
        error_at(problems, located, rest, f"Organisation '{ident}' ist in organisations.yml nicht eingetragen.{hint}")


def _check_references(dataset: Dataset, located: Located, problems: Problems) -> None:
    if not dataset.organisations and not dataset.broken_ids:
        return
    site = located.record
    for i, ident in enumerate(site.traeger or ()):
        _ref(dataset, located, ("traeger", i), ident, problems)
    for group in ("steuerungsgruppe", "partner", "fruehere_traeger"):
        for i, member in enumerate(getattr(site, group, None) or ()):
            if member is not None:
                _ref(dataset, located, (group, i, "organisation"), member.organisation, problems)
    if getattr(site, "im_auftrag_von", None):
        _ref(dataset, located, ("im_auftrag_von",), site.im_auftrag_von, problems)
    for i, point in enumerate(getattr(site, "anlaufstellen", None) or ()):
        if point is not None and point.traeger:
            _ref(dataset, located, ("anlaufstellen", i, "traeger"), point.traeger, problems)


def _check_site(located: Located, problems: Problems, today: date) -> None:
    site: Site = located.record
    _check_districts(located, problems)
    _check_area(located, problems)
    if site.beginn and site.ende and site.ende.last < site.beginn.first:
        error_at(problems, located, ("ende",), f"Das Ende ({site.ende.german()}) liegt vor dem Beginn ({site.beginn.german()}).")
    if site.einzugsgebiet is not None and not (site.einzugsgebiet.orte or site.einzugsgebiet.ortsteile or site.einzugsgebiet.plz):
        error_at(problems, located, ("einzugsgebiet",), "Das Einzugsgebiet ist leer: bitte Orte, Ortsteile oder Postleitzahlen eintragen.")
    names: dict[str, int] = {}
    for i, point in enumerate(site.anlaufstellen or ()):
        if point is None:
            continue
        if point.name in names:
            error_at(problems, located, ("anlaufstellen", i, "name"), f"Die Anlaufstelle '{point.name}' steht doppelt in diesem Standort (Eintrag {names[point.name] + 1}).")
        names.setdefault(point.name, i)
        _check_hours(located, ("anlaufstellen", i), point, problems)
        if point.koordinaten is None and point.unterwegs is None and site.status == "aktiv" and lifecycle.is_current(site, point, today):
            line, column = located.where("anlaufstellen", i, "name")
            problems.warning(str(located.doc.path), line, column, f"Die Anlaufstelle '{point.name}' hat keine Koordinaten und fehlt deshalb auf der Karte (in Listen und in der Suche erscheint sie).")


def _check_districts(located: Located, problems: Problems) -> None:
    """Each district once in ``kreise``: 'Gera', '16052' and 'gera' are the same district."""
    typed = located.doc.data.get("kreise") if isinstance(located.doc.data, dict) else None
    if not isinstance(typed, list) or not located.record.kreise or len(located.record.kreise) != len(typed):
        return
    first: dict[str, int] = {}
    for i, key in enumerate(located.record.kreise):
        if key in first:
            j = first[key]
            error_at(problems, located, ("kreise", i), f"'{typed[i]}' ist derselbe Kreis wie '{typed[j]}' (Eintrag {j + 1}): bitte jeden Kreis nur einmal nennen.")
        first.setdefault(key, i)


def _check_area(located: Located, problems: Problems) -> None:
    """Each place and postal code of the service area once ('Lusan' and 'lusan' are the same)."""
    area = located.record.einzugsgebiet
    if area is None:
        return
    for field_name in ("orte", "ortsteile", "plz"):
        first: dict[str, int] = {}
        for i, value in enumerate(getattr(area, field_name)):
            key = value.casefold()
            if key in first:
                j = first[key]
                error_at(problems, located, ("einzugsgebiet", field_name, i), f"'{value}' steht schon in '{field_name}' (Eintrag {j + 1}): bitte jeden Eintrag nur einmal nennen.")
            first.setdefault(key, i)


def _check_hours(located: Located, loc: tuple[Any, ...], point: ContactPoint, problems: Problems) -> None:
    # Rows held only in some weeks ('wochen': even and odd weeks, the first Monday …) meet the
    # every-week rows and the rows of their own rhythm, never another rhythm's: one sweep per rhythm.
    rhythms = {row.wochen for row in point.oeffnungszeiten}
    by_day: dict[tuple[int, Any], list[tuple[Any, tuple[Any, ...]]]] = defaultdict(list)
    for r, row in enumerate(point.oeffnungszeiten):
        for z, span in enumerate(row.zeiten):
            for day in row.tage.days:
                for rhythm in (rhythms if row.wochen is None else {row.wochen}):
                    by_day[(day, rhythm or "")].append((span, loc + ("oeffnungszeiten", r, "zeiten", z)))
    reported: set[tuple[Any, ...]] = set()
    for (day, _), spans in sorted(by_day.items()):
        # One sweep in order of start time (a hundred rows of forty spans each compared pairwise
        # took seconds): a span that starts before the latest end so far overlaps that span; the
        # one listed later of the two is reported.
        latest: int | None = None
        for k in sorted(range(len(spans)), key=lambda k: (spans[k][0].start, k)):
            if latest is not None and spans[k][0].overlaps(spans[latest][0]):
                later, earlier = max(k, latest), min(k, latest)
                (span, where), other = spans[later], spans[earlier][0]
                if where not in reported:
                    reported.add(where)
                    error_at(problems, located, where, f"Die Zeit {span.label} überschneidet sich am {WEEKDAY_NAMES[day]} mit {other.label}.")
            if latest is None or spans[k][0].end > spans[latest][0].end:
                latest = k
