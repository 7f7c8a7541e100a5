"""The MkDocs plugin ``thinka``: the one place where the data layer meets MkDocs' build.

Its event handlers, in the order MkDocs calls them, each hand one stage's work to a module beside
it: load and validate (:mod:`thinka.data.validate`, with :mod:`.warmup` beside it) → generated
pages and files (:mod:`.registry`), pages in every configured language (:mod:`.languages`) → HTML (:mod:`.render`, pages of one kind from one frame in
:mod:`.drawing`) → search index, sitemap and cache rules. ``mkdocs serve --dirty`` keeps what it
wrote last time in :mod:`.incremental`. Moving to another engine means rewriting this package only.
"""

from __future__ import annotations

import gc
import html
import json
import logging
import os
import re
import time
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from thinka.data.dataset import Dataset, data_dir_default
from thinka.data.languages import DEFAULT, url_prefix
from thinka.data import diagnostics
from thinka.data.diagnostics import file_system_message
from thinka.data.settings import Settings
from thinka.data.validate import load_dataset
from thinka.views import translation
from thinka.views.common import Fragment, PageView

from . import chrome_texts, frames, output_folder, sitemap, warmup
from .assets import hash_assets, write_cache_rules
from .drawing import FramedPages
from .edit_links import EditLinks
from .files import GeneratedFile, start_writer
from .incremental import DirtyBuilds
from .languages import LanguageError, SiteLanguages, configured, german_page_urls, in_language, is_translated
from .preview import Preview
from .registry import generated_files, generated_fragments, generated_pages
from .render import Renderer, UnknownMarker
from .search_index import SearchIndex

log = logging.getLogger("mkdocs.plugins.thinka")


