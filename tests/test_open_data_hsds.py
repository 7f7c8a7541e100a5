"""The HSDS 3.0 JSON of /daten/hsds/: valid against Open Referral's official schemas (vendored),
complete (every site, contact point and organisation), stable ids, honest status."""

from __future__ import annotations

import json
from datetime import date, datetime
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from thinka.data.settings import Settings
from thinka.data.validate import load_dataset
from thinka.exports import geojson, hsds, hsds_json, open_data

from conftest import COMPLETE, SAMPLE, SAMPLE_TODAY, edit

BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
FOLDER = resources.files("thinka.exports").joinpath("hsds_schema")


def _registry() -> Registry:
    registry = Registry()
    for item in FOLDER.iterdir():
        if item.name.endswith(".json") and item.name != "datapackage.json":
            registry = registry.with_resource(BASE + item.name, Resource(json.loads(item.read_text("utf-8")), specification=DRAFT202012))
    return registry


FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:  # jsonschema checks it only with an extra package; this is RFC 3339 with an offset
    return not isinstance(value, str) or datetime.fromisoformat(value).tzinfo is not None


@FORMATS.checks("uri")
def _uri(value: object) -> bool:
    return not isinstance(value, str) or value.startswith(("https://", "http://"))


REGISTRY = _registry()
PAGE = json.loads(FOLDER.joinpath("openapi.json").read_text("utf-8"))["components"]["schemas"]["Page"]


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": BASE + name}, registry=REGISTRY, format_checker=FORMATS)


def exported(data: Path, today: str = SAMPLE_TODAY) -> tuple[dict, dict, object]:
    dataset, problems = load_dataset(data)
    assert not problems.errors, [p.format() for p in problems.errors]
    settings = Settings.fixed(date.fromisoformat(today))
    files = dict(open_data.files(dataset, settings, ['hsds']))
    return json.loads(files[hsds_json.SERVICES_PATH]), json.loads(files[hsds_json.ORGANIZATIONS_PATH]), dataset


def errors(document: dict, schema: str) -> list[str]:
    found = [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(PAGE).iter_errors(document)]
    check = validator(schema)
    for i, item in enumerate(document["contents"]):
        found += [f"{item.get('name')} {list(e.absolute_path)}: {e.message}" for e in check.iter_errors(item)]
    return found


@pytest.mark.parametrize("data", [SAMPLE, COMPLETE], ids=["sample", "complete"])
def test_every_record_is_valid_against_the_official_hsds_schemas(data: Path) -> None:
    services, organizations, _ = exported(data)
    assert errors(services, "service.json") == []
    assert errors(organizations, "organization.json") == []


def test_the_official_schemas_do_catch_a_broken_record() -> None:
    """The gate is real: a wrong status, a missing country and an id that is no UUID fail."""
    services, _, _ = exported(COMPLETE)
    service = services["contents"][0]
    service["status"] = "aktiv"
    service["service_at_locations"][0]["location"]["addresses"][0].pop("country")
    service["service_at_locations"][0]["id"] = "stadtteilbuero-lobeda"
    found = errors(services, "service.json")
    assert any("['status']" in e and "'aktiv' is not one of" in e for e in found)
    assert any("addresses', 0]" in e and "'country' is a required property" in e for e in found)
    assert any("['service_at_locations', 0, 'id']" in e and "is not a 'uuid'" in e for e in found)


def _locations(services: dict) -> dict[str, dict]:
    return {sal["location"]["id"]: sal for s in services["contents"] for sal in s.get("service_at_locations", [])}


