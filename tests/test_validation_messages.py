"""Editors' messages from the editor trial (issue 14.10): indentation mistakes say which line
stands too far in or lacks its '- ', opening hours name 'tage:' and 'zeiten:' with an example,
an unknown field is only 'corrected' to a close one, and every heading editors see is German."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pydantic import BaseModel

from thinka.data import model, program
from thinka.data.validate import load_dataset
from thinka.exports import schema

from conftest import BIN, edit

SITE = "sites/jena-lobeda.yml"
ORGS = "organisations.yml"
HOURS = "(zum Beispiel '- tage: Mo–Fr' und in der Zeile darunter, genau unter 'tage', 'zeiten: 09:00–12:00')"

CASES = [
    pytest.param(SITE, "\nbeginn: 2016-01-01\n", "\n  beginn: 2016-01-01\n", 4, 3,
                 "YAML-Syntaxfehler: Die Zeile ist zu weit eingerückt: 'beginn:' muss genau unter 'status:' (Zeile 3) stehen.", id="field-too-far-in"),
    pytest.param(SITE, "      ort: Jena\n", "        ort: Jena\n", 22, 9,
                 "YAML-Syntaxfehler: Die Zeile ist zu weit eingerückt: 'ort:' muss genau unter 'plz:' (Zeile 21) stehen.", id="nested-field-too-far-in"),
    pytest.param(SITE, "    art: Stadtteilbüro\n", "      art: Stadtteilbüro\n", 18, 7,
                 "YAML-Syntaxfehler: Die Zeile ist zu weit eingerückt: 'art:' muss genau unter 'name:' (Zeile 17) stehen.", id="entry-field-too-far-in"),
    pytest.param(SITE, "    art: Stadtteilbüro\n", "   art: Stadtteilbüro\n", 18, 4,
                 "YAML-Syntaxfehler: Die Zeile ist zu wenig eingerückt: 'art:' muss genau unter 'name:' (Zeile 17) stehen.", id="entry-field-too-little"),
    pytest.param(SITE, "      - tage: Do\n", "       - tage: Do\n", 28, 8,
                 "YAML-Syntaxfehler: Die Zeile ist zu weit eingerückt: das '- ' muss genau unter dem '- ' in Zeile 26 stehen.", id="dash-too-far-in"),
    pytest.param(SITE, "  orte: [Jena]\n", "    orte: [Jena]\n", 12, 3,
                 "YAML-Syntaxfehler: Die Einrückung stimmt nicht: 'ortsteile:' (2 Leerzeichen) und die Zeile 11 darüber (4 Leerzeichen) "
                 "müssen genau untereinander stehen, wenn sie zum selben Abschnitt gehören.", id="siblings-apart"),
    pytest.param(SITE, "      - tage: Do\n", "        tage: Do\n", 28, 9,
                 "Fehlt '- ' vor 'tage:'? Jeder Eintrag einer Liste beginnt mit '- '; ohne ihn steht 'tage' ein zweites Mal im Eintrag von Zeile 26.", id="missing-dash-hours"),
    pytest.param(ORGS, "  - {id: stadt-jena,", "  - id: x\n    typ: verein\n    name: X\n    id: y\n    typ: verein\n    name: Y\n  - {id: stadt-jena,", 13, 5,
                 "Fehlt '- ' vor 'id:'? Jeder Eintrag einer Liste beginnt mit '- '; ohne ihn steht 'id' ein zweites Mal im Eintrag von Zeile 10.", id="missing-dash-organisation"),
    pytest.param(SITE, "status: aktiv\n", "status: aktiv\nstatus: beendet\n", 4, 1,
                 "Das Feld 'status' steht doppelt in diesem Abschnitt (zuerst in Zeile 3).", id="duplicate-outside-a-list"),
    pytest.param(SITE, "    nach_vereinbarung: ja\n", "    nach_vereinbarung: ja\n    email: zwei@traeger.example.org\n", 33, 5,
                 "Das Feld 'email' steht doppelt in diesem Abschnitt (zuerst in Zeile 31).", id="duplicate-inside-an-entry"),
    pytest.param(SITE, "  - {organisation: stadt-jena, rolle: Kommune}", "  - {organisation: stadt-jena, rolle: Kommune, rolle: Stadt}", 7, 48,
                 "Das Feld 'rolle' steht doppelt in diesem Abschnitt (zuerst in Zeile 7).", id="duplicate-in-braces"),
    pytest.param(SITE, "  orte: [Jena]", "  orte: Jena: Lobeda", 11, 13,
                 "YAML-Syntaxfehler: Doppelpunkt an unerwarteter Stelle. Steht ein Text mit ': ' ohne Anführungszeichen? Dann den Text in \"…\" setzen.",
                 id="colon-in-text"),
    pytest.param(SITE, "    oeffnungszeiten:\n      - tage: Mo–Fr\n        zeiten: 09:00–12:00\n      - tage: Do\n        zeiten: 14:00–18:00\n",
                 "    oeffnungszeiten: Mo–Fr 09:00–12:00\n", 25, 22,
                 f"Öffnungszeiten stehen als Liste, jede Zeile mit 'tage:' und 'zeiten:' {HOURS}.", id="hours-as-text"),
    pytest.param(SITE, "      - tage: Mo–Fr\n        zeiten: 09:00–12:00\n", "      - Mo–Fr 09:00–12:00\n", 26, 9,
                 f"Öffnungszeiten stehen als Liste, jede Zeile mit 'tage:' und 'zeiten:' {HOURS}.", id="hours-entry-as-text"),
    pytest.param(SITE, "      - tage: Do\n        zeiten: 14:00–18:00\n", "      - tage: Do\n", 28, 9,
                 f"Pflichtfeld 'zeiten' fehlt: jede Zeile der Öffnungszeiten hat 'tage:' und 'zeiten:' {HOURS}.", id="hours-without-times"),
    pytest.param(SITE, "      - tage: Mo–Fr\n        zeiten: 09:00–12:00\n", "      - tage: Mo–Fr 09:00–12:00\n        zeiten: 09:00–12:00\n", 26, 15,
                 "'Mo–Fr 09:00–12:00' nennt Uhrzeiten: bei 'tage:' stehen nur die Wochentage (z. B. tage: Mo–Fr), die Uhrzeiten gehören in die Zeile 'zeiten:' darunter (z. B. zeiten: 09:00–12:00).",
                 id="times-in-days"),
    pytest.param(SITE, "stand: 2026-10-01", "stand: 2026-10-01\nebene0: x", 39, 1,
                 "Unbekanntes Feld 'ebene0'. Erlaubt sind hier: " + ", ".join(model.Site.model_fields) + ".", id="unknown-key-unrelated"),
    pytest.param(SITE, "    stufenlos: ja", "    stufenlos: ja\n    telefax: 03641 123458", 34, 5,
                 "Unbekanntes Feld 'telefax'. Erlaubt sind hier: " + ", ".join(model.ContactPoint.model_fields) + ".", id="unknown-key-not-phone"),
    pytest.param(SITE, "    stufenlos: ja", "    stufenlos: ja\n    sprache: [Deutsch]", 34, 5,
                 "Unbekanntes Feld 'sprache' – meinten Sie 'sprachen'?", id="unknown-key-singular"),
    pytest.param(SITE, "    stufenlos: ja", "    stufenlos: ja\n    stufelnos: ja", 34, 5,
                 "Unbekanntes Feld 'stufelnos' – meinten Sie 'stufenlos'?", id="unknown-key-swapped-letters"),
]


@pytest.mark.parametrize("filename, old, new, line, column, message", CASES)
def test_editors_mistake_gets_one_message_that_says_what_to_do(data_dir: Path, filename, old, new, line, column, message):
    edit(data_dir / filename, old, new)
    _, problems = load_dataset(data_dir)
    reported = [(Path(p.path).relative_to(data_dir).as_posix(), p.line, p.column, p.message) for p in problems.errors]
    assert reported == [(filename, line, column, message)]


def _models(root: type[BaseModel]) -> set[type[BaseModel]]:
    found = {root}
    for info in root.model_fields.values():
        for arg in _args(info.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and arg not in found:
                found |= _models(arg)
    return found


def _args(annotation: object) -> list[object]:
    out = [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        out += _args(arg)
    return out


def test_every_section_of_the_field_reference_has_a_german_title():
    models = set().union(*(_models(m) for m in (model.Site, model.OrganisationsFile, program.Program, model.Event, model.NewsPost)))
    class_names = {m.__name__ for m in models}
    assert {"Operator", "Accessibility", "EventPlace", "Image"} <= class_names
    titles = [s.title for kind in ("site", "organisations", "program", "event") for s in schema.sections(kind)]
    assert "Betreiber der Website" in titles and "Barrierefreiheit" in titles and "Veranstaltungsort" in titles and "Bild" in titles
    assert not {"Operator", "Accessibility", "EventPlace", "Image"} & set(titles)
    for m in models:
        assert m.model_config.get("title"), f"{m.__name__} hat keinen deutschen Titel"


@pytest.mark.parametrize("command", [[], ["validate"], ["schema"], ["report"], ["codeowners"], ["new-site"], ["add-contact-point"]])
def test_help_has_german_headings_only(command: list[str]):
    result = subprocess.run([str(BIN / "thinka"), *command, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("Aufruf: thinka")
    assert "\nOptionen:\n" in result.stdout
    assert re.search(r"\n  -h, --help +diese Hilfe zeigen und beenden\n", result.stdout)
    for english in ("usage:", "options:", "positional arguments", "show this help", "--data-dir DATA_DIR", "--out OUT", "DATA_DIR]"):
        assert english not in result.stdout


def test_a_mistyped_command_line_is_refused_in_german():
    result = subprocess.run([str(BIN / "thinka"), "add-contact-point", "gera"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "thinka add-contact-point: Fehler: diese Angaben fehlen: --name, --art, --ort"
    result = subprocess.run([str(BIN / "thinka")], capture_output=True, text=True, timeout=60)
    assert result.stderr.splitlines()[-1] == "thinka: Fehler: diese Angaben fehlen: befehl"
