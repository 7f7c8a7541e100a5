"""The one module that knows MkDocs: it plugs the data layer into the build.

Moving to another engine (ProperDocs, Zensical) means rewriting this file only:
load and validate → generated pages (``thinka.pages``) → HTML (``thinka.render``).
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import html
import json
import logging
import multiprocessing
import os
import re
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import frames, warmup
from .cli import data_dir_default
from .build import generated_files, generated_fragments, generated_pages
from .hosting import hashed_name, with_cache_rules
from .pages import Fragment, PageView
from .render import MARKER, Renderer, UnknownMarker
from .settings import Settings
from .validate import Dataset, load_dataset

log = logging.getLogger("mkdocs.plugins.thinka")


class _QuietFrames(logging.Filter):
    """MkDocs reports a frame page, which on_post_page leaves for us to write, as skipped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Page skipped: ")


logging.getLogger("mkdocs.commands.build").addFilter(_QuietFrames())
_ID = re.compile(r'\sid="([^"]+)"')


class ThinkaConfig(Config):
    data_dir = c.Optional(c.Type(str))  # default: $THINKA_DATA_DIR or sites_data/
    templates_dir = c.Type(str, default="overrides/thinka")


class _Generated(File):
    """A generated file that says whether its content differs from the previous build's, so a
    dirty rebuild (``mkdocs serve --dirty``) writes only what changed. MkDocs' own generated
    files always count as modified."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


def _digest(*parts: str | bytes) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
    return h.digest()


class ThinkaPlugin(BasePlugin[ThinkaConfig]):
    # Set by on_startup; `mkdocs build` and a plain `mkdocs serve` rebuild everything.
    incremental = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this plugin alive across `mkdocs serve` rebuilds (MkDocs 1.4+),
        # so a dirty rebuild can compare each generated file with the previous build's.
        self.incremental = command == "serve" and dirty
        self.command = command
        if command == "serve":
            # A rebuild allocates millions of small objects that live until it ends; collecting
            # every 10,000 allocations instead of every 700 saves a sixth of a dirty rebuild.
            gc.set_threshold(10_000, 10, 10)
        self.previous: dict[str, tuple[bytes, str]] = {}  # src_uri -> (digest, written path)
        self.previous_stamp: bytes | None = None
        self.search_previous: dict[str, list[dict[str, Any]]] = {}  # page -> its search entries

    def on_config(self, config: Any) -> Any:
        root = self.root = Path(config.config_file_path or ".").resolve().parent
        self.data_dir = (root / (os.environ.get("THINKA_DATA_DIR") or self.config.data_dir or data_dir_default())).resolve()
        templates = root / self.config.templates_dir
        if getattr(self, "renderer", None) is None or self.templates != templates:
            # Kept across `mkdocs serve` rebuilds: Jinja reloads a template only when its file changed.
            self.renderer, self.templates = Renderer(templates, watch=self.command == "serve"), templates
        self.views: dict[str, PageView] = {}
        # The many pages of one kind (a page per site) are drawn from one theme-drawn frame
        # (thinka.frames). THINKA_FRAMES=0 lets the theme draw every page: same pages, slower.
        self.use_frames = os.environ.get("THINKA_FRAMES", "1") != "0"
        try:
            self.settings = Settings.from_environment(config.site_url, config.site_name)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        self._hash_assets(config)
        return config

    def _hash_assets(self, config: Any) -> None:
        """Our stylesheet and script get their content hash in the file name (thinka.<hash>.css),
        so hosts may cache them for a year (see thinka.hosting); Material's are hashed already."""
        self.hashed: dict[str, tuple[str, bytes]] = {}  # docs path -> (hashed path, content)

        def hashed(path: str) -> str:
            source = Path(config.docs_dir) / path
            if "://" in path or path.startswith("/") or not source.is_file():
                return path
            content = source.read_bytes()
            self.hashed[path] = (hashed_name(path, content), content)
            return self.hashed[path][0]

        config.extra_css = [hashed(path) for path in config.extra_css]
        for i, script in enumerate(config.extra_javascript):
            if isinstance(script, str):
                config.extra_javascript[i] = hashed(script)
            else:
                script.path = hashed(script.path)

    def on_pre_build(self, config: Any) -> None:
        # Runs before MkDocs cleans site/: invalid data never replaces a good build.
        started = time.perf_counter()
        helper, one_off = None, self.command == "build"
        if one_off:
            gc.disable()
        try:
            if one_off and os.environ.get("THINKA_WARMUP", "1") != "0":
                # While this process checks the data, another works out QR codes and descriptions.
                # THINKA_WARMUP=0 leaves all of it to the pages: same pages, slower.
                helper = warmup.start(self.data_dir, self.settings)
            dataset, problems = load_dataset(self.data_dir, today=self.settings.today)
        finally:
            if helper is not None:
                codes, texts = helper.finish()
                log.debug(f"thinka: im Voraus vorbereitet: {codes} QR-Codes, {texts} Beschreibungen")
            if one_off:
                # The dataset (millions of objects at 10,000 sites) lives until the build ends: the
                # garbage collector need not look at it again and again (a tenth of a large build).
                # Frozen before the collector runs again, or its first pass would walk it all once more.
                gc.freeze()
                gc.enable()
        log.debug(f"thinka: Daten geladen und geprüft in {time.perf_counter() - started:.2f} s")
        base = os.getcwd()
        for problem in problems.warnings:
            log.info(problem.format(base))
        if problems:
            for problem in problems.errors:
                log.error(problem.format(base))
            count = len(problems.errors)
            raise PluginError(f"Die Daten enthalten {count} Fehler; die Website wurde nicht gebaut.")
        self.dataset: Dataset = dataset

    def on_files(self, files: Files, config: Any) -> Files:
        started = time.perf_counter()
        try:
            return self._add_generated(files, config)
        finally:
            log.debug(f"thinka: erzeugte Seiten und Dateien eingereiht in {time.perf_counter() - started:.2f} s")

    def _add_generated(self, files: Files, config: Any) -> Files:
        self.file_writer = None
        if self.command == "build" and "fork" in multiprocessing.get_all_start_methods():
            # A full build: one forked process makes and writes the generated files (feeds,
            # calendars, vCards …) while this one lists the pages and MkDocs draws them. No page
            # links them through MkDocs, so MkDocs need not know them. MkDocs has cleaned site/.
            self.file_writer = multiprocessing.get_context("fork").Process(
                target=_write_generated, args=(self.dataset, self.settings, config.site_dir), daemon=True
            )
            self.file_writer.start()
        self.views = {}
        self.framed: dict[str, list[tuple[PageView, str | None]]] = defaultdict(list)  # frame key -> (view, edit url)
        self.frame_of: dict[str, str] = {}  # src_uri of a frame page -> its frame key
        self.frame_html: dict[str, frames.Frame] = {}  # frame key -> the drawn frame
        self.current: dict[str, tuple[bytes, str]] = {}
        stamp = self._stamp(config)
        # Dirty rebuild: compare with the previous build, unless the configuration, the theme
        # overrides or our assets changed, which every page shows.
        compare = self.compare = self.incremental and stamp == self.previous_stamp
        self.stamp = stamp
        self.fragments: dict[str, Fragment] = generated_fragments(self.dataset, self.settings)
        in_nav = _nav_paths(config.nav)
        for view in generated_pages(self.dataset, self.settings):
            if files.get_file_from_path(view.src_uri) is not None:
                raise PluginError(f"docs/{view.src_uri} würde eine erzeugte Seite überdecken; bitte umbenennen.")
            self.views[view.src_uri] = view
            frame = None
            if self.use_frames and view.search_text is not None and view.src_uri not in in_nav:
                edit_url = self._edit_url(view, config)
                frame = frames.frame_key(view, edit_url is not None)
                self.framed[frame].append((view, edit_url))
                if len(self.framed[frame]) > 1:
                    continue  # drawn from the frame after the build (on_post_build)
                self.frame_of[view.src_uri] = frame
            # Material prints meta title and description without escaping: escape them here.
            title, description = (frames.TITLE, frames.DESCRIPTION) if frame else (html.escape(view.title), html.escape(view.description))
            meta = {"title": title, "description": description, "hide": ["toc"]}
            if view.search_text is not None:
                # Material's search would parse the whole page only for on_post_build to replace it.
                meta["search"] = {"exclude": True}
            meta.update(view.meta)  # e.g. robots: noindex for internal pages
            front = json.dumps(meta, ensure_ascii=False)  # JSON is YAML, and dumps ten times faster
            file = _Generated.generated(config, view.src_uri, content=f"---\n{front}\n---\n")
            if self.incremental and not frame:  # a frame is drawn on every build
                # What the page shows follows from its view (the templates are in the stamp).
                file.changed = self._track(file, front, repr((view.template, view.drawn_context())), compare=compare)
            files.append(file)
        if self.file_writer is None:
            for generated in generated_files(self.dataset, self.settings):
                file = _Generated.generated(config, generated.path, content=generated.content)
                if self.incremental:
                    file.changed = self._track(file, generated.content, compare=compare)
                files.append(file)
        for original, (path, content) in self.hashed.items():
            source = files.get_file_from_path(original)
            if source is not None:
                files.remove(source)  # only the hashed copy is published
            file = _Generated.generated(config, path, content=content)
            if self.incremental:
                file.changed = self._track(file, content, compare=compare)
            files.append(file)
        if self.incremental:
            self._mark_marker_pages(files, compare)
        return files

    # ---------------------------------------------------------------- dirty rebuilds
    def _stamp(self, config: Any) -> bytes:
        """What every page depends on besides its own data: mkdocs.yml, the theme overrides, our assets."""
        parts: list[str | bytes] = sorted(path for path, _ in self.hashed.values())  # names carry content hashes
        paths = [Path(config.config_file_path)] if config.config_file_path else []
        if config.theme.custom_dir:
            paths += sorted(p for p in Path(config.theme.custom_dir).rglob("*") if p.is_file())
        for path in paths:
            parts.append(f"{path}:{path.stat().st_mtime_ns}")
        return _digest(*parts)

    def _track(self, file: File, *content: str | bytes, compare: bool) -> bool:
        """Remember what this build writes for ``file``; True when it differs from the previous build."""
        return self._track_path(file.src_uri, file.abs_dest_path, *content, compare=compare)

    def _track_path(self, src_uri: str, dest: str, *content: str | bytes, compare: bool) -> bool:
        digest = _digest(*content)
        self.current[src_uri] = (digest, dest)
        previous = self.previous.get(src_uri)
        return not (compare and previous is not None and previous[0] == digest and os.path.isfile(dest))

    def _mark_marker_pages(self, files: Files, compare: bool) -> None:
        """Hand-written pages holding markers (<!-- thinka:aktuelles -->) show generated fragments:
        when those change, or on a full rebuild, remove the old output so MkDocs rebuilds them."""
        fragments = _digest(*(f"{name}:{self.renderer.render_fragment(fragment, '')}" for name, fragment in sorted(self.fragments.items())))
        changed = not (compare and self.previous.get("<fragments>", (None,))[0] == fragments)
        self.current["<fragments>"] = (fragments, "")
        for file in files.documentation_pages():
            if isinstance(file, _Generated) or not file.abs_src_path:
                continue
            if not compare or (changed and MARKER.search(Path(file.abs_src_path).read_text("utf-8"))):
                if os.path.isfile(file.abs_dest_path):
                    os.remove(file.abs_dest_path)

    def _finish_incremental(self) -> None:
        """After a good dirty rebuild: remove pages and files whose source is gone, remember this build."""
        for src_uri, (_, dest) in self.previous.items():
            if src_uri not in self.current and dest and os.path.isfile(dest):
                os.remove(dest)
        self.previous, self.previous_stamp = self.current, self.stamp

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        view = self.views.get(page.file.src_uri)
        if page.file.src_uri in self.frame_of:
            page.edit_url = frames.EDIT_URL if self._edit_url(view, config) else None
            return frames.CONTENT
        if view is None:
            try:  # hand-written pages may ask for generated fragments: <!-- thinka:aktuelles -->
                return self.renderer.fill_markers(html, self.fragments, page.url)
            except UnknownMarker as exc:
                raise PluginError(f"docs/{page.file.src_uri}: {exc.args[0]}") from None
        page.edit_url = self._edit_url(view, config)
        rendered = self.renderer.render(view)
        # Anchors of a generated page, so that links from hand-written pages to them
        # (e.g. mitmachen/felder.md#standort) are checked like any other.
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | set(_ID.findall(rendered))
        return rendered

    def _edit_url(self, view: PageView, config: Any) -> str | None:
        """The edit link of a generated page: its YAML file in the repository (none without one)."""
        base = self._edit_base(config)
        if base is None or not view.source:
            return None
        prefix, root = base
        source = os.path.abspath(view.source)
        if not source.startswith(root):
            return None
        return prefix + source[len(root) :].replace(os.sep, "/")

    def _edit_base(self, config: Any) -> tuple[str, str] | None:
        """(link prefix, repository folder + separator) for edit links, worked out once per build.

        ``edit_uri`` points into docs/ (``edit/main/docs/``); the data lives beside docs/, so the
        link uses the same prefix without the docs folder.
        """
        key = (config.repo_url, config.edit_uri, config.docs_dir)
        if getattr(self, "_edit_key", None) != key:
            self._edit_key, self._edit_cached = key, None
            repo_url, edit_uri, root = config.repo_url, config.edit_uri, self.root
            docs = Path(config.docs_dir).resolve()
            docs_part = docs.relative_to(root).as_posix() + "/" if docs.is_relative_to(root) else ""
            if repo_url and edit_uri and docs_part and edit_uri.endswith(docs_part):
                prefix = urljoin(repo_url.rstrip("/") + "/", edit_uri[: -len(docs_part)])
                self._edit_cached = (prefix, os.path.join(str(root), ""))
        return self._edit_cached

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        key = self.frame_of.get(page.file.src_uri)
        if key is not None:
            try:
                self.frame_html[key] = frames.Frame(output, _canonical_tag(page.canonical_url))
            except frames.FrameError as exc:
                raise PluginError(f"{page.file.src_uri}: {exc}") from None
            return ""  # MkDocs writes nothing; on_post_build writes the filled page (if it changed)
        return output

    def _draw_framed(self, config: Any) -> None:
        """Every page that shares a frame (its frame page too): the frame with the page put in.

        A full build with many such pages draws them in worker processes, one per CPU: each
        forked worker has the dataset already and writes its share of the pages itself."""
        started = time.perf_counter()
        jobs = [(key, view, edit_url) for key, views in self.framed.items() for view, edit_url in views]
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
        parallel_from = int(os.environ.get("THINKA_PARALLEL_FROM") or PARALLEL_FROM)
        if self.incremental or workers < 2 or len(jobs) < parallel_from or "fork" not in multiprocessing.get_all_start_methods():
            workers = 1
            for job in jobs:
                self._draw_page(config, *job)
        else:
            global _drawing
            _drawing = (self, config, jobs, workers)
            gc.collect()
            gc.freeze()  # the workers share the dataset's memory instead of copying what GC touches
            try:
                with multiprocessing.get_context("fork").Pool(workers) as pool:
                    pool.map(_draw_share, range(workers))
            finally:
                if self.command != "build":  # `mkdocs serve` replaces the dataset on every rebuild
                    gc.unfreeze()
                _drawing = None
        self._add_to_sitemap(config)
        log.debug(f"thinka: {len(jobs)} Seiten aus {len(self.framed)} Rahmen gezeichnet ({workers} Prozesse) in {time.perf_counter() - started:.2f} s")

    def _draw_page(self, config: Any, key: str, view: PageView, edit_url: str | None) -> None:
        frame = self.frame_html[key]
        url, dest = _framed_target(config, view)
        context = view.drawn_context()
        title, description = html.escape(view.title), html.escape(view.description)
        if self.incremental and not self._track_path(view.src_uri, dest, frame.html, title, description, edit_url or "", repr((view.template, context)), compare=self.compare):
            return
        page = frame.fill(
            title=title,
            description=description,
            content=self.renderer.render(view, context),
            canonical=_canonical_tag(urljoin(config.site_url, url) if config.site_url else None),
            edit_url=edit_url or "",
        )
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "w", encoding="utf-8") as out:
            out.write(page)

    def _add_to_sitemap(self, config: Any) -> None:
        """MkDocs lists the frame pages in sitemap.xml; the pages drawn from them go right after."""
        path = Path(config.site_dir) / "sitemap.xml"
        if not path.is_file() or not config.site_url:
            return
        text = path.read_text("utf-8")
        for views in self.framed.values():
            first, *others = [urljoin(config.site_url, view.url) for view, _ in views]
            match = re.search(r"\n\s*<url>\s*<loc>" + re.escape(html.escape(first)) + r"</loc>.*?</url>", text, re.S)
            if match is None or not others:
                continue
            entry = match.group()
            added = "".join(entry.replace(f"<loc>{html.escape(first)}</loc>", f"<loc>{html.escape(url)}</loc>") for url in others)
            text = text[: match.end()] + added + text[match.end() :]
        path.write_text(text, "utf-8")
        gz = path.with_name("sitemap.xml.gz")
        if gz.is_file():
            mtime = int.from_bytes(gz.read_bytes()[4:8], "little")  # keep MkDocs' build timestamp
            with open(gz, "wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(gz), mode="wb", mtime=mtime) as out:
                out.write(text.encode("utf-8"))

    def on_post_build(self, config: Any) -> None:
        self._draw_framed(config)
        self._shrink_search_index(config)
        self._write_cache_rules(config)
        if self.incremental:
            self._finish_incremental()
        if self.file_writer is not None:
            self.file_writer.join()
            if self.file_writer.exitcode != 0:
                raise PluginError("Die erzeugten Dateien (Feeds, Kalender, Visitenkarten) konnten nicht geschrieben werden; siehe die Meldung darüber.")
            self.file_writer = None

    def on_build_error(self, error: Exception) -> None:
        if getattr(self, "file_writer", None) is not None:
            self.file_writer.terminate()
            self.file_writer.join()
            self.file_writer = None

    def _shrink_search_index(self, config: Any) -> None:
        """Material's search index gets a short entry for each generated page (its search text,
        not its full content; Material skipped those pages), so the index fetched on every
        first visit stays small."""
        index_path = Path(config.site_dir) / "search" / "search_index.json"
        if not index_path.is_file():
            return
        short = [view for view in self.views.values() if view.search_text is not None]
        index = json.loads(index_path.read_text("utf-8"))
        runs = _latest_entries(index["docs"])
        if self.incremental:
            # Material's dirty index holds the rebuilt pages (and may have lost others): merge.
            runs = self.search_previous = {**self.search_previous, **runs}
        generated = {view.url for view in short}
        docs = [doc for page, entries in runs.items() if page not in generated for doc in entries]
        docs += [{"location": view.url, "title": html.escape(view.title), "text": html.escape(view.search_text or "")} for view in short]
        index["docs"] = docs
        index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")

    def _write_cache_rules(self, config: Any) -> None:
        """site/_headers: the hand-written docs/_headers (if any) plus a year of caching for every
        file with a content hash in its name (thinka.hosting)."""
        site = Path(config.site_dir)
        assets = [p.relative_to(site).as_posix() for p in (site / "assets").rglob("*") if p.is_file()]
        source = Path(config.docs_dir) / "_headers"
        text = source.read_text("utf-8") if source.is_file() else ""
        (site / "_headers").write_text(with_cache_rules(text, assets), "utf-8")

    def on_shutdown(self) -> None:
        # The process ends now: Python's last garbage collection over the whole heap would take
        # seconds at 10,000 sites (6 s measured) and free nothing the exit does not free anyway.
        gc.freeze()

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.data_dir))  # a saved YAML file rebuilds and reloads the preview
        server.watch(str(self.renderer.env.loader.searchpath[0]))  # type: ignore[union-attr]
        return server