@pytest.mark.parametrize("data", [SAMPLE, COMPLETE], ids=["sample", "complete"])
def test_nothing_is_dropped(data: Path) -> None:
    services, organizations, dataset = exported(data)
    assert [s["id"] for s in services["contents"]] == [hsds.service_id(slug) for slug in dataset.sites]
    assert services["total_items"] == len(dataset.sites)
    points = {hsds.location_id(slug, p.name): p for slug, loc in dataset.sites.items() for p in loc.record.anlaufstellen}
    assert set(_locations(services)) == set(points) and len(points) == sum(len(l.record.anlaufstellen) for l in dataset.sites.values())
    assert {o["id"] for o in organizations["contents"]} == {hsds.organisation_id(key) for key in dataset.organisations}
    assert len(organizations["contents"]) == len(dataset.organisations)
    # Every organisation a site names is on that service: Träger as organization, the others as role attributes.
    gera = next(s for s in services["contents"] if s["name"] == "ThINKA Gera") if data == SAMPLE else None
    if gera:
        assert gera["organization"]["name"] == "OTEGAU GmbH"
        roles = {(a["taxonomy_term"]["code"], a["value"]) for a in gera["attributes"] if a["taxonomy_term"]["taxonomy"] == "ThINKA-Rollen"}
        assert ("thinka-rollen:frueherer-traeger", hsds.organisation_id("kindervereinigung-gera")) in roles
        assert ("thinka-rollen:steuerungsgruppe", hsds.organisation_id("stadt-gera")) in roles


def test_ids_are_stable_uuid5_of_the_file_names() -> None:
    """Fixed values: an id that moved between builds would break every consumer's links."""
    assert hsds.service_id("gera") == "123c057f-5396-5094-94d4-65e718e06d46"
    assert hsds.organisation_id("otegau") == "cba22575-2a70-55ca-8ece-79c556d90265"
    assert hsds.location_id("gera", "Infopoint Bieblach") == "3a5d7b55-ff77-5193-9641-1be744b7dc8e"
    first, _, _ = exported(SAMPLE)
    again, _, _ = exported(SAMPLE)
    assert first == again


def test_a_contact_point_keeps_its_id_when_the_list_is_reordered(data_dir: Path) -> None:
    before, _, _ = exported(data_dir)
    site = data_dir / "sites" / "jena-lobeda.yml"
    text = site.read_text("utf-8")
    head, _, tail = text.partition("anlaufstellen:\n")
    points, _, rest = tail.partition("stand:")
    extra = "  - name: Zweite Stelle\n    art: Treffpunkt\n    adresse: {ort: Jena}\n"
    site.write_text(head + "anlaufstellen:\n" + extra + points + "stand:" + rest, "utf-8")
    after, _, _ = exported(data_dir)
    assert set(_locations(before)) < set(_locations(after))


def _status(sal: dict) -> str:
    return next(a["taxonomy_term"]["code"] for a in sal["location"]["attributes"] if a["taxonomy_term"]["taxonomy"] == "Status (HSDS)")


def test_ended_sites_and_former_contact_points_are_never_current() -> None:
    services, _, _ = exported(SAMPLE)
    by_name = {s["name"]: s for s in services["contents"]}
    assert by_name["ThINKA Gera"]["status"] == "active"
    ended = [s for s in services["contents"] if s["status"] == "defunct"]
    assert {s["url"].rstrip("/").rsplit("/", 1)[-1] for s in ended} == {"eisenberg", "gera-liebschwitz", "sondershausen", "suhl"}
    for service in ended:
        assert service["alert"].startswith("Dieser Standort hat seine Arbeit beendet")
        assert all(_status(sal) == "hsds-status:defunct" for sal in service.get("service_at_locations", []))
    gera = {sal["location"]["name"]: sal for sal in by_name["ThINKA Gera"]["service_at_locations"]}
    assert _status(gera["Infopoint Bieblach"]) == "hsds-status:active"
    assert _status(gera["ThINKA-Büro Lusan"]) == "hsds-status:defunct"
    assert gera["ThINKA-Büro Lusan"]["description"].startswith("Geschlossen seit 2021-12-22.")


def test_opening_hours_are_weekly_schedules_with_several_ranges_a_day() -> None:
    services, _, _ = exported(SAMPLE)
    gera = next(s for s in services["contents"] if s["name"] == "ThINKA Gera")
    infopoint = next(sal for sal in gera["service_at_locations"] if sal["location"]["name"] == "Infopoint Bieblach")
    hours = [(s["freq"], s["byday"], s["opens_at"], s["closes_at"]) for s in infopoint["schedules"]]
    assert hours == [
        ("WEEKLY", "MO,TU,WE,TH", "07:30:00", "12:00:00"),
        ("WEEKLY", "MO,TU,WE,TH", "13:00:00", "15:30:00"),
        ("WEEKLY", "FR", "07:30:00", "13:30:00"),
    ]
    assert all("Quelle: https://www.otegau.de/projekt-thinka-gera/ (Stand 2022-01)" in s["notes"] for s in infopoint["schedules"])
    assert gera["assured_date"] == "2026-12-03" and gera["last_modified"] == "2026-12-03T00:00:00+01:00"


