"""One line per problem: control characters in file names, keys and values are shown escaped, so
no message spans several lines or rewrites the terminal; the scaffolding refuses them in its
arguments and writes nothing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import BIN, COMPLETE
from thinka.data.diagnostics import Problem

HIDDEN = "es ist unsichtbar oder verändert die Anzeige. Bitte löschen."
NAME_HINT = "taugt nicht als Adresse: nur Kleinbuchstaben a–z, Ziffern und Bindestriche (z. B. gera-lusan.yml)."


def thinka(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "thinka"), *args], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(COMPLETE, data)
    return data


def test_message_with_line_ends_and_escapes_is_one_visible_line():
    problem = Problem("sites/a\nb.yml", 3, 9, "Unbekanntes Feld 'x\ry\x1b[2J\u200b\U000e0041'")
    assert problem.format() == "sites/a\\nb.yml:3:9: Unbekanntes Feld 'x\\ry\\x1b[2J\\u200b\\U000e0041'"
    assert problem.annotation("/nirgends") == "::error file=sites/a%0Ab.yml,line=3,col=9::Unbekanntes Feld 'x%0Dy\\x1b[2J\\u200b\\U000e0041'"


def test_noncharacters_are_shown_as_escapes_not_as_boxes():
    # Unicode's noncharacters (U+FDD0–U+FDEF, the last two code points of every plane) have no glyph:
    # a terminal would show an empty box or nothing, so the editor could not see what to delete.
    problem = Problem("sites/a.yml", 2, 7, "Unbekannter Wert 'ge\U0010ffffra\ufdd0\U0001fffe' 😀")
    assert problem.format() == "sites/a.yml:2:7: Unbekannter Wert 'ge\\U0010ffffra\\ufdd0\\U0001fffe' 😀"


def test_file_names_with_control_characters_are_reported_escaped(tmp_path: Path):
    data = _data(tmp_path)
    for name in ("a\nb.yml", "x\x1b[2Jy.yml", "c\rd.yml"):
        shutil.copyfile(data / "sites/soemmerda.yml", data / "sites" / name)
    checked = thinka("validate", str(data))
    assert checked.returncode == 1
    assert "\x1b" not in checked.stderr and "\r" not in checked.stderr
    assert checked.stderr.splitlines() == [
        f"{data}/sites/a\\nb.yml:1:1: Dateiname 'a\\nb.yml' {NAME_HINT}",
        f"{data}/sites/c\\rd.yml:1:1: Dateiname 'c\\rd.yml' {NAME_HINT}",
        f"{data}/sites/x\\x1b[2Jy.yml:1:1: Dateiname 'x\\x1b[2Jy.yml' {NAME_HINT}",
        "3 Fehler gefunden.",
    ]


def test_control_characters_in_keys_are_refused_on_one_line(tmp_path: Path):
    data = _data(tmp_path)
    site = data / "sites/jena-lobeda.yml"
    site.write_text(site.read_text("utf-8").replace("status: aktiv\n", 'status: aktiv\n"sta\\rtus": beendet\n"neu\\nes": x\n', 1), "utf-8")
    checked = thinka("validate", str(data))
    assert checked.returncode == 1
    assert checked.stderr.splitlines() == [
        f"{site}:4:1: Unzulässiges Zeichen U+000D (Wagenrücklauf) – {HIDDEN}",
        f"{site}:5:1: Unzulässiges Zeichen U+000A (Zeilenumbruch) – {HIDDEN}",
        "2 Fehler gefunden.",
    ]


def test_add_contact_point_refuses_a_carriage_return_and_writes_nothing(tmp_path: Path):
    data = _data(tmp_path)
    site = data / "sites/jena-lobeda.yml"
    before = site.read_bytes()
    result = thinka("add-contact-point", "jena-lobeda", "--name", "Büro\r\x1b[2JGefälscht", "--art", "Stadtteilbüro", "--ort", "Jena", "--data-dir", str(data))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"--name 'Büro\\r\\x1b[2JGefälscht': Unzulässiges Zeichen U+000D (Wagenrücklauf) – {HIDDEN}",
        "Die Datei wurde nicht geändert.",
    ]
    assert site.read_bytes() == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["jena-lobeda.yml", "jena-winzerla.yml", "soemmerda.yml"]


def test_add_contact_point_refuses_a_line_end_in_a_phone_number(tmp_path: Path):
    data = _data(tmp_path)
    site = data / "sites/jena-lobeda.yml"
    before = site.read_bytes()
    result = thinka("add-contact-point", "jena-lobeda", "--name", "Büro Nord", "--art", "Stadtteilbüro", "--ort", "Jena",
                    "--telefon", "03641 123456\nemail: spy@evil.example", "--data-dir", str(data))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"--telefon '03641 123456\\nemail: spy@evil.example': Unzulässiges Zeichen U+000A (Zeilenumbruch) – {HIDDEN}"
    assert site.read_bytes() == before


def test_new_site_refuses_control_characters_in_name_and_slug(tmp_path: Path):
    data = _data(tmp_path)
    sites = sorted(p.name for p in (data / "sites").iterdir())
    named = thinka("new-site", "jena-nord", "--name", "ThINKA\nstatus: beendet", "--kreis", "Jena", "--data-dir", str(data))
    assert named.returncode == 1
    assert named.stderr.splitlines() == [f"--name 'ThINKA\\nstatus: beendet': Unzulässiges Zeichen U+000A (Zeilenumbruch) – {HIDDEN}"]
    slug = thinka("new-site", "jena\x1b[2J", "--name", "ThINKA Jena-Nord", "--kreis", "Jena", "--data-dir", str(data))
    assert slug.returncode == 1
    assert slug.stderr.splitlines() == [f"Kennung 'jena\\x1b[2J': Unzulässiges Zeichen U+001B (Steuerzeichen) – {HIDDEN}"]
    district = thinka("new-site", "jena-nord", "--name", "ThINKA Jena-Nord", "--kreis", "Je\u200bna", "--data-dir", str(data))
    assert district.returncode == 1
    assert district.stderr.splitlines() == [f"--kreis 'Je\\u200bna': Unzulässiges Zeichen U+200B (unsichtbares Zeichen ohne Breite) – {HIDDEN}"]
    assert sorted(p.name for p in (data / "sites").iterdir()) == sites
