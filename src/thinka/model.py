"""The one definition of every field: type, whether required, German description, example.

Validation (:mod:`thinka.validate`), the editors' JSON Schema and the field reference are
derived from these classes. Field names are the YAML keys editors type.
"""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field

from .districts import DistrictKey
from .hours import Days, RangeList
from .types import (
    Date,
    Email,
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
    text_list,
)
from pydantic import BeforeValidator

ORGANISATION_TYPES = {
    "traeger": "Träger",
    "kommune": "Landkreise und Städte",
    "wohnungsunternehmen": "Wohnungsunternehmen",
    "ministerium": "Ministerien",
    "koordinierungsstelle": "Koordinierungsstelle",
    "verein": "Vereine und Initiativen",
    "bildung": "Schulen und Bildungseinrichtungen",
    "sonstige": "Weitere Partner",
}
SITE_STATUS = {"geplant": "in Planung", "aktiv": "aktiv", "beendet": "beendet"}
CONTACT_KINDS = {
    "Anlaufstelle": "Anlaufstelle",
    "Bürgerbüro": "Bürgerbüro",
    "Beratungsstelle": "Beratungsstelle",
    "Stadtteilbüro": "Stadtteilbüro",
    "Treffpunkt": "Treffpunkt",
    "Mobile Sprechstunde": "Mobile Sprechstunde",
}
STEP_FREE = {"ja": "stufenlos erreichbar", "teilweise": "teilweise stufenlos erreichbar", "nein": "nicht stufenlos erreichbar"}
PRECISION = {"adresse": "genaue Lage", "ort": "ungefähre Lage (Ortsmitte)"}


def _f(description: str, *examples: object, **kw: object) -> object:
    return Field(description=description, examples=list(examples) or None, **kw)  # type: ignore[arg-type]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


PhoneList = Annotated[list[PhoneNumber], BeforeValidator(as_list)]


# ---------------------------------------------------------------- organisations.yml
class Organisation(Record):
    """Eine Organisation, einmal erfasst und von Standorten über ihre Kennung verwendet."""

    id: Ident = _f("Feste Kennung, auf die Standorte verweisen. Nicht mehr ändern, wenn sie benutzt wird.", "ikl-ilmenau")
    typ: choice(ORGANISATION_TYPES) = _f("Art der Organisation: " + ", ".join(ORGANISATION_TYPES) + ".", "traeger")  # type: ignore[valid-type]
    name: Line = _f("Vollständiger Name, wie ihn die Organisation selbst schreibt.", "IKL Ilmenau GmbH")
    kurzname: Optional[Line] = _f("Kurzform für Listen.", "IKL", default=None)
    ort: Optional[Line] = _f("Sitz (Ort).", "Ilmenau", default=None)
    kreis: Optional[DistrictKey] = _f("Nur bei Landkreisen und Städten: welcher Kreis das ist (Schlüssel oder Name).", "16070", default=None)
    website: Optional[Url] = _f("Internetseite, mit https://.", "https://www.ikl-ilmenau.de", default=None)


class OrganisationsFile(Record):
    """Datei ``organisations.yml``: alle Organisationen."""

    organisationen: list[Organisation] = _f("Liste aller Organisationen, jede genau einmal.")


# ---------------------------------------------------------------- program.yml
class Letter(Record):
    buchstabe: Line = _f("Der Buchstabe.", "I")
    begriff: Line = _f("Wofür er steht.", "Integration")
    erklaerung: Line = _f("Ein Satz zur Bedeutung.", "Soziale und berufliche Integration der Menschen im Quartier.")


class Phase(Record):
    name: Line = _f("Bezeichnung der Förderphase.", "Erste Förderphase")
    beginn: Date = _f("Beginn (JJJJ-MM-TT, JJJJ-MM oder JJJJ).", "2012-12")
    ende: Optional[Date] = _f("Ende, wenn bekannt.", "2014-12-31", default=None)
    beschreibung: Optional[Line] = _f("Was diese Phase kennzeichnet.", default=None)