def test_phones_languages_areas_and_licence(data_dir: Path) -> None:
    services, organizations, _ = exported(data_dir)
    lobeda = next(s for s in services["contents"] if s["name"] == "ThINKA Jena-Lobeda")
    sal = lobeda["service_at_locations"][0]
    location = sal["location"]
    assert [p["number"] for p in location["phones"]] == ["+493641123456", "+493641654321"]
    assert [(lang["name"], lang.get("code")) for lang in location["languages"]] == [("Deutsch", "de"), ("Russisch", "ru"), ("Arabisch", "ar")]
    assert location["addresses"][0] | {"id": None, "location_id": None} == {
        "id": None, "location_id": None, "address_1": "Teststraße 12", "address_2": "Lobeda-West", "city": "Jena",
        "state_province": "Thüringen", "postal_code": "07747", "country": "DE", "address_type": "physical",
    }
    assert (location["latitude"], location["longitude"]) == (50.8891, 11.6075)
    assert sal["description"] == "Termine nach Vereinbarung."
    assert [(c.get("title"), c.get("email")) for c in sal["contacts"]] == [("Anlaufstelle", "lobeda@traeger.example.org"), ("Sozialberatung", None)]
    assert sal["contacts"][1]["phones"][0]["number"] == "+493641123457"
    assert [(a["name"], a["description"]) for a in lobeda["service_areas"]] == [
        ("Stadt Jena", "kreisfreie Stadt"), ("Jena", "Ort"), ("Lobeda-West", "Ortsteil"), ("Lobeda-Ost", "Ortsteil"), ("07747", "Postleitzahl"),
    ]
    for document in (services, organizations):
        assert document["license"] == {
            "name": "dl-de-by-2.0", "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0", "path": "https://www.govdata.de/dl-de/by-2-0",
        }
    edit(data_dir / "program.yml", "name: ThINKA\n", "name: ThINKA\ndatenlizenz: {name: Creative Commons Namensnennung 4.0, kennung: CC-BY-4.0, url: 'https://creativecommons.org/licenses/by/4.0/'}\n")
    services, _, _ = exported(data_dir)
    assert services["license"]["name"] == "CC-BY-4.0"


def test_a_record_breaking_hsds_stops_with_a_german_message_naming_record_and_field() -> None:
    dataset, _ = load_dataset(COMPLETE)
    settings = Settings.fixed(date(2024, 6, 15))
    records = hsds.tables(dataset, settings)
    records.rows["service"][0]["name"] = ""
    records.rows["location"][0]["location_type"] = "mobil"
    with pytest.raises(hsds.ExportError) as caught:
        hsds.check(records)
    message = str(caught.value)
    assert "sites/jena-lobeda.yml: das HSDS-Feld 'service.name' fehlt." in message
    assert "sites/jena-lobeda.yml (Anlaufstelle 'Stadtteilbüro Lobeda'): 'mobil' ist im HSDS-Feld 'location.location_type' nicht erlaubt" in message


def test_ids_are_exactly_uuid5_of_their_keys() -> None:
    """The fast id writer gives the text of Python's uuid.uuid5 for every key (umlauts, emoji, empty)."""
    import random
    import uuid

    rng = random.Random(16)
    keys = ["", "site:gera", "contact:gera/Infopoint Bieblach", "org:äöüß", "contact:x/Büro 🏠"]
    keys += ["".join(rng.choice("abcxyz-:/ äöüßÄÖÜ€0123456789") for _ in range(rng.randint(0, 60))) for _ in range(20_000)]
    assert [hsds.ident(k) for k in keys] == [str(uuid.uuid5(hsds.NAMESPACE, k)) for k in keys]


