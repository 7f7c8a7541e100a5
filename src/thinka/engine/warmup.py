"""Work a build does while its data is still being read and checked.

Checking the data keeps one CPU busy, and splitting it does not pay: handing every checked record
back between processes costs as much as checking it. Meanwhile a second process works out what
the site pages will need and what follows from the site files alone: the QR code of each site's
address and its description as HTML. What it has finished when the check ends goes into the
tables that :mod:`thinka.exports.qr` and :mod:`thinka.data.text` look in first; the pages work out the rest
themselves, so they come out the same either way. Engine-independent: the adapter starts it
before loading and finishes it after.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from thinka.data import text
from thinka.data.dataset import SITES_DIR, SLUG
from thinka.data.diagnostics import Problems
from thinka.data.settings import Settings
from thinka.data.reading import read_data_file
from thinka.data.yamlsource import top_level_text
from thinka.exports import qr
from thinka.views.common import site_url

CHUNK = 250  # sites per file handed over; what the helper has not saved when it is stopped is left to the pages


class Warmup:
    """A running helper process and the folder it saves its results in."""

    def __init__(self, process: multiprocessing.process.BaseProcess, folder: str) -> None:
        self.process = process
        self.folder = folder

    def finish(self) -> tuple[int, int]:
        """Stop the helper and take over what it saved: (QR codes, descriptions)."""
        self.process.terminate()
        self.process.join()
        counts = [0, 0]
        try:
            for name in sorted(os.listdir(self.folder)):
                if name.endswith(".pickle"):  # ours (a private folder), written whole, then renamed
                    with open(os.path.join(self.folder, name), "rb") as chunk:
                        codes, texts = pickle.load(chunk)
                    qr.READY.update(codes)
                    text.READY.update(texts)
                    counts[0] += len(codes)
                    counts[1] += len(texts)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
        return counts[0], counts[1]


def start(data_dir: str | Path, settings: Settings) -> Warmup | None:
    """Start the helper; None where it would not pay (a single CPU) or cannot run (no fork)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if "fork" not in multiprocessing.get_all_start_methods() or cpus < 2:
        return None
    try:
        folder = tempfile.mkdtemp(prefix="thinka-warmup-")
    except OSError:  # no room for a temporary folder: the pages do all the work, as without a helper
        return None
    process = multiprocessing.get_context("fork").Process(target=_helper, args=(Path(data_dir) / SITES_DIR, settings, folder), daemon=True)
    try:
        process.start()
    except OSError:  # no second process to be had (memory, process limits): the same
        shutil.rmtree(folder, ignore_errors=True)
        return None
    return Warmup(process, folder)


def _helper(sites: Path, settings: Settings, folder: str) -> None:
    try:
        _work(sites, settings, folder)
    except Exception:  # noqa: BLE001 - whatever stops the helper (a full disk, say), the pages work it out themselves
        os._exit(0)


def _work(sites: Path, settings: Settings, folder: str) -> None:
    """In the helper: every site's QR code first (all of it saves page time), then the descriptions
    (reading the file first, so a little less), saved every CHUNK sites."""
    paths = sorted(p for p in sites.iterdir() if p.suffix in (".yml", ".yaml") and SLUG.fullmatch(p.stem)) if sites.is_dir() else []
    for number, chunk in _chunks(paths, folder):
        urls = [settings.absolute(site_url(path.stem)) for path in chunk]
        _save(folder, f"qr-{number:08d}", {url: qr.draw(url) for url in urls}, {})
    for number, chunk in _chunks(paths, folder):
        texts = {}
        for path in chunk:
            # Read as the check reads it: never a FIFO, a device or a file outside the data folder.
            raw = read_data_file(path, Problems(), sites.parent)
            try:
                description = top_level_text(raw.decode("utf-8"), "beschreibung") if raw is not None else None
            except UnicodeDecodeError:
                continue
            if description:
                description = unicodedata.normalize("NFC", description.strip())  # as the check leaves it
                texts[description] = text.render_markdown(description)
        _save(folder, f"text-{number:08d}", {}, texts)


def _chunks(paths: list[Path], folder: str) -> Iterator[tuple[int, list[Path]]]:
    """``paths`` CHUNK at a time; stops (and clears ``folder``) when the build is gone (killed)."""
    parent = os.getppid()
    for start in range(0, len(paths), CHUNK):
        if os.getppid() != parent:  # nobody will take this over
            shutil.rmtree(folder, ignore_errors=True)
            return
        yield start, paths[start : start + CHUNK]


def _save(folder: str, name: str, codes: dict[str, str], texts: dict[str, str]) -> None:
    path = os.path.join(folder, name)
    with open(path + ".part", "wb") as out:
        pickle.dump((codes, texts), out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(path + ".part", path + ".pickle")
