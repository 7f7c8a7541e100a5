"""The one rule set: load a data directory, check everything, return the dataset and all problems.

Used by ``thinka validate`` and by the build alike. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import difflib
import gc
import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Any, Iterable

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import freshness
from .diagnostics import Problems
from .hours import WEEKDAY_NAMES
from .model import COORDINATION, IMAGE_TYPES, LEGAL_FACTS, ContactPoint, Event, NewsPost, Organisation, OrganisationsFile, Program, Site
from .settings import today_from_environment
from .types import find_html, span
from .yamlsource import Document, load, load_markdown

PROGRAM_FILE = "program.yml"
ORGANISATIONS_FILE = "organisations.yml"
SITES_DIR = "sites"
NEWS_DIR = "news"
EVENTS_DIR = "events"
# Names of overview pages beside posts and events: a post or event may not take them.
RESERVED_NAMES = {"archiv", "seite", "standorte", "themen", "bilder", COORDINATION}
SITE_RESERVED_NAMES = {"kreise"}  # /standorte/kreise/ lists the sites by district
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Located:
    """A validated record with the document it came from and its path inside it."""

    record: Any
    doc: Document
    loc: tuple[Any, ...] = ()

    def where(self, *rest: Any, key: bool = False) -> tuple[int, int]:
        return self.doc.where(self.loc + rest, key=key)


@dataclass(frozen=True)
class Post:
    """A news post: its front matter and its Markdown text."""

    meta: NewsPost
    body: str
    body_line: int  # line of the file where the text begins


@dataclass
class Dataset:
    data_dir: Path
    program: Program | None = None
    program_doc: Document | None = None
    organisations: dict[str, Located] = field(default_factory=dict)
    sites: dict[str, Located] = field(default_factory=dict)  # slug → Located(Site)
    broken_ids: set[str] = field(default_factory=set)  # organisations with errors: known, not repeated as unknown
    broken_sites: set[str] = field(default_factory=set)  # site files with errors: known slugs all the same
    posts: dict[str, Located] = field(default_factory=dict)  # name → Located(Post), front matter positions
    events: dict[str, Located] = field(default_factory=dict)  # name → Located(Event)
    # What the page builders work out once from the whole dataset (e.g. where each partner is listed).
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def organisation(self, ident: str) -> Organisation:
        return self.organisations[ident].record


# ------------------------------------------------------------------ pydantic → German
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
    if kind == "missing":
        return f"Pflichtfeld '{name}' fehlt."
    if kind == "extra_forbidden":
        guess = difflib.get_close_matches(_fold(name), {_fold(f): f for f in fields}, n=1, cutoff=0.6)
        hint = f" – meinten Sie '{dict((_fold(f), f) for f in fields)[guess[0]]}'?" if guess else ""
        return f"Unbekanntes Feld '{name}'{hint}" + ("" if hint else f". Erlaubt sind hier: {', '.join(fields)}.")
    if error.get("input", 0) is None:
        return f"Das Feld '{name}' ist leer: bitte einen Wert eintragen oder die Zeile löschen."
    if kind in ("list_type", "tuple_type"):
        return f"'{name}' muss eine Liste sein (jeder Eintrag in einer eigenen Zeile mit '- ')."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{name}' muss ein Abschnitt mit Feldern sein (feld: wert, eingerückt)."
    if kind == "too_short":
        return f"'{name}' braucht mindestens {ctx.get('min_length', 1)} Eintrag/Einträge."
    if kind in ("string_type", "str_type"):
        return f"'{name}' muss ein einfacher Text sein."
    return f"Ungültiger Wert für '{name}'."


def _fold(text: str) -> str:
    return text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")


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
            where = loc + tuple(error["loc"])
            if any(where[:n] in doc.refused for n in range(len(where) + 1)):
                continue  # the loader has reported this value already
            fields = _fields_at(model, tuple(error["loc"]))
            line, column = doc.where(where, key=error["type"] == "extra_forbidden")
            problems.error(str(doc.path), line, column, _german(error, fields))
        return None


# ------------------------------------------------------------------ loading a directory
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
    if not data_dir.is_dir():
        problems.error(str(data_dir), 1, 1, "Datenverzeichnis nicht gefunden.")
        return dataset, problems

    program_path = data_dir / PROGRAM_FILE
    if program_path.is_file():
        doc = load(program_path, problems)
        if doc.data is not None or not problems:
            dataset.program = check(Program, doc, problems)
            dataset.program_doc = doc
    else:
        problems.error(str(program_path), 1, 1, "Datei fehlt: program.yml beschreibt das Programm und ist Pflicht.")

    org_path = data_dir / ORGANISATIONS_FILE
    if org_path.is_file():
        _load_organisations(load(org_path, problems), dataset, problems)
    else:
        problems.error(str(org_path), 1, 1, "Datei fehlt: organisations.yml listet alle Organisationen und ist Pflicht.")

    _check_program(dataset, problems)
    sites_dir = data_dir / SITES_DIR
    files = list(_named_files(sites_dir, (".yml", ".yaml"), problems, example="gera-lusan.yml", what="Standort ", with_images=False, reserved=SITE_RESERVED_NAMES))
    if not files and not any(sites_dir.glob("*")):
        problems.error(str(sites_dir), 1, 1, "Keine Standorte gefunden: lege je Standort eine Datei sites/<kennung>.yml an.")
    invalid: list[Located] = []
    for path, slug in files:
        doc, site = _site_file(path, problems)
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
            invalid.append(Located(_valid_parts(Site, doc.data), doc))

    for located in list(dataset.sites.values()) + invalid:
        _check_references(dataset, located, problems)
        _check_site(located, problems)
    _load_posts(dataset, problems)
    _load_events(dataset, problems)
    _check_freshness(dataset, problems, today or today_from_environment())
    return dataset, problems


def max_age_months(dataset: Dataset) -> int:
    return dataset.program.stand_max_monate if dataset.program else freshness.DEFAULT_MAX_MONTHS


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


def _site_file(path: Path, problems: Problems) -> tuple[Document, Any]:
    """A site file's document and validated record (None if invalid); problems go to ``problems``."""
    stat = path.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _SITE_FILES.get(path)
    if cached is not None and cached[0] == key:
        return cached[1], cached[2]
    count = len(problems.items)
    doc = load(path, problems)
    site = check(Site, doc, problems) if doc.data is not None or not problems else None
    if site is not None and len(problems.items) == count:
        _SITE_FILES[path] = (key, doc, site)
    else:
        _SITE_FILES.pop(path, None)
    return doc, site


