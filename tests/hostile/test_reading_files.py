"""Reading files: only regular files inside the data folder are read, their size checked before
reading; whatever stands in their place gets one German line and exit status 1 — never a hang,
an endless read or a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, COMPLETE, build
from thinka.data.validate import load_dataset

OUTSIDE = "bitte die Datei selbst in den Datenordner legen."


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(COMPLETE, data)
    return data


def _validate(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "thinka"), "validate", str(data)], capture_output=True, text=True, timeout=60)


def test_fifo_in_place_of_a_site_file_neither_hangs_validate_nor_the_build(tmp_path: Path):
    data = _data(tmp_path)
    os.mkfifo(data / "sites/fifo.yml")
    line = f"{data}/sites/fifo.yml:1:1: Keine gewöhnliche Datei, sondern eine benannte Pipe (FIFO): gelesen werden nur Dateien."
    checked = _validate(data)  # the timeout fails the test should it wait for a writer
    assert checked.returncode == 1
    assert checked.stderr.splitlines() == [line, "1 Fehler gefunden."]
    out = tmp_path / "site"
    built = build(data, out)
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert f"ERROR   -  {line}" in built.stderr
    assert not out.exists()


@pytest.mark.parametrize("name", ["program.yml", "organisations.yml", "news/2024-01-01-pipe.md", "events/2024-01-01-pipe.yml"])
def test_fifo_in_place_of_any_data_file_is_refused(tmp_path: Path, name: str):
    data = _data(tmp_path)
    if (data / name).exists():
        (data / name).unlink()
    os.mkfifo(data / name)
    checked = _validate(data)
    assert checked.returncode == 1
    assert f"{data}/{name}:1:1: Keine gewöhnliche Datei, sondern eine benannte Pipe (FIFO): gelesen werden nur Dateien." in checked.stderr.splitlines()
    assert "Traceback" not in checked.stderr


def test_symlinks_out_of_the_data_folder_dangling_or_looping_are_refused(tmp_path: Path):
    data = _data(tmp_path)
    secret = tmp_path / "geheim.yml"
    shutil.copyfile(data / "sites/soemmerda.yml", secret)  # valid data, but not the data folder's
    sites = data / "sites"
    (sites / "geheim.yml").symlink_to(secret)
    (sites / "null.yml").symlink_to("/dev/zero")
    (sites / "weg.yml").symlink_to("gibt-es-nicht.yml")
    (sites / "kreis-a.yml").symlink_to("kreis-b.yml")
    (sites / "kreis-b.yml").symlink_to("kreis-a.yml")
    (sites / "zweiter-name.yml").symlink_to("soemmerda.yml")  # inside the folder: read like the file
    checked = _validate(data)
    assert checked.returncode == 1
    loop = "Die Verknüpfung (Symlink) führt im Kreis und zu keiner Datei; bitte durch die Datei selbst ersetzen."
    assert checked.stderr.splitlines() == [
        f"{sites}/geheim.yml:1:1: Die Datei ist eine Verknüpfung (Symlink) aus dem Datenordner hinaus (nach {secret}); {OUTSIDE}",
        f"{sites}/kreis-a.yml:1:1: {loop}",
        f"{sites}/kreis-b.yml:1:1: {loop}",
        f"{sites}/null.yml:1:1: Die Datei ist eine Verknüpfung (Symlink) aus dem Datenordner hinaus (nach /dev/zero); {OUTSIDE}",
        f"{sites}/weg.yml:1:1: Die Verknüpfung (Symlink) zeigt auf 'gibt-es-nicht.yml', das es nicht gibt; bitte durch die Datei selbst ersetzen.",
        "5 Fehler gefunden.",
    ]


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch):
    data = _data(tmp_path)
    huge = data / "sites/riesig.yml"
    with open(huge, "wb") as out:  # sparse: 4 GB that take no disk
        out.truncate(4_000_000_000)
    read: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    _, problems = load_dataset(data)
    assert [p.format() for p in problems.errors] == [f"{huge}:1:1: Datei ist zu groß (4.000.000.000 Bytes; erlaubt sind 2.000.000)."]
    assert all(n <= 2_000_001 for n in read)


def test_unreadable_sites_folder_is_one_german_line(tmp_path: Path, monkeypatch):
    data = _data(tmp_path)
    shutil.rmtree(data / "news")  # posts and events name sites: without sites they would be reported too
    shutil.rmtree(data / "events")
    sites = data / "sites"
    real_iterdir = Path.iterdir

    def iterdir(self: Path):
        if self == sites:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)  # root may read any folder: chmod would not stop it
    _, problems = load_dataset(data)
    assert [p.format() for p in problems.errors] == [f"{sites}:1:1: Der Ordner sites/ kann nicht gelesen werden: keine Berechtigung."]
