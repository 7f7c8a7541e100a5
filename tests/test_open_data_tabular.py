"""The CSV data package of /daten/csv/ (validated with frictionless, also with HSDS's own unmodified
descriptor), the GeoJSON files of /daten/, and `thinka export`: complete, safe in spreadsheets,
readable back."""

from __future__ import annotations

import csv
import json
import os
import subprocess
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from frictionless import validate

from conftest import BIN, COMPLETE, SAMPLE, SAMPLE_TODAY, edit
from thinka.data.hours import WEEKDAYS
from thinka.data.lifecycle import is_current
from thinka.data.settings import Settings
from thinka.data.validate import load_dataset
from thinka.exports import geojson, hsds, tabular

BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def export(data: Path, out: Path, *formats: str) -> subprocess.CompletedProcess[str]:
    site_url = os.environ.get("THINKA_SITE_URL") or "https://thinka.example/"  # the build's (mkdocs.yml), for the comparison
    args = [str(BIN / "thinka"), "export", "--out", str(out), "--site-url", site_url, str(data)]
    for name in formats:
        args += ["--format", name]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, env={"THINKA_TODAY": SAMPLE_TODAY, "PATH": "/usr/bin:/bin"})


def read(package: Path, table: str) -> list[dict[str, str]]:
    """A table as a consumer reads it: every text without the apostrophe that guards against formulas."""
    path = package / hsds.package_schemas()[table]["path"]
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: tabular.unsafe(v) for k, v in row.items()} for row in csv.DictReader(handle)]


@pytest.fixture(scope="module")
def sample_export(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    result = export(SAMPLE, out)
    assert result.returncode == 0, result.stderr
    return out


def test_the_data_package_is_valid_for_frictionless(sample_export: Path) -> None:
    report = validate(str(sample_export / "csv" / "datapackage.json"))
    assert report.valid, report.flatten(["resource", "rowNumber", "fieldName", "message"])[:10]
    descriptor = json.loads((sample_export / "csv" / "datapackage.json").read_text("utf-8"))
    assert descriptor["licenses"] == [
        {"name": "dl-de-by-2.0", "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0", "path": "https://www.govdata.de/dl-de/by-2-0"}
    ]
    assert [r["path"] for r in descriptor["resources"]][:3] == ["organizations.csv", "programs.csv", "services.csv"]


def test_the_csv_files_are_valid_for_hsds_own_unmodified_descriptor(sample_export: Path, tmp_path: Path) -> None:
    """An outside validator takes HSDS's datapackage.json as published (vendored unchanged: every
    required column, e.g. address_1, postal_code, service.organization_id) and points it at our
    CSV files; only the resources of tables we do not publish (funding, metadata, …) are left out."""
    official = json.loads((Path(hsds.__file__).parent / "hsds_schema" / "datapackage.json").read_text("utf-8"))
    published = {item.name for item in (sample_export / "csv").glob("*.csv")}
    official["resources"] = [r for r in official["resources"] if r["path"] in published]
    names = {r["name"] for r in official["resources"]}
    assert len(names) == 15
    for resource in official["resources"]:
        resource["schema"]["foreignKeys"] = [k for k in resource["schema"].get("foreignKeys", []) if k["reference"]["resource"] in names]
        (tmp_path / resource["path"]).write_bytes((sample_export / "csv" / resource["path"]).read_bytes())
    (tmp_path / "datapackage.json").write_text(json.dumps(official), "utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resource", "rowNumber", "fieldName", "message"])[:10]
    ours = json.loads((sample_export / "csv" / "datapackage.json").read_text("utf-8"))
    for resource in ours["resources"]:
        theirs = next(r for r in official["resources"] if r["name"] == resource["name"])
        assert resource["schema"]["fields"] == theirs["schema"]["fields"]  # no constraint relaxed


