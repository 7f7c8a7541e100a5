"""The fields of ``program.yml``: the programme's facts, the website's operator (for the legal
pages) and the settings for keeping the data. Declared like every other field, in one place."""

from __future__ import annotations

from typing import Optional

from pydantic import ConfigDict

from .dates import Date
from .model import HandleList, Record, TextList, _f
from .types import Email, Ident, Line, PhoneNumber, PostalCode, Url, choice, whole_number


# ---------------------------------------------------------------- program.yml
class Letter(Record):
    model_config = ConfigDict(title="Buchstabe")

    buchstabe: Line = _f("Buchstabe", "Der Buchstabe.", "I")
    begriff: Line = _f("Begriff", "Wofür er steht.", "Integration")
    erklaerung: Line = _f("Erklärung", "Ein Satz zur Bedeutung.", "Soziale und berufliche Integration der Menschen im Quartier.")


class Phase(Record):
    model_config = ConfigDict(title="Förderphase")

    name: Line = _f("Name", "Bezeichnung der Förderphase.", "Erste Förderphase")
    beginn: Date = _f("Beginn", "Beginn (JJJJ-MM-TT, JJJJ-MM oder JJJJ).", "2012-12")
    ende: Optional[Date] = _f("Ende", "Ende, wenn bekannt.", "2014-12-31", default=None)
    beschreibung: Optional[Line] = _f("Beschreibung", "Was diese Phase kennzeichnet, in einem Satz.", "Die elf Projekte arbeiteten weiter.", default=None)


class Funding(Record):
    model_config = ConfigDict(title="Förderung")

    fonds: Line = _f("Fonds", "Förderfonds.", "Europäischer Sozialfonds Plus (ESF+)")
    zeitraum: Optional[Line] = _f("Zeitraum", "Förderperiode.", "2021–2027", default=None)
    beschreibung: Optional[Line] = _f("Beschreibung", "Erläuterung in einem Satz.", "Gefördert über das Operationelle Programm des Freistaats Thüringen.", default=None)


# As the district boundaries (data/reference/thueringen.LICENSE.md): the licence German public bodies use for open data.
DEFAULT_LICENCE = ("Datenlizenz Deutschland – Namensnennung – Version 2.0", "dl-de-by-2.0", "https://www.govdata.de/dl-de/by-2-0")

CONFORMANCE = {
    "vollstaendig": "vollständig vereinbar",
    "teilweise": "teilweise vereinbar",
    "nicht": "nicht vereinbar",
}


class Operator(Record):
    """Wer die Website betreibt: Angaben für Impressum und Datenschutzerklärung.

    Alle Felder sind optional, damit die Website auch ohne sie gebaut werden kann; solange
    eine Pflichtangabe fehlt, warnt ``thinka validate`` und die Seite sagt, was fehlt.
    """

    model_config = ConfigDict(title="Betreiber der Website")

    name: Optional[Line] = _f("Name", "Name der Stelle, die die Website betreibt (Diensteanbieter nach § 5 DDG), mit Rechtsform.", "Beispiel gGmbH", default=None)
    vertreten_durch: Optional[Line] = _f("Vertreten durch", "Wer die Stelle vertritt (Geschäftsführung, Leitung), mit Vor- und Nachnamen.", "Vorname Nachname (Geschäftsführung)", default=None)
    strasse: Optional[Line] = _f("Straße", "Postanschrift: Straße und Hausnummer (kein Postfach).", "Musterstraße 1", default=None)
    plz: Optional[PostalCode] = _f("Postleitzahl", "Postanschrift: Postleitzahl.", "07743", default=None)
    ort: Optional[Line] = _f("Ort", "Postanschrift: Ort.", "Jena", default=None)
    telefon: Optional[PhoneNumber] = _f("Telefon", "Telefonnummer für schnelle Kontaktaufnahme.", "03641 123456", default=None)
    email: Optional[Email] = _f("E-Mail", "E-Mail-Adresse für schnelle Kontaktaufnahme.", "info@beispiel.de", default=None)
    registereintrag: Optional[Line] = _f("Registereintrag", "Registergericht und Registernummer, falls eingetragen.", "Amtsgericht Jena, HRB 123456", default=None)
    umsatzsteuer_id: Optional[Line] = _f("Umsatzsteuer-ID", "Umsatzsteuer-Identifikationsnummer, falls vorhanden.", "DE123456789", default=None)
    aufsichtsbehoerde: Optional[Line] = _f("Aufsichtsbehörde", "Zuständige Aufsichtsbehörde, nur wenn die Tätigkeit einer behördlichen Zulassung bedarf.", "Landesamt für Soziales", default=None)
    redaktion: Optional[Line] = _f("Verantwortlich für den Inhalt", "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: Vor- und Nachname.", "Vorname Nachname", default=None)
    redaktion_anschrift: Optional[Line] = _f("Anschrift der verantwortlichen Person", "Anschrift der verantwortlichen Person, wenn sie nicht die des Betreibers ist.", "Musterstraße 1, 07743 Jena", default=None)
    datenschutzbeauftragte: Optional[Line] = _f("Datenschutzbeauftragte", "Kontakt der oder des Datenschutzbeauftragten (Name oder Funktion und E-Mail), falls benannt.", "Datenschutzbeauftragte, datenschutz@beispiel.de", default=None)
    datenschutz_aufsicht: Optional[Line] = _f("Datenschutz-Aufsicht", "Zuständige Datenschutz-Aufsichtsbehörde (Beschwerderecht nach Art. 77 DSGVO).", "Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit", default=None)
    webhoster: Optional[Line] = _f("Webhoster", "Wer die Website technisch ausliefert (Webhoster), mit Sitz.", "Beispiel Hosting GmbH, Erfurt", default=None)
    protokolldaten: TextList = _f(
        "Protokolldaten", "Welche Angaben der Webserver bei jedem Abruf speichert (laut Webhoster).", ["IP-Adresse", "Datum und Uhrzeit"], default=[]
    )
    protokoll_speicherdauer: Optional[Line] = _f("Speicherdauer der Protokolldaten", "Wie lange die Protokolldaten gespeichert werden.", "7 Tage", default=None)
    rechtsgrundlage_protokolle: Optional[Line] = _f("Rechtsgrundlage der Protokolldaten", "Rechtsgrundlage für die Protokolldaten.", "Art. 6 Abs. 1 Buchst. e DSGVO", default=None)