class Funding(Record):
    fonds: Line = _f("Förderfonds.", "Europäischer Sozialfonds Plus (ESF+)")
    zeitraum: Optional[Line] = _f("Förderperiode.", "2021–2027", default=None)
    beschreibung: Optional[Line] = _f("Erläuterung.", default=None)


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

    name: Optional[Line] = _f("Name der Stelle, die die Website betreibt (Diensteanbieter nach § 5 DDG), mit Rechtsform.", "Beispiel gGmbH", default=None)
    vertreten_durch: Optional[Line] = _f("Wer die Stelle vertritt (Geschäftsführung, Leitung), mit Vor- und Nachnamen.", "Vorname Nachname (Geschäftsführung)", default=None)
    strasse: Optional[Line] = _f("Postanschrift: Straße und Hausnummer (kein Postfach).", "Musterstraße 1", default=None)
    plz: Optional[PostalCode] = _f("Postanschrift: Postleitzahl.", "07743", default=None)
    ort: Optional[Line] = _f("Postanschrift: Ort.", "Jena", default=None)
    telefon: Optional[PhoneNumber] = _f("Telefonnummer für schnelle Kontaktaufnahme.", "03641 123456", default=None)
    email: Optional[Email] = _f("E-Mail-Adresse für schnelle Kontaktaufnahme.", "info@beispiel.de", default=None)
    registereintrag: Optional[Line] = _f("Registergericht und Registernummer, falls eingetragen.", "Amtsgericht Jena, HRB 123456", default=None)
    umsatzsteuer_id: Optional[Line] = _f("Umsatzsteuer-Identifikationsnummer, falls vorhanden.", "DE123456789", default=None)
    aufsichtsbehoerde: Optional[Line] = _f("Zuständige Aufsichtsbehörde, nur wenn die Tätigkeit einer behördlichen Zulassung bedarf.", default=None)
    redaktion: Optional[Line] = _f("Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: Vor- und Nachname.", "Vorname Nachname", default=None)
    redaktion_anschrift: Optional[Line] = _f("Anschrift der verantwortlichen Person, wenn sie nicht die des Betreibers ist.", default=None)
    datenschutzbeauftragte: Optional[Line] = _f("Kontakt der oder des Datenschutzbeauftragten (Name oder Funktion und E-Mail), falls benannt.", default=None)
    datenschutz_aufsicht: Optional[Line] = _f("Zuständige Datenschutz-Aufsichtsbehörde (Beschwerderecht nach Art. 77 DSGVO).", default=None)
    webhoster: Optional[Line] = _f("Wer die Website technisch ausliefert (Webhoster), mit Sitz.", "Beispiel Hosting GmbH, Erfurt", default=None)
    protokolldaten: Annotated[list[Line], BeforeValidator(as_list)] = _f(
        "Welche Angaben der Webserver bei jedem Abruf speichert (laut Webhoster).", ["IP-Adresse", "Datum und Uhrzeit"], default=[]
    )
    protokoll_speicherdauer: Optional[Line] = _f("Wie lange die Protokolldaten gespeichert werden.", "7 Tage", default=None)
    rechtsgrundlage_protokolle: Optional[Line] = _f("Rechtsgrundlage für die Protokolldaten.", "Art. 6 Abs. 1 Buchst. e DSGVO", default=None)