def test_frictionless_catches_a_broken_package(sample_export: Path, tmp_path: Path) -> None:
    """The gate is real: a location of an unknown organisation and a bad status fail."""
    broken = tmp_path / "csv"
    broken.mkdir()
    for item in (sample_export / "csv").iterdir():
        (broken / item.name).write_bytes(item.read_bytes())
    services = (broken / "services.csv").read_text("utf-8")
    (broken / "services.csv").write_text(services.replace(",active,", ",aktiv,", 1), "utf-8")
    locations = (broken / "locations.csv").read_text("utf-8").splitlines(keepends=True)
    fields = locations[1].split(",")
    fields[3] = "00000000-0000-5000-8000-000000000000"  # organization_id
    locations[1] = ",".join(fields)
    (broken / "locations.csv").write_text("".join(locations), "utf-8")
    report = validate(str(broken / "datapackage.json"))
    kinds = {(task.name, error.type) for task in report.tasks for error in task.errors}
    assert ("service", "constraint-error") in kinds
    assert ("location", "foreign-key") in kinds


def test_reading_the_package_back_gives_the_same_contact_points_and_hours(sample_export: Path) -> None:
    dataset, _ = load_dataset(SAMPLE)
    package = sample_export / "csv"
    locations = {row["id"]: row for row in read(package, "location")}
    addresses = {row["location_id"]: row for row in read(package, "address")}
    assert all(row["address_1"] and row["postal_code"] and row["city"] for row in addresses.values())
    phones = defaultdict(list)
    for row in read(package, "phone"):
        phones[row["location_id"]].append(row["number"])
    at = {row["id"]: row for row in read(package, "service_at_location")}
    hours = defaultdict(set)
    for row in read(package, "schedule"):
        lid = at[row["service_at_location_id"]]["location_id"]
        for day in row["byday"].split(","):
            hours[lid].add((BYDAY.index(day), row["opens_at"][:5], row["closes_at"][:5]))
    emails = {at[row["service_at_location_id"]]["location_id"]: row["email"] for row in read(package, "contact") if row["title"] == "Anlaufstelle"}
    terms = {row["id"]: row["code"] for row in read(package, "taxonomy_term")}
    status = {row["link_id"]: terms[row["taxonomy_term_id"]] for row in read(package, "attribute") if terms[row["taxonomy_term_id"]].startswith("hsds-status:")}
    services = {row["id"]: row for row in read(package, "service")}
    assert set(services) == {hsds.service_id(slug) for slug in dataset.sites}
    assert {row["id"] for row in read(package, "organization")} == {hsds.organisation_id(key) for key in dataset.organisations}
    expected = {}
    for slug, located in dataset.sites.items():
        site = located.record
        for point in site.anlaufstellen:
            a, c = point.adresse, point.koordinaten
            complete = bool(a.strasse and a.plz)
            # An address without street or postal code (both required by HSDS) is said in the
            # location's description, each known part in its words.
            said = [x for x in (a.strasse, a.plz, a.ort, a.ortsteil) if x] if not complete else []
            expected[hsds.location_id(slug, point.name)] = (
                point.name, (a.strasse, a.plz, a.ort, a.ortsteil or "") if complete else None, said,
                (str(c.lat), str(c.lon)) if c else ("", ""), [p.e164 for p in point.telefon], point.email or "",
                {(d, f"{r.start // 60:02d}:{r.start % 60:02d}", f"{r.end // 60:02d}:{r.end % 60:02d}") for row in point.oeffnungszeiten for r in row.zeiten for d in row.tage.days},
                "hsds-status:active" if is_current(site, point, date.fromisoformat(SAMPLE_TODAY)) else "hsds-status:defunct",
            )
    read_back = {
        lid: (
            row["name"],
            tuple(addresses[lid][k] for k in ("address_1", "postal_code", "city", "address_2")) if lid in addresses else None,
            [x for x in expected[lid][2] if x in row["description"] and "Anschrift: " in row["description"]],
            (row["latitude"], row["longitude"]), phones[lid], emails.get(lid, ""), hours[lid], status[lid],
        )
        for lid, row in locations.items()
    }
    assert read_back == expected
    assert len(expected) == sum(len(l.record.anlaufstellen) for l in dataset.sites.values()) == 25
    assert sum(len(h[6]) for h in expected.values()) > 10  # the sample has real hours to compare
    assert sum(h[1] is None for h in expected.values()) == 18  # and partial addresses, said in words
    gera = locations[hsds.location_id("gera", "Infopoint Bieblach")]["description"]
    assert "Anschrift: Leuchtenburgstraße 10, Gera, Ortsteil Bieblach (Postleitzahl nicht bekannt)." in gera


