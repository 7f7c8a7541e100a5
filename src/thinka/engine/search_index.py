"""Material's search index for residents: a short entry per generated page (its search text, not
its full content, which Material skipped, so the index stays small), ranked by the page's boost,
and without the editors' area (guide, field reference, report). One index per language: German
pages in ``search/search_index.json``, each other language's pages in
``<code>/search/search_index.json`` with addresses relative to ``/<code>/`` (where its pages' search
looks, :mod:`.languages`), so a search never mixes languages."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Iterable

from thinka.data.languages import DEFAULT
from thinka.views import translation
from thinka.views.common import EDITOR_AREAS, PageView

from .languages import SEARCH_LANG


class SearchIndex:
    def __init__(self) -> None:
        self.previous: dict[str, list[dict[str, Any]]] = {}  # page -> its search entries (dirty rebuilds)

    def shrink(self, site_dir: str, views: Iterable[PageView], incremental: bool, languages: Iterable[str] = (DEFAULT,)) -> None:
        index_path = Path(site_dir) / "search" / "search_index.json"
        if not index_path.is_file():
            return
        short = [view for view in views if view.search_text is not None]
        index = json.loads(index_path.read_text("utf-8"))
        runs = latest_entries(index["docs"])
        if incremental:
            # Material's dirty index holds the rebuilt pages (and may have lost others): merge.
            runs = self.previous = {**self.previous, **runs}
        generated = {view.url for view in short}
        docs = [doc for page, entries in runs.items() if page not in generated and not page.startswith(EDITOR_AREAS) for doc in entries]
        docs += [_entry(view) for view in short if not view.url.startswith(EDITOR_AREAS)]
        for code in languages:
            if code == DEFAULT:
                continue
            prefix = f"{code}/"
            own = [{**doc, "location": doc["location"][len(prefix) :]} for doc in docs if doc["location"].startswith(prefix)]
            docs = [doc for doc in docs if not doc["location"].startswith(prefix)]
            config = {**index.get("config", {}), "lang": [SEARCH_LANG.get(code, "en")]}
            path = Path(site_dir) / code / "search" / "search_index.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({"config": config, "docs": own}, ensure_ascii=False, separators=(",", ":")), "utf-8")
        index["docs"] = docs
        index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _entry(view: PageView) -> dict[str, Any]:
    with translation.using(view.lang):
        entry: dict[str, Any] = {"location": view.url, "title": html.escape(str(view.title)), "text": html.escape(str(view.search_text or ""))}
    if view.search_boost != 1.0:
        entry["boost"] = view.search_boost  # Material's worker multiplies the page's score by it
    return entry


def latest_entries(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Page -> its search entries (the page and its sections, which are adjacent). Material's
    search plugin, on a dirty rebuild, appends the rebuilt pages' entries to the previous index
    and removes the old entries of the first rebuilt page only: a later run of a page wins."""
    runs: dict[str, list[dict[str, Any]]] = {}
    current = None
    for doc in docs:
        page = doc["location"].partition("#")[0]
        if page != current:
            runs[page] = []
            current = page
        runs[page].append(doc)
    return runs