def _checked_or_parts(model: type[BaseModel], doc: Document, problems: Problems) -> Any:
    """The validated record; if it is invalid, its parts that are valid on their own (so the
    cross-field rules still run and one run reports every problem); None without a mapping."""
    record = check(model, doc, problems)
    if record is not None:
        return record
    return _valid_parts(model, doc.data) if isinstance(doc.data, dict) else None


def _valid_parts(model: type[BaseModel], data: dict[str, Any]) -> SimpleNamespace:
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


def _load_organisations(doc: Document, dataset: Dataset, problems: Problems) -> None:
    if doc.data is None:
        if doc.path.stat().st_size == 0 or not problems:
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


def check_keys(doc: Document, model: type[BaseModel], problems: Problems) -> None:
    """Report unknown top-level keys of a file whose list entries are checked one by one."""
    for key in doc.data:
        if key not in model.model_fields:
            line, column = doc.where((key,), key=True)
            problems.error(str(doc.path), line, column, _german({"type": "extra_forbidden", "loc": (key,)}, list(model.model_fields)))


def _error(problems: Problems, located: Located, rest: tuple[Any, ...], message: str, key: bool = False) -> None:
    line, column = located.where(*rest, key=key)
    problems.error(str(located.doc.path), line, column, message)


def _check_program(dataset: Dataset, problems: Problems) -> None:
    if dataset.program is None or dataset.program_doc is None or not dataset.organisations:
        return
    program = Located(dataset.program, dataset.program_doc)
    _warn_legal_facts(dataset.program, dataset.program_doc, problems)
    _ref(dataset, program, ("koordinierungsstelle",), dataset.program.koordinierungsstelle, problems)
    _ref(dataset, program, ("ministerium",), dataset.program.ministerium, problems)


def missing_legal_facts(program: Program) -> list[tuple[str, str, str]]:
    """The facts the legal pages need that ``program.yml`` does not give yet: (section, field, label)."""
    return [(section, name, label) for section, name, label in LEGAL_FACTS if getattr(getattr(program, section), name) in (None, [])]


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
        _error(problems, located, rest, f"Organisation '{ident}' ist in organisations.yml nicht eingetragen.{hint}")


def _check_references(dataset: Dataset, located: Located, problems: Problems) -> None:
    if not dataset.organisations and not dataset.broken_ids:
        return
    site = located.record
    for i, ident in enumerate(site.traeger or ()):
        _ref(dataset, located, ("traeger", i), ident, problems)
    for group in ("steuerungsgruppe", "partner"):
        for i, member in enumerate(getattr(site, group) or ()):
            if member is not None:
                _ref(dataset, located, (group, i, "organisation"), member.organisation, problems)


