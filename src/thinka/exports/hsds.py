"""The directory as Open Referral's Human Services Data Specification (HSDS 3.0).

One set of flat records per HSDS object ("tables", as in HSDS's tabular serialisation, with
foreign keys) is made from the data once; the canonical JSON nests (dereferences) them, and
:mod:`.tabular` writes the same records as CSV. So both formats say exactly the same.

How ThINKA's data maps to HSDS:

=========================  ===================================================================
ThINKA                     HSDS
=========================  ===================================================================
the programme              ``program`` (of the coordination office)
organisation               ``organization`` (its type as an ``attribute``)
site                       ``service``: status, description, Träger as ``organization_id``,
                           every other Träger, former Träger, steering group and partner as
                           an ``attribute`` (taxonomy ``thinka-rollen``, value: organisation id),
                           topics, ``service_area`` per district, town, Ortsteil, postal code,
                           ``assured_date`` and ``last_modified`` from ``stand``
contact point              ``location`` (with ``address``, ``phone``, ``language``,
                           ``accessibility``) and its ``service_at_location`` (opening hours as
                           ``schedule``, e-mail and people as ``contact``); its state as an
                           ``attribute`` of taxonomy ``hsds-status`` with HSDS's own values
                           (``active``, ``inactive``, ``defunct``): HSDS 3.0 gives a location no
                           ``status`` of its own
=========================  ===================================================================

Ids are UUID 5 in a fixed namespace from the file names and ids (``site:gera``,
``contact:gera/Infopoint Bieblach``, ``org:otegau``): the same record has the same id in every
build. Unknown facts stay empty, nothing is invented: an address lacking street or postal code
(both required by HSDS) is said in words in the location's ``description`` instead of an
``address`` record, and a site without a known Träger names the coordination office as its
``organization`` (tabular HSDS requires one) with the role ``programm-koordination``.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from thinka.data.dataset import Dataset
from thinka.data.districts import all_districts
from thinka.data.lifecycle import closure_now, is_current
from thinka.data.model import Address, ContactPoint, Site
from thinka.data.program import DataLicence
from thinka.data.settings import Settings
from thinka.data.vocabulary import CONTACT_KINDS, HELP_TOPICS, ORGANISATION_TYPES, PRECISION, STEP_FREE, WEEK_RHYTHM

from .hsds_time import clock_time, closures, day, moment, week_rule

# Never change: every id of the export derives from it.
NAMESPACE = uuid.UUID("2f6c3a5e-7d1b-5c4e-9a0f-54494e4b4130")
HSDS_VERSION = "3.0"

# The HSDS objects this export fills, in the order of HSDS's datapackage.json.
TABLES = (
    "organization", "program", "service", "attribute", "service_at_location", "location", "phone", "contact",
    "address", "schedule", "service_area", "language", "accessibility", "taxonomy_term", "taxonomy",
)
SITE_STATUS = {"aktiv": "active", "geplant": "inactive", "beendet": "defunct"}
STATUS_LABELS = {
    "active": "in Betrieb",
    "inactive": "noch nicht oder zurzeit nicht in Betrieb",
    "defunct": "geschlossen bzw. beendet",
    "temporarily closed": "vorübergehend geschlossen",
}
ROLES = {
    "traeger": "Träger",
    "weiterer-traeger": "weiterer Träger",
    "frueherer-traeger": "früherer Träger",
    "im-auftrag-von": "im Auftrag von",
    "steuerungsgruppe": "Mitglied der Steuerungsgruppe",
    "partner": "Netzwerkpartner vor Ort",
    "programm-koordination": "koordiniert das Programm; der Träger vor Ort ist nicht bekannt",
}
# taxonomy key → (name, description, {code: label}); every term exists, used or not, so ids never move.
TAXONOMIES: dict[str, tuple[str, str, dict[str, str]]] = {
    "thinka-themen": ("ThINKA-Themen", "Wobei ein ThINKA-Standort oder eine Anlaufstelle hilft.", HELP_TOPICS),
    "thinka-arten": ("ThINKA-Arten von Anlaufstellen", "Art einer Anlaufstelle.", CONTACT_KINDS),
    "thinka-organisationsarten": ("ThINKA-Organisationsarten", "Art einer Organisation im Programm ThINKA.", ORGANISATION_TYPES),
    "thinka-rollen": ("ThINKA-Rollen", "Wie eine Organisation an einem Standort beteiligt ist; der Wert ist die id der Organisation.", ROLES),
    "thinka-lage": ("Genauigkeit der Lage", "Wie genau latitude und longitude einer Anlaufstelle sind.", PRECISION),
    "hsds-status": ("Status (HSDS)", "Zustand einer Anlaufstelle mit den Werten von HSDS service.status.", STATUS_LABELS),
}
# ISO 639-1 codes of languages as editors name them in German; a language not listed keeps its name only.
LANGUAGE_CODES = {
    "deutsch": "de", "englisch": "en", "russisch": "ru", "ukrainisch": "uk", "arabisch": "ar", "türkisch": "tr",
    "polnisch": "pl", "französisch": "fr", "persisch": "fa", "farsi": "fa", "dari": "fa", "kurdisch": "ku",
    "rumänisch": "ro", "bulgarisch": "bg", "vietnamesisch": "vi", "spanisch": "es", "italienisch": "it",
    "tschechisch": "cs", "ungarisch": "hu", "serbisch": "sr", "kroatisch": "hr", "albanisch": "sq",
    "tigrinya": "ti", "paschtu": "ps", "somali": "so", "gebärdensprache": "gsg",
}


class ExportError(Exception):
    """An export record that breaks HSDS: its message names the record and the field (German)."""


_PREFIX = NAMESPACE.bytes
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}  # RFC 4122 variant bits in the 17th digit


def ident(key: str) -> str:
    """The record's id: UUID 5 of its key in :data:`NAMESPACE` (RFC 4122 §4.3, the same text as
    ``str(uuid.uuid5(NAMESPACE, key))``, written from the SHA-1 digest without UUID objects: an
    export at 10,000 sites makes some 400,000 ids), the same in every build."""
    h = hashlib.sha1(_PREFIX + key.encode("utf-8")).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


@functools.cache  # the same organisations and taxonomy terms recur at every site
def organisation_id(org: str) -> str:
    return ident(f"org:{org}")


def service_id(slug: str) -> str:
    return ident(f"site:{slug}")


def location_id(slug: str, point_name: str) -> str:
    return ident(f"contact:{slug}/{point_name}")


@functools.cache
def term_id(taxonomy: str, code: str) -> str:
    return ident(f"term:{taxonomy}/{code}")


def point_status(site: Site, point: ContactPoint, settings: Settings) -> str:
    """HSDS status of a contact point: ``defunct`` when it or its site has closed, ``inactive``
    before it opens, ``temporarily closed`` during a closure (``geschlossen``), else ``active``;
    never current after its end."""
    if not is_current(site, point, settings.today):
        return "defunct"
    if site.status == "geplant" or (point.seit is not None and point.seit.first > settings.today):
        return "inactive"
    if closure_now(point, settings.today):
        return "temporarily closed"
    return "active"


def _text(*parts: str | None) -> str | None:
    text = " ".join([s for s in [p.strip() for p in parts if p] if s])
    return text or None


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


@dataclass
class Tables:
    """Every HSDS record of the export, flat and in a fixed order: table → rows (field → value)."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {name: [] for name in TABLES})
    # What made each row, for messages: row id → "sites_data/sites/gera.yml (Anlaufstelle 'Infopoint Bieblach')".
    origin: dict[str, str] = field(default_factory=dict)
    licence: DataLicence = field(default_factory=DataLicence)

    def add(self, table: str, origin: str, **values: Any) -> str:
        row = {name: value for name, value in values.items() if value is not None}
        self.rows[table].append(row)
        self.origin[row["id"]] = origin
        return row["id"]


