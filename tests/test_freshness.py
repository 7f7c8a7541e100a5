"""Old data: a warning (never an error) in validate and build, and the coordination office's report."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from thinka.data.freshness import is_stale, months_old
from thinka.views.report import build_report, text
from thinka.data.dates import Day
from thinka.data.validate import load_dataset

from conftest import BIN, build, edit

TODAY = date(2026, 11, 25)
LOBEDA = "sites/jena-lobeda.yml"


@pytest.mark.parametrize(
    "stand, stale",
    [
        (Day(2025, 11, 25), False),  # exactly twelve months
        (Day(2025, 11, 24), True),
        (Day(2025, 11), False),  # a month counts to its last day
        (Day(2025, 10), True),
        (Day(2025), False),  # a year counts to 31 December
        (Day(2024), True),
    ],
)
def test_stand_is_old_after_twelve_months_counted_generously(stand: Day, stale: bool):
    assert is_stale(stand, 12, TODAY) is stale


def test_months_old_counts_whole_months():
    assert months_old(Day(2025, 10, 1), TODAY) == 13
    assert months_old(Day(2026, 11, 26), TODAY) == 0


def test_old_active_site_is_a_warning_at_its_stand_line(data_dir: Path):
    edit(data_dir / LOBEDA, "stand: 2026-10-01", "stand: 2025-10")
    _, problems = load_dataset(data_dir, today=TODAY)
    assert problems.errors == []
    assert [(Path(p.path).name, p.line, p.column, p.message) for p in problems.warnings] == [
        ("jena-lobeda.yml", 38, 8, "Die Angaben sind vom Oktober 2025 und damit älter als 12 Monate. Bitte prüfen und bei 'stand' das Datum der Prüfung eintragen.")
    ]


def test_ended_site_is_never_old(data_dir: Path):
    # jena-winzerla ended in 2020 and was last checked in January 2021.
    _, problems = load_dataset(data_dir, today=TODAY)
    assert problems.items == []


def test_maximum_age_is_set_in_program_yml(data_dir: Path):
    edit(data_dir / LOBEDA, "stand: 2026-10-01", "stand: 2025-10")
    with (data_dir / "program.yml").open("a", encoding="utf-8") as f:
        f.write("stand_max_monate: 24\n")
    _, problems = load_dataset(data_dir, today=TODAY)
    assert problems.items == []
    edit(data_dir / "program.yml", "stand_max_monate: 24", "stand_max_monate: 6")
    _, problems = load_dataset(data_dir, today=date(2026, 5, 1))
    assert [p.message for p in problems.warnings] == [
        "Die Angaben sind vom Oktober 2025 und damit älter als 6 Monate. Bitte prüfen und bei 'stand' das Datum der Prüfung eintragen."
    ]


def test_validate_exits_zero_with_warnings_and_annotates_them_in_github_actions(data_dir: Path):
    edit(data_dir / LOBEDA, "stand: 2026-10-01", "stand: 2020-01")
    env = dict(os.environ, GITHUB_ACTIONS="true", GITHUB_WORKSPACE=str(data_dir.parent))
    result = subprocess.run([str(BIN / "thinka"), "validate", str(data_dir)], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0
    message = "Die Angaben sind vom Januar 2020 und damit älter als 12 Monate. Bitte prüfen und bei 'stand' das Datum der Prüfung eintragen."
    assert result.stdout.splitlines() == [
        f"{data_dir}/{LOBEDA}:38:8: Warnung: {message}",
        f"::warning file=data/{LOBEDA},line=38,col=8::{message}",
        "Keine Fehler, 1 Warnung (siehe oben): 3 Standorte, 3 Anlaufstellen, 5 Organisationen, 4 Meldungen, 5 Veranstaltungen.",
    ]


def test_strict_build_passes_with_old_data_and_the_report_page_lists_it(data_dir: Path, tmp_path: Path):
    edit(data_dir / LOBEDA, "stand: 2026-10-01", "stand: 2020-01")
    out = tmp_path / "site"
    result = build(data_dir, out)
    assert result.returncode == 0, result.stderr
    assert "älter als 12 Monate" in result.stderr  # logged at INFO, which --strict does not count
    page = (out / "intern" / "bericht" / "index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert 'ThINKA Jena-Lobeda</a> – Stand: Januar 2020' in page
    assert "intern/bericht" not in (out / "index.html").read_text("utf-8")  # not in the navigation
    assert "intern/bericht" not in (out / "search" / "search_index.json").read_text("utf-8")
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    assert "standorte/jena-lobeda/" in sitemap and "intern/bericht" not in sitemap


def test_report_text_lists_old_data_gaps_and_districts(data_dir: Path):
    edit(data_dir / LOBEDA, "stand: 2026-10-01", "quellen:\n  - {url: 'https://www.beispiel.de/neu', stand: 2024-05, titel: Neue Meldung}\n"
         "  - {url: 'https://www.beispiel.de/alt', stand: 2019-05, titel: Alte Meldung}\n  - {url: 'https://www.beispiel.de/ohne'}\nstand: 2025-10")
    edit(data_dir / LOBEDA, "    koordinaten: {lat: 50.8891, lon: 11.6075}\n", "")
    dataset, _ = load_dataset(data_dir, today=TODAY)
    assert text(build_report(dataset, TODAY)).splitlines() == [
        "Bericht zu den ThINKA-Daten vom 25. November 2026",
        "",
        "Veraltete Angaben ('stand' älter als 12 Monate): 1",
        f"  ThINKA Jena-Lobeda, Stand: Oktober 2025 (13 Monate) ({LOBEDA}:41)",
        "",
        "Anlaufstellen ohne Öffnungszeiten: keine",
        "",
        "Anlaufstellen ohne Telefonnummer: 1",
        "  ThINKA Sömmerda – Beratung Kölleda (sites/soemmerda.yml:10)",
        "",
        "Anlaufstellen ohne Koordinaten (fehlen auf der Karte): 2",
        f"  ThINKA Jena-Lobeda – Stadtteilbüro Lobeda ({LOBEDA}:17)",
        "  ThINKA Sömmerda – Beratung Kölleda (sites/soemmerda.yml:10)",
        "",
        "Standorte ohne Weg, sie zu erreichen (kein Telefon, keine E-Mail, keine Anschrift): 1",
        "  ThINKA Sömmerda, 1 Anlaufstelle (sites/soemmerda.yml:1)",
        "",
        "Angaben nach Alter ihrer Quelle (ohne Datum und älteste zuerst): 3",
        f"  ThINKA Jena-Lobeda, https://www.beispiel.de/ohne: ohne Datum ({LOBEDA}:40)",
        f"  ThINKA Jena-Lobeda, Alte Meldung: Stand Mai 2019 (90 Monate) ({LOBEDA}:39)",
        f"  ThINKA Jena-Lobeda, Neue Meldung: Stand Mai 2024 (30 Monate) ({LOBEDA}:38)",
        "",
        "Standorte je Landkreis und kreisfreier Stadt",
        "  Stadt Jena: 2 Standorte (1 aktiv, 1 beendet), 1 Anlaufstelle",
        "  Landkreis Sömmerda: 1 Standort (1 in Planung), 1 Anlaufstelle",
        "  Ohne Standort: Landkreis Altenburger Land, Landkreis Eichsfeld, Stadt Erfurt, Stadt Gera, Landkreis Gotha, Landkreis Greiz, "
        "Landkreis Hildburghausen, Ilm-Kreis, Kyffhäuserkreis, Landkreis Nordhausen, Saale-Holzland-Kreis, Saale-Orla-Kreis, "
        "Landkreis Saalfeld-Rudolstadt, Landkreis Schmalkalden-Meiningen, Landkreis Sonneberg, Stadt Suhl, "
        "Unstrut-Hainich-Kreis, Wartburgkreis, Stadt Weimar, Landkreis Weimarer Land",
        "",
        "Nur aktive und geplante Standorte werden auf veraltete Angaben und Lücken geprüft.",
    ]


def test_report_command_refuses_invalid_data(data_dir: Path):
    edit(data_dir / LOBEDA, "status: aktiv", "status: aktif")
    result = subprocess.run([str(BIN / "thinka"), "report", str(data_dir)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "Die Daten enthalten Fehler; bitte zuerst 'thinka validate' ausführen und sie beheben."
    assert result.stdout == ""


def test_report_command_on_the_sample_data_counts_every_district_with_a_site():
    result = subprocess.run([str(BIN / "thinka"), "report", "sites_data"], capture_output=True, text=True, timeout=60, cwd=Path(__file__).parents[1])
    assert result.returncode == 0, result.stderr
    districts = result.stdout.split("Standorte je Landkreis und kreisfreier Stadt\n")[1].split("  Ohne Standort")[0].splitlines()
    assert len(districts) == 19  # the districts and cities where the programme has or had a site
    assert "  Kyffhäuserkreis: 3 Standorte (2 aktiv, 1 beendet), 1 Anlaufstelle" in districts