class Accessibility(Record):
    """Angaben für die Erklärung zur Barrierefreiheit."""

    konformitaet: Optional[choice(CONFORMANCE)] = _f("Stand der Vereinbarkeit mit BITV 2.0: vollstaendig, teilweise oder nicht.", "teilweise", default=None)  # type: ignore[valid-type]
    stand: Optional[Date] = _f("Wann die Erklärung erstellt oder zuletzt überprüft wurde.", "2026-11-25", default=None)
    bewertung: Optional[Line] = _f("Wie die Vereinbarkeit bewertet wurde.", "Selbstbewertung", default=None)
    bekannte_maengel: Annotated[list[Line], BeforeValidator(as_list)] = _f("Bekannte Barrieren, je ein Satz.", default=[])
    kontakt_email: Optional[Email] = _f("E-Mail für Hinweise auf Barrieren (sonst die des Betreibers).", default=None)
    kontakt_telefon: Optional[PhoneNumber] = _f("Telefon für Hinweise auf Barrieren (sonst das des Betreibers).", default=None)
    durchsetzungsstelle: Optional[Line] = _f("Name der Stelle für das Durchsetzungsverfahren (Schlichtung).", default=None)
    durchsetzungsstelle_website: Optional[Url] = _f("Internetseite der Durchsetzungsstelle.", default=None)


class Program(Record):
    """Datei ``program.yml``: die Fakten zum Programm."""

    name: Line = _f("Kurzname des Programms.", "ThINKA")
    langname: Line = _f("Ausgeschriebener Name.", "Thüringer Initiative für Integration, Nachhaltigkeit, Kooperation und Aktivierung")
    frueherer_name: Optional[Line] = _f("Früher verwendeter Name.", "INKA", default=None)
    buchstaben: list[Letter] = _f("Die Bedeutung der Buchstaben I-N-K-A.", min_length=1)
    koordinierungsstelle: Ident = _f("Kennung der Koordinierungsstelle in organisations.yml.", "thasg")
    ministerium: Ident = _f("Kennung des zuständigen Ministeriums in organisations.yml.", "tmasgff")
    foerderung: list[Funding] = _f("Förderung durch EU und Land.", min_length=1)
    phasen: list[Phase] = _f("Förderphasen in zeitlicher Reihenfolge.", min_length=1)
    website: Optional[Url] = _f("Bisherige Internetseite des Programms.", "https://www.inka-thueringen.de", default=None)
    betreiber: Operator = _f("Wer diese Website betreibt: Angaben für Impressum und Datenschutzerklärung.", default=Operator())
    barrierefreiheit: Accessibility = _f("Angaben für die Erklärung zur Barrierefreiheit.", default=Accessibility())


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
    organisation: Ident = _f("Kennung der Organisation aus organisations.yml.", "stadt-gera")
    rolle: Optional[Line] = _f("Rolle am Standort.", "Kommune", default=None)


class ServiceArea(Record):
    orte: list[Line] = _f("Städte und Gemeinden, für die der Standort zuständig ist.", ["Ilmenau", "Arnstadt"], default=[])
    ortsteile: list[Line] = _f("Ortsteile und Sozialräume, in denen der Standort arbeitet.", ["Rabenhold"], default=[])
    plz: list[PostalCode] = _f("Postleitzahlen des Einzugsgebiets.", ["98693"], default=[])


class Address(Record):
    strasse: Optional[Line] = _f("Straße und Hausnummer.", "Lusaner Straße 7", default=None)
    plz: Optional[PostalCode] = _f("Postleitzahl, fünf Ziffern.", "07549", default=None)
    ort: Line = _f("Ort.", "Gera")
    ortsteil: Optional[Line] = _f("Ortsteil oder Wohngebiet.", "Lusan", default=None)


class Coordinates(Record):
    lat: Latitude = _f("Geographische Breite (Dezimalgrad, Punkt als Trennzeichen).", "50.8571")
    lon: Longitude = _f("Geographische Länge (Dezimalgrad).", "12.1042")
    genauigkeit: choice(PRECISION) = _f("'adresse' für die genaue Lage, 'ort' für die Ortsmitte.", "ort", default="adresse")  # type: ignore[valid-type]


class HoursRow(Record):
    tage: Days = _f("Wochentage: Mo, Di, Mi, Do, Fr, Sa, So; Bereiche mit Strich.", "Mo–Fr")
    zeiten: RangeList = _f("Eine oder mehrere Zeitspannen, mit Komma getrennt.", "09:00–12:00, 13:00–15:00")


