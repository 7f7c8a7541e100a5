"""The one definition of every field: type, whether required, German description, example.

Validation (:mod:`thinka.data.validate`), the editors' JSON Schema and the field reference are
derived from these classes. Field names are the YAML keys editors type.
"""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from .dates import Date, End, Start
from .districts import DistrictKey
from .hours import Days, RangeList
from .types import (
    ONE_OR_MANY,
    Email,
    GitHubHandle,
    Ident,
    Latitude,
    Line,
    Longitude,
    Markdown,
    PhoneNumber,
    PostalCode,
    Url,
    YesNo,
    as_list,
    choice,
    ident_list,
    whole_number,
)
from .vocabulary import (
    CONTACT_KINDS,
    ORGANISATION_TYPES,
    PRECISION,
    SITE_STATUS,
    STEP_FREE,
    TOPICS,
)


def _f(title: str, description: str, *examples: object, **kw: object) -> object:
    """A field: German title (shown as the label in editors and in the field reference), description, examples."""
    return Field(title=title, description=description, examples=list(examples) or None, **kw)  # type: ignore[arg-type]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


PhoneList = Annotated[list[PhoneNumber], BeforeValidator(as_list), ONE_OR_MANY]
TextList = Annotated[list[Line], BeforeValidator(as_list), ONE_OR_MANY]
DistrictList = Annotated[list[DistrictKey], BeforeValidator(as_list), ONE_OR_MANY]
HandleList = Annotated[list[GitHubHandle], BeforeValidator(as_list), ONE_OR_MANY]


# ---------------------------------------------------------------- organisations.yml
class Organisation(Record):
    """Eine Organisation, einmal erfasst und von Standorten über ihre Kennung verwendet."""

    model_config = ConfigDict(title="Organisation")

    id: Ident = _f("Kennung", "Feste Kennung, auf die Standorte verweisen: Kleinbuchstaben, Ziffern, Bindestriche. Nicht mehr ändern, wenn sie benutzt wird.", "ikl-ilmenau")
    typ: choice(ORGANISATION_TYPES) = _f("Art der Organisation", "Art der Organisation: " + ", ".join(ORGANISATION_TYPES) + ".", "traeger")  # type: ignore[valid-type]
    name: Line = _f("Name", "Vollständiger Name, wie ihn die Organisation selbst schreibt.", "IKL Ilmenau GmbH")
    kurzname: Optional[Line] = _f("Kurzname", "Kurzform für Listen.", "TMASGFF", default=None)
    ort: Optional[Line] = _f("Sitz", "Sitz (Ort).", "Ilmenau", default=None)
    kreis: Optional[DistrictKey] = _f("Kreis", "Nur bei Landkreisen und Städten: welcher Kreis das ist (Schlüssel oder Name).", "16070", default=None)
    website: Optional[Url] = _f("Internetseite", "Internetseite, mit https://.", "https://www.ikl-ilmenau.de", default=None)


class OrganisationsFile(Record):
    """Datei organisations.yml: alle Organisationen."""

    model_config = ConfigDict(title="ThINKA: Organisationen (organisations.yml)")

    organisationen: list[Organisation] = _f(
        "Organisationen",
        "Liste aller Organisationen, jede genau einmal.",
        [{"id": "otegau", "typ": "traeger", "name": "OTEGAU GmbH", "ort": "Gera"}],
    )


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

    konformitaet: Optional[choice(CONFORMANCE)] = _f("Stand der Vereinbarkeit", "Stand der Vereinbarkeit mit BITV 2.0: vollstaendig, teilweise oder nicht.", "teilweise", default=None)  # type: ignore[valid-type]
    stand: Optional[Date] = _f("Stand der Erklärung", "Wann die Erklärung erstellt oder zuletzt überprüft wurde.", "2026-11-25", default=None)
    bewertung: Optional[Line] = _f("Bewertungsmethode", "Wie die Vereinbarkeit bewertet wurde.", "Selbstbewertung", default=None)
    bekannte_maengel: TextList = _f("Bekannte Mängel", "Bekannte Barrieren, je ein Satz.", ["Einige ältere PDF-Dateien sind nicht barrierefrei."], default=[])
    kontakt_email: Optional[Email] = _f("E-Mail für Hinweise", "E-Mail für Hinweise auf Barrieren (sonst die des Betreibers).", "barrierefreiheit@beispiel.de", default=None)
    kontakt_telefon: Optional[PhoneNumber] = _f("Telefon für Hinweise", "Telefon für Hinweise auf Barrieren (sonst das des Betreibers).", "03641 123456", default=None)
    durchsetzungsstelle: Optional[Line] = _f("Durchsetzungsstelle", "Name der Stelle für das Durchsetzungsverfahren (Schlichtung).", "Name der Durchsetzungsstelle", default=None)
    durchsetzungsstelle_website: Optional[Url] = _f("Internetseite der Durchsetzungsstelle", "Internetseite der Durchsetzungsstelle.", "https://www.beispiel.de/durchsetzung", default=None)


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


