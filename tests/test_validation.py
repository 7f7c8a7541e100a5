"""Every validation rule: a broken copy of valid data gives one German `path:line:column` message."""

from __future__ import annotations

from pathlib import Path

import pytest

from thinka.data.validate import load_dataset

from conftest import edit

SITE = "sites/jena-lobeda.yml"
ORGS = "organisations.yml"

# (file, text to replace, replacement, expected line, expected column, expected message)
CASES = [
    pytest.param(SITE, "kreise: [Jena]", "kreise: [Jena", 3, 7,
                 "YAML-Syntaxfehler: Eine Liste in [eckigen Klammern] ist nicht geschlossen: fehlt ein ']' oder ein Komma? (Der betroffene Abschnitt beginnt in Zeile 2.)", id="yaml-syntax"),
    pytest.param(SITE, "status: aktiv\n", "status: aktiv\n\tbeginn: 2016\n", 4, 1,
                 "YAML-Syntaxfehler: Tabulatorzeichen sind in YAML nicht erlaubt; bitte mit Leerzeichen einrücken.", id="tab"),
    pytest.param(SITE, "    telefon: [03641", "    telefn: [03641", 31, 5,
                 "Unbekanntes Feld 'telefn' – meinten Sie 'telefon'?", id="unknown-key-with-suggestion"),
    pytest.param(SITE, "    oeffnungszeiten:", "    öffnungszeiten:", 25, 5,
                 "Unbekanntes Feld 'öffnungszeiten' – meinten Sie 'oeffnungszeiten'?", id="umlaut-key-suggestion"),
    pytest.param(SITE, "stand: 2026-10-01\n", "", 1, 1, "Pflichtfeld 'stand' fehlt.", id="missing-required"),
    pytest.param(SITE, "    sprachen: [Deutsch, Russisch, Arabisch]", "    sprachen: {Deutsch: gut}", 34, 15,
                 "'sprachen' muss eine Liste sein (jeder Eintrag in einer eigenen Zeile mit '- ').", id="wrong-type-list"),
    pytest.param(SITE, "koordinaten: {lat: 50.8891, lon: 11.6075}", "koordinaten: 50.8891", 24, 18,
                 "'koordinaten' muss ein Abschnitt mit Feldern sein (feld: wert, eingerückt).", id="wrong-type-mapping"),
    pytest.param(SITE, "status: aktiv\n", "status: aktiv\nstatus: beendet\n", 4, 1,
                 "Das Feld 'status' steht doppelt in diesem Abschnitt (zuerst in Zeile 3).", id="duplicate-key"),
    pytest.param(ORGS, "  - {id: wohnen-jena,", "  - {id: stadt-jena, typ: kommune, name: Doppelt}\n  - {id: wohnen-jena,", 11, 10,
                 "Kennung 'stadt-jena' ist doppelt vergeben (zuerst in Zeile 10).", id="duplicate-id"),
    pytest.param(SITE, "traeger: [testtraeger]", "traeger: [testtraeger-jena]", 5, 11,
                 "Organisation 'testtraeger-jena' ist in organisations.yml nicht eingetragen. Meinten Sie 'testtraeger'?", id="unknown-organisation"),
    pytest.param(SITE, "  - {organisation: wohnen-jena,", "  - {organisation: gibts-nicht,", 8, 20,
                 "Organisation 'gibts-nicht' ist in organisations.yml nicht eingetragen. Bitte zuerst in organisations.yml anlegen.", id="unknown-member"),
    pytest.param(SITE, "kreise: [Jena]", "kreise: [Jenna]", 2, 10,
                 "'Jenna' ist kein Thüringer Landkreis und keine kreisfreie Stadt. Meinten Sie 'Jena'?", id="unknown-district"),
    pytest.param(SITE, "      plz: 07747", "      plz: 7747", 21, 12,
                 "Postleitzahl '7747' muss aus genau fünf Ziffern bestehen (z. B. 07743).", id="postal-code-digits"),
    pytest.param(SITE, "      plz: 07747", "      plz: 80331", 21, 12,
                 "Postleitzahl '80331' liegt nicht in Thüringen (Thüringer Postleitzahlen beginnen mit 04, 06, 07, 36, 37, 96, 98 oder 99).", id="postal-code-outside"),
    pytest.param(SITE, "telefon: [03641 123456,", "telefon: [0364 1,", 31, 15,
                 "'0364 1' ist keine gültige deutsche Telefonnummer (Beispiel: 03677 123456).", id="phone-invalid"),
    pytest.param(SITE, "telefon: [03641 123456,", "telefon: [+33 1 42 68 53 00,", 31, 15,
                 "'+33 1 42 68 53 00' ist keine gültige deutsche Telefonnummer (Beispiel: 03677 123456).", id="phone-foreign"),
    pytest.param(SITE, "email: lobeda@traeger.example.org", "email: lobeda@", 32, 12,
                 "'lobeda@' ist keine gültige E-Mail-Adresse (Beispiel: kontakt@beispiel.de).", id="email-invalid"),
    pytest.param(ORGS, "website: https://traeger.example.org", "website: javascript:alert(1)", 9, 14,
                 "Die Adresse 'javascript:alert(1)' muss mit https:// beginnen (erlaubt sind https, http, mailto und tel).", id="url-javascript"),
    pytest.param(ORGS, "website: https://traeger.example.org", "website: ftp://traeger.example.org", 9, 14,
                 "Die Adresse 'ftp://traeger.example.org' muss mit https:// beginnen (erlaubt sind https, http, mailto und tel).", id="url-ftp"),
    pytest.param(SITE, "lat: 50.8891", "lat: 48.1372", 24, 24,
                 "Breitengrad 48.1372 liegt außerhalb Thüringens (erlaubt: 50.15 bis 51.7).", id="coordinates-outside"),
    pytest.param(SITE, "status: aktiv\nbeginn: 2016-01-01", "status: beendet\nbeginn: 2016-01-01\nende: 2015-06", 5, 7,
                 "Das Ende (Juni 2015) liegt vor dem Beginn (1. Januar 2016).", id="end-before-start"),
    pytest.param(SITE, "zeiten: 14:00–18:00", "zeiten: 18:00–14:00", 29, 17,
                 "Die Zeitspanne '18:00–14:00' endet nicht nach ihrem Beginn.", id="hours-end-before-start"),
    pytest.param(SITE, "      - tage: Do\n        zeiten: 14:00–18:00", "      - tage: Mi\n        zeiten: 11:00–13:00", 29, 17,
                 "Die Zeit 11:00–13:00 überschneidet sich am Mittwoch mit 09:00–12:00.", id="hours-overlap"),
    pytest.param(SITE, "Beratung im **Stadtteil** Lobeda.", "Beratung <script>alert(1)</script>", 14, 15,
                 "HTML ist in Beschreibungen nicht erlaubt (gefunden: '<…'). Bitte nur Markdown verwenden.", id="raw-html"),
    pytest.param(SITE, "  orte: [Jena]\n  ortsteile: [Lobeda-West, Lobeda-Ost]\n  plz: [07747]\n", "  orte: []\n", 11, 3,
                 "Das Einzugsgebiet ist leer: bitte Orte, Ortsteile oder Postleitzahlen eintragen.", id="empty-service-area"),
    pytest.param(SITE, "status: aktiv", "status: aktif", 3, 9,
                 "'aktif' ist hier nicht erlaubt – meinten Sie 'aktiv'? Möglich: geplant, aktiv, beendet.", id="unknown-status"),
    pytest.param(SITE, "stand: 2026-10-01", "stand: 01.10.2026", 38, 8,
                 "'01.10.2026' ist kein Datum: bitte JJJJ-MM-TT schreiben (z. B. 2013-03-01), oder JJJJ-MM bzw. JJJJ, wenn der Tag nicht bekannt ist.", id="date-format"),
    pytest.param(SITE, "    art: Stadtteilbüro", "    art: Stadteilbüro", 18, 10,
                 "'Stadteilbüro' ist hier nicht erlaubt – meinten Sie 'Stadtteilbüro'? Möglich: Anlaufstelle, Bürgerbüro, Beratungsstelle, Stadtteilbüro, Treffpunkt, Mobile Sprechstunde, Beratungsbus.", id="choice-typo-suggestion"),
    pytest.param(ORGS, "website: https://traeger.example.org", "webseite: https://traeger.example.org", 9, 5,
                 "Unbekanntes Feld 'webseite' – meinten Sie 'website'?", id="organisation-key-typo"),
    pytest.param(SITE, "    stufenlos: ja", "    stufenlos: vielleicht", 33, 16,
                 "'vielleicht' ist hier nicht erlaubt. Möglich: ja, teilweise, nein.", id="step-free-choice"),
    pytest.param(SITE, "name: ThINKA Jena-Lobeda", "name: ThINKA \u202eadebol", 1, 14,
                 "Unzulässiges Zeichen U+202E (Steuerzeichen für die Schreibrichtung) – es ist unsichtbar oder verändert die Anzeige. Bitte löschen.",
                 id="bidi-override"),
    pytest.param(SITE, "  - name: Stadtteilbüro Lobeda", "  - name: ''", 17, 11, "Hier fehlt ein Wert.", id="empty-text"),
]