class Accessibility(Record):
    """Angaben für die Erklärung zur Barrierefreiheit."""

    model_config = ConfigDict(title="Barrierefreiheit")

    konformitaet: Optional[choice(CONFORMANCE)] = _f("Stand der Vereinbarkeit", "Stand der Vereinbarkeit mit BITV 2.0: vollstaendig, teilweise oder nicht.", "teilweise", default=None)  # type: ignore[valid-type]
    stand: Optional[Date] = _f("Stand der Erklärung", "Wann die Erklärung erstellt oder zuletzt überprüft wurde.", "2026-11-25", default=None)
    bewertung: Optional[Line] = _f("Bewertungsmethode", "Wie die Vereinbarkeit bewertet wurde.", "Selbstbewertung", default=None)
    bekannte_maengel: TextList = _f("Bekannte Mängel", "Bekannte Barrieren, je ein Satz.", ["Einige ältere PDF-Dateien sind nicht barrierefrei."], default=[])
    kontakt_email: Optional[Email] = _f("E-Mail für Hinweise", "E-Mail für Hinweise auf Barrieren (sonst die des Betreibers).", "barrierefreiheit@beispiel.de", default=None)
    kontakt_telefon: Optional[PhoneNumber] = _f("Telefon für Hinweise", "Telefon für Hinweise auf Barrieren (sonst das des Betreibers).", "03641 123456", default=None)
    durchsetzungsstelle: Optional[Line] = _f("Durchsetzungsstelle", "Name der Stelle für das Durchsetzungsverfahren (Schlichtung).", "Name der Durchsetzungsstelle", default=None)
    durchsetzungsstelle_website: Optional[Url] = _f("Internetseite der Durchsetzungsstelle", "Internetseite der Durchsetzungsstelle.", "https://www.beispiel.de/durchsetzung", default=None)


class DataLicence(Record):
    """Unter welcher Lizenz die offenen Daten (/daten/) stehen."""

    model_config = ConfigDict(title="Datenlizenz")

    name: Line = _f("Name der Lizenz", "Name der Lizenz, wie er in den Dateien und auf der Seite /daten/ steht.", "Datenlizenz Deutschland – Namensnennung – Version 2.0", default=DEFAULT_LICENCE[0])
    kennung: Line = _f("Kurzkennung", "Kurze Kennung der Lizenz (in datapackage.json als 'name').", "dl-de-by-2.0", default=DEFAULT_LICENCE[1])
    url: Url = _f("Adresse des Lizenztextes", "Wo der Lizenztext steht.", "https://www.govdata.de/dl-de/by-2-0", default=DEFAULT_LICENCE[2])
    namensnennung: Line = _f(
        "Namensnennung", "So sollen Nutzende die Quelle nennen (Bezeichnung des Bereitstellers).", "ThINKA Thüringen", default="ThINKA Thüringen",
    )


