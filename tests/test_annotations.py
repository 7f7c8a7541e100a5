"""`thinka validate` in GitHub Actions: each problem also as a workflow command on its line."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from thinka.data.diagnostics import Problem, WARNING

from conftest import BIN, edit


def test_error_annotation_format_with_path_relative_to_the_workspace(tmp_path: Path):
    problem = Problem(str(tmp_path / "sites_data/sites/gera.yml"), 3, 9, "'aktif' ist hier nicht erlaubt.")
    assert problem.annotation(str(tmp_path)) == "::error file=sites_data/sites/gera.yml,line=3,col=9::'aktif' ist hier nicht erlaubt."


def test_warning_annotation_format():
    problem = Problem("sites_data/sites/gera.yml", 38, 8, "Die Angaben sind alt.", WARNING)
    assert problem.annotation("/elsewhere") == "::warning file=sites_data/sites/gera.yml,line=38,col=8::Die Angaben sind alt."


def test_message_escapes_percent_and_line_breaks_and_keeps_colons_and_commas():
    problem = Problem("a.yml", 1, 2, "100% sicher: a, b\r\nzweite Zeile")
    assert problem.annotation("/") == "::error file=a.yml,line=1,col=2::100%25 sicher: a, b%0D%0Azweite Zeile"


def test_property_escapes_colon_comma_percent_and_line_breaks():
    problem = Problem("dir,1/a:b%c\n.yml", 1, 1, "x")
    assert problem.annotation("/") == "::error file=dir%2C1/a%3Ab%25c%0A.yml,line=1,col=1::x"


def run(data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_WORKSPACE")}
    return subprocess.run(
        [str(BIN / "thinka"), "validate", str(data_dir)], capture_output=True, text=True, env=dict(environ, **env), timeout=60
    )


def test_validate_prints_annotations_in_github_actions(data_dir: Path):
    edit(data_dir / "sites/jena-lobeda.yml", "    telefon: [03641", "    telefn: [03641")
    edit(data_dir / "sites/jena-lobeda.yml", "status: aktiv", "status: aktif")
    result = run(data_dir, GITHUB_ACTIONS="true", GITHUB_WORKSPACE=str(data_dir.parent))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=data/sites/jena-lobeda.yml,line=3,col=9::'aktif' ist hier nicht erlaubt – meinten Sie 'aktiv'? Möglich: geplant, aktiv, beendet.",
        "::error file=data/sites/jena-lobeda.yml,line=31,col=5::Unbekanntes Feld 'telefn' – meinten Sie 'telefon'?",
    ]
    # The plain lines stay as they are, for the log.
    assert result.stderr.splitlines()[0] == f"{data_dir}/sites/jena-lobeda.yml:3:9: 'aktif' ist hier nicht erlaubt – meinten Sie 'aktiv'? Möglich: geplant, aktiv, beendet."


def test_no_annotations_outside_github_actions(data_dir: Path):
    edit(data_dir / "sites/jena-lobeda.yml", "status: aktiv", "status: aktif")
    result = run(data_dir)
    assert result.returncode == 1
    assert "::error" not in result.stdout + result.stderr
    result = run(data_dir, GITHUB_ACTIONS="false")
    assert "::error" not in result.stdout + result.stderr