@pytest.mark.parametrize("filename, old, new, line, column, message", CASES)
def test_broken_file_gets_one_german_message_at_its_position(data_dir: Path, filename, old, new, line, column, message):
    edit(data_dir / filename, old, new)
    _, problems = load_dataset(data_dir)
    reported = [(Path(p.path).relative_to(data_dir).as_posix(), p.line, p.column, p.message) for p in problems.errors]
    assert reported == [(filename, line, column, message)]


def test_the_complete_test_data_is_valid(data_dir: Path):
    dataset, problems = load_dataset(data_dir)
    assert problems.items == []
    assert sorted(dataset.sites) == ["jena-lobeda", "jena-winzerla", "soemmerda"]


def test_the_sample_data_is_valid():
    from conftest import SAMPLE

    dataset, problems = load_dataset(SAMPLE)
    # Errors only: once the sample data is a year old, it rightly gets warnings about its age.
    assert [p.format() for p in problems.errors] == []
    assert len(dataset.sites) == len(list((SAMPLE / "sites").glob("*.yml"))) == 25
    # the operator's facts for the legal pages are not public: warnings until the operator gives them
    assert any("Für die Rechtstexte fehlt noch: " in p.message for p in problems.warnings)


def test_each_missing_legal_fact_is_one_warning_at_its_section(data_dir: Path):
    edit(data_dir / "program.yml", "  redaktion: Max Muster\n", "")
    edit(data_dir / "program.yml", "  stand: 2026-11-01\n", "")
    _, problems = load_dataset(data_dir)
    assert problems.errors == []
    assert [(p.line, p.column, p.message) for p in problems.warnings] == [
        (39, 1, "Für die Rechtstexte fehlt noch: inhaltlich verantwortliche Person nach § 18 Abs. 2 MStV ('betreiber: redaktion:' in program.yml). Die Seite nennt die Angabe als fehlend."),
        (53, 1, "Für die Rechtstexte fehlt noch: Datum der Erklärung zur Barrierefreiheit ('barrierefreiheit: stand:' in program.yml). Die Seite nennt die Angabe als fehlend."),
    ]


