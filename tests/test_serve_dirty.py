"""`make serve` (``mkdocs serve --dirty``): after saving one YAML file the preview shows the
change everywhere it appears, and only the pages that changed are written again."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import BIN, COMPLETE, REPO, TODAY, edit

BUILT = re.compile(r"Documentation built in")


class Serve:
    """A running ``mkdocs serve --dirty`` on a copy of the data; its log lines as they come."""

    def __init__(self, data: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        env = dict(os.environ, THINKA_DATA_DIR=str(data), NO_MKDOCS_2_WARNING="1", THINKA_TODAY=TODAY)
        self.proc = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "--dirty", "--no-strict", "-v", "-a", f"127.0.0.1:{self.port}"],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.lines: list[str] = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:  # type: ignore[union-attr]
            with self.cond:
                self.lines.append(line.rstrip())
                self.cond.notify_all()

    def wait(self, pattern: re.Pattern[str] | str, count: int = 1, timeout: float = 180) -> str:
        """Wait until ``pattern`` has appeared ``count`` times in the log; return that line."""
        pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                found = [line for line in self.lines if pattern.search(line)]
                if len(found) >= count:
                    return found[count - 1]
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise AssertionError("mkdocs serve log:\n" + "\n".join(self.lines[-60:]))
                self.cond.wait(1)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return response.read().decode("utf-8")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def serve(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(COMPLETE, data)
    server = Serve(data)
    try:
        server.wait("Serving on")
        yield server, data
    finally:
        server.stop()


def mtimes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def test_an_edited_site_shows_everywhere_and_nothing_else_is_rewritten(serve):
    server, data = serve
    site = Path(server.wait(r"Config value 'site_dir' = ").split(" = ")[1].strip("'"))
    before = mtimes(site)
    time.sleep(0.05)  # a rewritten file gets a later mtime
    edit(data / "sites" / "jena-lobeda.yml", "name: ThINKA Jena-Lobeda", "name: ThINKA Jena-Lobeda und Drackendorf")
    server.wait(BUILT, count=2)
    after = mtimes(site)
    rewritten = {path for path in after if after[path] != before.get(path)}

    for path in ("standorte/jena-lobeda/", "standorte/", "anlaufstellen/", "karte/", "partner/"):
        assert "ThINKA Jena-Lobeda und Drackendorf" in server.get(path), path
    assert {"standorte/jena-lobeda/index.html", "standorte/index.html", "anlaufstellen/index.html"} <= rewritten
    # Pages that do not show the site's name are left alone.
    for path in ("standorte/jena-winzerla/index.html", "programm/geschichte/index.html", "veranstaltungen/archiv/index.html"):
        assert path not in rewritten, path
    docs = json.loads(server.get("search/search_index.json"))["docs"]
    entries = [d for d in docs if d["location"] == "standorte/jena-lobeda/"]
    assert [d["title"] for d in entries] == ["ThINKA Jena-Lobeda und Drackendorf"]
    assert len({d["location"] for d in docs}) == len(docs)  # each page once, hand-written ones too
    assert any(d["location"].startswith("programm/geschichte/") for d in docs)


def test_a_removed_site_file_removes_its_page(serve):
    server, data = serve
    assert "ThINKA Sömmerda" in server.get("standorte/soemmerda/")
    (data / "sites" / "soemmerda.yml").unlink()
    server.wait(BUILT, count=2)
    assert "ThINKA Sömmerda" not in server.get("standorte/")
    with pytest.raises(urllib.error.HTTPError) as gone:
        server.get("standorte/soemmerda/")
    assert gone.value.code == 404


# ------------------------------------------------------------------ broken data (issue 14.7)
def page_or_error(server: Serve, path: str) -> tuple[int, str]:
    """The status and the text of a page; a request that would hang fails the test (30 s)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/{path}", timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


PROBLEM_PAGE = "<h1>Die Daten enthalten Fehler</h1>"
RELOAD_NOTE = "Sobald Sie die Datei korrigiert und gespeichert haben, lädt diese Seite von selbst neu."


def test_broken_data_shows_the_problem_in_every_page_and_a_good_save_brings_the_pages_back(serve):
    server, data = serve
    site = data / "sites" / "jena-lobeda.yml"
    good = site.read_text("utf-8")
    site.write_text(good.replace("status: aktiv", "status: aktif"), "utf-8")
    server.wait("Die Vorschau zeigt diese Fehler")
    for path in ("standorte/jena-lobeda/", "", "programm/geschichte/"):
        status, text = page_or_error(server, path)
        assert status == 500
        assert PROBLEM_PAGE in text and RELOAD_NOTE in text
        assert f"{site}:3:9: &#x27;aktif&#x27; ist hier nicht erlaubt – meinten Sie &#x27;aktiv&#x27;? Möglich: geplant, aktiv, beendet." in text
        assert "livereload" in text  # MkDocs' reload script: the browser reloads after the next good save
    site.write_text(good.replace("name: ThINKA Jena-Lobeda", "name: ThINKA Jena-Lobeda repariert"), "utf-8")
    server.wait(BUILT, count=2)
    status, text = page_or_error(server, "standorte/jena-lobeda/")
    assert status == 200 and "ThINKA Jena-Lobeda repariert" in text and PROBLEM_PAGE not in text


def test_a_fifo_among_the_sites_never_wedges_the_preview(serve):
    server, data = serve
    fifo = data / "sites" / "x.yml"
    os.mkfifo(fifo)
    server.wait("Die Vorschau zeigt diese Fehler")
    status, text = page_or_error(server, "standorte/")
    assert status == 500
    assert f"{fifo}:1:1: Keine gewöhnliche Datei, sondern eine benannte Pipe (FIFO): gelesen werden nur Dateien." in text
    fifo.unlink()
    server.wait(BUILT, count=2)
    status, text = page_or_error(server, "standorte/")
    assert status == 200 and "ThINKA Jena-Lobeda" in text


def test_the_preview_starts_with_broken_data_and_shows_the_problem(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(COMPLETE, data)
    site = data / "sites" / "jena-lobeda.yml"
    good = site.read_text("utf-8")
    site.write_text(good.replace("stand: 2026-10-01", "stand: 9999-12-31"), "utf-8")
    server = Serve(data)
    try:
        server.wait("Serving on")
        status, text = page_or_error(server, "standorte/jena-lobeda/")
        assert status == 500 and PROBLEM_PAGE in text
        assert "Das Datum &#x27;9999-12-31&#x27; liegt außerhalb der möglichen Jahre 1900 bis 2100: bitte das Jahr prüfen." in text
        assert "Traceback" not in "\n".join(server.lines)
        site.write_text(good, "utf-8")
        server.wait(BUILT)
        status, text = page_or_error(server, "standorte/jena-lobeda/")
        assert status == 200 and "<h1>ThINKA Jena-Lobeda</h1>" in text
    finally:
        server.stop()