def tables(dataset: Dataset, settings: Settings) -> Tables:
    """Every organisation, site and contact point of the dataset as HSDS records."""
    out = common_records(dataset)
    for slug, located in dataset.sites.items():
        site_records(out, slug, located.record, program_id(dataset), settings, coordination(dataset))
    return out


def coordination(dataset: Dataset) -> str | None:
    """The programme's coordination office: the organisation of a site whose Träger is not known."""
    return dataset.program.koordinierungsstelle if dataset.program is not None else None


def program_id(dataset: Dataset) -> str | None:
    return ident("program:thinka") if dataset.program is not None else None


def common_records(dataset: Dataset) -> Tables:
    """What is not a site's: taxonomies, the programme, every organisation."""
    out = Tables(licence=dataset.program.datenlizenz if dataset.program else DataLicence())
    taxonomies(out)
    program = dataset.program
    if program is not None:
        description = _text(_sentence(program.langname), *(_sentence(f.fonds + (f" {f.zeitraum}" if f.zeitraum else "")) for f in program.foerderung))
        out.add(
            "program", "program.yml", id=program_id(dataset), organization_id=organisation_id(program.koordinierungsstelle),
            name=program.name, alternate_name=program.langname, description=description,
        )
    for key, located in dataset.organisations.items():
        org = located.record
        origin = f"organisations.yml (Organisation '{key}')"
        org_id = organisation_id(key)
        label = ORGANISATION_TYPES[org.typ]
        out.add(
            "organization", origin, id=org_id, name=org.name, alternate_name=org.kurzname,
            description=_text(label + (f", Sitz: {org.ort}" if org.ort else "")), website=org.website,
        )
        _attribute(out, origin, org_id, "organization", "thinka-organisationsarten", org.typ)
    return out