def _check_site(located: Located, problems: Problems) -> None:
    site: Site = located.record
    if site.beginn and site.ende and site.ende.last < site.beginn.first:
        _error(problems, located, ("ende",), f"Das Ende ({site.ende.german()}) liegt vor dem Beginn ({site.beginn.german()}).")
    if site.status == "beendet" and not site.ende:
        _error(problems, located, ("status",), "Ein beendeter Standort braucht ein 'ende'-Datum.")
    if site.einzugsgebiet is not None and not (site.einzugsgebiet.orte or site.einzugsgebiet.ortsteile or site.einzugsgebiet.plz):
        _error(problems, located, ("einzugsgebiet",), "Das Einzugsgebiet ist leer: bitte Orte, Ortsteile oder Postleitzahlen eintragen.")
    names: dict[str, int] = {}
    for i, point in enumerate(site.anlaufstellen or ()):
        if point is None:
            continue
        if point.name in names:
            _error(problems, located, ("anlaufstellen", i, "name"), f"Die Anlaufstelle '{point.name}' steht doppelt in diesem Standort (Eintrag {names[point.name] + 1}).")
        names.setdefault(point.name, i)
        _check_hours(located, ("anlaufstellen", i), point, problems)
        if point.koordinaten is None and site.status == "aktiv":
            line, column = located.where("anlaufstellen", i, "name")
            problems.warning(str(located.doc.path), line, column, f"Die Anlaufstelle '{point.name}' hat keine Koordinaten und fehlt deshalb auf der Karte (in Listen und in der Suche erscheint sie).")


def _check_hours(located: Located, loc: tuple[Any, ...], point: ContactPoint, problems: Problems) -> None:
    by_day: dict[int, list[tuple[Any, tuple[Any, ...]]]] = defaultdict(list)
    for r, row in enumerate(point.oeffnungszeiten):
        for z, span in enumerate(row.zeiten):
            for day in row.tage.days:
                by_day[day].append((span, loc + ("oeffnungszeiten", r, "zeiten", z)))
    reported: set[tuple[Any, ...]] = set()
    for day, spans in sorted(by_day.items()):
        for j, (span, where) in enumerate(spans):
            for other, other_where in spans[:j]:
                if span.overlaps(other) and where not in reported:
                    reported.add(where)
                    _error(problems, located, where, f"Die Zeit {span.label} überschneidet sich am {WEEKDAY_NAMES[day]} mit {other.label}.")



# ------------------------------------------------------------------ news posts and events
def _named_files(
    folder: Path,
    suffixes: tuple[str, ...],
    problems: Problems,
    *,
    example: str,
    what: str = "",
    with_images: bool = True,
    reserved: frozenset[str] | set[str] = frozenset(),
) -> Iterable[tuple[Path, str]]:
    """The data files of one folder (``sites/``, ``news/``, ``events/``) with the name that becomes
    their address; wrong suffixes, names unfit for an address and doubles are reported."""
    if not folder.is_dir():
        return
    seen: dict[str, Path] = {}
    kinds = " oder ".join(suffixes)
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir() or (with_images and path.suffix.lower() in IMAGE_TYPES):
            continue
        if path.suffix not in suffixes:
            extra = " (und Bilder)" if with_images else ""
            problems.error(str(path), 1, 1, f"Nur {kinds}-Dateien{extra} gehören in {folder.name}/; bitte umbenennen oder entfernen.")
            continue
        name = path.stem
        if not SLUG.fullmatch(name):
            problems.error(str(path), 1, 1, f"Dateiname '{path.name}' taugt nicht als Adresse: nur Kleinbuchstaben a–z, Ziffern und Bindestriche (z. B. {example}).")
            continue
        if name in reserved:
            problems.error(str(path), 1, 1, f"Der Name '{name}' ist für eine Übersichtsseite vergeben; bitte die Datei anders nennen (z. B. {example}).")
            continue
        if name in seen:
            problems.error(str(path), 1, 1, f"{what}'{name}' gibt es doppelt (auch {seen[name].name}).")
            continue
        seen[name] = path
        yield path, name


def _load_posts(dataset: Dataset, problems: Problems) -> None:
    folder = dataset.data_dir / NEWS_DIR
    for path, name in _named_files(folder, (".md",), problems, example="2015-06-06-buergerbuero-rabenhold.md", reserved=RESERVED_NAMES):
        before = len(problems.items)
        doc, body, body_line = load_markdown(path, problems)
        if doc.data is None:
            if len(problems.items) == before:
                problems.error(str(path), 1, 1, "Die Angaben oben fehlen: titel, datum und standorte zwischen zwei Zeilen '---'.")
            continue
        parts = _checked_or_parts(NewsPost, doc, problems)
        located = Located(parts, doc)
        if parts is not None:
            _check_owners(dataset, located, problems)
            if parts.datum is not None and parts.datum.month is None:
                _error(problems, located, ("datum",), "Bitte mindestens Jahr und Monat angeben (JJJJ-MM), damit die Meldung im Monatsarchiv erscheint.")
            if parts.bild is not None:
                _check_image(folder, located, parts.bild.datei, problems)
        _check_body(path, body, body_line, problems)
        if isinstance(parts, NewsPost) and len(problems.items) == before:
            dataset.posts[name] = Located(Post(parts, body, body_line), doc)


