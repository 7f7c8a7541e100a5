"""`thinka codeowners`: each site's `redaktion` reviews its file; CI fails when the file is stale."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from thinka.data.validate import load_dataset

from conftest import BIN, COMPLETE, REPO, edit

HEADER = (
    "# Erzeugt mit 'thinka codeowners' aus den Feldern 'redaktion' in den Daten. Bitte nicht von Hand ändern:\n"
    "# 'redaktion' im Standort (sites/<kennung>.yml) bzw. in program.yml eintragen, dann 'thinka codeowners'.\n"
    "# Wer bei einer Datei steht, wird bei jedem Pull Request, der sie ändert, um Prüfung gebeten.\n"
)


def codeowners(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "thinka"), "codeowners", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository-like folder: data under sites_data/, CODEOWNERS under .github/."""
    shutil.copytree(COMPLETE, tmp_path / "sites_data")
    return tmp_path


def test_committed_codeowners_is_up_to_date():
    result = codeowners(REPO, "sites_data", "--check")
    assert result.returncode == 0, result.stderr


def test_each_site_file_gets_its_editors_and_the_default_comes_first(repo: Path):
    edit(repo / "sites_data/sites/jena-lobeda.yml", "stand: 2026-10-01", "stand: 2026-10-01\nredaktion: [anna-beispiel, \"@thinka-test/redaktion-jena\"]")
    edit(repo / "sites_data/sites/jena-winzerla.yml", "stand: 2021-01-15", "stand: 2021-01-15\nredaktion: \"@bernd-beispiel\"")
    with (repo / "sites_data/program.yml").open("a", encoding="utf-8") as f:
        f.write("redaktion: [\"@koordination-beispiel\"]\n")
    result = codeowners(repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "geschrieben: .github/CODEOWNERS\n"
    assert (repo / ".github/CODEOWNERS").read_text("utf-8") == HEADER + (
        "\n# Alles andere\n"
        "* @koordination-beispiel\n"
        "\n# Standorte\n"
        "/sites_data/sites/jena-lobeda.yml @anna-beispiel @thinka-test/redaktion-jena\n"
        "/sites_data/sites/jena-winzerla.yml @bernd-beispiel\n"
    )


def test_without_any_editors_no_owner_is_invented(repo: Path):
    assert codeowners(repo).returncode == 0
    assert (repo / ".github/CODEOWNERS").read_text("utf-8") == HEADER


def test_check_fails_when_the_file_is_missing_or_out_of_date(repo: Path):
    result = codeowners(repo, "--check")
    assert result.returncode == 1
    assert result.stderr == ".github/CODEOWNERS: veraltet – bitte 'thinka codeowners' ausführen und die Datei mit einchecken.\n"
    assert codeowners(repo).returncode == 0
    assert codeowners(repo, "--check").returncode == 0
    edit(repo / "sites_data/sites/jena-lobeda.yml", "stand: 2026-10-01", "stand: 2026-10-01\nredaktion: anna-beispiel")
    result = codeowners(repo, "--check")
    assert result.returncode == 1
    assert "veraltet" in result.stderr
    assert (repo / ".github/CODEOWNERS").read_text("utf-8") == HEADER  # --check writes nothing


def test_editors_must_look_like_github_names(data_dir: Path):
    edit(data_dir / "sites/jena-lobeda.yml", "stand: 2026-10-01", "stand: 2026-10-01\nredaktion: [\"@anna beispiel\", ok-name]")
    _, problems = load_dataset(data_dir)
    assert [(p.line, p.column, p.message) for p in problems.errors] == [
        (39, 13, "'@anna beispiel' ist kein GitHub-Name: bitte so schreiben wie '@name' oder 'name' (Buchstaben, Ziffern, Bindestriche; Teams als '@organisation/team')."),
    ]


def test_codeowners_refuses_invalid_data(repo: Path):
    edit(repo / "sites_data/sites/jena-lobeda.yml", "status: aktiv", "status: aktif")
    result = codeowners(repo)
    assert result.returncode == 1
    assert not (repo / ".github/CODEOWNERS").exists()
