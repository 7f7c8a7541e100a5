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
from .limits import MAX_ITEMS, MAX_PLACES
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
)
from .vocabulary import (
    CONTACT_KINDS,
    HELP_TOPICS,
    MESSENGERS,
    ORGANISATION_TYPES,
    PRECISION,
    SITE_STATUS,
    STEP_FREE,
    TOPICS,
    WEEK_RHYTHM,
)


def _f(title: str, description: str, *examples: object, **kw: object) -> object:
    """A field: German title (shown as the label in editors and in the field reference), description, examples."""
    return Field(title=title, description=description, examples=list(examples) or None, **kw)  # type: ignore[arg-type]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


# Every list has a limit (data/limits.py): a site with thousands of contact points would take
# minutes to build and make a page of megabytes.
_MANY = Field(max_length=MAX_ITEMS)
PhoneList = Annotated[list[PhoneNumber], BeforeValidator(as_list), ONE_OR_MANY, _MANY]
TextList = Annotated[list[Line], BeforeValidator(as_list), ONE_OR_MANY, _MANY]
PlaceList = Annotated[list[Line], BeforeValidator(as_list), ONE_OR_MANY, Field(max_length=MAX_PLACES)]
DistrictList = Annotated[list[DistrictKey], BeforeValidator(as_list), ONE_OR_MANY, _MANY]
HandleList = Annotated[list[GitHubHandle], BeforeValidator(as_list), ONE_OR_MANY, _MANY]
HelpTopics = Annotated[list[choice(HELP_TOPICS)], BeforeValidator(as_list), ONE_OR_MANY, _MANY]  # type: ignore[valid-type]


class Source(Record):
    """Woher eine Angabe stammt: die Seite und wann sie das gesagt hat."""

    model_config = ConfigDict(title="Quelle")

    url: Url = _f("Adresse der Quelle", "Internetadresse der Seite, auf der die Angabe steht.", "https://www.otegau.de/projekt-thinka-gera/")
    stand: Optional[Date] = _f(
        "Stand der Quelle",
        "Wann die Quelle das gesagt hat (Datum der Seite oder des Artikels; JJJJ-MM-TT, JJJJ-MM oder JJJJ). Nicht das Datum, an dem Sie nachgesehen haben; "
        "weglassen, wenn die Seite kein Datum nennt (die Seite sagt dann „ohne Datum“).",
        "2022-01",
        default=None,
    )
    titel: Optional[Line] = _f("Titel der Quelle", "Kurzer Titel der Seite, z. B. der Name der Zeitung.", "Thüringische Landeszeitung", default=None)


SourceList = Annotated[list[Source], BeforeValidator(as_list), ONE_OR_MANY, _MANY]


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


# ---------------------------------------------------------------- sites/<slug>.yml
class Member(Record):
    model_config = ConfigDict(title="Beteiligte Organisation")

    organisation: Ident = _f("Organisation", "Kennung der Organisation aus organisations.yml.", "stadt-gera")
    rolle: Optional[Line] = _f("Rolle", "Rolle am Standort.", "Kommune", default=None)


class ServiceArea(Record):
    model_config = ConfigDict(title="Einzugsgebiet")

    orte: PlaceList = _f("Orte", "Städte und Gemeinden, für die der Standort zuständig ist.", ["Ilmenau", "Arnstadt"], default=[])
    ortsteile: PlaceList = _f("Ortsteile", "Ortsteile und Sozialräume, in denen der Standort arbeitet.", ["Lusan", "Bieblach"], default=[])
    plz: Annotated[list[PostalCode], BeforeValidator(as_list), ONE_OR_MANY, Field(max_length=MAX_PLACES)] = _f(
        "Postleitzahlen", "Postleitzahlen des Einzugsgebiets, am besten in Anführungszeichen.", ["07549", "07546"], default=[]
    )


