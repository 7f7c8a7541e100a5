"""Posts and events are checked like the site data: one German `path:line:column` message per problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from thinka.data.validate import load_dataset

from conftest import edit
from test_cli import run

POST = "news/2024-05-02-sprechstunde-lobeda.md"
EVENT = "events/2024-09-12-nachbarschaftsfest.yml"
DAY_EVENT = "events/2024-03-01-infotag.yml"
IMAGE_EVENT = "events/2025-01-20-neujahrsempfang.yml"

# (file, text to replace, replacement, expected line, expected column, expected message)
CASES = [
    pytest.param(POST, "standorte: [jena-lobeda]", "standorte: [jena-lobda]", 4, 13,
                 "Den Standort 'jena-lobda' gibt es nicht. Meinten Sie 'jena-lobeda'?", id="post-unknown-site"),
    pytest.param(POST, "standorte: [jena-lobeda]", "standorte: [jena-lobeda, jena-lobeda]", 4, 26,
                 "Der Standort 'jena-lobeda' steht doppelt in der Liste.", id="post-site-twice"),
    pytest.param(POST, "  alt: Ein erfundenes Testbild mit einem Punkt\n", "", 7, 3,
                 "Zum Bild fehlt der Alternativtext 'alt': beschreiben Sie in einem Satz, was darauf zu sehen ist.", id="post-image-without-alt"),
    pytest.param(POST, "datei: bilder/lobeda.png", "datei: bilder/fehlt.png", 7, 10,
                 "Die Bilddatei 'bilder/fehlt.png' gibt es nicht (gesucht in news/bilder/fehlt.png).", id="post-image-missing"),
    pytest.param(POST, "datei: bilder/lobeda.png", "datei: bilder/lobeda.gif", 7, 10,
                 "Bilder bitte als JPEG, PNG oder WebP speichern (.jpg, .png, .webp).", id="post-image-type"),
    pytest.param(POST, "datei: bilder/lobeda.png", "datei: ../../../etc/bild.png", 7, 10,
                 "Das Bild muss im Ordner news/ liegen (oder in einem Unterordner davon).", id="post-image-outside"),
    pytest.param(POST, "datum: 2024-05-02", "datum: 2024", 3, 8,
                 "Bitte mindestens Jahr und Monat angeben (JJJJ-MM), damit die Meldung im Monatsarchiv erscheint.", id="post-date-without-month"),
    pytest.param(POST, "themen: [beratung, eroeffnung]", "themen: [beratung, sport]", 5, 20,
                 "'sport' ist hier nicht erlaubt. Möglich: eroeffnung, erfahrungsaustausch, jubilaeum, programm, stadtteil, beratung.", id="post-unknown-topic"),
    pytest.param(POST, "themen: [beratung, eroeffnung]", "thema: [beratung, eroeffnung]", 5, 1,
                 "Unbekanntes Feld 'thema' – meinten Sie 'themen'?", id="post-unknown-key"),
    pytest.param(POST, "Ab sofort gibt es", "Ab <b>sofort</b> gibt es", 10, 4,
                 "HTML ist im Text nicht erlaubt (gefunden: '<…'). Bitte nur Markdown verwenden.", id="post-html"),
    pytest.param(POST, "Ab sofort gibt es", "Vorab.\n\n# Ab sofort gibt es", 12, 1,
                 "Überschriften im Text bitte mit '## ' beginnen; die oberste Ebene ist der Titel der Meldung.", id="post-top-heading"),
    pytest.param(POST, "Ab sofort gibt es eine zusätzliche Sprechstunde. Diese Meldung ist erfunden.\n", "\n", 10, 1,
                 "Der Text der Meldung fehlt: bitte unter die zweite Zeile '---' schreiben.", id="post-empty-body"),
    pytest.param(POST, "  alt: Ein erfundenes Testbild mit einem Punkt\n---\n", "  alt: Ein erfundenes Testbild mit einem Punkt\n", 1, 1,
                 "Die Angaben oben werden nicht mit einer Zeile '---' abgeschlossen.", id="post-front-matter-open"),
    pytest.param(POST, "---\ntitel:", "titel:", 1, 1,
                 "Die Datei muss mit einer Zeile '---' beginnen: oben stehen die Angaben (titel, datum, standorte …), dann eine Zeile '---', darunter der Text.", id="post-no-front-matter"),
    pytest.param(EVENT, "standorte: [jena-lobeda]", "standorte: [lobeda]", 6, 13,
                 "Den Standort 'lobeda' gibt es nicht. Meinten Sie 'jena-lobeda'?", id="event-unknown-site"),
    pytest.param(EVENT, "ende: 18:00", "ende: 13:00", 3, 7,
                 "Das Ende (12. September 2024, 13:00 Uhr) liegt nicht nach dem Beginn (12. September 2024, 14:00 Uhr).", id="event-end-before-start-time"),
    pytest.param(DAY_EVENT, "beginn: 2024-03-01", "beginn: 2024-03-01\nende: 2024-02-28", 3, 7,
                 "Das Ende (28. Februar 2024) liegt vor dem Beginn (1. März 2024).", id="event-end-before-start-day"),
    pytest.param(EVENT, "ende: 18:00", "ende: 2024-09-13", 3, 7,
                 "Der Beginn hat eine Uhrzeit, das Ende nicht: bitte auch beim Ende eine angeben (z. B. 16:00 oder 2015-04-16 16:00).", id="event-end-without-time"),
    pytest.param(DAY_EVENT, "beginn: 2024-03-01", "beginn: 2024-03-01\nende: 18:00", 3, 7,
                 "Der Beginn hat keine Uhrzeit, das Ende schon: bitte beide mit Uhrzeit angeben oder beide ohne.", id="event-end-with-time-only"),
    pytest.param(EVENT, "beginn: 2024-09-12 14:00", "beginn: 2024-03-31 02:30", 2, 9,
                 "Die Uhrzeit 02:30 gibt es am 31. März 2024 wegen der Umstellung auf Sommerzeit nicht.", id="event-time-in-dst-gap"),
    pytest.param(EVENT, "beginn: 2024-09-12 14:00", "beginn: 12.09.2024", 2, 9,
                 "'12.09.2024' ist kein Zeitpunkt: bitte JJJJ-MM-TT oder JJJJ-MM-TT HH:MM schreiben (z. B. 2015-04-15, 2015-04-15 10:00).", id="event-date-format"),
    pytest.param(EVENT, "beginn: 2024-09-12 14:00", "beginn: 2024-09-12 25:00", 2, 9,
                 "Die Uhrzeit in '2024-09-12 25:00' gibt es nicht (erlaubt: 00:00 bis 23:59).", id="event-bad-time"),
    pytest.param(EVENT, "anlaufstelle: Stadtteilbüro Lobeda", "anlaufstelle: Stadtteilbuero Lobeda", 5, 17,
                 "Die Anlaufstelle 'Stadtteilbuero Lobeda' gibt es an den genannten Standorten nicht. Meinten Sie 'Stadtteilbüro Lobeda'?", id="event-unknown-contact-point"),
    pytest.param(EVENT, "  anlaufstelle: Stadtteilbüro Lobeda\n", "  anlaufstelle: Stadtteilbüro Lobeda\n  adresse: {ort: Jena}\n", 6, 3,
                 "Bitte entweder 'anlaufstelle' oder 'adresse' angeben, nicht beides.", id="event-place-twice"),
    pytest.param(EVENT, "  anlaufstelle: Stadtteilbüro Lobeda\n", "  name: Saal\n", 5, 3,
                 "Bitte beim Ort entweder 'anlaufstelle' (eine Anlaufstelle der genannten Standorte) oder 'adresse' angeben.", id="event-place-missing"),
    pytest.param(IMAGE_EVENT, "bild: {datei: bilder/empfang.png, alt: Ein erfundenes Testbild zum Empfang}", "bild: {datei: bilder/empfang.png}", 7, 7,
                 "Zum Bild fehlt der Alternativtext 'alt': beschreiben Sie in einem Satz, was darauf zu sehen ist.", id="event-image-without-alt"),
    pytest.param(EVENT, "mit **Kuchen**.", "mit <i>Kuchen</i>.", 7, 15,
                 "HTML ist in Beschreibungen nicht erlaubt (gefunden: '<…'). Bitte nur Markdown verwenden.", id="event-html"),
    pytest.param(EVENT, "titel: Nachbarschaftsfest im Stadtteilbüro\n", "", 1, 1, "Pflichtfeld 'titel' fehlt.", id="event-missing-title"),
]


@pytest.mark.parametrize("filename, old, new, line, column, message", CASES)
def test_broken_post_or_event_gets_one_german_message_at_its_position(data_dir: Path, filename, old, new, line, column, message):
    edit(data_dir / filename, old, new)
    dataset, problems = load_dataset(data_dir)
    reported = [(Path(p.path).relative_to(data_dir).as_posix(), p.line, p.column, p.message) for p in problems.errors]
    assert reported == [(filename, line, column, message)]
    name = Path(filename).stem
    assert name not in dataset.posts and name not in dataset.events  # never built half-checked


def test_a_post_or_event_may_not_take_the_name_of_an_overview_page(data_dir: Path):
    (data_dir / POST).rename(data_dir / "news" / "archiv.md")
    _, problems = load_dataset(data_dir)
    assert [(Path(p.path).name, p.line, p.message) for p in problems.errors] == [
        ("archiv.md", 1, "Der Name 'archiv' ist für eine Übersichtsseite vergeben; bitte die Datei anders nennen (z. B. 2015-06-06-buergerbuero-rabenhold.md)."),
    ]


def test_only_markdown_files_belong_in_news(data_dir: Path):
    (data_dir / "news" / "notiz.txt").write_text("x", "utf-8")
    _, problems = load_dataset(data_dir)
    assert [p.message for p in problems.errors] == ["Nur .md-Dateien (und Bilder) gehören in news/; bitte umbenennen oder entfernen."]


def test_thinka_validate_reports_post_and_event_problems_at_once_and_exits_one(data_dir: Path):
    edit(data_dir / POST, "standorte: [jena-lobeda]", "standorte: [jena-lobda]")
    edit(data_dir / EVENT, "ende: 18:00", "ende: 13:00")
    result = run(str(data_dir))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{data_dir}/{EVENT}:3:7: Das Ende (12. September 2024, 13:00 Uhr) liegt nicht nach dem Beginn (12. September 2024, 14:00 Uhr).",
        f"{data_dir}/{POST}:4:13: Den Standort 'jena-lobda' gibt es nicht. Meinten Sie 'jena-lobeda'?",
        "2 Fehler gefunden.",
    ]
    assert "Traceback" not in result.stderr