# ---------------------------------------------------------------- sites/<slug>.yml
class Member(Record):
    model_config = ConfigDict(title="Beteiligte Organisation")

    organisation: Ident = _f("Organisation", "Kennung der Organisation aus organisations.yml.", "stadt-gera")
    rolle: Optional[Line] = _f("Rolle", "Rolle am Standort.", "Kommune", default=None)


class ServiceArea(Record):
    model_config = ConfigDict(title="Einzugsgebiet")

    orte: TextList = _f("Orte", "Städte und Gemeinden, für die der Standort zuständig ist.", ["Ilmenau", "Arnstadt"], default=[])
    ortsteile: TextList = _f("Ortsteile", "Ortsteile und Sozialräume, in denen der Standort arbeitet.", ["Lusan", "Bieblach"], default=[])
    plz: Annotated[list[PostalCode], BeforeValidator(as_list), ONE_OR_MANY] = _f(
        "Postleitzahlen", "Postleitzahlen des Einzugsgebiets, am besten in Anführungszeichen.", ["07549", "07546"], default=[]
    )


class Address(Record):
    model_config = ConfigDict(title="Anschrift")

    strasse: Optional[Line] = _f("Straße", "Straße und Hausnummer.", "Lusaner Straße 7", default=None)
    plz: Optional[PostalCode] = _f("Postleitzahl", "Postleitzahl, fünf Ziffern.", "07549", default=None)
    ort: Line = _f("Ort", "Ort.", "Gera")
    ortsteil: Optional[Line] = _f("Ortsteil", "Ortsteil oder Wohngebiet.", "Lusan", default=None)


class Coordinates(Record):
    model_config = ConfigDict(title="Koordinaten")

    lat: Latitude = _f("Breite", "Geographische Breite (Dezimalgrad, Punkt als Trennzeichen).", "50.8571")
    lon: Longitude = _f("Länge", "Geographische Länge (Dezimalgrad).", "12.1042")
    genauigkeit: choice(PRECISION) = _f("Genauigkeit", "'adresse' für die genaue Lage, 'ort' für die Ortsmitte.", "ort", default="adresse")  # type: ignore[valid-type]


class HoursRow(Record):
    model_config = ConfigDict(title="Öffnungszeit")

    tage: Days = _f("Tage", "Wochentage: Mo, Di, Mi, Do, Fr, Sa, So; Bereiche mit Strich.", "Mo–Fr")
    zeiten: RangeList = _f("Zeiten", "Eine oder mehrere Zeitspannen, mit Komma getrennt.", "09:00–12:00, 13:00–15:00")


class Person(Record):
    model_config = ConfigDict(title="Ansprechperson")

    rolle: Line = _f("Aufgabe", "Aufgabe der Ansprechperson.", "Sozialberatung")
    name: Optional[Line] = _f("Name", "Name, nur mit Einverständnis der Person.", "Vorname Nachname", default=None)
    telefon: PhoneList = _f("Telefon", "Telefonnummer(n).", "03677 123456", default=[])
    email: Optional[Email] = _f("E-Mail", "E-Mail-Adresse.", "kontakt@beispiel.de", default=None)