class Address(Record):
    model_config = ConfigDict(title="Anschrift")

    strasse: Optional[Line] = _f("Straße", "Straße und Hausnummer.", "Lusaner Straße 7", default=None)
    plz: Optional[PostalCode] = _f("Postleitzahl", "Postleitzahl, fünf Ziffern.", "07549", default=None)
    ort: Line = _f("Ort", "Ort.", "Gera")
    ortsteil: Optional[Line] = _f("Ortsteil", "Ortsteil oder Wohngebiet.", "Lusan", default=None)
    hinweis: Optional[Line] = _f(
        "Hinweis zur Anschrift",
        "Ergänzung (Etage, Eingang) oder was an der Anschrift unsicher ist; eine unsichere Hausnummer lassen Sie in 'strasse' weg und nennen sie hier.",
        "Erdgeschoss links",
        default=None,
    )


class Coordinates(Record):
    model_config = ConfigDict(title="Koordinaten")

    lat: Latitude = _f("Breite", "Geographische Breite (Dezimalgrad, Punkt als Trennzeichen).", "50.8571")
    lon: Longitude = _f("Länge", "Geographische Länge (Dezimalgrad).", "12.1042")
    genauigkeit: choice(PRECISION) = _f("Genauigkeit", "'adresse' für die genaue Lage, 'ort' für die Ortsmitte.", "ort", default="adresse")  # type: ignore[valid-type]


class HoursRow(Record):
    model_config = ConfigDict(title="Öffnungszeit")

    tage: Days = _f("Tage", "Wochentage: Mo, Di, Mi, Do, Fr, Sa, So; Bereiche mit Strich.", "Mo–Fr")
    zeiten: RangeList = _f("Zeiten", "Eine oder mehrere Zeitspannen, mit Komma getrennt.", "09:00–12:00, 13:00–15:00")
    adresse: Optional[Address] = _f(
        "Ort der Sprechzeit", "Wo diese Zeiten gelten, wenn nicht an der Anschrift der Anlaufstelle (oder Haltestelle eines Beratungsbusses).",
        {"strasse": "Friedrich-Engels-Straße 47", "ort": "Erfurt"}, default=None,
    )
    wochen: Optional[choice(WEEK_RHYTHM)] = _f(  # type: ignore[valid-type]
        "In welchen Wochen",
        "Nur wenn die Zeile nicht jede Woche gilt: " + ", ".join(WEEK_RHYTHM) + " (z. B. '1' mit 'tage: Mo' für den ersten Montag im Monat). Solche Zeiten zeigt die Seite nie als 'jetzt geöffnet'.",
        "ungerade", default=None,
    )
    hinweis: Optional[Line] = _f("Hinweis", "Kurzer Hinweis zu dieser Zeile.", "nur in der Schulzeit", default=None)


class PhoneHours(Record):
    model_config = ConfigDict(title="Telefonzeit")

    tage: Days = _f("Tage", "Wochentage: Mo, Di, Mi, Do, Fr, Sa, So; Bereiche mit Strich.", "Mo–Do")
    zeiten: RangeList = _f("Zeiten", "Eine oder mehrere Zeitspannen, mit Komma getrennt.", "08:00–10:00")


class Closure(Record):
    model_config = ConfigDict(title="Schließzeit")

    von: Date = _f("Von", "Erster geschlossener Tag (JJJJ-MM-TT).", "2027-07-10")
    bis: Date = _f("Bis", "Letzter geschlossener Tag (JJJJ-MM-TT); ab dem Tag danach gelten die Öffnungszeiten wieder.", "2027-08-20")
    grund: Optional[Line] = _f("Grund", "Warum, kurz: Sommerpause, Umbau, Urlaub.", "Sommerpause", default=None)


