"""Generated files in a MkDocs build: as MkDocs files that say whether they changed (for
``mkdocs serve --dirty``), or, on a full build, written by a forked process beside MkDocs."""

from __future__ import annotations

import logging
import multiprocessing
import os
from typing import Any, BinaryIO

from mkdocs.structure.files import File

from thinka.data.dataset import Dataset
from thinka.data.settings import Settings

from .registry import generated_pieces

log = logging.getLogger("mkdocs.plugins.thinka")


class GeneratedFile(File):
    """A generated file that says whether its content differs from the previous build's, so a
    dirty rebuild (``mkdocs serve --dirty``) writes only what changed. MkDocs' own generated
    files always count as modified."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


def start_writer(dataset: Dataset, settings: Settings, site_dir: str) -> Any:
    """A full build: one forked process makes and writes the generated files (feeds, calendars,
    vCards …) while this one lists the pages and MkDocs draws them. No page links them through
    MkDocs, so MkDocs need not know them. None where processes cannot be forked."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    writer = multiprocessing.get_context("fork").Process(target=_write_generated, args=(dataset, settings, site_dir), daemon=True)
    writer.start()
    return writer


def _write_generated(dataset: Dataset, settings: Settings, site_dir: str) -> None:
    """In a forked process: make every generated file and write it below ``site_dir``, each
    opened once and written piece by piece as its pieces come (the files of /daten/ grow site by
    site, side by side)."""
    try:
        root = os.path.realpath(site_dir)
        open_files: dict[str, BinaryIO] = {}
        for name, content, last in generated_pieces(dataset, settings):
            out = open_files.get(name)
            if out is None:
                path = os.path.join(site_dir, *name.split("/"))
                if os.path.commonpath([root, os.path.realpath(path)]) != root:  # never beside the output folder
                    raise ValueError(f"{name!r} läge außerhalb von {site_dir}")
                os.makedirs(os.path.dirname(path), exist_ok=True)
                out = open_files[name] = open(path, "wb")  # noqa: SIM115 (closed with its last piece)
            out.write(content.encode("utf-8") if isinstance(content, str) else content)
            if last:
                del open_files[name]
                out.close()
        if open_files:  # a bug: a file without its last piece
            raise ValueError(f"nicht zu Ende geschrieben: {', '.join(open_files)}")
    except Exception as exc:  # a bug, not bad data (the data was checked): say what, end with status 1
        log.error(f"thinka: erzeugte Datei nicht geschrieben: {type(exc).__name__}: {exc}")
        os._exit(1)
