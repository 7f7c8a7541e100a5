"""What every page view shares: the page view and fragment types, addresses and links between
pages, German sort order, and what a build works out once per dataset.

Templates only arrange; everything they show is computed in :mod:`thinka.views` once (labels,
links, German dates). Each view names its component template in ``overrides/thinka/``.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from thinka.data.dataset import Dataset
from thinka.data.vocabulary import COORDINATION

SITES_URL = "standorte/"
CONTACT_POINTS_URL = "anlaufstellen/"
PARTNERS_URL = "partner/"


# The editors' area: its pages (guide, field reference, report) stay out of the residents' search.
EDITOR_AREAS = ("redaktion/", "intern/")
SITE_PAGE_BOOST = 1000.0  # a site page ranks before any other page that matches as well: a word in its text outweighs the same word in a post's title (Material weighs titles 1000 times)


@dataclass
class PageView:
    """One generated page: where it lives, what it is called, which component draws it."""

    src_uri: str  # as if it were docs/<src_uri>
    url: str  # directory URL, e.g. "standorte/gera/"
    title: str
    description: str
    template: str
    source: Path | None  # the YAML file it comes from (for edit links)
    # What the template gets; a function for pages of which there are many (one per site), so that
    # a build holds the context of one such page at a time, not of all of them.
    context: dict[str, Any] | Callable[[], dict[str, Any]] = field(default_factory=dict)
    # What the site search should know of this page instead of its full text (None: full text).
    # Keeps the search index small when there are many generated pages.
    search_text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # more page metadata, e.g. robots: noindex
    # How much a hit on this page counts in the site search (site pages come first for residents).
    search_boost: float = 1.0
    # The language the page is drawn in (thinka.data.languages): "de" for the German original; the
    # engine makes a copy per language (url and src_uri below /<code>/) that shares this context,
    # whose N_ texts become words in the page's language only when drawn.
    lang: str = "de"

    def drawn_context(self) -> dict[str, Any]:
        """The template's context (computed now if the view holds a function)."""
        return self.context() if callable(self.context) else self.context

    def link(self, target: str) -> str:
        """Relative link from this page to ``target`` (a site-root-relative URL, maybe with #anchor)."""
        return relative_link(self.url, target)


@dataclass
class Fragment:
    """Generated HTML that a hand-written page asks for with a marker ``<!-- thinka:NAME -->``."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


def per_dataset(compute: Callable[[Dataset], Any]) -> Callable[[Dataset], Any]:
    """``compute(dataset)`` worked out once per dataset (kept in ``dataset.memo``), for what
    several pages of a build show."""

    @functools.wraps(compute)
    def once(dataset: Dataset) -> Any:
        if compute.__name__ not in dataset.memo:
            dataset.memo[compute.__name__] = compute(dataset)
        return dataset.memo[compute.__name__]

    return once


def relative_link(page_url: str, target: str) -> str:
    """Link from the page at ``page_url`` to ``target`` (maybe with #anchor); both relative to the site root."""
    path, _, anchor = target.partition("#")
    # posixpath.relpath("/" + path, "/" + page_url) for clean paths, without its normalising
    # (a site page draws about twenty links; relpath took a tenth of a 10,000-site build).
    here, there = page_url.split("/"), path.split("/")
    here, there = [p for p in here if p], [p for p in there if p]
    common = 0
    while common < len(here) and common < len(there) and here[common] == there[common]:
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") or not path else "")
    return rel + (f"#{anchor}" if anchor else "")


def site_url(slug: str) -> str:
    return f"{SITES_URL}{slug}/"


COORDINATION_URL = "programm/koordinierungsstelle/"


def owner_url(base: str, owner: str) -> str:
    """A site's (or the coordination office's) folder below a section: ``aktuelles/standorte/gera/``."""
    return f"{base}{COORDINATION}/" if owner == COORDINATION else f"{base}standorte/{owner}/"


def owner_link(dataset: Dataset, key: str) -> dict[str, str]:
    """Who a post or event belongs to: a site, or the coordination office (``koordinierungsstelle``)."""
    if key == COORDINATION:
        return {"key": key, "name": "Koordinierungsstelle", "url": COORDINATION_URL}
    return {"key": key, "name": dataset.sites[key].record.name, "url": site_url(key)}


@functools.lru_cache(maxsize=1 << 16)  # the same names and towns are sorted on many pages
def sort_key(text: str) -> str:
    """German alphabetical order: umlauts sort with their base letter."""
    if text.isascii():  # nothing to decompose
        return text.casefold()
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))


