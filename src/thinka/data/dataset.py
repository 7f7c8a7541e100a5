"""What a loaded data directory holds: the files and folders it is read from, and the dataset
of validated records, each with the document (and so the positions) it came from."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from . import freshness
from .diagnostics import Problems, file_system_reason
from .model import NewsPost, Organisation
from .program import LEGAL_FACTS, Program
from .vocabulary import COORDINATION, IMAGE_TYPES
from .yamlsource import Document

DEFAULT_DATA_DIR = "sites_data"
PROGRAM_FILE = "program.yml"
ORGANISATIONS_FILE = "organisations.yml"
SITES_DIR = "sites"
NEWS_DIR = "news"
EVENTS_DIR = "events"
# Names of overview pages beside posts and events: a post or event may not take them.
RESERVED_NAMES = {"archiv", "seite", "standorte", "themen", "bilder", COORDINATION}
# Site file names the build needs for itself: a site page is /standorte/<name>/ (from
# standorte/<name>.md) and it is named in posts and events by that name. The views make
# standorte/index.md (the directory, thinka.views.directories), /standorte/kreise/ (the sites by
# district) and /standorte/themen/ (the sites by topic, thinka.views.topics); 'koordinierungsstelle' stands for the coordination office wherever posts and events
# name their sites (aktuelles/koordinierungsstelle/, veranstaltungen/koordinierungsstelle/).
SITE_RESERVED_NAMES = {"index", "kreise", "themen", COORDINATION}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def data_dir_default() -> str:
    """The data directory of a build or command: ``$THINKA_DATA_DIR``, else ``sites_data/``."""
    return os.environ.get("THINKA_DATA_DIR") or DEFAULT_DATA_DIR

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
    sites_unread: bool = False  # sites/ could not be listed (reported): no site is known to be missing
    posts: dict[str, Located] = field(default_factory=dict)  # name → Located(Post), front matter positions
    events: dict[str, Located] = field(default_factory=dict)  # name → Located(Event)
    # What the page builders work out once from the whole dataset (e.g. where each partner is listed).
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def organisation(self, ident: str) -> Organisation:
        return self.organisations[ident].record


def max_age_months(dataset: Dataset) -> int:
    return dataset.program.stand_max_monate if dataset.program else freshness.DEFAULT_MAX_MONTHS


def missing_legal_facts(program: Program) -> list[tuple[str, str, str]]:
    """The facts the legal pages need that ``program.yml`` does not give yet: (section, field, label)."""
    return [(section, name, label) for section, name, label in LEGAL_FACTS if getattr(getattr(program, section), name) in (None, [])]


def point_anchor(index: int) -> str:
    """The anchor of a site's contact point ``index`` (0-based) on the site page: ``anlaufstelle-1``.
    Links from the map, the A–Z list, the report, events and JSON-LD all point there
    (the finder's script builds the same from its index, ``i``)."""
    return f"anlaufstelle-{index + 1}"


def contact_point_matches(dataset: Dataset, owners: Iterable[str], name: str) -> list[tuple[str, int]]:
    """(site, index) of every contact point called ``name`` among the given sites."""
    return [
        (slug, i)
        for slug in owners
        if slug in dataset.sites
        for i, point in enumerate(dataset.sites[slug].record.anlaufstellen)
        if point.name == name
    ]


def named_files(
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
    try:
        listed = sorted(folder.iterdir())
    except OSError as exc:
        problems.error(str(folder), 1, 1, f"Der Ordner {folder.name}/ kann nicht gelesen werden: {file_system_reason(exc)}.")
        return
    seen: dict[str, Path] = {}
    kinds = " oder ".join(suffixes)
    for path in listed:
        if path.name.startswith("."):
            continue
        if path.is_dir():
            # A folder of images beside posts and events is fine; any other would be passed over unread.
            if not with_images or path.suffix in suffixes:
                problems.error(str(path), 1, 1, f"'{path.name}' ist ein Ordner: in {folder.name}/ werden nur die Dateien selbst gelesen, nichts in Unterordnern. Bitte die Dateien direkt in {folder.name}/ legen.")
            continue
        if with_images and path.suffix.lower() in IMAGE_TYPES:
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