class Program(Record):
    """Datei program.yml: die Fakten zum Programm und Einstellungen für die Pflege der Daten."""

    model_config = ConfigDict(title="ThINKA: Programm (program.yml)")

    name: Line = _f("Kurzname", "Kurzname des Programms.", "ThINKA")
    langname: Line = _f("Langname", "Ausgeschriebener Name.", "Thüringer Initiative für Integration, Nachhaltigkeit, Kooperation und Aktivierung")
    frueherer_name: Optional[Line] = _f("Früherer Name", "Früher verwendeter Name.", "INKA", default=None)
    buchstaben: list[Letter] = _f(
        "Buchstaben",
        "Die Bedeutung der Buchstaben I-N-K-A.",
        [{"buchstabe": "I", "begriff": "Integration", "erklaerung": "Soziale und berufliche Integration von Menschen in jeder Lebenslage."}],
        min_length=1,
    )
    koordinierungsstelle: Ident = _f("Koordinierungsstelle", "Kennung der Koordinierungsstelle in organisations.yml.", "thasg")
    ministerium: Ident = _f("Ministerium", "Kennung des zuständigen Ministeriums in organisations.yml.", "tmasgff")
    foerderung: list[Funding] = _f(
        "Förderung", "Förderung durch EU und Land.", [{"fonds": "Europäischer Sozialfonds Plus (ESF+)", "zeitraum": "2021–2027"}], min_length=1
    )
    phasen: list[Phase] = _f(
        "Förderphasen", "Förderphasen in zeitlicher Reihenfolge.", [{"name": "Erste Förderphase", "beginn": "2013-03", "ende": "2014-12-31"}], min_length=1
    )
    website: Optional[Url] = _f("Internetseite", "Bisherige Internetseite des Programms.", "https://www.inka-thueringen.de", default=None)
    stand_max_monate: whole_number(1, 120) = _f(  # type: ignore[valid-type]
        "Höchstalter der Angaben (Monate)",
        "Nach wie vielen Monaten ohne neues 'stand'-Datum ein Standort als veraltet gemeldet wird (Warnung, kein Fehler).",
        12,
        default=12,
    )
    redaktion: HandleList = _f(
        "Standard-Redaktion",
        "GitHub-Namen der Personen, die Änderungen prüfen, für die kein Standort eine eigene Redaktion nennt. Leer lassen, wenn niemand festgelegt ist.",
        ["@name"],
        default=[],
    )
    betreiber: Operator = _f(
        "Betreiber",
        "Wer diese Website betreibt: Angaben für Impressum und Datenschutzerklärung.",
        {"name": "Name der betreibenden Stelle", "ort": "Jena"},
        default=Operator(),
    )
    barrierefreiheit: Accessibility = _f(
        "Barrierefreiheit",
        "Angaben für die Erklärung zur Barrierefreiheit nach BITV 2.0: Stand der Vereinbarkeit, bekannte Mängel, Kontakt, Durchsetzungsstelle.",
        {"konformitaet": "teilweise vereinbar"},
        default=Accessibility(),
    )
    datenlizenz: DataLicence = _f(
        "Datenlizenz",
        "Lizenz der offenen Daten unter /daten/ (HSDS, CSV, GeoJSON); ohne Angabe die Datenlizenz Deutschland – Namensnennung 2.0.",
        {"name": "Datenlizenz Deutschland – Namensnennung – Version 2.0", "kennung": "dl-de-by-2.0", "url": "https://www.govdata.de/dl-de/by-2-0"},
        default=DataLicence(),
    )


# Facts the legal pages need: (section, field, what the page calls it). While one is empty,
# `thinka validate` warns and the page says that it is missing.
LEGAL_FACTS = [
    ("betreiber", "name", "Name des Betreibers"),
    ("betreiber", "vertreten_durch", "vertretungsberechtigte Person"),
    ("betreiber", "strasse", "Straße und Hausnummer des Betreibers"),
    ("betreiber", "plz", "Postleitzahl des Betreibers"),
    ("betreiber", "ort", "Ort des Betreibers"),
    ("betreiber", "email", "E-Mail-Adresse des Betreibers"),
    ("betreiber", "telefon", "Telefonnummer des Betreibers"),
    ("betreiber", "redaktion", "inhaltlich verantwortliche Person nach § 18 Abs. 2 MStV"),
    ("betreiber", "datenschutz_aufsicht", "zuständige Datenschutz-Aufsichtsbehörde"),
    ("betreiber", "webhoster", "Webhoster"),
    ("betreiber", "protokolldaten", "Liste der Protokolldaten des Webservers"),
    ("betreiber", "protokoll_speicherdauer", "Speicherdauer der Protokolldaten"),
    ("betreiber", "rechtsgrundlage_protokolle", "Rechtsgrundlage der Protokolldaten"),
    ("barrierefreiheit", "konformitaet", "Stand der Vereinbarkeit mit BITV 2.0"),
    ("barrierefreiheit", "stand", "Datum der Erklärung zur Barrierefreiheit"),
    ("barrierefreiheit", "durchsetzungsstelle", "Durchsetzungsstelle"),
]