def taxonomies(out: Tables) -> None:
    for key, (name, description, terms) in TAXONOMIES.items():
        taxonomy_id = ident(f"taxonomy:{key}")
        out.add("taxonomy", f"Taxonomie '{key}'", id=taxonomy_id, name=name, description=description)
        for code, label in terms.items():
            out.add(
                "taxonomy_term", f"Taxonomie '{key}'", id=term_id(key, code), code=f"{key}:{code}", name=label,
                description=f"{name}: {label}", taxonomy=name, taxonomy_id=taxonomy_id, language="de",
            )


def _attribute(out: Tables, origin: str, link_id: str, entity: str, taxonomy: str, code: str, value: str | None = None) -> None:
    out.add(
        "attribute", origin, id=ident(f"attribute:{link_id}/{taxonomy}/{code}/{value or ''}"), link_id=link_id,
        taxonomy_term_id=term_id(taxonomy, code), link_entity=entity, value=value,
    )


def site_records(out: Tables, slug: str, site: Site, program: str | None, settings: Settings, coordinator: str | None = None) -> None:
    """One site's records. ``coordinator``: the coordination office's id, the service's
    organisation when no Träger is known (tabular HSDS requires one; it is a real organisation
    that answers for the programme, marked by the role ``programm-koordination``, never a Träger)."""
    origin = f"sites/{slug}.yml"
    sid = service_id(slug)
    alert = None
    if site.status == "beendet":
        alert = "Dieser Standort hat seine Arbeit beendet" + (f" ({site.ende.iso()})" if site.ende else "") + "."
        alert = _text(alert, site.ende_hinweis and _sentence(site.ende_hinweis), site.nachfolger and f"Die Arbeit geht weiter: {settings.absolute(f'standorte/{site.nachfolger}/')}")
    elif site.status == "geplant":
        alert = "Dieser Standort ist in Planung" + (f"; Beginn {site.beginn.iso()}" if site.beginn else "") + "."
    provider = site.traeger[0] if site.traeger else coordinator
    out.add(
        "service", origin, id=sid, organization_id=organisation_id(provider) if provider else None,
        program_id=program, name=site.name, description=site.beschreibung.strip(),
        url=site.website or settings.absolute(f"standorte/{slug}/"), status=SITE_STATUS[site.status],
        alert=alert, assured_date=day(site.stand), last_modified=moment(site.stand),
    )
    # A value named twice says nothing more; once each keeps every id unique.
    for topic in dict.fromkeys(site.themen):
        _attribute(out, origin, sid, "service", "thinka-themen", topic)
    roles = [("traeger" if i == 0 else "weiterer-traeger", org) for i, org in enumerate(site.traeger)]
    roles += [("im-auftrag-von", site.im_auftrag_von)] if site.im_auftrag_von else []
    roles += [("frueherer-traeger", f.organisation) for f in site.fruehere_traeger]
    roles += [("steuerungsgruppe", m.organisation) for m in site.steuerungsgruppe]
    roles += [("partner", m.organisation) for m in site.partner]
    roles += [("programm-koordination", coordinator)] if coordinator and not site.traeger else []
    for role, org in dict.fromkeys(roles):
        _attribute(out, origin, sid, "service", "thinka-rollen", role, organisation_id(org))
    districts = all_districts()
    areas = [(districts[key].title if key in districts else key, districts[key].kind if key in districts else "Kreis", f"kreis:{key}") for key in site.kreise]
    areas += [(name, "Ort", f"ort:{name}") for name in site.einzugsgebiet.orte]
    areas += [(name, "Ortsteil", f"ortsteil:{name}") for name in site.einzugsgebiet.ortsteile]
    areas += [(code, "Postleitzahl", f"plz:{code}") for code in site.einzugsgebiet.plz]
    for name, kind, key in dict.fromkeys(areas):
        out.add("service_area", origin, id=ident(f"area:{slug}/{key}"), service_id=sid, name=name, description=kind)
    for point in site.anlaufstellen:
        _point(out, slug, site, point, sid, settings)


