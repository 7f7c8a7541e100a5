"""What the data layer contributes to a build: generated pages and generated files.

Each feature module adds its sources here; the engine adapter (``mkdocs_plugin``) asks
only this module. Pages are drawn by a component template; files are written as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import legal, pages
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
    legal.legal_pages,
    legal.easy_language_page,
]
FILE_SOURCES: list[Callable[[Dataset], Iterable[GeneratedFile]]] = []


def generated_pages(dataset: Dataset) -> Iterator[PageView]:
    for source in PAGE_SOURCES:
        yield from source(dataset)


def generated_files(dataset: Dataset) -> Iterator[GeneratedFile]:
    for source in FILE_SOURCES:
        yield from source(dataset)