class ContactPoint(Record):
    """Eine Anlaufstelle: ein Ort, an den Menschen kommen oder anrufen können."""

    model_config = ConfigDict(title="Anlaufstelle")

    name: Line = _f("Name", "Name der Anlaufstelle.", "Bürgerbüro Rabenhold")
    art: choice(CONTACT_KINDS) = _f("Art", "Art: " + ", ".join(CONTACT_KINDS) + ".", "Bürgerbüro")  # type: ignore[valid-type]
    adresse: Address = _f("Anschrift", "Anschrift; mindestens der Ort.", {"strasse": "Lusaner Straße 7", "plz": "07549", "ort": "Gera"})
    koordinaten: Optional[Coordinates] = _f("Koordinaten", "Lage für die Karte.", {"lat": "50.8571", "lon": "12.1042"}, default=None)
    oeffnungszeiten: list[HoursRow] = _f("Öffnungszeiten", "Regelmäßige Öffnungszeiten, je Zeile Tage und Zeiten.", [{"tage": "Mo–Fr", "zeiten": "09:00–12:00"}], default=[])
    nach_vereinbarung: YesNo = _f("Nach Vereinbarung", "'ja', wenn Termine nach Vereinbarung möglich sind.", "ja", default=False)
    oeffnungszeiten_hinweis: Optional[Line] = _f("Hinweis zu den Zeiten", "Hinweis zu den Zeiten.", "In den Schulferien geschlossen.", default=None)
    telefon: PhoneList = _f("Telefon", "Telefonnummer(n).", "03677 123456", default=[])
    email: Optional[Email] = _f("E-Mail", "E-Mail-Adresse.", "kontakt@beispiel.de", default=None)
    website: Optional[Url] = _f("Internetseite", "Internetseite, mit https://.", "https://www.beispiel.de", default=None)
    stufenlos: Optional[choice(STEP_FREE)] = _f("Stufenlos erreichbar", "Stufenloser Zugang: ja, teilweise oder nein.", "ja", default=None)  # type: ignore[valid-type]
    sprachen: TextList = _f("Sprachen", "Sprachen, in denen beraten wird.", ["Deutsch", "Russisch"], default=[])
    ansprechpersonen: list[Person] = _f("Ansprechpersonen", "Ansprechpersonen nach Aufgabe.", [{"rolle": "Sozialberatung", "telefon": "03677 123456"}], default=[])
    seit: Optional[Date] = _f("Eröffnet", "Eröffnet am/im.", "2015-06-06", default=None)


class Site(Record):
    """Ein ThINKA-Standort; der Dateiname ist die Adresse der Seite (/standorte/<dateiname>/)."""

    model_config = ConfigDict(title="ThINKA: Standort (sites/<kennung>.yml)")

    name: Line = _f("Name", "Name des Standorts.", "ThINKA Ilm-Kreis")
    kreise: DistrictList = _f("Kreise", "Landkreis(e) oder kreisfreie Stadt, Schlüssel oder Name.", ["Ilm-Kreis"], min_length=1)
    status: choice(SITE_STATUS) = _f("Status", "geplant, aktiv oder beendet.", "aktiv")  # type: ignore[valid-type]
    beginn: Optional[Date] = _f("Beginn", "Beginn der Arbeit.", "2013-03", default=None)
    ende: Optional[Date] = _f("Ende", "Ende der Arbeit (bei Status beendet).", "2020-12-31", default=None)
    traeger: ident_list() = _f("Träger", "Kennung(en) des Trägers aus organisations.yml.", ["ikl-ilmenau"], default=[])  # type: ignore[valid-type]
    steuerungsgruppe: list[Member] = _f("Steuerungsgruppe", "Mitglieder der Steuerungsgruppe.", [{"organisation": "stadt-gera", "rolle": "Kommune"}], default=[])
    partner: list[Member] = _f("Partner", "Netzwerkpartner vor Ort.", [{"organisation": "kindervereinigung-gera", "rolle": "Partner im Sozialraum"}], default=[])
    einzugsgebiet: ServiceArea = _f(
        "Einzugsgebiet",
        "Wo der Standort zuständig ist: Orte, Ortsteile und Postleitzahlen. Danach sucht die Suche „Ort, Ortsteil oder PLZ“.",
        {"orte": ["Gera"], "ortsteile": ["Lusan", "Bieblach"]},
    )
    beschreibung: Markdown = _f("Beschreibung", "Beschreibung in Markdown (ohne HTML): was der Standort tut, für wen, wo.", "Der Standort berät im Stadtteil **Lusan**.")
    anlaufstellen: list[ContactPoint] = _f(
        "Anlaufstellen",
        "Die Anlaufstellen des Standorts.",
        [{"name": "Bürgerbüro Rabenhold", "art": "Bürgerbüro", "adresse": {"ort": "Arnstadt", "ortsteil": "Rabenhold"}}],
        default=[],
    )
    stand: Date = _f("Stand", "Wann die Angaben zuletzt geprüft wurden (JJJJ-MM-TT).", "2026-11-25")
    redaktion: HandleList = _f(
        "Redaktion",
        "GitHub-Namen der Personen, die Änderungen an dieser Datei prüfen (in .github/CODEOWNERS).",
        ["@name"],
        default=[],
    )


# ---------------------------------------------------------------- news/<name>.md and events/<name>.yml
Owners = Annotated[list[Ident], BeforeValidator(as_list), ONE_OR_MANY, Field(min_length=1)]


