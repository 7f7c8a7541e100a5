"""The one module that knows MkDocs: it plugs the data layer into the build.

Moving to another engine (ProperDocs, Zensical) means rewriting this file only:
load and validate → generated pages (``thinka.pages``) → HTML (``thinka.render``).
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .cli import data_dir_default
from .build import generated_files, generated_fragments, generated_pages
from .pages import Fragment, PageView
from .render import Renderer, UnknownMarker
from .settings import Settings
from .validate import Dataset, load_dataset

log = logging.getLogger("mkdocs.plugins.thinka")
_ID = re.compile(r'\sid="([^"]+)"')


class ThinkaConfig(Config):
    data_dir = c.Optional(c.Type(str))  # default: $THINKA_DATA_DIR or sites_data/
    templates_dir = c.Type(str, default="overrides/thinka")


class ThinkaPlugin(BasePlugin[ThinkaConfig]):
    def on_config(self, config: Any) -> Any:
        root = self.root = Path(config.config_file_path or ".").resolve().parent
        self.data_dir = (root / (os.environ.get("THINKA_DATA_DIR") or self.config.data_dir or data_dir_default())).resolve()
        self.renderer = Renderer(root / self.config.templates_dir)
        self.views: dict[str, PageView] = {}
        try:
            self.settings = Settings.from_environment(config.site_url, config.site_name)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        return config

    def on_pre_build(self, config: Any) -> None:
        # Runs before MkDocs cleans site/: invalid data never replaces a good build.
        dataset, problems = load_dataset(self.data_dir, today=self.settings.today)
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
        self.views = {}
        self.fragments: dict[str, Fragment] = generated_fragments(self.dataset, self.settings)
        for view in generated_pages(self.dataset, self.settings):
            if files.get_file_from_path(view.src_uri) is not None:
                raise PluginError(f"docs/{view.src_uri} würde eine erzeugte Seite überdecken; bitte umbenennen.")
            # Material prints meta title and description without escaping: escape them here.
            meta = {"title": html.escape(view.title), "description": html.escape(view.description), "hide": ["toc"], **view.meta}
            front = yaml.safe_dump(meta, allow_unicode=True)
            files.append(File.generated(config, view.src_uri, content=f"---\n{front}---\n"))
            self.views[view.src_uri] = view
        for generated in generated_files(self.dataset, self.settings):
            files.append(File.generated(config, generated.path, content=generated.content))
        return files

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        view = self.views.get(page.file.src_uri)
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
        """The edit link of a generated page: its YAML file in the repository (none without one).

        ``edit_uri`` points into docs/ (``edit/main/docs/``); the data lives beside docs/, so the
        link uses the same prefix without the docs folder.
        """
        repo_url, edit_uri = config.repo_url, config.edit_uri
        if not (repo_url and edit_uri and view.source):
            return None
        root = self.root
        docs = Path(config.docs_dir).resolve()
        docs_part = docs.relative_to(root).as_posix() + "/" if docs.is_relative_to(root) else ""
        source = Path(os.path.abspath(view.source))
        if not docs_part or not edit_uri.endswith(docs_part) or not source.is_relative_to(root):
            return None
        return urljoin(repo_url.rstrip("/") + "/", edit_uri[: -len(docs_part)] + source.relative_to(root).as_posix())

    def on_post_build(self, config: Any) -> None:
        """Shrink Material's search index: a generated page contributes its short search text,
        not its full content, so the index fetched on every first visit stays small."""
        index_path = Path(config.site_dir) / "search" / "search_index.json"
        if not index_path.is_file():
            return
        short = {view.url: view for view in self.views.values() if view.search_text is not None}
        index = json.loads(index_path.read_text("utf-8"))
        docs = []
        for doc in index["docs"]:
            page, _, anchor = doc["location"].partition("#")
            view = short.get(page)
            if view is None:
                docs.append(doc)
            elif not anchor:
                docs.append({"location": page, "title": html.escape(view.title), "text": html.escape(view.search_text)})
        index["docs"] = docs
        index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.data_dir))  # a saved YAML file rebuilds and reloads the preview
        server.watch(str(self.renderer.env.loader.searchpath[0]))  # type: ignore[union-attr]
        return server