class _QuietFrames(logging.Filter):
    """MkDocs reports a frame page, which on_post_page leaves for us to write, as skipped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Page skipped: ")


logging.getLogger("mkdocs.commands.build").addFilter(_QuietFrames())
logging.getLogger("mkdocs.config").addFilter(output_folder.GermanFolderErrors())
_ID = re.compile(r'\sid="([^"]+)"')


class ThinkaConfig(Config):
    data_dir = c.Optional(c.Type(str))  # default: $THINKA_DATA_DIR or sites_data/
    templates_dir = c.Type(str, default="overrides/thinka")
    # The languages the build publishes (thinka.data.languages codes; default all, German required).
    languages = c.Optional(c.Type(object))  # checked by languages.configured, with a German message


class ThinkaPlugin(BasePlugin[ThinkaConfig]):
    # Set by on_startup; `mkdocs build` and a plain `mkdocs serve` rebuild everything.
    incremental = False
    renderer: Renderer | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this plugin alive across `mkdocs serve` rebuilds (MkDocs 1.4+),
        # so a dirty rebuild can compare each generated file with the previous build's.
        self.incremental = command == "serve" and dirty
        self.command = command
        if command == "serve":
            # A rebuild allocates millions of small objects that live until it ends; collecting
            # every 10,000 allocations instead of every 700 saves a sixth of a dirty rebuild.
            gc.set_threshold(10_000, 10, 10)
            self.preview = Preview()  # broken data: the preview shows the problems, never hangs
            self.preview.keep_alive()
        self.dirty = DirtyBuilds()
        self.search = SearchIndex()

    def on_config(self, config: Any) -> Any:
        root = Path(config.config_file_path or ".").resolve().parent
        self.data_dir = (root / (os.environ.get("THINKA_DATA_DIR") or self.config.data_dir or data_dir_default())).resolve()
        templates = root / self.config.templates_dir
        if self.renderer is None or self.templates != templates:
            # Kept across `mkdocs serve` rebuilds: Jinja reloads a template only when its file changed.
            self.renderer, self.templates = Renderer(templates, watch=self.command == "serve"), templates
        self.edit_links = EditLinks(root)
        self.views: dict[str, PageView] = {}
        # The many pages of one kind (a page per site) are drawn from one theme-drawn frame
        # (thinka.engine.frames). THINKA_FRAMES=0 lets the theme draw every page: same pages, slower.
        self.use_frames = os.environ.get("THINKA_FRAMES", "1") != "0"
        try:
            self.settings = Settings.from_environment(config.site_url, config.site_name)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        if self.command == "build":  # MkDocs empties the output folder before building
            danger = output_folder.problem(config.site_dir, self.data_dir, root)
            if danger:
                raise PluginError(diagnostics.one_line(danger))
        self.hashed = hash_assets(config)
        try:
            self.languages: tuple[str, ...] = configured(self.config.languages, config.config_file_path)
        except LanguageError as exc:
            for message in exc.messages:
                log.error(message)
            raise PluginError("Die Sprachen in mkdocs.yml sind nicht richtig angegeben; die Website wurde nicht gebaut.") from None
        _check_catalogues()
        return config

    def on_pre_build(self, config: Any) -> None:
        # Runs before MkDocs cleans site/: invalid data never replaces a good build.
        started = time.perf_counter()
        dataset, problems = self._load(one_off=self.command == "build")
        log.debug(f"thinka: Daten geladen und geprüft in {time.perf_counter() - started:.2f} s")
        base = os.getcwd()
        for problem in problems.warnings:
            log.info(problem.format(base))
        if problems:
            for problem in problems.errors:
                log.error(problem.format(base))
            if self.command == "serve":
                self.preview.report([problem.format(base) for problem in problems.errors])
            raise PluginError(f"Die Daten enthalten {len(problems.errors)} Fehler; die Website wurde nicht gebaut.")
        self.dataset: Dataset = dataset

    def _load(self, one_off: bool) -> Any:
        helper = None
        if one_off:
            gc.disable()
        try:
            if one_off and os.environ.get("THINKA_WARMUP", "1") != "0":
                # While this process checks the data, another works out QR codes and descriptions.
                # THINKA_WARMUP=0 leaves all of it to the pages: same pages, slower.
                helper = warmup.start(self.data_dir, self.settings)
            return load_dataset(self.data_dir, today=self.settings.today)
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

    def on_files(self, files: Files, config: Any) -> Files:
        started = time.perf_counter()
        # MkDocs has cleaned site/: on a full build a forked process writes the generated files now.
        self.file_writer = start_writer(self.dataset, self.settings, config.site_dir) if self.command == "build" else None
        self.dirty.begin(config, [path for path, _ in self.hashed.values()], self.incremental)
        self.site_languages = SiteLanguages(self.languages)
        self.renderer.localize = self.site_languages.localize  # type: ignore[union-attr]
        self.framed = FramedPages(self.renderer, self.dirty if self.incremental else None, self.site_languages)  # type: ignore[arg-type]
        self.fragments: dict[str, Fragment] = generated_fragments(self.dataset, self.settings)
        self._add_pages(files, config)
        if self.file_writer is None:
            for generated in generated_files(self.dataset, self.settings):
                self._add_file(files, config, generated.path, generated.content)
        for original, (path, content) in self.hashed.items():
            source = files.get_file_from_path(original)
            if source is not None:
                files.remove(source)  # only the hashed copy is published
            self._add_file(files, config, path, content)
        if self.incremental:
            self.dirty.mark_marker_pages(files, self.fragments, self.renderer)  # type: ignore[arg-type]
        log.debug(f"thinka: erzeugte Seiten und Dateien eingereiht in {time.perf_counter() - started:.2f} s")
        return files

    def _add_pages(self, files: Files, config: Any) -> None:
        self.views = {}
        in_nav = _nav_paths(config.nav)
        german = list(generated_pages(self.dataset, self.settings))
        others = [code for code in self.languages if code != DEFAULT]
        translatable = {view.url for view in german if is_translated(view)}
        translated = translatable if others else set()
        for code in others:
            for url in translated:
                self.site_languages.add(url, code, url_prefix(code) + url)
        try:  # docs/<path>.<code>.md -> /<code>/<path>/ (thinka.engine.languages: why not mkdocs-static-i18n)
            self.site_languages.move_translations(files, config, german_page_urls(files, german), translatable)
        except LanguageError as exc:
            for message in exc.messages:
                log.error(message)
            raise PluginError(f"{len(exc.messages)} Fehler in den übersetzten Seiten; die Website wurde nicht gebaut.") from None
        config.extra["thinka_languages"] = self.site_languages.configured()  # for the language switch
        for german_view in german:
            # A page's language versions one after the other: drawing.FramedPages works out their shared context once.
            versions = [german_view] + ([in_language(german_view, code) for code in others] if german_view.url in translated else [])
            edit_url = self.edit_links.url(german_view, config)  # the same YAML file in every language
            for view in versions:
                # (docs/<code>/ holds no page: move_translations refused it, so only German views can collide)
                if view is german_view and files.get_file_from_path(view.src_uri) is not None:
                    raise PluginError(f"docs/{view.src_uri} würde eine erzeugte Seite überdecken; bitte umbenennen.")
                self.views[view.src_uri] = view
                framed = self.use_frames and view.search_text is not None and view.src_uri not in in_nav
                if framed:
                    _, first = self.framed.add(view, edit_url)
                    if not first:
                        continue  # drawn from the frame after the build (on_post_build)
                files.append(self._page_file(config, view, framed))

    def _page_file(self, config: Any, view: PageView, framed: bool) -> GeneratedFile:
        # Material prints meta title and description without escaping: escape them here.
        with translation.using(view.lang):
            title, description = (frames.TITLE, frames.DESCRIPTION) if framed else (html.escape(str(view.title)), html.escape(str(view.description)))
        meta = {"title": title, "description": description, "hide": ["toc"]}
        if view.search_text is not None:
            # Material's search would parse the whole page only for on_post_build to replace it.
            meta["search"] = {"exclude": True}
        meta.update(view.meta)  # e.g. robots: noindex for internal pages
        front = json.dumps(meta, ensure_ascii=False)  # JSON is YAML, and dumps ten times faster
        file = GeneratedFile.generated(config, view.src_uri, content=f"---\n{front}\n---\n")
        if self.incremental and not framed:  # a frame is drawn on every build
            # What the page shows follows from its view (the templates are in the stamp).
            file.changed = self.dirty.track(file, front, repr((view.template, view.drawn_context())))
        return file

    def _add_file(self, files: Files, config: Any, path: str, content: str | bytes) -> None:
        file = GeneratedFile.generated(config, path, content=content)
        if self.incremental:
            file.changed = self.dirty.track(file, content)
        files.append(file)

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        # For the theme's templates (the header, tabs, footer): a German page address, site-root-relative,
        # in the language of the page being drawn where that page exists in it:
        # {{ 'impressum/' | thinka_localize | url }} leads from /en/… to /en/impressum/ when there is one.
        env.filters["thinka_localize"] = jinja2.pass_context(
            lambda context, target: self.site_languages.localize(_page_lang(context.get("page")), target)
        )
        # The chrome's texts in the page's language (_()), the languages of the switch, reviewed(code).
        return chrome_texts.install(env, list(self.languages))

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        view = self.views.get(page.file.src_uri)
        # What the templates read of a page's language (overrides/partials: <html lang>, hreflang, the switch).
        lang, german_url = self.site_languages.page_language(page.file.src_uri, page.url, view)
        page.meta["thinka_lang"] = lang
        page.meta["thinka_alternates"] = self.site_languages.alternates(german_url)
        if page.file.src_uri in self.framed.frame_of:
            # Each page drawn from this frame puts its own addresses where these placeholders are.
            page.meta["thinka_alternates"] = self.framed.placeholder_alternates(page.file.src_uri)
            page.edit_url = frames.EDIT_URL if self.edit_links.url(view, config) else None  # type: ignore[arg-type]
            return frames.CONTENT
        if view is None:
            try:  # hand-written pages may ask for generated fragments: <!-- thinka:aktuelles -->, drawn in the page's language
                html = self.site_languages.localize_links(html, page.url, lang)
                return self.renderer.fill_markers(html, self.fragments, page.url, lang)  # type: ignore[union-attr]
            except UnknownMarker as exc:
                raise PluginError(f"docs/{page.file.src_uri}: {exc.args[0]}") from None
        page.edit_url = self.edit_links.url(view, config)
        rendered = self.renderer.render(view)  # type: ignore[union-attr]
        # Anchors of a generated page, so that links from hand-written pages to them
        # (e.g. redaktion/felder.md#standort) are checked like any other.
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | set(_ID.findall(rendered))
        return rendered

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        lang = page.meta.get("thinka_lang", DEFAULT)
        if lang != DEFAULT:  # its search reads /<code>/search/search_index.json
            output = self.site_languages.search_base(output, page.url, lang)
        try:
            if self.framed.capture(page.file.src_uri, output, page.canonical_url):
                return ""  # MkDocs writes nothing; on_post_build writes the filled page (if it changed)
        except frames.FrameError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None
        return output

    def on_post_build(self, config: Any) -> None:
        self.framed.draw(config, keep_frozen=self.command == "build")
        sitemap.add_framed_pages(config, self.framed.url_groups())
        self.search.shrink(config.site_dir, self.views.values(), self.incremental, self.languages)
        write_cache_rules(config)
        if self.incremental:
            self.dirty.finish()
        if self.file_writer is not None:
            waiting = time.perf_counter()  # how much of the writer's work the page drawing did not hide
            self.file_writer.join()
            log.debug(f"thinka: auf die erzeugten Dateien gewartet: {time.perf_counter() - waiting:.2f} s")
            if self.file_writer.exitcode != 0:
                raise PluginError("Die erzeugten Dateien (Feeds, Kalender, Visitenkarten) konnten nicht geschrieben werden; siehe die Meldung darüber.")
            self.file_writer = None

    def on_build_error(self, error: Exception) -> None:
        if getattr(self, "file_writer", None) is not None:
            self.file_writer.terminate()
            self.file_writer.join()
            self.file_writer = None
        if isinstance(error, OSError):  # a full disk, a read-only or forbidden folder: one German line, no traceback
            log.error(file_system_message(error))
            if self.command == "serve":
                self.preview.report([file_system_message(error)])
            raise Abort("Abgebrochen.")
        if isinstance(error, PluginError) and getattr(self, "command", "build") == "build":
            # Our own German reason, then a German last line instead of MkDocs' "Aborted with a
            # BuildError!" (`mkdocs serve` keeps its own handling: the preview shows the problems).
            log.error(str(error))
            raise Abort("Abgebrochen.")

    def on_shutdown(self) -> None:
        # The process ends now: Python's last garbage collection over the whole heap would take
        # seconds at 10,000 sites (6 s measured) and free nothing the exit does not free anyway.
        gc.freeze()

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        self.preview.attach(server)
        server.watch(str(self.data_dir))  # a saved YAML file rebuilds and reloads the preview
        server.watch(str(self.renderer.env.loader.searchpath[0]))  # type: ignore[union-attr]
        return server


def _page_lang(page: Any) -> str:
    return page.meta.get("thinka_lang", DEFAULT) if page is not None and getattr(page, "meta", None) else DEFAULT


def _check_catalogues() -> None:
    """A translation that cannot be filled in, a catalogue of an unknown language: German lines, no build."""
    broken = translation.check_catalogues()
    if broken:
        for message in broken:
            log.error(diagnostics.one_line(message))
        raise PluginError(f"Die Übersetzungskataloge enthalten {len(broken)} Fehler; die Website wurde nicht gebaut.")


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
