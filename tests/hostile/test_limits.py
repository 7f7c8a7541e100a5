"""Linear cost and limits (issue 14.3): pathological Markdown, many keys, long values and many
entries. Every limit of data/limits.py is reported in German at its position, naming the limit,
and the hostile files are made here (megabytes do not belong in the repository). Each run is a
subprocess with a time limit: a file that makes the check or the build quadratic fails the test
by never finishing, whatever the machine's speed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, COMPLETE, REPO, TODAY
from thinka.data import limits

SITE = "sites/jena-lobeda.yml"
POST = "news/2024-05-02-sprechstunde-lobeda.md"
DESCRIPTION = "  Beratung im **Stadtteil** Lobeda."
TOO_MANY = "Mehr als 100 Fehler in dieser Datei; ab hier werden keine weiteren gemeldet. Bitte zuerst die gemeldeten beheben (oft ist es ein Fehler, der sich wiederholt)."


def _data(tmp_path: Path, change=None, target: str = SITE) -> Path:
    data = tmp_path / "data"
    shutil.copytree(COMPLETE, data)
    if change is not None:
        path = data / target
        path.write_text(change(path.read_text("utf-8")), "utf-8")
    return data


def _validate(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "thinka"), "validate", str(data)], capture_output=True, text=True, timeout=60)


def _build(data: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, THINKA_DATA_DIR=str(data), NO_MKDOCS_2_WARNING="1", THINKA_TODAY=TODAY)
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(out)], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)


def _refused(data: Path, out: Path, expected: list[str]) -> list[str]:
    """Both the check and the build refuse the data with exactly the ``expected`` lines (paths
    relative to the data folder); returns what the check printed."""
    checked = _validate(data)
    assert checked.returncode == 1
    assert "Traceback" not in checked.stdout + checked.stderr
    lines = [line.replace(f"{data}/", "") for line in checked.stderr.splitlines()]
    assert lines[:-1] == expected
    assert lines[-1] == f"{len(expected)} Fehler gefunden." if len(expected) != 1 else lines[-1] == "1 Fehler gefunden."
    built = _build(data, out)
    assert built.returncode == 1
    assert "Traceback" not in built.stdout + built.stderr
    assert [line.replace(f"{data}/", "") for line in built.stderr.splitlines() if line.startswith("ERROR   -  ")][:-1] == [f"ERROR   -  {e}" for e in expected]
    assert not out.exists()
    return lines


def test_the_limits_are_the_ones_the_messages_and_the_guide_name():
    assert (limits.MAX_BYTES, limits.MAX_LINE_CHARS, limits.MAX_MARKDOWN_CHARS, limits.MAX_ITEMS, limits.MAX_PLACES) == (2_000_000, 500, 20_000, 100, 1_000)
    assert (limits.MAX_LIST_ENTRIES, limits.MAX_FIELDS, limits.MAX_KEY_CHARS, limits.MAX_PROBLEMS_PER_FILE, limits.MAX_DEPTH) == (20_000, 200, 100, 100, 40)
    guide = (REPO / "docs" / "redaktion" / "fehler.md").read_text("utf-8")
    for number in (limits.MAX_BYTES, limits.MAX_LINE_CHARS, limits.MAX_MARKDOWN_CHARS, limits.MAX_ITEMS, limits.MAX_PLACES, limits.MAX_FIELDS, limits.MAX_PROBLEMS_PER_FILE):
        assert limits.german_number(number) in guide


def test_a_description_of_brackets_is_refused_when_too_long(tmp_path: Path):
    # 32 KB of '![' took 88 s to render: refused by its length before anything reads it as Markdown.
    data = _data(tmp_path, lambda t: t.replace(DESCRIPTION, "  " + "![" * 16_000))
    _refused(data, tmp_path / "site", [f"{SITE}:14:15: Der Text ist zu lang: 32.001 Zeichen; erlaubt sind höchstens 20.000."])


@pytest.mark.parametrize("pattern", ["![", "[", "[![", "[a](", "[a](b \")", "- "])
def test_pathological_markdown_within_the_limit_builds_as_plain_text(tmp_path: Path, pattern: str):
    text = (pattern * (19_990 // len(pattern))).rstrip()
    data = _data(tmp_path, lambda t: t.replace("beschreibung: |\n" + DESCRIPTION, "beschreibung: " + _quoted(text)))
    checked = _validate(data)
    assert checked.returncode == 0, checked.stderr
    out = tmp_path / "site"
    built = _build(data, out)
    assert built.returncode == 0, built.stderr
    page = (out / "standorte/jena-lobeda/index.html").read_text("utf-8")
    assert "<img" not in page.split('id="inhalt"')[-1]
    assert "\x02" not in page and "\x03" not in page and "klzzwxh" not in page


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_150000_unknown_fields_are_one_message(tmp_path: Path):
    data = _data(tmp_path, lambda t: t + "".join(f"k{i}: x\n" for i in range(150_000)))
    assert (data / SITE).stat().st_size > 1_500_000
    _refused(data, tmp_path / "site", [f"{SITE}:1:1: Zu viele Felder in diesem Abschnitt: 150.010; erlaubt sind höchstens 200."])


def test_unknown_fields_in_every_entry_stop_after_100_messages(tmp_path: Path):
    def spread(text: str) -> str:
        points = "".join(
            f"  - name: Stelle {i}\n    art: Stadtteilbüro\n    adresse: {{ort: Jena}}\n" + "".join(f"    k{j}: x\n" for j in range(150)) for i in range(100)
        )
        return text[: text.index("anlaufstellen:\n")] + "anlaufstellen:\n" + points + "stand: 2026-10-01\n"

    data = _data(tmp_path, spread)
    allowed = "name, art, adresse, koordinaten, oeffnungszeiten, nach_vereinbarung, oeffnungszeiten_hinweis, telefon, email, website, stufenlos, sprachen, ansprechpersonen, seit, bis, traeger, unterwegs, themen, hausbesuche, quellen, oeffnungszeiten_quelle"
    expected = [f"{SITE}:{20 + j}:5: Unbekanntes Feld 'k{j}'. Erlaubt sind hier: {allowed}." for j in range(100)]
    expected.insert(expected.index(f"{SITE}:{20 + 100 - 1}:5: Unbekanntes Feld 'k99'. Erlaubt sind hier: {allowed}.") + 1, f"{SITE}:120:5: {TOO_MANY}")
    _refused(data, tmp_path / "site", expected)


def test_a_long_one_line_value_is_refused_naming_the_limit(tmp_path: Path):
    data = _data(tmp_path, lambda t: t.replace("name: ThINKA Jena-Lobeda", "name: " + "x" * 1_900_000))
    _refused(data, tmp_path / "site", [
        f"{SITE}:1:7: Der Wert ist zu lang: 1.900.000 Zeichen; in einer Zeile erlaubt sind höchstens 500. Längere Texte gehören in die Beschreibung."
    ])


def test_a_long_field_name_is_refused_naming_the_limit(tmp_path: Path):
    data = _data(tmp_path, lambda t: t + "k" * 500 + ": x\n")
    _refused(data, tmp_path / "site", [f"{SITE}:39:1: Der Feldname ist zu lang: 500 Zeichen; erlaubt sind höchstens 100."])


def test_a_list_of_150000_entries_is_refused_before_it_is_checked(tmp_path: Path):
    data = _data(tmp_path, lambda t: t.replace("  ortsteile: [Lobeda-West, Lobeda-Ost]", "  ortsteile:\n" + "".join(f"    - O{i}\n" for i in range(150_000))))
    _refused(data, tmp_path / "site", [f"{SITE}:13:5: Zu viele Einträge in dieser Liste: 150.000; erlaubt sind höchstens 20.000."])


def test_too_many_places_and_contact_points_are_refused_naming_the_limit(tmp_path: Path):
    def many(text: str) -> str:
        text = text.replace("  ortsteile: [Lobeda-West, Lobeda-Ost]", "  ortsteile: [" + ", ".join(f"O{i}" for i in range(1_001)) + "]")
        return text.replace("anlaufstellen:\n", "anlaufstellen:\n" + "".join(f"  - {{name: Stelle {i}, art: Stadtteilbüro, adresse: {{ort: Jena}}}}\n" for i in range(100)))

    data = _data(tmp_path, many)
    _refused(data, tmp_path / "site", [
        f"{SITE}:12:14: 'ortsteile' hat zu viele Einträge: 1.001; erlaubt sind höchstens 1.000.",
        f"{SITE}:17:3: 'anlaufstellen' hat zu viele Einträge: 101; erlaubt sind höchstens 100.",
    ])


def test_a_post_with_a_text_too_long_is_refused_naming_the_limit(tmp_path: Path):
    data = _data(tmp_path, lambda t: t + "Sehr lang. " * 2_000, POST)
    body = (data / POST).read_text("utf-8").split("\n---\n", 1)[1]
    assert len(body) > 22_000
    checked = _validate(data)
    assert checked.returncode == 1
    assert [line.replace(f"{data}/", "") for line in checked.stderr.splitlines()] == [
        f"{POST}:10:1: Der Text der Meldung ist zu lang: {limits.german_number(len(body))} Zeichen; erlaubt sind höchstens 20.000.",
        "1 Fehler gefunden.",
    ]