def test_formulas_are_neutralised_and_read_back_unchanged(data_dir: Path, tmp_path: Path) -> None:
    edit(data_dir / "sites" / "jena-lobeda.yml", "rolle: Sozialberatung", "rolle: \"=HYPERLINK(\\\"https://evil.example\\\")\"")
    edit(data_dir / "sites" / "jena-lobeda.yml", "strasse: Teststraße 12", "strasse: \"@SUM(1+1)\"")
    edit(data_dir / "sites" / "jena-lobeda.yml", "ortsteil: Lobeda-West\n    koord", "ortsteil: \"-Lobeda\"\n    koord")
    result = export(data_dir, tmp_path, "csv")
    assert result.returncode == 0, result.stderr
    raw = (tmp_path / "csv" / "contacts.csv").read_text("utf-8")
    assert ',"\'=HYPERLINK(""https://evil.example"")",' in raw
    addresses = (tmp_path / "csv" / "addresses.csv").read_text("utf-8")
    assert ",'@SUM(1+1),'-Lobeda,Jena," in addresses
    assert "'+493641123456" in (tmp_path / "csv" / "phones.csv").read_text("utf-8")
    for path in (tmp_path / "csv").glob("*.csv"):
        for row in csv.reader(path.open(encoding="utf-8", newline="")):
            assert not any(cell.startswith(tabular.FORMULA_START) for cell in row), (path.name, row)
    assert [row["title"] for row in read(tmp_path / "csv", "contact")][:2] == ["Anlaufstelle", '=HYPERLINK("https://evil.example")']
    assert validate(str(tmp_path / "csv" / "datapackage.json")).valid


def test_geojson_holds_the_current_contact_points_and_the_others_apart(sample_export: Path) -> None:
    """A map tool draws every Feature of the file it loads: anlaufstellen.geojson holds only the
    open contact points; every other one is in anlaufstellen-nicht-aktuell.geojson, none lost."""
    dataset, _ = load_dataset(SAMPLE)
    current_file = json.loads((sample_export / "anlaufstellen.geojson").read_text("utf-8"))
    other_file = json.loads((sample_export / "anlaufstellen-nicht-aktuell.geojson").read_text("utf-8"))
    for collection in (current_file, other_file):
        assert collection["type"] == "FeatureCollection" and "crs" not in collection  # RFC 7946: WGS 84 only
        assert collection["license"]["path"] == "https://www.govdata.de/dl-de/by-2-0"
    assert {f["properties"]["status"] for f in current_file["features"]} == {"active"}
    assert {f["properties"]["status"] for f in other_file["features"]} == {"defunct"}
    assert (len(current_file["features"]), len(other_file["features"])) == (20, 5)
    collection = {"features": current_file["features"] + other_file["features"]}
    features = {f["id"]: f for f in collection["features"]}
    assert len(features) == 25
    today = date.fromisoformat(SAMPLE_TODAY)
    expected = {
        hsds.location_id(slug, p.name): (p, is_current(l.record, p, today)) for slug, l in dataset.sites.items() for p in l.record.anlaufstellen
    }
    assert set(features) == set(expected)
    for key, (point, current) in expected.items():
        props, geometry = features[key]["properties"], features[key]["geometry"]
        assert props["name"] == point.name and props["aktuell"] is current
        assert props["status"] == ("active" if current else "defunct")
        if point.koordinaten is None:
            assert geometry is None and props["lage_ungefaehr"] is None
        else:
            assert geometry == {"type": "Point", "coordinates": [point.koordinaten.lon, point.koordinaten.lat]}
            assert props["lage_ungefaehr"] is (point.koordinaten.genauigkeit == "ort")
    lusan = next(f["properties"] for f in collection["features"] if f["properties"]["name"] == "ThINKA-Büro Lusan")
    assert (lusan["status"], lusan["geschlossen_seit"], lusan["aktuell"]) == ("defunct", "2021-12-22", False)
    assert sum(f["properties"]["aktuell"] and f["geometry"] is not None for f in collection["features"]) == 19  # the map's 19 markers
    assert WEEKDAYS[0] in features[hsds.location_id("gera", "Infopoint Bieblach")]["properties"]["oeffnungszeiten"]