class Messenger(Record):
    model_config = ConfigDict(title="Messenger")

    dienst: choice(MESSENGERS) = _f("Dienst", "Welcher Dienst: " + ", ".join(MESSENGERS) + ".", "signal")  # type: ignore[valid-type]
    nummer: PhoneNumber = _f("Nummer", "Die Nummer, unter der die Anlaufstelle dort Nachrichten annimmt.", "0151 23456789")


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
    oeffnungszeiten: Annotated[list[HoursRow], _MANY] = _f("Öffnungszeiten", "Regelmäßige Öffnungszeiten, je Zeile Tage und Zeiten.", [{"tage": "Mo–Fr", "zeiten": "09:00–12:00"}], default=[])
    nach_vereinbarung: YesNo = _f("Nach Vereinbarung", "'ja', wenn Termine nach Vereinbarung möglich sind.", "ja", default=False)
    oeffnungszeiten_hinweis: Optional[Line] = _f("Hinweis zu den Zeiten", "Hinweis zu den Zeiten.", "In den Schulferien geschlossen.", default=None)
    telefon: PhoneList = _f("Telefon", "Telefonnummer(n).", "03677 123456", default=[])
    email: Optional[Email] = _f("E-Mail", "E-Mail-Adresse.", "kontakt@beispiel.de", default=None)
    website: Optional[Url] = _f("Internetseite", "Internetseite, mit https://.", "https://www.beispiel.de", default=None)
    stufenlos: Optional[choice(STEP_FREE)] = _f("Stufenlos erreichbar", "Stufenloser Zugang: ja, teilweise oder nein.", "ja", default=None)  # type: ignore[valid-type]
    aufzug: Optional[YesNo] = _f("Aufzug", "'ja', wenn ein Aufzug zur Anlaufstelle führt; 'nein', wenn sie nur über Treppen erreichbar ist (bei Erdgeschoss weglassen).", "ja", default=None)
    wc_barrierefrei: Optional[YesNo] = _f("Barrierefreie Toilette", "'ja' oder 'nein': ob es eine rollstuhlgerechte Toilette gibt.", "nein", default=None)
    zugang_hinweis: Optional[Line] = _f("Hinweis zum Zugang", "Wie man hineinkommt, wenn es nicht offensichtlich ist: stufenloser Eingang, Klingel, Rampe.", "Stufenloser Eingang auf der Rückseite, Klingel 'ThINKA'", default=None)
    sprachen: TextList = _f("Sprachen", "Sprachen, in denen beraten wird.", ["Deutsch", "Russisch"], default=[])
    dolmetschen: Optional[YesNo] = _f("Dolmetschen", "'ja', wenn auf Wunsch eine Dolmetscherin oder ein Dolmetscher dazukommt (auch für Sprachen, die nicht unter 'sprachen' stehen).", "ja", default=None)
    telefonzeiten: Annotated[list[PhoneHours], _MANY] = _f(
        "Telefonzeiten", "Wann das Telefon besetzt ist, wenn das nicht die Öffnungszeiten sind.", [{"tage": "Mo–Do", "zeiten": "08:00–10:00"}], default=[],
    )
    messenger: Annotated[list[Messenger], _MANY] = _f("Messenger", "Nummern für Nachrichten über Signal, WhatsApp oder Telegram.", [{"dienst": "signal", "nummer": "0151 23456789"}], default=[])
    kontaktformular: Optional[Url] = _f("Kontaktformular", "Internetadresse eines Kontaktformulars, z. B. wenn es keine E-Mail-Adresse gibt.", "https://www.beispiel.de/kontakt", default=None)
    geschlossen: Annotated[list[Closure], _MANY] = _f(
        "Schließzeiten",
        "Zeiten, in denen die Anlaufstelle vorübergehend geschlossen ist (Umbau, Sommerpause, Ferien), je mit Von, Bis und Grund. Vergangene zeigt die Seite nicht mehr.",
        [{"von": "2027-07-10", "bis": "2027-08-20", "grund": "Sommerpause"}], default=[],
    )
    ansprechpersonen: Annotated[list[Person], _MANY] = _f("Ansprechpersonen", "Ansprechpersonen nach Aufgabe.", [{"rolle": "Sozialberatung", "telefon": "03677 123456"}], default=[])
    seit: Optional[Date] = _f("Eröffnet", "Eröffnet am/im.", "2015-06-06", default=None)
    bis: Optional[Date] = _f(
        "Geschlossen", "Geschlossen am/im: eine frühere Anlaufstelle bleibt mit diesem Datum als Geschichte auf der Seite, nie unter den aktuellen.", "2021-12-22", default=None,
    )
    traeger: Optional[Ident] = _f("Eigener Träger", "Kennung des Trägers dieser Anlaufstelle, wenn es nicht der des Standorts ist.", "kontakt-in-krisen", default=None)
    unterwegs: Optional[Line] = _f("Unterwegs", "Bei einem Beratungsbus ohne feste Haltestellen: wo er unterwegs ist.", "im Stadtgebiet Gera", default=None)
    themen: HelpTopics = _f("Themen", "Wobei diese Anlaufstelle hilft, wenn es nicht für den ganzen Standort gilt: " + ", ".join(HELP_TOPICS) + ".", ["wohnen"], default=[])
    hausbesuche: Optional[YesNo] = _f("Hausbesuche", "'ja', wenn auf Wunsch Hausbesuche möglich sind.", "ja", default=None)
    quellen: SourceList = _f("Quellen", "Woher Anschrift, Telefon und E-Mail stammen.", [{"url": "https://www.otegau.de/projekt-thinka-gera/", "stand": "2022-01"}], default=[])
    oeffnungszeiten_quelle: Optional[Source] = _f(
        "Quelle der Öffnungszeiten", "Woher die Öffnungszeiten stammen und wie alt die Angabe ist.", {"url": "https://www.otegau.de/projekt-thinka-gera/", "stand": "2022-01"}, default=None,
    )