def _check_body(path: Path, body: str, first_line: int, problems: Problems) -> None:
    if not body.strip():
        problems.error(str(path), first_line, 1, "Der Text der Meldung fehlt: bitte unter die zweite Zeile '---' schreiben.")
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
            _error(problems, located, ("standorte", i), f"Der Standort '{slug}' steht doppelt in der Liste.")
        elif slug != COORDINATION and slug not in known:
            close = difflib.get_close_matches(slug, sorted(known | {COORDINATION}), n=1)
            hint = f" Meinten Sie '{close[0]}'?" if close else f" Die Kennung ist der Dateiname in sites/ ohne .yml; für die Koordinierungsstelle '{COORDINATION}'."
            _error(problems, located, ("standorte", i), f"Den Standort '{slug}' gibt es nicht.{hint}")
        seen.add(slug)


def _check_image(folder: Path, located: Located, name: str, problems: Problems) -> None:
    path = folder / name
    if not path.resolve().is_relative_to(folder.resolve()):
        _error(problems, located, ("bild", "datei"), f"Das Bild muss im Ordner {folder.name}/ liegen (oder in einem Unterordner davon).")
    elif path.suffix.lower() not in IMAGE_TYPES:
        _error(problems, located, ("bild", "datei"), "Bilder bitte als JPEG, PNG oder WebP speichern (.jpg, .png, .webp).")
    elif not path.is_file():
        _error(problems, located, ("bild", "datei"), f"Die Bilddatei '{name}' gibt es nicht (gesucht in {folder.name}/{name}).")


def contact_point_matches(dataset: Dataset, owners: Iterable[str], name: str) -> list[tuple[str, int]]:
    """(site, index) of every contact point called ``name`` among the given sites."""
    return [
        (slug, i)
        for slug in owners
        if slug in dataset.sites
        for i, point in enumerate(dataset.sites[slug].record.anlaufstellen)
        if point.name == name
    ]


def _load_events(dataset: Dataset, problems: Problems) -> None:
    folder = dataset.data_dir / EVENTS_DIR
    for path, name in _named_files(folder, (".yml", ".yaml"), problems, example="2015-06-06-buergerbuero-rabenhold.yml", reserved=RESERVED_NAMES):
        before = len(problems.items)
        doc = load(path, problems)
        if doc.data is None:
            if len(problems.items) == before:
                problems.error(str(path), 1, 1, "Die Datei ist leer: erwartet werden titel, beginn, ort, standorte und beschreibung.")
            continue
        parts = _checked_or_parts(Event, doc, problems)
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
            _error(problems, located, ("ende",), str(exc))
    place = event.ort
    if place is None:
        return
    if place.anlaufstelle and place.adresse:
        _error(problems, located, ("ort", "adresse"), "Bitte entweder 'anlaufstelle' oder 'adresse' angeben, nicht beides.", key=True)
    elif not place.anlaufstelle and not place.adresse:
        _error(problems, located, ("ort",), "Bitte beim Ort entweder 'anlaufstelle' (eine Anlaufstelle der genannten Standorte) oder 'adresse' angeben.")
    elif place.anlaufstelle:
        if place.name:
            _error(problems, located, ("ort", "name"), "'name' gehört zu einer Adresse; bei einer Anlaufstelle steht ihr Name schon fest.", key=True)
        owners = [s for s in event.standorte or () if s in dataset.sites]
        found = contact_point_matches(dataset, owners, place.anlaufstelle)
        if len(found) > 1:
            _error(problems, located, ("ort", "anlaufstelle"), f"'{place.anlaufstelle}' gibt es an mehreren der genannten Standorte ({', '.join(s for s, _ in found)}).")
        elif not found and all(s == COORDINATION or s in dataset.sites for s in event.standorte or ()):
            names = sorted({p.name for s in owners for p in dataset.sites[s].record.anlaufstellen})
            close = difflib.get_close_matches(place.anlaufstelle, names, n=1)
            hint = f" Meinten Sie '{close[0]}'?" if close else (f" Möglich: {', '.join(names)}." if names else " Die genannten Standorte haben keine eingetragene Anlaufstelle; bitte 'adresse' angeben.")
            _error(problems, located, ("ort", "anlaufstelle"), f"Die Anlaufstelle '{place.anlaufstelle}' gibt es an den genannten Standorten nicht.{hint}")
