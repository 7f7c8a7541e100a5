"""Drawing the pages that share a frame (:mod:`.frames`): which pages do, the frame each kind
gets from the engine, and every such page drawn into its frame after the build, in one forked
worker process per CPU on a large full build."""

from __future__ import annotations

import gc
import html
import logging
import multiprocessing
import os
import time
from collections import defaultdict
from typing import Any
from urllib.parse import urljoin

from mkdocs.structure.files import File

from thinka.views import translation
from thinka.views.common import PageView

from . import frames
from .incremental import DirtyBuilds
from .languages import SiteLanguages
from .render import Renderer

log = logging.getLogger("mkdocs.plugins.thinka")

# Framed pages are drawn in parallel from this many on (fewer are not worth starting processes);
# THINKA_PARALLEL_FROM overrides it (the tests draw their few pages in parallel too).
PARALLEL_FROM = 500
MAX_WORKERS = 8


class FramedPages:
    """The framed pages of one build."""

    def __init__(self, renderer: Renderer, dirty: DirtyBuilds | None, languages: SiteLanguages | None = None) -> None:
        self.renderer = renderer
        self.dirty = dirty  # None unless this is a dirty rebuild of `mkdocs serve`
        self.languages = languages  # each page's addresses in the other languages (its alternates)
        # Every framed page in the order added: a page's language versions one after the other,
        # so that their shared context is worked out once (draw_pages).
        self.jobs: list[tuple[str, PageView, str | None]] = []
        self.framed: dict[str, list[tuple[PageView, str | None]]] = defaultdict(list)  # frame key -> (view, edit url)
        self.frame_of: dict[str, str] = {}  # src_uri of a frame page -> its frame key
        self.frame_html: dict[str, frames.Frame] = {}  # frame key -> the drawn frame

    def add(self, view: PageView, edit_url: str | None) -> tuple[str, bool]:
        """Put ``view`` with its kind: (frame key, whether the engine draws it as the kind's frame)."""
        key = frames.frame_key(view, edit_url is not None, tuple(a["lang"] for a in self.alternates(view)))
        self.framed[key].append((view, edit_url))
        self.jobs.append((key, view, edit_url))
        first = len(self.framed[key]) == 1
        if first:
            self.frame_of[view.src_uri] = key
        return key, first

    def capture(self, src_uri: str, output: str, canonical_url: str | None) -> bool:
        """Keep the engine's drawing of a frame page as its kind's frame; False for other pages."""
        key = self.frame_of.get(src_uri)
        if key is None:
            return False
        self.frame_html[key] = frames.Frame(output, canonical_tag(canonical_url), self.framed[key][0][0].lang)
        return True

    def alternates(self, view: PageView) -> list[dict[str, str]]:
        if self.languages is None:
            return [{"lang": view.lang, "url": view.url}]
        return self.languages.alternates(self.languages.page_language(view.src_uri, view.url, view)[1])

    def placeholder_alternates(self, src_uri: str) -> list[dict[str, str]]:
        """``thinka_alternates`` of a frame page: placeholders each page of the frame fills with its own addresses."""
        view = self.framed[self.frame_of[src_uri]][0][0]
        return [{"lang": a["lang"], "url": frames.alternate(a["lang"])} for a in self.alternates(view)]

    def url_groups(self) -> list[list[tuple[str, dict[str, str]]]]:
        """Per frame: (url, {language: url of its version}) of each page, the frame page first."""
        return [[(view.url, {a["lang"]: a["url"] for a in self.alternates(view)}) for view, _ in views] for views in self.framed.values()]

    def draw(self, config: Any, keep_frozen: bool) -> None:
        """Every page that shares a frame (its frame page too): the frame with the page put in.

        A full build with many such pages draws them in worker processes, one per CPU: each
        forked worker has the dataset already and writes its share of the pages itself."""
        started = time.perf_counter()
        jobs = self.jobs
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
        parallel_from = int(os.environ.get("THINKA_PARALLEL_FROM") or PARALLEL_FROM)
        if self.dirty is not None or workers < 2 or len(jobs) < parallel_from or "fork" not in multiprocessing.get_all_start_methods():
            workers = 1
            self.draw_pages(config, jobs)
        else:
            global _drawing
            _drawing = (self, config, jobs, workers)
            gc.collect()
            gc.freeze()  # the workers share the dataset's memory instead of copying what GC touches
            try:
                with multiprocessing.get_context("fork").Pool(workers) as pool:
                    pool.map(_draw_share, range(workers))
            finally:
                if not keep_frozen:  # `mkdocs serve` replaces the dataset on every rebuild
                    gc.unfreeze()
                _drawing = None
        log.debug(f"thinka: {len(jobs)} Seiten aus {len(self.framed)} Rahmen gezeichnet ({workers} Prozesse) in {time.perf_counter() - started:.2f} s")

    def draw_pages(self, config: Any, jobs: list[tuple[str, PageView, str | None]]) -> None:
        """The pages of ``jobs``; the language versions of a page, one after the other, share the
        context worked out for the first of them (views return texts that translate when drawn)."""
        source: Any = None
        context: dict[str, Any] = {}
        for key, view, edit_url in jobs:
            if view.context is not source:
                source, context = view.context, view.drawn_context()
            self.draw_page(config, key, view, edit_url, context)

    def draw_page(self, config: Any, key: str, view: PageView, edit_url: str | None, context: dict[str, Any] | None = None) -> None:
        frame = self.frame_html[key]
        url, dest = framed_target(config, view)
        context = view.drawn_context() if context is None else context
        with translation.using(view.lang):
            title, description = html.escape(str(view.title)), html.escape(str(view.description))
        if self.dirty is not None and not self.dirty.track_path(view.src_uri, dest, frame.html, title, description, edit_url or "", repr((view.template, context))):
            return
        page = frame.fill(
            title=title,
            description=description,
            content=self.renderer.render(view, context),
            canonical=canonical_tag(urljoin(config.site_url, url) if config.site_url else None),
            edit_url=edit_url or "",
            alternates={a["lang"]: a["url"] for a in self.alternates(view)},
        )
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "w", encoding="utf-8") as out:
            out.write(page)


_drawing: tuple[FramedPages, Any, list[tuple[str, PageView, str | None]], int] | None = None


def _draw_share(share: int) -> None:
    """In a forked worker: draw the ``share``-th of ``workers`` consecutive runs of framed pages
    (consecutive, so that a page's language versions are drawn from one context)."""
    pages, config, jobs, workers = _drawing  # type: ignore[misc]
    pages.draw_pages(config, jobs[len(jobs) * share // workers : len(jobs) * (share + 1) // workers])


def framed_target(config: Any, view: PageView) -> tuple[str, str]:
    """(url, written path) of a page drawn from a frame: where MkDocs would put it. Worked out from
    the view's own directory URL, which is quicker than MkDocs' File (a tenth of a page's cost);
    MkDocs' File where the build does not use directory URLs or the two could disagree."""
    folder, _, name = view.src_uri.removesuffix(".md").rpartition("/")
    directory_url = (f"{folder}/" if folder else "") if name == "index" else f"{folder}/{name}/".lstrip("/")
    if config.use_directory_urls and view.url == directory_url:
        return view.url, os.path.normpath(os.path.join(config.site_dir, view.url, "index.html"))
    file = File(view.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    return file.url, file.abs_dest_path


def canonical_tag(url: str | None) -> str:
    """The canonical link as Material's base.html prints it (Material 9)."""
    return f'<link rel="canonical" href="{url}">' if url else ""
