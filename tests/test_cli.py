"""`thinka validate`: every problem on its own line, exit 1, never a traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import BIN, SAMPLE, edit


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "thinka"), "validate", *args], capture_output=True, text=True, timeout=60)


def test_valid_sample_data_exits_zero_with_a_summary():
    result = run(str(SAMPLE))
    assert result.returncode == 0, result.stderr
    *warnings, summary = result.stdout.strip().splitlines()
    # Warnings (missing operator facts for the legal pages; later also the age of the sample data) come first.
    assert summary.endswith(" (siehe oben): 25 Standorte, 25 Anlaufstellen, 61 Organisationen, 5 Meldungen, 7 Veranstaltungen.")
    assert any(": Warnung: Für die Rechtstexte fehlt noch: Name des Betreibers ('betreiber: name:' in program.yml)." in w for w in warnings)


def test_problems_in_several_files_are_all_reported_with_exit_one(data_dir: Path):
    edit(data_dir / "sites/jena-lobeda.yml", "status: aktiv", "status: aktif")
    edit(data_dir / "sites/jena-winzerla.yml", "kreise: [\"16053\"]", "kreise: [\"16099\"]")
    (data_dir / "sites" / "kaputt.yml").write_bytes(b"name: \xff\xfe\n")
    result = run(str(data_dir))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"{data_dir}/sites/jena-lobeda.yml:3:9: 'aktif' ist hier nicht erlaubt – meinten Sie 'aktiv'? Möglich: geplant, aktiv, beendet.",
        f"{data_dir}/sites/jena-winzerla.yml:2:10: '16099' ist kein Thüringer Landkreis und keine kreisfreie Stadt. "
        "Erlaubt sind Schlüssel (z. B. 16053) oder Namen (z. B. Jena) der 17 Landkreise und 5 kreisfreien Städte.",
        f"{data_dir}/sites/kaputt.yml:1:7: Die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte). Bitte als UTF-8 speichern.",
        "3 Fehler gefunden.",
    ]
    assert "Traceback" not in result.stdout + result.stderr


def test_missing_data_directory_is_a_clear_error(tmp_path: Path):
    result = run(str(tmp_path / "gibt-es-nicht"))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{tmp_path}/gibt-es-nicht:1:1: Datenverzeichnis nicht gefunden."


def test_data_directory_from_environment(data_dir: Path):
    import os

    result = subprocess.run([str(BIN / "thinka"), "validate"], capture_output=True, text=True, env=dict(os.environ, THINKA_DATA_DIR=str(data_dir)))
    assert result.stdout.strip() == "Alles in Ordnung: 3 Standorte, 3 Anlaufstellen, 5 Organisationen, 4 Meldungen, 5 Veranstaltungen."


def test_hostile_yaml_is_rejected_without_traceback(data_dir: Path):
    sites = data_dir / "sites"
    (sites / "bombe.yml").write_text(
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
        "utf-8",
    )
    (sites / "tief.yml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    (sites / "tag.yml").write_text("name: !!python/object/apply:os.system ['echo pwned']\n", "utf-8")
    result = run(str(data_dir))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "pwned" not in result.stdout
    messages = result.stderr
    assert f"{sites}/bombe.yml:2:8: Anker und Verweise" in messages
    assert f"{sites}/tief.yml:1:1003: YAML-Syntaxfehler: Zu tief verschachtelt (mehr als 40 Ebenen)." in messages
    assert f"{sites}/tag.yml:1:7: Unbekannte YAML-Markierung '!!python/object/apply:os.system' ist nicht erlaubt." in messages
