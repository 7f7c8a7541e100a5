"""What the data layer contributes to a build: generated pages, generated files, fragments.

Each feature module adds its sources here; the engine adapter (:mod:`thinka.engine.plugin`)
asks only this module. Pages are drawn by a component template; files are written as they are;
fragments fill markers (``<!-- thinka:NAME -->``) in hand-written pages. Every source gets
the dataset and the build settings (site address, today).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from thinka.data.dataset import Dataset
from thinka.data.settings import Settings
from thinka.exports import finder, hosting, open_data, schema, vcard
from thinka.views import (
    directories,
    events,
    field_reference,
    legal,
    moved,
    news,
    open_data_page,
    overview_map,
    report,
    sites,
)
from thinka.views.common import Fragment, PageView


@dataclass(frozen=True)
class GeneratedFile:
    """A file of the built site made from the data (JSON index, vCard, feed …)."""

    path: str  # site-relative, e.g. "standorte/gera/anlaufstelle-1.vcf"
    content: str | bytes


def directory_pages(dataset: Dataset, settings: Settings) -> Iterable[PageView]:
    return directories.directory_pages(dataset, settings.today)


def site_pages(dataset: Dataset, settings: Settings) -> Iterator[PageView]:
    """Each site page with its latest posts and its upcoming events."""
    latest, coming = news.News(dataset), events.Events(dataset)
    for slug in dataset.sites:
        yield sites.site_page(
            dataset, slug, settings, news=latest.site_section(slug), events=coming.site_section(slug, settings.today)
        )


def report_pages(dataset: Dataset, settings: Settings) -> Iterable[PageView]:
    return report.report_page(dataset, settings.today)


def field_reference_pages(dataset: Dataset, settings: Settings) -> Iterable[PageView]:
    return field_reference.field_reference_page(dataset)


def legal_pages(dataset: Dataset, settings: Settings) -> Iterator[PageView]:
    """Impressum, Datenschutz, Barrierefreiheit and the page in Leichte Sprache."""
    yield from legal.legal_pages(dataset)
    yield from legal.easy_language_page(dataset)


def schema_files(dataset: Dataset, settings: Settings) -> Iterator[GeneratedFile]:
    """The editors' JSON Schemas, published as /schema/<kind>.schema.json."""
    for kind in schema.KINDS:
        yield GeneratedFile(schema.SITE_PATH + schema.file_name(kind), schema.text(kind))


def open_data_files(dataset: Dataset, settings: Settings) -> Iterator[tuple[str, str]]:
    """/daten/: HSDS 3.0 JSON, the CSV data package and GeoJSON, from one set of HSDS records."""
    return open_data.files(dataset, settings)


PAGE_SOURCES: list[Callable[[Dataset, Settings], Iterable[PageView]]] = [
    directory_pages,
    site_pages,
    overview_map.map_pages,
    news.news_pages,
    events.event_pages,
    report_pages,
    field_reference_pages,
    legal_pages,
]
# A source yields GeneratedFile objects or (path, content) pairs.
FILE_SOURCES: list[Callable[[Dataset, Settings], Iterable[GeneratedFile | tuple[str, str | bytes]]]] = [
    finder.index_files,
    vcard.vcard_files,
    news.news_files,
    events.event_files,
    schema_files,
    open_data_files,
    hosting.robots_files,
    lambda dataset, settings: moved.moved_files(),  # old addresses of pages that moved
]
FRAGMENT_SOURCES: dict[str, Callable[[Dataset, Settings], Fragment]] = {
    "finder": lambda dataset, settings: Fragment("finder.html", {"finder_sources": finder.SOURCES}),
    "aktuelles": news.home_fragment,
    "veranstaltungen": events.home_fragment,
    "offene-daten": open_data_page.open_data_fragment,
    # The legal pages' essentials in the other languages (docs/impressum.en.md …): the facts of program.yml.
    "betreiber": legal.operator_fragment,
    "webserver-protokoll": legal.server_log_fragment,
    "karte-einwilligung": legal.map_consent_fragment,
    "barriere-melden": legal.accessibility_contact_fragment,
}


def generated_pages(dataset: Dataset, settings: Settings) -> Iterator[PageView]:
    for source in PAGE_SOURCES:
        yield from source(dataset, settings)


def generated_files(dataset: Dataset, settings: Settings) -> Iterator[GeneratedFile]:
    for source in FILE_SOURCES:
        for item in source(dataset, settings):
            yield item if isinstance(item, GeneratedFile) else GeneratedFile(*item)


def generated_pieces(dataset: Dataset, settings: Settings) -> Iterator[tuple[str, str | bytes, bool]]:
    """The generated files for a full build's writer, as ``(path, piece, last)``: each file of
    :func:`generated_files` whole (``last`` true), the big files of /daten/ piece by piece, site
    by site, each site's part made, written and let go (at 10,000 sites ``services.json`` alone is
    some 80 MB, which the writer then never holds)."""
    for source in FILE_SOURCES:
        if source is open_data_files:
            yield from open_data.pieces(dataset, settings, keep=False)
            continue
        for item in source(dataset, settings):
            generated = item if isinstance(item, GeneratedFile) else GeneratedFile(*item)
            yield generated.path, generated.content, True


def generated_fragments(dataset: Dataset, settings: Settings) -> dict[str, Fragment]:
    return {name: source(dataset, settings) for name, source in FRAGMENT_SOURCES.items()}
