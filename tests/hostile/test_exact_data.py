"""Exact data: a value is published as typed or refused in German at its position — never turned
into something else (letters dialled as digits, hidden mail headers, invisible look-alikes)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, COMPLETE, edit
from thinka.data.validate import load_dataset

SITE = "sites/jena-lobeda.yml"
HIDDEN = "es ist unsichtbar oder verändert die Anzeige. Bitte löschen."
PHONE_TEXT = (
    "ist keine Telefonnummer: bitte nur die Nummer angeben (Ziffern, Leerzeichen, + ( ) / -); "
    "Namen und Zeiten gehören nicht in das Feld 'telefon' (dafür gibt es 'ansprechpersonen' und 'oeffnungszeiten_hinweis')."
)
MAIL_SPECIAL = "ist keine gültige E-Mail-Adresse: die Zeichen ?, & und % gehören nicht in eine Adresse (Beispiel: kontakt@beispiel.de)."


def _reported(data_dir: Path) -> list[tuple[str, int, int, str]]:
    _, problems = load_dataset(data_dir)
    return [(Path(p.path).relative_to(data_dir).as_posix(), p.line, p.column, p.message) for p in problems.errors]


# (old text, new text, line, column, message): each edit of jena-lobeda.yml alone gives exactly this error.
CASES = [
    pytest.param('telefon: [03641 123456, "+49 3641 654321"]', 'telefon: [0361 / 123 (Frau X)]', 31, 15,
                 f"'0361 / 123 (Frau X)' {PHONE_TEXT}", id="phone-with-a-name"),
    pytest.param('telefon: [03641 123456, "+49 3641 654321"]', 'telefon: [ab 14 Uhr 03641 123456]', 31, 15,
                 f"'ab 14 Uhr 03641 123456' {PHONE_TEXT}", id="phone-with-a-time-before"),
    pytest.param('telefon: [03641 123456, "+49 3641 654321"]', 'telefon: ["03641 123456, 14:00"]', 31, 15,
                 f"'03641 123456, 14:00' {PHONE_TEXT}", id="phone-with-a-clock-time"),
    pytest.param('telefon: [03641 123456, "+49 3641 654321"]', 'telefon: [0800 FLOWERS]', 31, 15,
                 f"'0800 FLOWERS' {PHONE_TEXT}", id="phone-vanity-letters"),
    pytest.param('telefon: [03641 123456, "+49 3641 654321"]', 'telefon: [0361 123]', 31, 15,
                 "'0361 123' ist zu kurz für eine Telefonnummer: bitte die ganze Nummer mit Vorwahl angeben (Beispiel: 03677 123456).",
                 id="phone-too-short"),
    pytest.param("email: lobeda@traeger.example.org", "email: x?bcc=spy%40evil.example&subject=hallo@traeger.example.org", 32, 12,
                 f"'x?bcc=spy%40evil.example&subject=hallo@traeger.example.org' {MAIL_SPECIAL}", id="mail-hidden-headers"),
    pytest.param("email: lobeda@traeger.example.org", "email: lobeda%traeger.example.org@evil.example", 32, 12,
                 f"'lobeda%traeger.example.org@evil.example' {MAIL_SPECIAL}", id="mail-percent-route"),
    pytest.param("email: lobeda@traeger.example.org", "email: lobeda@traeger.example.org?cc=spy@evil.example", 32, 12,
                 f"'lobeda@traeger.example.org?cc=spy@evil.example' {MAIL_SPECIAL}", id="mail-query-part"),
    pytest.param("name: Stadtteilbüro Lobeda", "name: Stadtteil\u200bbüro Lobeda", 17, 11,
                 f"Unzulässiges Zeichen U+200B (unsichtbares Zeichen ohne Breite) – {HIDDEN}", id="zero-width-space-in-a-name"),
    pytest.param("name: Stadtteilbüro Lobeda", "name: Stadtteil\u00adbüro Lobeda", 17, 11,
                 f"Unzulässiges Zeichen U+00AD (weiches Trennzeichen) – {HIDDEN}", id="soft-hyphen-in-a-name"),
    pytest.param("name: Stadtteilbüro Lobeda", "name: Stadtteilbüro Lobeda\u200e", 17, 11,
                 f"Unzulässiges Zeichen U+200E (Steuerzeichen für die Schreibrichtung) – {HIDDEN}", id="direction-mark-in-a-name"),
    pytest.param("name: Stadtteilbüro Lobeda", 'name: "Stadtteilbüro Lobeda\\U000E0041"', 17, 11,
                 f"Unzulässiges Zeichen U+E0041 (unsichtbares Tag-Zeichen) – {HIDDEN}", id="tag-character-escaped"),
    pytest.param("name: Stadtteilbüro Lobeda", 'name: "Stadtteilbüro\\u2060Lobeda"', 17, 11,
                 f"Unzulässiges Zeichen U+2060 (unsichtbares Zeichen ohne Breite) – {HIDDEN}", id="word-joiner-escaped"),
    pytest.param("name: Stadtteilbüro Lobeda", 'name: "Stadtteilbüro\\rLobeda"', 17, 11,
                 f"Unzulässiges Zeichen U+000D (Wagenrücklauf) – {HIDDEN}", id="carriage-return-in-a-name"),
    pytest.param("name: Stadtteilbüro Lobeda", 'name: "Stadtteilbüro\\tLobeda"', 17, 11,
                 f"Unzulässiges Zeichen U+0009 (Tabulator) – {HIDDEN}", id="tab-in-a-name"),
    pytest.param("traeger: [testtraeger]", "traeger: [test\u200dtraeger]", 5, 11,
                 f"Unzulässiges Zeichen U+200D (unsichtbares Zeichen ohne Breite) – {HIDDEN}", id="zero-width-joiner-in-an-identifier"),
    pytest.param("status: aktiv", "status: aktiv\nsta\u200ctus: beendet", 4, 1,
                 f"Unzulässiges Zeichen U+200C (unsichtbares Zeichen ohne Breite) – {HIDDEN}", id="look-alike-duplicate-key"),
    pytest.param("status: aktiv", 'status: aktiv\n"sta\\u200btus": beendet', 4, 1,
                 f"Unzulässiges Zeichen U+200B (unsichtbares Zeichen ohne Breite) – {HIDDEN}", id="look-alike-key-escaped"),
    pytest.param("kreise: [Jena]", 'kreise: [Jena, "16053"]', 2, 16,
                 "'16053' ist derselbe Kreis wie 'Jena' (Eintrag 1): bitte jeden Kreis nur einmal nennen.", id="district-twice-as-key"),
    pytest.param("        zeiten: 14:00–18:00", "        zeiten: ','", 29, 17,
                 "',' enthält keine Zeitspanne: bitte von–bis schreiben (z. B. 09:00–12:00).", id="hours-only-a-comma"),
    pytest.param("        zeiten: 14:00–18:00", "        zeiten: 14:00–16:00,, 17:00–18:00", 29, 17,
                 "In '14:00–16:00,, 17:00–18:00' steht eine leere Zeitspanne (ein Komma zu viel): bitte von–bis schreiben (z. B. 09:00–12:00, 13:00–15:00).",
                 id="hours-empty-range"),
    pytest.param("        zeiten: 14:00–18:00", "        zeiten: []", 29, 17,
                 "Hier fehlt die Zeitspanne: bitte von–bis schreiben (z. B. 09:00–12:00).", id="hours-empty-list"),
]


@pytest.mark.parametrize("old, new, line, column, message", CASES)
def test_inexact_value_is_refused_at_its_position(data_dir: Path, old, new, line, column, message):
    edit(data_dir / SITE, old, new)
    assert _reported(data_dir) == [(SITE, line, column, message)]


def test_phone_numbers_as_written_by_people_still_pass(data_dir: Path):
    edit(data_dir / SITE, 'telefon: [03641 123456, "+49 3641 654321"]', 'telefon: ["(03641) 12 34 56", 03641/123456-0, "+49 (0)3641 654321", 0151 12345678]')
    assert _reported(data_dir) == []


def test_the_same_district_three_ways_is_reported_twice(data_dir: Path):
    edit(data_dir / SITE, "kreise: [Jena]", 'kreise: [Jena, "16053", jena, Stadt Jena]')
    assert _reported(data_dir) == [
        (SITE, 2, 16, "'16053' ist derselbe Kreis wie 'Jena' (Eintrag 1): bitte jeden Kreis nur einmal nennen."),
        (SITE, 2, 25, "'jena' ist derselbe Kreis wie 'Jena' (Eintrag 1): bitte jeden Kreis nur einmal nennen."),
        (SITE, 2, 31, "'Stadt Jena' ist derselbe Kreis wie 'Jena' (Eintrag 1): bitte jeden Kreis nur einmal nennen."),
    ]


def test_markdown_text_may_keep_a_soft_hyphen(data_dir: Path):
    edit(data_dir / SITE, "  Beratung im **Stadtteil** Lobeda.", "  Beratung im **Stadt\u00adteil** Lobeda.")
    assert _reported(data_dir) == []


@pytest.mark.parametrize("name", ["index", "kreise", "koordinierungsstelle"])
def test_site_named_like_an_address_of_the_build_is_refused(data_dir: Path, name: str):
    shutil.copyfile(data_dir / "sites/soemmerda.yml", data_dir / f"sites/{name}.yml")
    assert _reported(data_dir) == [
        (f"sites/{name}.yml", 1, 1, f"Der Name '{name}' ist für eine Übersichtsseite vergeben; bitte die Datei anders nennen (z. B. gera-lusan.yml).")
    ]


def test_reserved_site_names_are_the_addresses_the_views_make_below_standorte():
    """Every generated page below /standorte/ that is not a site page takes its first segment from
    the reserved names, so a site file can never take over one of them."""
    from thinka.data.dataset import SITE_RESERVED_NAMES
    from thinka.data.vocabulary import COORDINATION
    from datetime import date

    from thinka.views import directories

    dataset, problems = load_dataset(COMPLETE, today=date(2024, 6, 15))
    assert not problems
    segments = {
        view.src_uri.removeprefix("standorte/").split("/")[0].removesuffix(".md")
        for view in directories.directory_pages(dataset, date(2024, 6, 15))
        if view.src_uri.startswith("standorte/")
    }
    assert segments == {"index", "kreise", "themen"}
    assert SITE_RESERVED_NAMES == segments | {COORDINATION}


def test_refusal_reaches_the_command_line_as_one_german_line(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(COMPLETE, data)
    edit(data / SITE, 'telefon: [03641 123456, "+49 3641 654321"]', 'telefon: [0361 / 123 (Frau X)]')
    checked = subprocess.run([str(BIN / "thinka"), "validate", str(data)], capture_output=True, text=True, timeout=120)
    assert checked.returncode == 1
    assert checked.stderr.splitlines() == [f"{data}/{SITE}:31:15: '0361 / 123 (Frau X)' {PHONE_TEXT}", "1 Fehler gefunden."]