def test_planned_sites_future_openings_and_midnight(data_dir: Path) -> None:
    """A planned site and a contact point that opens later are 'inactive', never current; hours to
    24:00 end at the day's last second (HSDS and Table Schema times have no 24:00); a stop of the
    hours elsewhere is named in the schedule's notes."""
    edit(
        data_dir / "sites" / "soemmerda.yml", "      - tage: Di\n        zeiten: 10:00–12:00",
        "      - tage: Di\n        zeiten: 10:00–12:00\n        adresse: {strasse: Markt 1, plz: '99625', ort: Kölleda}\n      - {tage: Sa, zeiten: '20:00–24:00'}",
    )
    edit(data_dir / "sites" / "jena-lobeda.yml", "    email: lobeda@traeger.example.org", "    email: lobeda@traeger.example.org\n    seit: 2024-07-01")
    services, _, _ = exported(data_dir, today="2024-06-15")
    assert errors(services, "service.json") == []
    by_name = {s["name"]: s for s in services["contents"]}
    planned = by_name["ThINKA Sömmerda"]
    assert planned["status"] == "inactive" and planned["alert"] == "Dieser Standort ist in Planung; Beginn 2027-01."
    sal = planned["service_at_locations"][0]
    assert _status(sal) == "hsds-status:inactive"
    assert [(s["byday"], s["opens_at"], s["closes_at"], s.get("notes")) for s in sal["schedules"]] == [
        ("TU", "10:00:00", "12:00:00", "Ort: Markt 1, 99625 Kölleda."), ("SA", "20:00:00", "23:59:59", None),
    ]
    lobeda = by_name["ThINKA Jena-Lobeda"]["service_at_locations"][0]
    assert _status(lobeda) == "hsds-status:inactive"
    assert {s["valid_from"] for s in lobeda["schedules"]} == {"2024-07-01"}


def test_required_fields_are_filled_honestly_or_the_record_is_left_out() -> None:
    """HSDS requires a service's organisation and an address's street and postal code. A site
    without a known Träger names the coordination office, marked with the role that says it is
    not the Träger; an address lacking street or postal code is no address record (never an empty
    text) but the known parts in the location's description. No required text is ever empty."""
    services, _, dataset = exported(SAMPLE)
    by_slug = {s["url"].rstrip("/").rsplit("/", 1)[-1]: s for s in services["contents"]}
    no_carrier = sorted(slug for slug, loc in dataset.sites.items() if not loc.record.traeger)
    assert len(no_carrier) == 9
    thasg = hsds.organisation_id("thasg")
    for slug, service in by_slug.items():
        roles = {(a["taxonomy_term"]["code"], a.get("value")) for a in service.get("attributes", []) if a["taxonomy_term"]["taxonomy"] == "ThINKA-Rollen"}
        if slug in no_carrier:
            assert service["organization"]["name"] == "ThASG" and service["organization_id"] == thasg
            assert ("thinka-rollen:programm-koordination", thasg) in roles
            assert not any(code.endswith(":traeger") for code, _ in roles)
        else:
            assert ("thinka-rollen:programm-koordination", thasg) not in roles
    gera = {sal["location"]["name"]: sal["location"] for sal in by_slug["gera"]["service_at_locations"]}
    assert "addresses" not in gera["Infopoint Bieblach"]
    assert "Anschrift: Leuchtenburgstraße 10, Gera, Ortsteil Bieblach (Postleitzahl nicht bekannt)." in gera["Infopoint Bieblach"]["description"]
    assert "Anschrift: Gera (Straße und Postleitzahl nicht bekannt)." in gera["Beratungsbus"]["description"]
    addresses = [a for s in services["contents"] for sal in s.get("service_at_locations", []) for a in sal["location"].get("addresses", [])]
    assert len(addresses) == 7 and all(a["address_1"] and a["postal_code"] and a["city"] for a in addresses)

    def empty_texts(value: object) -> int:
        if isinstance(value, dict):
            return sum(empty_texts(v) for v in value.values())
        if isinstance(value, list):
            return sum(empty_texts(v) for v in value)
        return value == ""

    assert empty_texts(services) == 0