def _partial_address(address: Address) -> str | None:
    """What is known of an address without street or postal code, in words for the location's
    description (HSDS's ``address`` requires ``address_1`` and ``postal_code``)."""
    parts = [address.strasse, " ".join(x for x in (address.plz, address.ort) if x), address.ortsteil and f"Ortsteil {address.ortsteil}"]
    known = ", ".join(p for p in parts if p)
    if not known:
        return None
    missing = " und ".join(label for value, label in ((address.strasse, "Straße"), (address.plz, "Postleitzahl"), (address.ort, "Ort")) if not value)
    return f"Anschrift: {known} ({missing} nicht bekannt)."


def _point(out: Tables, slug: str, site: Site, point: ContactPoint, sid: str, settings: Settings) -> None:
    origin = f"sites/{slug}.yml (Anlaufstelle '{point.name}')"
    key = f"contact:{slug}/{point.name}"
    lid, sal = location_id(slug, point.name), ident(f"sal:{slug}/{point.name}")
    address = point.adresse
    # HSDS requires street, town and postal code of an address; a partial one is said in words.
    complete = bool(address.strasse and address.plz and address.ort)
    partial = None if complete else _partial_address(address)
    carrier = point.traeger or (site.traeger[0] if site.traeger else None)
    coordinates = point.koordinaten
    out.add(
        "location", origin, id=lid, location_type="physical", url=point.website,
        organization_id=organisation_id(carrier) if carrier else None, name=point.name,
        description=_text(
            f"{CONTACT_KINDS[point.art]}.",
            point.unterwegs and f"Unterwegs: {_sentence(point.unterwegs)}",
            partial,
            address.hinweis and f"Hinweis zur Anschrift: {_sentence(address.hinweis)}",
            coordinates is not None and coordinates.genauigkeit == "ort" and "Die Koordinaten sind ungefähr (Ortsmitte).",
        ),
        latitude=coordinates.lat if coordinates else None, longitude=coordinates.lon if coordinates else None,
    )
    status = point_status(site, point, settings)
    _attribute(out, origin, lid, "location", "hsds-status", status)
    _attribute(out, origin, lid, "location", "thinka-arten", point.art)
    if coordinates is not None:
        _attribute(out, origin, lid, "location", "thinka-lage", coordinates.genauigkeit)
    if complete:
        out.add(
            "address", origin, id=ident(key + "#address"), location_id=lid, address_1=address.strasse,
            address_2=address.ortsteil, city=address.ort, state_province="Thüringen", postal_code=address.plz,
            country="DE", address_type="physical",
        )
    if point.stufenlos:
        out.add("accessibility", origin, id=ident(key + "#accessibility"), location_id=lid, description=STEP_FREE[point.stufenlos])
    for i, phone in enumerate(point.telefon):
        out.add("phone", origin, id=ident(f"{key}#phone-{i}"), location_id=lid, number=phone.e164, type="voice", description=phone.display)
    for language in dict.fromkeys(point.sprachen):
        out.add(
            "language", origin, id=ident(f"{key}#language-{language}"), location_id=lid, name=language,
            code=LANGUAGE_CODES.get(language.casefold()),
        )
    since = f"Geöffnet seit {point.seit.iso()}." if point.seit else None
    until = f"Geschlossen seit {point.bis.iso()}." if point.bis and status == "defunct" else None
    visits = {True: "Hausbesuche möglich.", False: "Keine Hausbesuche."}.get(point.hausbesuche) if point.hausbesuche is not None else None
    out.add(
        "service_at_location", origin, id=sal, service_id=sid, location_id=lid,
        description=_text(
            until, since, closures(point, settings.today), point.nach_vereinbarung and "Termine nach Vereinbarung.",
            point.oeffnungszeiten_hinweis and _sentence(point.oeffnungszeiten_hinweis), visits,
        ),
    )
    for topic in dict.fromkeys(point.themen):
        _attribute(out, origin, sal, "service_at_location", "thinka-themen", topic)
    source = point.oeffnungszeiten_quelle
    stated = source and _text(f"Quelle: {source.url}", f"(Stand {source.stand.iso()})" if source.stand else "(ohne Datum)")
    # What is the same for every range of a point or a row is worked out once (a tenth of the export).
    valid_from, valid_to = day(point.seit), point.bis.last.isoformat() if point.bis else None
    for i, row in enumerate(point.oeffnungszeiten):
        place = row.adresse
        where = place and "Ort: " + ", ".join(p for p in (place.strasse, " ".join(x for x in (place.plz, place.ort) if x), place.ortsteil) if p)
        rule, days = week_rule(row.tage.days, row.wochen), row.tage.label + (f" ({WEEK_RHYTHM[row.wochen]})" if row.wochen else "")
        notes = _text(where and _sentence(where), row.hinweis and _sentence(row.hinweis), stated)
        for j, span in enumerate(row.zeiten):
            out.add(
                "schedule", origin, id=ident(f"{key}#schedule-{i}-{j}"), service_at_location_id=sal,
                valid_from=valid_from, valid_to=valid_to, wkst="MO", **rule,
                opens_at=clock_time(span.start), closes_at=clock_time(span.end), description=f"{days} {span.label}", notes=notes,
            )
    if point.email:
        out.add("contact", origin, id=ident(key + "#email"), service_at_location_id=sal, title="Anlaufstelle", email=point.email)
    for i, person in enumerate(point.ansprechpersonen):
        cid = out.add(
            "contact", origin, id=ident(f"{key}#person-{i}"), service_at_location_id=sal, name=person.name,
            title=person.rolle, email=person.email,
        )
        for k, phone in enumerate(person.telefon):
            out.add("phone", origin, id=ident(f"{key}#person-{i}-phone-{k}"), contact_id=cid, number=phone.e164, type="voice", description=phone.display)


