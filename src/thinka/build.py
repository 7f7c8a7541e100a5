"""What the data layer contributes to a build: generated pages and generated files.

Each feature module adds its sources here; the engine adapter (``mkdocs_plugin``) asks
only this module. Pages are drawn by a component template; files are written as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import finder, overview_map, pages, vcard
from .pages import PageView
from .validate import Dataset


@dataclass(frozen=True)
class GeneratedFile:
    """A file of the built site made from the data (JSON index, vCard, feed …)."""

    path: str  # site-relative, e.g. "standorte/gera/anlaufstelle-1.vcf"
    content: str | bytes


PAGE_SOURCES: list[Callable[[Dataset], Iterable[PageView]]] = [
    pages.directory_pages,
    pages.site_pages,
    overview_map.map_pages,
]
FILE_SOURCES: list[Callable[[Dataset], Iterable[GeneratedFile]]] = [
    finder.index_files,
    vcard.vcard_files,
]

# Components a hand-written page can place with a marker line ``<!-- thinka:NAME -->``:
# NAME → (component template, context built from the dataset).
COMPONENTS: dict[str, Callable[[Dataset], tuple[str, dict]]] = {
    "finder": lambda dataset: ("finder.html", {}),
}


def generated_pages(dataset: Dataset) -> Iterator[PageView]:
    for source in PAGE_SOURCES:
        yield from source(dataset)


def generated_files(dataset: Dataset) -> Iterator[GeneratedFile]:
    for source in FILE_SOURCES:
        yield from source(dataset)
