""""Diese Seite bearbeiten" for generated pages: the YAML file a page comes from, in the repository."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from thinka.views.common import PageView


class EditLinks:
    def __init__(self, root: Path) -> None:
        self.root = root  # the repository folder (where mkdocs.yml is)
        self._key: tuple[Any, ...] | None = None
        self._base: tuple[str, str] | None = None

    def url(self, view: PageView, config: Any) -> str | None:
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
        if self._key != key:
            self._key, self._base = key, None
            repo_url, edit_uri, root = config.repo_url, config.edit_uri, self.root
            docs = Path(config.docs_dir).resolve()
            docs_part = docs.relative_to(root).as_posix() + "/" if docs.is_relative_to(root) else ""
            if repo_url and edit_uri and docs_part and edit_uri.endswith(docs_part):
                prefix = urljoin(repo_url.rstrip("/") + "/", edit_uri[: -len(docs_part)])
                self._base = (prefix, os.path.join(str(root), ""))
        return self._base
