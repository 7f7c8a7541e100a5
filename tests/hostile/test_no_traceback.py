"""No traceback, ever (issue 14.6): dates at the edge of the calendar, THINKA_TODAY out of range
or malformed, a read-only or full output folder, files and folders without permission. Each ends
in one German line and exit status 1, from `thinka validate` and from `mkdocs build` alike (the
build may add MkDocs' own lines)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import BIN, COMPLETE, REPO, TODAY

SITE = "sites/jena-lobeda.yml"
EVENT = "events/2024-09-12-nachbarschaftsfest.yml"
YEARS = "liegt außerhalb der möglichen Jahre 1900 bis 2100: bitte das Jahr prüfen."
PYTHON = Path(sys.executable)


def _data(tmp_path: Path, target: str | None = None, old: str = "", new: str = "") -> Path:
    data = tmp_path / "data"
    shutil.copytree(COMPLETE, data)
    if target:
        path = data / target
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")
    return data


def _env(data: Path, today: str) -> dict[str, str]:
    return dict(os.environ, THINKA_DATA_DIR=str(data), NO_MKDOCS_2_WARNING="1", THINKA_TODAY=today, HOME=os.environ.get("HOME", "/tmp"))


def _run(command: list[str], data: Path, today: str = TODAY, user: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(user or []), *command], cwd=REPO, env=_env(data, today), capture_output=True, text=True, timeout=120)


def _validate(data: Path, today: str = TODAY, user: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    return _run([str(PYTHON), "-m", "thinka", "validate", str(data)], data, today, user)


def _build(data: Path, out: Path, today: str = TODAY, user: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    return _run([str(PYTHON), "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], data, today, user)


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "Interner Fehler" not in result.stderr


def _both_refuse(data: Path, out: Path, line: str, today: str = TODAY) -> None:
    checked = _validate(data, today)
    _no_traceback(checked)
    assert line in checked.stderr.splitlines()
    built = _build(data, out, today)
    _no_traceback(built)
    assert f"ERROR   -  {line}" in built.stderr.splitlines()
    assert not out.exists()


@pytest.mark.parametrize("target, old, new, line", [
    (SITE, "stand: 2026-10-01", "stand: 9999-12-31", f"{SITE}:38:8: Das Datum '9999-12-31' {YEARS}"),
    (SITE, "stand: 2026-10-01", "stand: 0001-01-01", f"{SITE}:38:8: Das Datum '0001-01-01' {YEARS}"),
    (SITE, "beginn: 2016-01-01", "beginn: 9999", f"{SITE}:4:9: Das Datum '9999' {YEARS}"),
    (EVENT, "beginn: 2024-09-12 14:00", "beginn: 9999-12-31 23:00", f"{EVENT}:2:9: Das Datum '9999-12-31' {YEARS}"),
    (EVENT, "beginn: 2024-09-12 14:00\nende: 18:00", "beginn: 2024-09-12 14:00\nende: 9999-12-31", f"{EVENT}:3:7: Das Datum '9999-12-31' {YEARS}"),
    (EVENT, "beginn: 2024-09-12 14:00", "beginn: 0001-01-01", f"{EVENT}:2:9: Das Datum '0001-01-01' {YEARS}"),
])
def test_a_date_at_the_edge_of_the_calendar_is_refused_by_check_and_build(tmp_path: Path, target, old, new, line):
    data = _data(tmp_path, target, old, new)
    _both_refuse(data, tmp_path / "site", f"{data}/{line}")


def test_the_last_possible_day_builds_an_all_day_event_into_the_calendar(tmp_path: Path):
    data = _data(tmp_path, EVENT, "beginn: 2024-09-12 14:00\nende: 18:00", "beginn: 2100-12-31")
    assert _validate(data).returncode == 0
    out = tmp_path / "site"
    built = _build(data, out)
    assert built.returncode == 0, built.stderr
    ics = (out / "veranstaltungen/2024-09-12-nachbarschaftsfest/termin.ics").read_text("utf-8")
    assert "DTSTART;VALUE=DATE:21001231" in ics and "DTEND;VALUE=DATE:21010101" in ics


@pytest.mark.parametrize("today, message", [
    ("9999-12-31", f"THINKA_TODAY='9999-12-31': Das Datum '9999-12-31' {YEARS}"),
    ("0001-01-01", f"THINKA_TODAY='0001-01-01': Das Datum '0001-01-01' {YEARS}"),
    ("10000-01-01", "THINKA_TODAY='10000-01-01' ist kein Datum; bitte JJJJ-MM-TT schreiben."),
    ("2024-02-30", "THINKA_TODAY='2024-02-30': Das Datum gibt es nicht."),
    ("morgen", "THINKA_TODAY='morgen' ist kein Datum; bitte JJJJ-MM-TT schreiben."),
    ("2024\x1b[2J", "THINKA_TODAY='2024\\x1b[2J' ist kein Datum; bitte JJJJ-MM-TT schreiben."),
])
def test_thinka_today_that_is_no_usable_day_stops_check_and_build(tmp_path: Path, today: str, message: str):
    data = _data(tmp_path)
    checked = _validate(data, today)
    _no_traceback(checked)
    assert checked.stderr.splitlines() == [message]
    out = tmp_path / "site"
    built = _build(data, out, today)
    _no_traceback(built)
    assert f"ERROR   -  {message}" in built.stderr.splitlines()
    assert not out.exists()


def _mount(tmp_path: Path, name: str, options: str) -> Path:
    """A small tmpfs (root only; where mounting is not allowed the test cannot make the fault)."""
    target = tmp_path / name
    target.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True).returncode != 0:
        message = "needs root and mount to make a full or read-only file system"
        if os.environ.get("CI"):  # CI runs as root on a machine that mounts tmpfs: a skip there would hide the check
            pytest.fail(message)
        pytest.skip(message)
    return target


@pytest.fixture
def mounts():
    made: list[Path] = []
    yield made
    for target in made:
        subprocess.run(["umount", str(target)], capture_output=True)


ADVICE = "Bitte beheben oder mit 'mkdocs build -d ORDNER' einen anderen Zielordner wählen."


def test_a_full_disk_stops_the_build_with_one_german_line(tmp_path: Path, mounts):
    full = _mount(tmp_path, "voll", "size=64k")
    mounts.append(full)
    data = _data(tmp_path)
    built = _build(data, full / "site")
    _no_traceback(built)
    errors = [line for line in built.stderr.splitlines() if "Die Website wurde nicht gebaut" in line]
    assert len(errors) == 1
    assert errors[0].startswith("ERROR   -  Die Website wurde nicht gebaut: auf dem Datenträger ist kein Platz mehr")
    assert errors[0].endswith(ADVICE)


def test_a_read_only_output_folder_stops_the_build_with_one_german_line(tmp_path: Path, mounts):
    read_only = _mount(tmp_path, "nurlesen", "ro,size=64k")
    mounts.append(read_only)
    data = _data(tmp_path)
    built = _build(data, read_only / "site")
    _no_traceback(built)
    assert f"ERROR   -  Die Website wurde nicht gebaut: der Ordner liegt auf einem schreibgeschützten Datenträger ('{read_only}/site'). {ADVICE}" in built.stderr.splitlines()


@pytest.fixture
def open_tmp():
    """A folder every user may enter (pytest's own lies below a folder only its owner may enter)."""
    folder = Path(tempfile.mkdtemp(prefix="thinka-rechte-"))
    folder.chmod(0o755)
    yield folder
    subprocess.run(["chmod", "-R", "u+rwX", str(folder)], capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


def _nobody() -> list[str]:
    """Run as an unprivileged user (root may read and write anything, so permissions need one)."""
    if os.geteuid() != 0:
        return []
    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", str(PYTHON), "-c", "import thinka"], capture_output=True, cwd=REPO)
    if probe.returncode != 0:
        pytest.skip("needs setpriv and a Python the user 'nobody' may run")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _readable_copy(folder: Path) -> Path:
    data = _data(folder)
    subprocess.run(["chmod", "-R", "a+rX", str(data)], check=True)
    return data


def test_an_inaccessible_data_folder_is_named_by_check_and_build(open_tmp: Path):
    user = _nobody()
    data = _readable_copy(open_tmp)
    os.chmod(open_tmp, 0o711)
    inner = open_tmp / "gesperrt"
    inner.mkdir(mode=0o700)
    hidden = inner / "data"
    data.rename(hidden)
    checked = _validate(hidden, user=user)
    _no_traceback(checked)
    assert checked.stderr.splitlines()[0] == f"{hidden}:1:1: Das Datenverzeichnis kann nicht gelesen werden: keine Berechtigung."
    out = open_tmp / "out"
    out.mkdir(mode=0o777)
    os.chmod(out, 0o777)
    built = _build(hidden, out / "site", user=user)
    _no_traceback(built)
    assert f"ERROR   -  {hidden}:1:1: Das Datenverzeichnis kann nicht gelesen werden: keine Berechtigung." in built.stderr.splitlines()


def test_an_output_folder_without_permission_stops_the_build_with_one_german_line(open_tmp: Path):
    user = _nobody()
    data = _readable_copy(open_tmp)
    locked = open_tmp / "gesperrt"
    locked.mkdir(mode=0o555)
    built = _build(data, locked / "site", user=user)
    _no_traceback(built)
    assert f"ERROR   -  Die Website wurde nicht gebaut: keine Berechtigung ('{locked}/site'). {ADVICE}" in built.stderr.splitlines()


@pytest.mark.parametrize("locked, line", [
    ("sites/soemmerda.yml", "sites/soemmerda.yml:1:1: Datei kann nicht gelesen werden: keine Berechtigung."),
    ("program.yml", "program.yml:1:1: Datei kann nicht gelesen werden: keine Berechtigung."),
    ("events", "events:1:1: Der Ordner events/ kann nicht gelesen werden: keine Berechtigung."),
    ("sites", "sites:1:1: Der Ordner sites/ kann nicht gelesen werden: keine Berechtigung."),
    ("news/bilder", "news/2024-05-02-sprechstunde-lobeda.md:7:10: Die Bilddatei 'bilder/lobeda.png' kann nicht gelesen werden: keine Berechtigung."),
    ("news/bilder/lobeda.png", "news/2024-05-02-sprechstunde-lobeda.md:7:10: Die Bilddatei 'bilder/lobeda.png' kann nicht gelesen werden: keine Berechtigung."),
])
def test_a_data_file_or_folder_without_permission_is_named_by_check_and_build(open_tmp: Path, locked: str, line: str):
    user = _nobody()
    data = _readable_copy(open_tmp)
    os.chmod(data / locked, 0)
    checked = _validate(data, user=user)
    _no_traceback(checked)
    assert checked.stderr.splitlines() == [f"{data}/{line}", "1 Fehler gefunden."]  # no follow-on messages
    out = open_tmp / "out"
    out.mkdir(mode=0o777)
    os.chmod(out, 0o777)
    built = _build(data, out / "site", user=user)
    _no_traceback(built)
    assert f"ERROR   -  {data}/{line}" in built.stderr.splitlines()
