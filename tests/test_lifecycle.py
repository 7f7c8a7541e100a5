"""A site's time: status against its dates, successors, former offices and Träger, sources' dates.
Each rule gives one German message at the field it is about."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from thinka.data.validate import load_dataset

from conftest import edit

TODAY = date(2024, 6, 15)
ENDED = "sites/jena-winzerla.yml"
ACTIVE = "sites/jena-lobeda.yml"
PLANNED = "sites/soemmerda.yml"

CASES = [
    pytest.param(ACTIVE, "beginn: 2016-01-01", "beginn: 2016-01-01\nende: 2023-12", "error", 3, 9,
                 "Der Standort ist als 'aktiv' eingetragen, aber sein Ende (Dezember 2023) liegt in der Vergangenheit: 'status: beendet' eintragen oder das Ende berichtigen.", id="active-with-past-end"),
    pytest.param(ACTIVE, "beginn: 2016-01-01", "beginn: 2024-07-01", "warning", 3, 9,
                 "Der Standort ist als 'aktiv' eingetragen, beginnt aber erst am 1. Juli 2024: bis dahin ist 'status: geplant' richtig.", id="active-starting-next-month"),
    pytest.param(PLANNED, "beginn: 2027-01", "beginn: 2024-01", "error", 3, 9,
                 "Der Standort ist als 'geplant' eingetragen, hat aber schon im Januar 2024 begonnen: 'status: aktiv' eintragen oder den Beginn berichtigen.", id="planned-with-past-start"),
    pytest.param(ENDED, "ende: 2020-12-31", "ende: 2025-03", "error", 3, 9,
                 "Der Standort ist als 'beendet' eingetragen, sein Ende (März 2025) liegt aber in der Zukunft: bis dahin ist 'status: aktiv' richtig.", id="ended-in-the-future"),
    pytest.param(ENDED, "ende: 2020-12-31\n", "ende_hinweis: Nicht mehr auf der Liste.\nnachfolger: jena-winzerla\n", "error", 6, 13,
                 "Ein Standort kann nicht sein eigener Nachfolger sein.", id="own-successor"),
    pytest.param(ENDED, "ende: 2020-12-31", "ende: 2020-12-31\nnachfolger: jena-nord", "error", 6, 13,
                 "Den Standort 'jena-nord' gibt es nicht: erwartet wird der Dateiname in sites/ ohne .yml.", id="unknown-successor"),
    pytest.param(ACTIVE, "beginn: 2016-01-01", "beginn: 2016-01-01\nnachfolger: jena-winzerla", "error", 5, 13,
                 "Einen Nachfolger hat nur ein beendeter Standort: 'status: beendet' eintragen oder 'nachfolger' entfernen.", id="successor-of-active-site"),
    pytest.param(ACTIVE, "beginn: 2016-01-01", "beginn: 2016-01-01\nende_hinweis: Nicht mehr auf der Liste.", "error", 5, 15,
                 "'ende_hinweis' gehört nur zu einem beendeten Standort ('status: beendet').", id="end-note-of-active-site"),
    pytest.param(ACTIVE, "beginn: 2016-01-01", "beginn: 2016-01-01\neroeffnung: 2015-12", "error", 5, 13,
                 "Die Eröffnung (Dezember 2015) liegt vor dem Beginn der Arbeit (1. Januar 2016).", id="opening-before-start"),
    pytest.param(ENDED, "    nach_vereinbarung: ja", "    nach_vereinbarung: ja\n    seit: 2018-05\n    bis: 2017", "error", 16, 10,
                 "Die Anlaufstelle 'Treff Winzerla' schließt (2017) vor ihrer Eröffnung (Mai 2018).", id="office-closed-before-opening"),
    pytest.param(ENDED, "stand: 2021-01-15", "quellen: [{url: 'https://www.beispiel.de/a', stand: 2025-01}]\nstand: 2021-01-15", "error", 15, 53,
                 "Der Stand der Quelle (Januar 2025) liegt in der Zukunft: gemeint ist das Datum der Seite oder des Artikels.", id="source-from-the-future"),
    pytest.param(ENDED, "traeger: testtraeger", "traeger: testtraeger\nfruehere_traeger:\n  - {organisation: testtraeger, seit: 2016, bis: 2015}", "error", 8, 50,
                 "'bis' (2015) liegt vor 'seit' (2016).", id="former-carrier-backwards"),
    pytest.param(ENDED, "traeger: testtraeger", "traeger: testtraeger\nim_auftrag_von: stadt-jenna", "error", 7, 17,
                 "Organisation 'stadt-jenna' ist in organisations.yml nicht eingetragen. Meinten Sie 'stadt-jena'?", id="on-behalf-of-unknown"),
    pytest.param(ENDED, "    nach_vereinbarung: ja", "    nach_vereinbarung: ja\n    traeger: unbekannt", "error", 15, 14,
                 "Organisation 'unbekannt' ist in organisations.yml nicht eingetragen. Bitte zuerst in organisations.yml anlegen.", id="contact-point-carrier-unknown"),
    pytest.param(ENDED, "ende: 2020-12-31\n", "", "error", 3, 9,
                 "Ein beendeter Standort braucht ein 'ende'-Datum oder, wenn es nicht bekannt ist, einen 'ende_hinweis' (woran man sieht, dass die Arbeit endete).", id="ended-without-end"),
]


@pytest.mark.parametrize(("file", "old", "new", "kind", "line", "column", "message"), CASES)
def test_each_time_rule_says_what_is_wrong_where(data_dir: Path, file: str, old: str, new: str, kind: str, line: int, column: int, message: str):
    edit(data_dir / file, old, new)
    _, problems = load_dataset(data_dir, today=TODAY)
    found = problems.errors if kind == "error" else [p for p in problems.items if p not in problems.errors]
    assert [(Path(p.path).name, p.line, p.column, p.message) for p in found if "Rechtstexte" not in p.message] == [(Path(file).name, line, column, message)]


def test_an_ended_site_with_an_unknown_end_and_a_note_is_valid(data_dir: Path):
    edit(data_dir / ENDED, "ende: 2020-12-31\n", "ende_hinweis: Nicht mehr in der Liste der Standorte.\n")
    _, problems = load_dataset(data_dir, today=TODAY)
    assert problems.errors == []


def test_a_successor_circle_is_refused(data_dir: Path):
    edit(data_dir / ENDED, "ende: 2020-12-31", "ende: 2020-12-31\nnachfolger: jena-lobeda")
    edit(data_dir / ACTIVE, "status: aktiv\n", "status: beendet\nnachfolger: jena-winzerla\n")
    edit(data_dir / ACTIVE, "beginn: 2016-01-01", "beginn: 2016-01-01\nende: 2020-12-31")
    _, problems = load_dataset(data_dir, today=TODAY)
    assert sorted(p.message for p in problems.errors) == [
        "Die Nachfolger bilden einen Kreis: 'jena-lobeda' führt zurück zu 'jena-winzerla'.",
        "Die Nachfolger bilden einen Kreis: 'jena-winzerla' führt zurück zu 'jena-lobeda'.",
    ]