# Framed pages are drawn in parallel from this many on (fewer are not worth starting processes);
# THINKA_PARALLEL_FROM overrides it (the tests draw their few pages in parallel too).
PARALLEL_FROM = 500
MAX_WORKERS = 8
_drawing: tuple[ThinkaPlugin, Any, list[tuple[str, PageView, str | None]], int] | None = None


def _write_generated(dataset: Dataset, settings: Settings, site_dir: str) -> None:
    """In a forked process: make every generated file and write it below ``site_dir``."""
    try:
        for generated in generated_files(dataset, settings):
            path = os.path.join(site_dir, *generated.path.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            content = generated.content.encode("utf-8") if isinstance(generated.content, str) else generated.content
            with open(path, "wb") as out:
                out.write(content)
    except Exception as exc:  # a bug, not bad data (the data was checked): say what, end with status 1
        log.error(f"thinka: erzeugte Datei nicht geschrieben: {type(exc).__name__}: {exc}")
        os._exit(1)


def _draw_share(share: int) -> None:
    """In a forked worker: draw every ``workers``-th framed page, starting at ``share``."""
    plugin, config, jobs, workers = _drawing  # type: ignore[misc]
    for job in jobs[share::workers]:
        plugin._draw_page(config, *job)


def _framed_target(config: Any, view: PageView) -> tuple[str, str]:
    """(url, written path) of a page drawn from a frame: where MkDocs would put it. Worked out from
    the view's own directory URL, which is quicker than MkDocs' File (a tenth of a page's cost);
    MkDocs' File where the build does not use directory URLs or the two could disagree."""
    folder, _, name = view.src_uri.removesuffix(".md").rpartition("/")
    directory_url = (f"{folder}/" if folder else "") if name == "index" else f"{folder}/{name}/".lstrip("/")
    if config.use_directory_urls and view.url == directory_url:
        return view.url, os.path.normpath(os.path.join(config.site_dir, view.url, "index.html"))
    file = File(view.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    return file.url, file.abs_dest_path


def _canonical_tag(url: str | None) -> str:
    """The canonical link as Material's base.html prints it (Material 9)."""
    return f'<link rel="canonical" href="{url}">' if url else ""


def _nav_paths(nav: Any) -> set[str]:
    """The docs paths that mkdocs.yml's nav lists."""
    found: set[str] = set()
    items = nav if isinstance(nav, list) else [nav] if nav else []
    for item in items:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                found |= _nav_paths(value) if isinstance(value, list) else ({value} if isinstance(value, str) else set())
    return found


def _latest_entries(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
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