class Image(Record):
    """Ein Bild zu einer Meldung oder Veranstaltung."""

    datei: Line = _f("Bilddatei", "Bilddatei (JPEG, PNG oder WebP), angegeben relativ zum Ordner der Meldung bzw. Veranstaltung.", "bilder/rabenhold.jpg")
    alt: Line = _f(
        "Alternativtext",
        "Alternativtext: ein Satz, der sagt, was auf dem Bild zu sehen ist (für Menschen, die es nicht sehen). Pflicht bei jedem Bild.",
        "Menschen vor dem neuen Bürgerbüro im Wohngebiet Rabenhold",
    )


class NewsPost(Record):
    """Die Angaben oben in einer Meldung (news/<name>.md) zwischen zwei Zeilen '---'; darunter steht der Text in Markdown."""

    model_config = ConfigDict(title="ThINKA: Meldung (news/<name>.md, Kopfteil)")

    titel: Line = _f("Titel", "Überschrift der Meldung.", "Bürgerbüro im Rabenhold eröffnet")
    datum: Date = _f("Datum", "Datum der Meldung (JJJJ-MM-TT, oder JJJJ-MM, wenn der Tag nicht bekannt ist).", "2015-06-06")
    standorte: Owners = _f(
        "Standorte",
        "Kennung(en) der Standorte (Dateiname in sites/ ohne .yml), zu denen die Meldung gehört; 'koordinierungsstelle' für Meldungen der Koordinierungsstelle.",
        ["ilm-kreis"],
    )
    themen: Annotated[list[choice(TOPICS)], BeforeValidator(as_list), ONE_OR_MANY] = _f(  # type: ignore[valid-type]
        "Themen", "Themen: " + ", ".join(TOPICS) + ".", ["eroeffnung"], default=[]
    )
    zusammenfassung: Optional[Line] = _f("Zusammenfassung", "Ein Satz für Übersichten und Feeds; sonst der erste Absatz des Textes.", default=None)
    bild: Optional[Image] = _f("Bild", "Bild mit Alternativtext.", {"datei": "bilder/rabenhold.jpg", "alt": "Menschen vor dem neuen Bürgerbüro"}, default=None)


class EventPlace(Record):
    """Wo eine Veranstaltung stattfindet: eine Anlaufstelle eines ihrer Standorte oder eine Anschrift."""

    anlaufstelle: Optional[Line] = _f("Anlaufstelle", "Name einer Anlaufstelle eines der genannten Standorte.", "Bürgerbüro Rabenhold", default=None)
    name: Optional[Line] = _f("Name des Ortes", "Bezeichnung des Ortes, wenn es keine Anlaufstelle ist.", "Rathaus", default=None)
    adresse: Optional[Address] = _f("Adresse", "Anschrift, wenn es keine Anlaufstelle ist; mindestens der Ort.", {"ort": "Artern"}, default=None)


class Event(Record):
    """Eine Veranstaltung (events/<name>.yml); der Dateiname ist ihre Adresse /veranstaltungen/<name>/."""

    model_config = ConfigDict(title="ThINKA: Veranstaltung (events/<name>.yml)")

    titel: Line = _f("Titel", "Name der Veranstaltung.", "4. Erfahrungsaustausch der ThINKA-Projekte")
    beginn: Start = _f("Beginn", "Beginn: Datum (JJJJ-MM-TT) oder Datum und Uhrzeit (JJJJ-MM-TT HH:MM, Thüringer Ortszeit).", "2015-04-15 10:00")
    ende: Optional[End] = _f(
        "Ende",
        "Ende: Datum, Datum und Uhrzeit, oder nur die Uhrzeit, wenn die Veranstaltung am selben Tag endet. Ohne Ende: ein Tag bzw. Ende offen.",
        "16:00",
        default=None,
    )
    ort: EventPlace = _f("Ort", "Veranstaltungsort.", {"anlaufstelle": "Bürgerbüro Rabenhold"}, {"name": "Rathaus", "adresse": {"ort": "Artern"}})
    standorte: Owners = _f(
        "Standorte",
        "Kennung(en) der Standorte, zu denen die Veranstaltung gehört; 'koordinierungsstelle' für landesweite Veranstaltungen.",
        ["koordinierungsstelle"],
    )
    beschreibung: Markdown = _f("Beschreibung", "Worum es geht, für wen sie ist, in Markdown (ohne HTML).", "Alle ThINKA-Projekte tauschen sich über ihre Arbeit aus.")
    anmeldung: Optional[Line] = _f("Anmeldung", "Hinweis zur Anmeldung: ob, bis wann und wo.", "Bitte melden Sie sich bis zum 1. April an.", default=None)
    bild: Optional[Image] = _f("Bild", "Bild mit Alternativtext.", {"datei": "bilder/rabenhold.jpg", "alt": "Menschen vor dem neuen Bürgerbüro"}, default=None)