def test_export_refuses_bad_data_in_german(data_dir: Path, tmp_path: Path) -> None:
    edit(data_dir / "sites" / "jena-lobeda.yml", "status: aktiv", "status: aktif")
    result = export(data_dir, tmp_path / "out")
    assert result.returncode == 1
    assert "jena-lobeda.yml:3:9: 'aktif' ist hier nicht erlaubt" in result.stderr
    assert "Die Daten enthalten Fehler" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_export_writes_what_the_build_publishes(sample_build: Path, sample_export: Path) -> None:
    """`thinka export` and the site build write the same files under /daten/."""
    built = sorted(p.relative_to(sample_build / "daten") for p in (sample_build / "daten").rglob("*") if p.is_file() and p.suffix != ".html")
    exported = sorted(p.relative_to(sample_export) for p in sample_export.rglob("*") if p.is_file())
    assert built == exported and len(built) == 2 + 16 + 2
    for path in built:
        assert (sample_build / "daten" / path).read_bytes() == (sample_export / path).read_bytes(), path


def test_a_rebuild_after_one_edit_gives_the_files_of_a_fresh_build(data_dir: Path) -> None:
    """`make serve` keeps each unchanged site's part; what it writes after an edit, a removed site
    and a changed Träger name is exactly what a build from scratch writes."""
    from thinka.exports import open_data

    settings = Settings.fixed(date(2024, 6, 15))

    def files(fresh: bool) -> dict[str, str]:
        if fresh:
            open_data._PARTS.clear()
        dataset, problems = load_dataset(data_dir)
        assert not problems.errors, [p.format() for p in problems.errors]
        return dict(open_data.files(dataset, settings))

    before = files(fresh=True)
    edit(data_dir / "sites" / "jena-lobeda.yml", "strasse: Teststraße 12", "strasse: Teststraße 14")
    (data_dir / "sites" / "soemmerda.yml").unlink()
    organisations = (data_dir / "organisations.yml").read_text("utf-8")
    carrier = next(line for line in organisations.splitlines() if line.strip().startswith("name:"))
    edit(data_dir / "organisations.yml", carrier, carrier + " (neu)")
    kept = files(fresh=False)
    assert kept == files(fresh=True)
    assert kept != before
    assert "Teststraße 14" in kept["daten/anlaufstellen.geojson"] and "Teststraße 12" not in kept["daten/hsds/services.json"]
    assert '"traeger":"Testträger gGmbH (neu)"' in kept["daten/anlaufstellen.geojson"]
    assert "ThINKA Sömmerda" in before["daten/csv/services.csv"] and "ThINKA Sömmerda" not in kept["daten/csv/services.csv"]


def test_values_named_twice_still_give_unique_ids(data_dir: Path, tmp_path: Path) -> None:
    """A topic, language or partner written twice is exported once: the package stays valid. (A
    place named twice in a service area is refused by validation: tests/hostile/test_corpus_second_pass.py.)"""
    site = data_dir / "sites" / "jena-lobeda.yml"
    edit(site, "sprachen: [Deutsch, Russisch, Arabisch]", "sprachen: [Deutsch, Russisch, Arabisch, Deutsch]")
    edit(site, "  - {organisation: stadt-jena, rolle: Kommune}", "  - {organisation: stadt-jena, rolle: Kommune}\n  - {organisation: stadt-jena, rolle: Kommune}")
    edit(site, "beschreibung: |", "themen: [wohnen, wohnen]\nbeschreibung: |")
    result = export(data_dir, tmp_path, "csv")
    assert result.returncode == 0, result.stderr
    report = validate(str(tmp_path / "csv" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:5]
    languages = [row["name"] for row in read(tmp_path / "csv", "language")]
    assert languages.count("Deutsch") == 1 and len(languages) == 3
