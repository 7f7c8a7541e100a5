"""``mkdocs serve --dirty``: what each generated page and file was in the previous build, so a
rebuild after one saved file writes only what changed, and removes what is gone."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from thinka.views.common import Fragment

from .files import GeneratedFile
from .render import MARKER, Renderer


def digest(*parts: str | bytes) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
    return h.digest()


class DirtyBuilds:
    """Kept across the rebuilds of one ``mkdocs serve``."""

    def __init__(self) -> None:
        self.previous: dict[str, tuple[bytes, str]] = {}  # src_uri -> (digest, written path)
        self.previous_stamp: bytes | None = None
        self.current: dict[str, tuple[bytes, str]] = {}
        self.stamp: bytes | None = None
        self.compare = False

    def begin(self, config: Any, hashed_paths: list[str], incremental: bool) -> None:
        """A new build: compare with the previous one, unless the configuration, the theme
        overrides or our assets changed, which every page shows."""
        self.current = {}
        self.stamp = _stamp(config, hashed_paths)
        self.compare = incremental and self.stamp == self.previous_stamp

    def track(self, file: File, *content: str | bytes) -> bool:
        """Remember what this build writes for ``file``; True when it differs from the previous build."""
        return self.track_path(file.src_uri, file.abs_dest_path, *content)

    def track_path(self, src_uri: str, dest: str, *content: str | bytes) -> bool:
        value = digest(*content)
        self.current[src_uri] = (value, dest)
        previous = self.previous.get(src_uri)
        return not (self.compare and previous is not None and previous[0] == value and os.path.isfile(dest))

    def mark_marker_pages(self, files: Files, fragments: dict[str, Fragment], renderer: Renderer) -> None:
        """Hand-written pages holding markers (<!-- thinka:aktuelles -->) show generated fragments:
        when those change, or on a full rebuild, remove the old output so MkDocs rebuilds them."""
        drawn = digest(*(f"{name}:{renderer.render_fragment(fragment, '')}" for name, fragment in sorted(fragments.items())))
        changed = not (self.compare and self.previous.get("<fragments>", (None,))[0] == drawn)
        self.current["<fragments>"] = (drawn, "")
        for file in files.documentation_pages():
            if isinstance(file, GeneratedFile) or not file.abs_src_path:
                continue
            if not self.compare or (changed and MARKER.search(Path(file.abs_src_path).read_text("utf-8"))):
                if os.path.isfile(file.abs_dest_path):
                    os.remove(file.abs_dest_path)

    def finish(self) -> None:
        """After a good dirty rebuild: remove pages and files whose source is gone, remember this build."""
        for src_uri, (_, dest) in self.previous.items():
            if src_uri not in self.current and dest and os.path.isfile(dest):
                os.remove(dest)
        self.previous, self.previous_stamp = self.current, self.stamp


def _stamp(config: Any, hashed_paths: list[str]) -> bytes:
    """What every page depends on besides its own data: mkdocs.yml, the theme overrides, our assets."""
    parts: list[str | bytes] = sorted(hashed_paths)  # names carry content hashes
    paths = [Path(config.config_file_path)] if config.config_file_path else []
    if config.theme.custom_dir:
        paths += sorted(p for p in Path(config.theme.custom_dir).rglob("*") if p.is_file())
    for path in paths:
        parts.append(f"{path}:{path.stat().st_mtime_ns}")
    return digest(*parts)