def test_duplicate_slug_across_extensions(data_dir: Path):
    (data_dir / "sites" / "jena-lobeda.yaml").write_text((data_dir / SITE).read_text("utf-8"), "utf-8")
    _, problems = load_dataset(data_dir)
    [problem] = problems.errors
    assert Path(problem.path).name == "jena-lobeda.yml"
    assert problem.message == "Standort 'jena-lobeda' gibt es doppelt (auch jena-lobeda.yaml)."


def test_file_name_must_be_usable_as_address(data_dir: Path):
    (data_dir / SITE).rename(data_dir / "sites" / "Jena Lobeda.yml")
    _, problems = load_dataset(data_dir)
    [problem] = [p for p in problems.errors if Path(p.path).parent.name == "sites"]
    assert problem.message.startswith("Dateiname 'Jena Lobeda.yml' taugt nicht als Adresse")
    # Posts and events that name the site now name a site that does not exist, and say so.
    references = {p.message for p in problems.errors if p is not problem}
    assert references == {
        "Den Standort 'jena-lobeda' gibt es nicht. Die Kennung ist der Dateiname in sites/ ohne .yml; für die Koordinierungsstelle 'koordinierungsstelle'."
    }


def test_ended_site_needs_an_end_date(data_dir: Path):
    edit(data_dir / "sites/jena-winzerla.yml", "ende: 2020-12-31\n", "")
    _, problems = load_dataset(data_dir)
    assert [(p.line, p.message) for p in problems.errors] == [(3, "Ein beendeter Standort braucht ein 'ende'-Datum oder, wenn es nicht bekannt ist, einen 'ende_hinweis' (woran man sieht, dass die Arbeit endete).")]


def test_all_problems_of_a_file_are_reported_at_once(data_dir: Path):
    edit(data_dir / SITE, "kreise: [Jena]", "kreise: [Jenna]")
    edit(data_dir / SITE, "traeger: [testtraeger]", "traeger: [unbekannt]")
    edit(data_dir / SITE, "zeiten: 14:00–18:00", "zeiten: 18:00–14:00")
    edit(data_dir / ORGS, "website: https://traeger.example.org", "website: javascript:x")
    _, problems = load_dataset(data_dir)
    assert [(Path(p.path).name, p.line) for p in problems.errors] == [
        ("organisations.yml", 9),
        ("jena-lobeda.yml", 2),
        ("jena-lobeda.yml", 5),
        ("jena-lobeda.yml", 29),
    ]