@functools.cache
def _official_package() -> dict[str, Any]:
    text = resources.files("thinka.exports").joinpath("hsds_schema/datapackage.json").read_text("utf-8")
    return json.loads(text)


@functools.cache
def package_schemas() -> dict[str, dict[str, Any]]:
    """The Table Schema of each published HSDS table, from HSDS's own ``datapackage.json``:
    foreign keys only to tables this export publishes; every constraint as HSDS has it."""
    found = {}
    for resource in _official_package()["resources"]:
        table = resource["name"]
        if table not in TABLES:
            continue
        schema = copy.deepcopy(resource["schema"])
        keys = [k for k in schema.get("foreignKeys", []) if k["reference"]["resource"] in TABLES]
        if keys:
            schema["foreignKeys"] = keys
        else:
            schema.pop("foreignKeys", None)
        found[table] = {"schema": schema, "path": resource["path"], "description": resource.get("description", "")}
    return found


@functools.cache
def _constraints() -> dict[str, tuple[list[str], dict[str, set[str]]]]:
    """Per table: the required fields and the allowed values of the fields with a list."""
    found = {}
    for table, resource in package_schemas().items():
        fields = resource["schema"]["fields"]
        required = [f["name"] for f in fields if f.get("constraints", {}).get("required")]
        allowed = {f["name"]: set(f["constraints"]["enum"]) for f in fields if f.get("constraints", {}).get("enum")}
        found[table] = (required, allowed)
    return found


def check(t: Tables) -> None:
    """What HSDS requires of each record and this export guarantees by its construction (required
    fields, allowed values), checked again cheaply on every build: a record that breaks it stops
    the build with a German message naming the record and the field. The full check against the
    official schemas runs in ``make test`` (tests/test_open_data_hsds.py)."""
    problems = []
    for table, (required, allowed) in _constraints().items():
        for row in t.rows[table]:
            for name in required:
                if row.get(name) in (None, ""):
                    problems.append(f"{t.origin[row['id']]}: das HSDS-Feld '{table}.{name}' fehlt.")
            for name, values in allowed.items():
                if name in row and row[name] not in values:
                    problems.append(f"{t.origin[row['id']]}: '{row[name]}' ist im HSDS-Feld '{table}.{name}' nicht erlaubt (möglich: {', '.join(sorted(values))}).")
    if problems:
        raise ExportError("Die offenen Daten verletzen HSDS 3.0: " + " ".join(problems))