class FormerCarrier(Record):
    model_config = ConfigDict(title="Früherer Träger")

    organisation: Ident = _f("Organisation", "Kennung des früheren Trägers aus organisations.yml.", "kindervereinigung-gera")
    seit: Optional[Date] = _f("Von", "Träger seit.", "2013-03", default=None)
    bis: Optional[Date] = _f("Bis", "Träger bis.", "2017-12", default=None)


class Publication(Record):
    model_config = ConfigDict(title="Veröffentlichung")

    titel: Line = _f("Titel", "Titel der Veröffentlichung, z. B. einer Stadtteilzeitung.", "Stadtteilzeitung")
    url: Optional[Url] = _f("Adresse", "Wo sie zu finden ist, wenn online.", "https://www.beispiel.de/zeitung", default=None)
    hinweis: Optional[Line] = _f("Hinweis", "Wie oft sie erscheint, wo sie ausliegt.", "erscheint viermal im Jahr", default=None)


class Site(Record):
    """Ein ThINKA-Standort; der Dateiname ist die Adresse der Seite (/standorte/<dateiname>/)."""

    model_config = ConfigDict(title="ThINKA: Standort (sites/<kennung>.yml)")

    name: Line = _f("Name", "Name des Standorts.", "ThINKA Ilm-Kreis")
    kreise: DistrictList = _f("Kreise", "Landkreis(e) oder kreisfreie Stadt, Schlüssel oder Name.", ["Ilm-Kreis"], min_length=1)
    status: choice(SITE_STATUS) = _f("Status", "geplant, aktiv oder beendet.", "aktiv")  # type: ignore[valid-type]
    beginn: Optional[Date] = _f("Beginn", "Beginn der Arbeit.", "2013-03", default=None)
    ende: Optional[Date] = _f("Ende", "Ende der Arbeit (bei Status beendet).", "2020-12-31", default=None)
    eroeffnung: Optional[Date] = _f("Eröffnung", "Öffentliche Eröffnung, wenn sie nicht mit dem Beginn der Arbeit zusammenfällt.", "2015-07-07", default=None)
    ende_hinweis: Optional[Line] = _f(
        "Hinweis zum Ende", "Bei Status beendet ohne bekanntes Ende: woran man sieht, dass die Arbeit endete.", "Nicht mehr in der Liste der Standorte auf thinka.de.", default=None,
    )
    nachfolger: Optional[Ident] = _f(
        "Nachfolger", "Kennung (Dateiname ohne .yml) des Standorts, der die Arbeit fortsetzt; dessen Seite nennt diesen Standort dann als Vorgänger.", "bad-frankenhausen", default=None,
    )
    im_auftrag_von: Optional[Ident] = _f("Im Auftrag von", "Kennung der Organisation, in deren Auftrag der Träger arbeitet.", "stadt-erfurt", default=None)
    traeger: ident_list() = _f("Träger", "Kennung(en) des heutigen Trägers aus organisations.yml.", ["ikl-ilmenau"], default=[])  # type: ignore[valid-type]
    fruehere_traeger: Annotated[list[FormerCarrier], _MANY] = _f("Frühere Träger", "Träger, die den Standort früher getragen haben, mit Zeitraum.", [{"organisation": "kindervereinigung-gera", "seit": "2013-03", "bis": "2017-12"}], default=[])
    steuerungsgruppe: Annotated[list[Member], _MANY] = _f("Steuerungsgruppe", "Mitglieder der Steuerungsgruppe.", [{"organisation": "stadt-gera", "rolle": "Kommune"}], default=[])
    partner: Annotated[list[Member], _MANY] = _f("Partner", "Netzwerkpartner vor Ort.", [{"organisation": "kindervereinigung-gera", "rolle": "Partner im Sozialraum"}], default=[])
    einzugsgebiet: ServiceArea = _f(
        "Einzugsgebiet",
        "Wo der Standort zuständig ist: Orte, Ortsteile und Postleitzahlen. Danach sucht die Suche „Ort, Ortsteil oder PLZ“.",
        {"orte": ["Gera"], "ortsteile": ["Lusan", "Bieblach"]},
    )
    beschreibung: Markdown = _f("Beschreibung", "Beschreibung in Markdown (ohne HTML): was der Standort tut, für wen, wo.", "Der Standort berät im Stadtteil **Lusan**.")
    themen: HelpTopics = _f("Themen", "Wobei der Standort hilft: " + ", ".join(HELP_TOPICS) + ".", ["arbeit", "geld", "wohnen"], default=[])
    hausbesuche: Optional[YesNo] = _f("Hausbesuche", "'ja', wenn auf Wunsch Hausbesuche möglich sind.", "ja", default=None)
    website: Optional[Url] = _f("Internetseite", "Eigene Internetseite des Standorts.", "https://www.thinka-muehlhausen.de", default=None)
    veroeffentlichungen: Annotated[list[Publication], _MANY] = _f("Veröffentlichungen", "Eigene Veröffentlichungen wie eine Stadtteilzeitung.", [{"titel": "Stadtteilzeitung"}], default=[])
    quellen: SourceList = _f("Quellen", "Woher die Angaben zum Standort stammen.", [{"url": "https://www.otegau.de/projekt-thinka-gera/", "stand": "2022-01"}], default=[])
    anlaufstellen: Annotated[list[ContactPoint], _MANY] = _f(
        "Anlaufstellen",
        "Die Anlaufstellen des Standorts.",
        [{"name": "Bürgerbüro Rabenhold", "art": "Bürgerbüro", "adresse": {"ort": "Arnstadt", "ortsteil": "Rabenhold"}}],
        default=[],
    )
    stand: Date = _f("Stand", "Wann die Redaktion die Angaben zuletzt geprüft hat (JJJJ-MM-TT); wie alt jede Angabe ist, sagen die Quellen.", "2026-11-25")
    redaktion: HandleList = _f(
        "Redaktion",
        "GitHub-Namen der Personen, die Änderungen an dieser Datei prüfen (in .github/CODEOWNERS).",
        ["@name"],
        default=[],
    )


# ---------------------------------------------------------------- news/<name>.md and events/<name>.yml
Owners = Annotated[list[Ident], BeforeValidator(as_list), ONE_OR_MANY, Field(min_length=1, max_length=MAX_ITEMS)]


class Image(Record):
    """Ein Bild zu einer Meldung oder Veranstaltung."""

    model_config = ConfigDict(title="Bild")

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
    themen: Annotated[list[choice(TOPICS)], BeforeValidator(as_list), ONE_OR_MANY, _MANY] = _f(  # type: ignore[valid-type]
        "Themen", "Themen: " + ", ".join(TOPICS) + ".", ["eroeffnung"], default=[]
    )
    zusammenfassung: Optional[Line] = _f("Zusammenfassung", "Ein Satz für Übersichten und Feeds; sonst der erste Absatz des Textes.", default=None)
    bild: Optional[Image] = _f("Bild", "Bild mit Alternativtext.", {"datei": "bilder/rabenhold.jpg", "alt": "Menschen vor dem neuen Bürgerbüro"}, default=None)


class EventPlace(Record):
    """Wo eine Veranstaltung stattfindet: eine Anlaufstelle eines ihrer Standorte oder eine Anschrift."""

    model_config = ConfigDict(title="Veranstaltungsort")

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
