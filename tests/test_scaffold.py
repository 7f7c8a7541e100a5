"""`thinka new-site` and `thinka add-contact-point`: valid files, comments kept, clear refusals."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from thinka.data.validate import load_dataset

from conftest import BIN, build, edit

MODELINE = "# yaml-language-server: $schema=../schema/site.schema.json"


def thinka(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "thinka"), *args], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def new_site(data_dir: Path, slug: str, *options: str) -> subprocess.CompletedProcess[str]:
    return thinka("new-site", slug, *options, "--data-dir", str(data_dir))


def add_point(data_dir: Path, slug: str, *options: str) -> subprocess.CompletedProcess[str]:
    return thinka("add-contact-point", slug, *options, "--data-dir", str(data_dir))


# ------------------------------------------------------------------ new-site
def test_new_site_file_is_valid_commented_and_builds(data_dir: Path, tmp_path: Path):
    result = new_site(data_dir, "jena-nord", "--name", "ThINKA Jena-Nord", "--kreis", "Jena", "--traeger", "testtraeger")
    assert result.returncode == 0, result.stderr
    path = data_dir / "sites" / "jena-nord.yml"
    assert result.stdout.splitlines()[0] == f"angelegt: {path}"
    text = path.read_text("utf-8")
    assert text.splitlines()[0] == MODELINE
    assert "# Name des Standorts.\nname: ThINKA Jena-Nord\n" in text  # hints come from model.py
    assert f"stand: {date.today().isoformat()}\n" in text

    dataset, problems = load_dataset(data_dir)
    assert problems.errors == []
    site = dataset.sites["jena-nord"].record
    assert (site.name, site.kreise, site.status, site.traeger) == ("ThINKA Jena-Nord", ["16053"], "aktiv", ["testtraeger"])
    assert site.beschreibung == "ThINKA Jena-Nord ist ein ThINKA-Standort in der Stadt Jena. Träger ist Testträger gGmbH."

    out = tmp_path / "site"
    built = build(data_dir, out)
    assert built.returncode == 0, built.stderr
    page = (out / "standorte" / "jena-nord" / "index.html").read_text("utf-8")
    assert "<h1>ThINKA Jena-Nord</h1>" in page


def test_new_site_in_a_landkreis_with_two_districts_and_no_carrier(data_dir: Path):
    result = new_site(
        data_dir, "saale-test", "--name", "ThINKA Saale: Test", "--kreis", "16075", "--kreis", "Saalfeld-Rudolstadt", "--status", "geplant",
        "--ort", "Pößneck", "--plz", "07381",
    )
    assert result.returncode == 0, result.stderr
    dataset, problems = load_dataset(data_dir)
    assert problems.errors == []
    site = dataset.sites["saale-test"].record
    assert site.name == "ThINKA Saale: Test"  # the colon is quoted in the file
    assert site.beschreibung == "ThINKA Saale: Test ist ein ThINKA-Standort im Saale-Orla-Kreis und im Landkreis Saalfeld-Rudolstadt."


def test_new_site_refuses_an_existing_slug(data_dir: Path):
    before = (data_dir / "sites" / "jena-lobeda.yml").read_text("utf-8")
    result = new_site(data_dir, "jena-lobeda", "--name", "Doppelt", "--kreis", "Jena")
    assert result.returncode == 1
    assert result.stderr == (
        f"Den Standort 'jena-lobeda' gibt es schon: {data_dir}/sites/jena-lobeda.yml. "
        "Bitte diese Datei bearbeiten oder eine andere Kennung wählen.\n"
    )
    assert (data_dir / "sites" / "jena-lobeda.yml").read_text("utf-8") == before


def test_new_site_refuses_an_unknown_district_with_a_suggestion(data_dir: Path):
    result = new_site(data_dir, "jena-nord", "--name", "ThINKA Jena-Nord", "--kreis", "Jenna")
    assert result.returncode == 1
    assert result.stderr == "'Jenna' ist kein Thüringer Landkreis und keine kreisfreie Stadt. Meinten Sie 'Jena'?\n"
    assert not (data_dir / "sites" / "jena-nord.yml").exists()


def test_new_site_refuses_a_bad_slug(data_dir: Path):
    result = new_site(data_dir, "Jena Nord", "--name", "ThINKA Jena-Nord", "--kreis", "Jena")
    assert result.returncode == 1
    assert result.stderr.startswith("'Jena Nord' taugt nicht als Kennung: nur Kleinbuchstaben a–z, Ziffern und Bindestriche")
    assert sorted(p.name for p in (data_dir / "sites").iterdir()) == ["jena-lobeda.yml", "jena-winzerla.yml", "soemmerda.yml"]


def test_new_site_refuses_an_unknown_carrier(data_dir: Path):
    result = new_site(data_dir, "jena-nord", "--name", "ThINKA Jena-Nord", "--kreis", "Jena", "--traeger", "gibts-nicht")
    assert result.returncode == 1
    assert result.stderr == "Organisation 'gibts-nicht' ist in organisations.yml nicht eingetragen. Bitte zuerst dort anlegen (mit 'id: gibts-nicht').\n"
    assert not (data_dir / "sites" / "jena-nord.yml").exists()


def test_new_site_refuses_a_name_that_does_not_validate(data_dir: Path):
    result = new_site(data_dir, "jena-nord", "--name", "ThINKA \u202eNord", "--kreis", "Jena")
    assert result.returncode == 1
    message = "Unzulässiges Zeichen U+202E (Steuerzeichen für die Schreibrichtung) – es ist unsichtbar oder verändert die Anzeige. Bitte löschen."
    # refused as an argument, before any text is made from it: one line naming the option, the character escaped
    assert result.stderr.splitlines() == [f"--name 'ThINKA \\u202eNord': {message}"]
    assert not (data_dir / "sites" / "jena-nord.yml").exists()


def test_new_site_without_a_terminal_asks_nothing_and_names_the_missing_option(data_dir: Path):
    result = new_site(data_dir, "jena-nord", "--kreis", "Jena")
    assert result.returncode == 1
    assert result.stderr == 'Bitte --name "Name des Standorts" angeben.\n'
    result = new_site(data_dir, "jena-nord", "--name", "ThINKA Jena-Nord")
    assert result.stderr == "Bitte --kreis KREIS angeben.\n"


# ------------------------------------------------------------------ add-contact-point
def without(text: str, removed: list[str]) -> str:
    """``text`` without the contiguous lines ``removed`` (which must occur exactly once)."""
    block = "\n".join(removed) + "\n"
    assert text.count(block) == 1
    return text.replace(block, "")


def test_contact_point_is_appended_to_the_block_keeping_every_line_and_comment(data_dir: Path):
    path = data_dir / "sites" / "jena-lobeda.yml"
    original = path.read_text("utf-8").replace("    ansprechpersonen:", "    # Bitte im Herbst prüfen\n    ansprechpersonen:", 1)
    original = original.replace("stand: 2026-10-01", "# Zuletzt geprüft von der Koordinierungsstelle\nstand: 2026-10-01")
    path.write_text(original, "utf-8")
    result = add_point(data_dir, "jena-lobeda", "--name", "Treff Lobeda-Ost", "--art", "Treffpunkt", "--ort", "Jena", "--plz", "07747",
                       "--strasse", "Teststraße 3", "--ortsteil", "Lobeda-Ost", "--telefon", "03641 123458", "--email", "ost@traeger.example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Anlaufstelle 'Treff Lobeda-Ost' ergänzt in {path}\n"
    updated = path.read_text("utf-8")
    added = [
        "  - name: Treff Lobeda-Ost",
        "    art: Treffpunkt",
        "    adresse:",
        "      strasse: Teststraße 3",
        '      plz: "07747"',
        "      ort: Jena",
        "      ortsteil: Lobeda-Ost",
        "    telefon: [03641 123458]",
        "    email: ost@traeger.example.org",
        "    # Weitere mögliche Felder (siehe /redaktion/felder/): koordinaten, oeffnungszeiten, nach_vereinbarung, "
        "oeffnungszeiten_hinweis, website, stufenlos, aufzug, wc_barrierefrei, zugang_hinweis, sprachen, dolmetschen, telefonzeiten, messenger, kontaktformular, geschlossen, ansprechpersonen, seit, bis, traeger, unterwegs, themen, hausbesuche, quellen, oeffnungszeiten_quelle.",
    ]
    # The new entry sits right before the comment that belongs to `stand:` ...
    assert "\n".join(added) + "\n# Zuletzt geprüft von der Koordinierungsstelle\nstand: 2026-10-01" in updated
    # ... and apart from it the file is exactly what the editor wrote.
    assert without(updated, added) == original
    dataset, problems = load_dataset(data_dir)
    assert problems.errors == []
    points = dataset.sites["jena-lobeda"].record.anlaufstellen
    assert [p.name for p in points] == ["Stadtteilbüro Lobeda", "Treff Lobeda-Ost"]
    assert points[1].adresse.plz == "07747" and points[1].telefon[0].e164 == "+493641123458"


def test_contact_point_into_an_empty_list_and_into_a_file_without_one(data_dir: Path):
    new_site(data_dir, "jena-nord", "--name", "ThINKA Jena-Nord", "--kreis", "Jena")
    assert add_point(data_dir, "jena-nord", "--name", "Büro Nord", "--art", "Stadtteilbüro", "--ort", "Jena").returncode == 0
    text = (data_dir / "sites" / "jena-nord.yml").read_text("utf-8")
    assert "anlaufstellen:  # Die" not in text and "\nanlaufstellen:\n  - name: Büro Nord\n    art: Stadtteilbüro\n" in text

    path = data_dir / "sites" / "jena-winzerla.yml"
    path.write_text(path.read_text("utf-8").replace(
        "anlaufstellen:\n  - name: Treff Winzerla\n    art: Treffpunkt\n    adresse: {ort: Jena, ortsteil: Winzerla}\n    nach_vereinbarung: ja\n", ""), "utf-8")
    assert "anlaufstellen" not in path.read_text("utf-8")
    assert add_point(data_dir, "jena-winzerla", "--name", "Treff Winzerla", "--art", "Treffpunkt", "--ort", "Jena").returncode == 0
    assert path.read_text("utf-8").endswith("stand: 2021-01-15\nanlaufstellen:\n  - name: Treff Winzerla\n    art: Treffpunkt\n    adresse:\n      ort: Jena\n"
                                             "    # Weitere mögliche Felder (siehe /redaktion/felder/): koordinaten, oeffnungszeiten, nach_vereinbarung, "
                                             "oeffnungszeiten_hinweis, telefon, email, website, stufenlos, aufzug, wc_barrierefrei, zugang_hinweis, sprachen, dolmetschen, telefonzeiten, messenger, kontaktformular, geschlossen, ansprechpersonen, seit, bis, traeger, unterwegs, themen, hausbesuche, quellen, oeffnungszeiten_quelle.\n")
    dataset, problems = load_dataset(data_dir)
    assert problems.errors == []
    assert [p.name for p in dataset.sites["jena-nord"].record.anlaufstellen] == ["Büro Nord"]
    assert [p.name for p in dataset.sites["jena-winzerla"].record.anlaufstellen] == ["Treff Winzerla"]


def test_contact_point_that_would_not_validate_is_refused_and_the_file_stays(data_dir: Path):
    path = data_dir / "sites" / "jena-lobeda.yml"
    before = path.read_text("utf-8")
    result = add_point(data_dir, "jena-lobeda", "--name", "Büro", "--art", "Stadteilbüro", "--ort", "Jena", "--plz", "80331")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{path}:39:10: 'Stadteilbüro' ist hier nicht erlaubt – meinten Sie 'Stadtteilbüro'? "
        "Möglich: Anlaufstelle, Bürgerbüro, Beratungsstelle, Stadtteilbüro, Treffpunkt, Mobile Sprechstunde, Beratungsbus.",
        f"{path}:41:12: Postleitzahl '80331' liegt nicht in Thüringen (Thüringer Postleitzahlen beginnen mit 04, 06, 07, 36, 37, 96, 98 oder 99).",
        "Die Datei wurde nicht geändert.",
    ]
    assert path.read_text("utf-8") == before


def test_contact_point_with_a_name_already_used_is_refused(data_dir: Path):
    result = add_point(data_dir, "jena-lobeda", "--name", "Stadtteilbüro Lobeda", "--art", "Stadtteilbüro", "--ort", "Jena")
    assert result.returncode == 1
    assert "Die Anlaufstelle 'Stadtteilbüro Lobeda' steht doppelt in diesem Standort (Eintrag 1)." in result.stderr


def test_contact_point_for_an_unknown_site_is_refused(data_dir: Path):
    result = add_point(data_dir, "jena-sued", "--name", "Büro", "--art", "Stadtteilbüro", "--ort", "Jena")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"Den Standort 'jena-sued' gibt es nicht ({data_dir}/sites/jena-sued.yml fehlt). Neu anlegen mit: thinka new-site jena-sued"
    )


def test_new_site_at_a_terminal_asks_for_what_is_missing(data_dir: Path, monkeypatch, capsys):
    import io

    from thinka.editors import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter(["ThINKA Jena-Nord", "Jena"])
    questions: list[str] = []
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda q: questions.append(q) or next(answers))
    assert cli.main(["new-site", "jena-nord", "--data-dir", str(data_dir)]) == 0
    assert questions == ["Name des Standorts (z. B. ThINKA Jena-Lobeda): ", "Landkreis oder kreisfreie Stadt: "]
    dataset, problems = load_dataset(data_dir)
    assert problems.errors == [] and dataset.sites["jena-nord"].record.kreise == ["16053"]
    # Given as options, nothing is asked.
    questions.clear()
    assert cli.main(["new-site", "jena-sued", "--name", "ThINKA Jena-Süd", "--kreis", "Jena", "--data-dir", str(data_dir)]) == 0
    assert questions == []


def test_new_site_ends_the_carriers_sentence_once_and_keeps_the_city_beside_its_ortsteile(data_dir: Path):
    edit(data_dir / "organisations.yml", "name: Testträger gGmbH", "name: Testträger e.V.")
    result = new_site(data_dir, "jena-nord", "--name", "ThINKA Jena-Nord", "--kreis", "Jena", "--ortsteil", "Jena-Nord", "--traeger", "testtraeger")
    assert result.returncode == 0, result.stderr
    text = (data_dir / "sites" / "jena-nord.yml").read_text("utf-8")
    assert "einzugsgebiet:\n  orte: [Jena]\n  ortsteile: [Jena-Nord]\n" in text
    dataset, problems = load_dataset(data_dir)
    assert problems.errors == []
    site = dataset.sites["jena-nord"].record
    assert site.beschreibung == "ThINKA Jena-Nord ist ein ThINKA-Standort in der Stadt Jena. Träger ist Testträger e.V."
    assert (site.einzugsgebiet.orte, site.einzugsgebiet.ortsteile) == (["Jena"], ["Jena-Nord"])


def test_new_site_that_ended_names_its_end_and_successor_and_is_ended(data_dir: Path):
    result = new_site(data_dir, "jena-alt", "--name", "ThINKA Jena-Alt", "--kreis", "Jena", "--beginn", "2013-03", "--ende", "2019-12", "--nachfolger", "jena-lobeda")
    assert result.returncode == 0, result.stderr
    text = (data_dir / "sites" / "jena-alt.yml").read_text("utf-8")
    assert "status: beendet\n" in text and "beginn: 2013-03\n" in text and "ende: 2019-12\n" in text and "nachfolger: jena-lobeda\n" in text
    dataset, problems = load_dataset(data_dir)
    assert problems.errors == []
    site = dataset.sites["jena-alt"].record
    assert (site.status, str(site.beginn), str(site.ende), site.nachfolger) == ("beendet", "2013-03", "2019-12", "jena-lobeda")
    assert site.beschreibung == "ThINKA Jena-Alt war ein ThINKA-Standort in der Stadt Jena."


def test_new_site_with_a_start_in_the_future_is_planned(data_dir: Path):
    assert new_site(data_dir, "jena-neu", "--name", "ThINKA Jena-Neu", "--kreis", "Jena", "--beginn", "2099").returncode == 0
    dataset, problems = load_dataset(data_dir)
    assert problems.errors == []
    assert dataset.sites["jena-neu"].record.status == "geplant"


@pytest.mark.parametrize("options, message", [
    (["--ende", "2019-13"], "--ende '2019-13': Das Datum '2019-13' gibt es nicht."),
    (["--beginn", "März 2013"], "--beginn 'März 2013': 'März 2013' ist kein Datum: bitte JJJJ-MM-TT schreiben (z. B. 2013-03-01), oder JJJJ-MM bzw. JJJJ, wenn der Tag nicht bekannt ist."),
    (["--beginn", "9999"], "--beginn '9999': Das Datum '9999' liegt außerhalb der möglichen Jahre 1900 bis 2100: bitte das Jahr prüfen."),
    (["--beginn", "2020", "--ende", "2019"], "--ende 2019 liegt vor --beginn 2020."),
    (["--nachfolger", "jena-lobda"], "--nachfolger: Den Standort 'jena-lobda' gibt es nicht (keine Datei sites/jena-lobda.yml). Meinten Sie 'jena-lobeda'?"),
    (["--nachfolger", "Jena Lobeda"], "--nachfolger 'Jena Lobeda': erwartet wird die Kennung eines Standorts (Dateiname in sites/ ohne .yml), z. B. 'gera'."),
    (["--nachfolger", "jena-nord"], "--nachfolger: Ein Standort kann nicht sein eigener Nachfolger sein."),
    (["--status", "beendet"], "Ein beendeter Standort braucht --ende (Datum, z. B. --ende 2020-12) oder --nachfolger; ist das Ende nicht bekannt, danach 'ende_hinweis' in der Datei eintragen."),
    (["--status", "aktiv", "--ende", "2019"],
     "--status: Der Standort ist als 'aktiv' eingetragen, aber sein Ende (2019) liegt in der Vergangenheit: 'status: beendet' eintragen oder das Ende berichtigen."),
    (["--status", "geplant", "--beginn", "2015"],
     "--status: Der Standort ist als 'geplant' eingetragen, hat aber schon 2015 begonnen: 'status: aktiv' eintragen oder den Beginn berichtigen."),
    (["--status", "aktiv", "--nachfolger", "jena-lobeda"],
     "--nachfolger: Einen Nachfolger hat nur ein beendeter Standort: 'status: beendet' eintragen oder 'nachfolger' entfernen."),
])
def test_new_site_refuses_times_that_do_not_fit_naming_the_option(data_dir: Path, options: list[str], message: str):
    result = new_site(data_dir, "jena-nord", "--name", "ThINKA Jena-Nord", "--kreis", "Jena", *options)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message]
    assert not (data_dir / "sites" / "jena-nord.yml").exists()