class Person(Record):
    rolle: Line = _f("Aufgabe der Ansprechperson.", "Sozialberatung")
    name: Optional[Line] = _f("Name, nur mit Einverständnis der Person.", default=None)
    telefon: PhoneList = _f("Telefonnummer(n).", "03677 123456", default=[])
    email: Optional[Email] = _f("E-Mail-Adresse.", default=None)


class ContactPoint(Record):
    """Eine Anlaufstelle: ein Ort, an den Menschen kommen oder anrufen können."""

    name: Line = _f("Name der Anlaufstelle.", "Bürgerbüro Rabenhold")
    art: choice(CONTACT_KINDS) = _f("Art: " + ", ".join(CONTACT_KINDS) + ".", "Bürgerbüro")  # type: ignore[valid-type]
    adresse: Address = _f("Anschrift; mindestens der Ort.")
    koordinaten: Optional[Coordinates] = _f("Lage für die Karte.", default=None)
    oeffnungszeiten: list[HoursRow] = _f("Regelmäßige Öffnungszeiten.", default=[])
    nach_vereinbarung: YesNo = _f("'ja', wenn Termine nach Vereinbarung möglich sind.", "ja", default=False)
    oeffnungszeiten_hinweis: Optional[Line] = _f("Hinweis zu den Zeiten.", "In den Schulferien geschlossen.", default=None)
    telefon: PhoneList = _f("Telefonnummer(n).", "03677 123456", default=[])
    email: Optional[Email] = _f("E-Mail-Adresse.", "kontakt@beispiel.de", default=None)
    website: Optional[Url] = _f("Internetseite.", default=None)
    stufenlos: Optional[choice(STEP_FREE)] = _f("Stufenloser Zugang: ja, teilweise oder nein.", "ja", default=None)  # type: ignore[valid-type]
    sprachen: Annotated[list[Line], BeforeValidator(as_list)] = _f("Sprachen, in denen beraten wird.", ["Deutsch", "Russisch"], default=[])
    ansprechpersonen: list[Person] = _f("Ansprechpersonen nach Aufgabe.", default=[])
    seit: Optional[Date] = _f("Eröffnet am/im.", "2015-06-06", default=None)


class Site(Record):
    """Ein ThINKA-Standort; der Dateiname ist die Adresse der Seite (/standorte/<dateiname>/)."""

    name: Line = _f("Name des Standorts.", "ThINKA Ilm-Kreis")
    kreise: Annotated[list[DistrictKey], BeforeValidator(as_list)] = _f(
        "Landkreis(e) oder kreisfreie Stadt, Schlüssel oder Name.", ["Ilm-Kreis"], min_length=1
    )
    status: choice(SITE_STATUS) = _f("geplant, aktiv oder beendet.", "aktiv")  # type: ignore[valid-type]
    beginn: Optional[Date] = _f("Beginn der Arbeit.", "2013-03", default=None)
    ende: Optional[Date] = _f("Ende der Arbeit (bei Status beendet).", default=None)
    traeger: ident_list() = _f("Kennung(en) des Trägers aus organisations.yml.", ["ikl-ilmenau"], default=[])  # type: ignore[valid-type]
    steuerungsgruppe: list[Member] = _f("Mitglieder der Steuerungsgruppe.", default=[])
    partner: list[Member] = _f("Netzwerkpartner vor Ort.", default=[])
    einzugsgebiet: Optional[ServiceArea] = _f("Wo der Standort zuständig ist.", default=None)
    beschreibung: Markdown = _f("Beschreibung in Markdown (ohne HTML).")
    anlaufstellen: list[ContactPoint] = _f("Die Anlaufstellen des Standorts.", default=[])
    stand: Date = _f("Wann die Angaben zuletzt geprüft wurden.", "2026-11-25")
