"""Linear cost and limits (issue 14.3): pathological Markdown, many keys, long values and many
entries. Every limit of data/limits.py is reported in German at its position, naming the limit,
and the hostile files are made here (megabytes do not belong in the repository). Each run is a
subprocess with a time limit: a file that makes the check or the build quadratic fails the test
by never finishing, whatever the machine's speed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, COMPLETE, REPO, TODAY
from thinka.data import limits
from thinka.data.model import ContactPoint

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
    assert (limits.MAX_LIST_ENTRIES, limits.MAX_FIELDS, limits.MAX_KEY_CHARS, limits.MAX_PROBLEMS_PER_FILE, limits.MAX_DEPTH, limits.MAX_VALUES) == (20_000, 200, 100, 100, 40, 50_000)
    guide = (REPO / "docs" / "redaktion" / "fehler.md").read_text("utf-8")
    for number in (limits.MAX_BYTES, limits.MAX_LINE_CHARS, limits.MAX_MARKDOWN_CHARS, limits.MAX_ITEMS, limits.MAX_PLACES, limits.MAX_FIELDS, limits.MAX_PROBLEMS_PER_FILE, limits.MAX_VALUES):
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
    allowed = ", ".join(ContactPoint.model_fields)  # the message lists the fields of the one model, in its order
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


def test_a_hundred_rows_of_opening_hours_every_day_are_checked_in_one_sweep(tmp_path: Path):
    # Overlaps were compared pair by pair: 100 rows of 37 spans on every day took seconds per contact point.
    spans = ", ".join(f"{h:02d}:{m:02d}–{h:02d}:{m + 1:02d}" for h in range(3) for m in range(0, 58, 2))
    spans = ", ".join(spans.split(", ")[:37])
    rows = "".join(f"      - tage: Mo–So\n        zeiten: {spans}\n" for _ in range(100))
    old = "    oeffnungszeiten:\n      - tage: Mo–Fr\n        zeiten: 09:00–12:00\n      - tage: Do\n        zeiten: 14:00–18:00\n"
    data = _data(tmp_path, lambda t: t.replace(old, "    oeffnungszeiten:\n" + rows))
    checked = _validate(data)
    assert checked.returncode == 1
    lines = [line.replace(f"{data}/", "") for line in checked.stderr.splitlines()]
    assert lines[0] == f"{SITE}:29:17: Die Zeit 00:00–00:01 überschneidet sich am Montag mit 00:00–00:01."
    assert lines[-1] == "101 Fehler gefunden."
    assert sum(1 for line in lines if line.endswith(TOO_MANY)) == 1
    pattern = re.compile(rf"{re.escape(SITE)}:\d+:17: Die Zeit (\d\d:\d\d–\d\d:\d\d) überschneidet sich am (Montag|Dienstag|Mittwoch) mit \1\.")
    assert sum(1 for line in lines if pattern.fullmatch(line)) == 100
    built = _build(data, tmp_path / "site")
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert f"ERROR   -  {data}/{lines[0]}" in built.stderr.splitlines()


def test_a_file_of_too_many_values_is_refused_before_they_are_checked(tmp_path: Path):
    # 130,000 phone numbers took half a minute to check and to build.
    phones = "[" + ", ".join(f"03641 {100000 + i}" for i in range(100)) + "]"

    def many(text: str) -> str:
        persons = "".join(f"      - rolle: R{j}\n        telefon: {phones}\n" for j in range(12))
        points = "".join(f"  - name: S{i}\n    art: Stadtteilbüro\n    adresse: {{ort: Jena}}\n    telefon: {phones}\n    ansprechpersonen:\n{persons}" for i in range(100))
        return text[: text.index("anlaufstellen:\n")] + "anlaufstellen:\n" + points + "stand: 2026-10-01\n"

    data = _data(tmp_path, many)
    lines = _refused(data, tmp_path / "site", [f"{SITE}:1122:169: Die Datei enthält zu viele Werte: mehr als 50.000. Bitte auf mehrere Dateien verteilen oder kürzen."])
    assert len(lines) == 2