def test_rows_held_only_in_some_weeks_and_closures_are_said_as_hsds_says_them(data_dir: Path) -> None:
    """'wochen' becomes HSDS's iCalendar rule (even/odd calendar weeks by BYWEEKNO, the n-th or last
    weekday of a month by an ordinal BYDAY with MONTHLY), never a plain weekly row; a closure that
    holds today makes the contact point 'temporarily closed' and is named, with the next one."""
    edit(
        data_dir / "sites" / "soemmerda.yml", "      - tage: Di\n        zeiten: 10:00–12:00",
        "      - tage: Di\n        zeiten: 10:00–12:00\n        wochen: ungerade\n"
        "      - {tage: Do, zeiten: '14:00–16:00', wochen: gerade}\n"
        "      - {tage: Mo, zeiten: '09:00–11:00', wochen: '1'}\n"
        "      - {tage: Fr, zeiten: '09:00–11:00', wochen: letzte}",
    )
    edit(
        data_dir / "sites" / "jena-lobeda.yml", "    email: lobeda@traeger.example.org",
        "    email: lobeda@traeger.example.org\n    geschlossen:\n"
        "      - {von: 2024-06-10, bis: 2024-06-30, grund: Umbau}\n      - {von: 2024-08-01, bis: 2024-08-15}",
    )
    services, _, _ = exported(data_dir, today="2024-06-15")
    assert errors(services, "service.json") == []
    by_name = {s["name"]: s for s in services["contents"]}
    schedules = by_name["ThINKA Sömmerda"]["service_at_locations"][0]["schedules"]
    rules = [(s["freq"], s.get("byweekno"), s["byday"], s["description"]) for s in schedules]
    assert rules == [
        ("WEEKLY", ",".join(str(n) for n in range(1, 54, 2)), "TU", "Di (in ungeraden Kalenderwochen) 10:00–12:00"),
        ("WEEKLY", ",".join(str(n) for n in range(2, 54, 2)), "TH", "Do (in geraden Kalenderwochen) 14:00–16:00"),
        ("MONTHLY", None, "1MO", "Mo (nur in der ersten Woche des Monats) 09:00–11:00"),
        ("MONTHLY", None, "-1FR", "Fr (nur in der letzten Woche des Monats) 09:00–11:00"),
    ]
    lobeda = by_name["ThINKA Jena-Lobeda"]["service_at_locations"][0]
    assert _status(lobeda) == "hsds-status:temporarily closed"
    assert "Vorübergehend geschlossen vom 2024-06-10 bis 2024-06-30 (Umbau). Vorübergehend geschlossen vom 2024-08-01 bis 2024-08-15." in lobeda["description"]


def test_the_fast_json_writes_the_same_bytes_as_the_standard_library() -> None:
    """services.json and the GeoJSON are written with orjson (hsds_json.compact_bytes); a consumer
    must get the very bytes the standard library's json writes: every code point (quotes,
    backslashes, control characters, U+2028, emoji), booleans, null, and coordinates anywhere in
    Thuringia's range, however many decimals an editor typed."""
    import random

    from thinka.data.types import LAT_RANGE, LON_RANGE

    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    rng = random.Random(16)
    coordinates = [rng.uniform(*bounds) for bounds in (LAT_RANGE, LON_RANGE) for _ in range(5000)]
    coordinates = [round(c, rng.randint(0, 12)) for c in coordinates] + [*LAT_RANGE, *LON_RANGE, 51.0, 10.5]
    record = {"name": text, "hinweis": 'Sie sagt: "Komm\\t vorbei"\n\r\b\f\x00\x1f\x7f\u2028', "aktuell": True, "lage": None, "zahlen": coordinates}
    assert hsds_json.compact_bytes(record) == hsds_json.compact(record).encode("utf-8")
    dataset, problems = load_dataset(COMPLETE)
    assert not problems.errors
    settings = Settings.fixed(date.fromisoformat(SAMPLE_TODAY))
    services, _ = hsds_json.documents(hsds.tables(dataset, settings))
    features = [f for slug in dataset.sites for f in geojson.site_features(dataset, settings, slug)]
    assert services and features
    for value in services + features:
        assert hsds_json.compact_bytes(value) == hsds_json.compact(value).encode("utf-8")
