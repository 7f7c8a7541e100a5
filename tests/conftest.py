"""Shared helpers: data directories to mutate, and a MkDocs build runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
COMPLETE = REPO / "tests" / "data" / "complete"
SAMPLE = REPO / "sites_data"
BIN = Path(sys.executable).parent
# The day every test build takes as "today": upcoming and past events never depend on the clock.
TODAY = "2024-06-15"
# The sample is the real programme, with facts up to 2026: its builds take the day it was last checked.
SAMPLE_TODAY = "2026-12-03"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, valid copy of the complete test data set."""
    target = tmp_path / "data"
    shutil.copytree(COMPLETE, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def build(data_dir: Path, out: Path, today: str = TODAY) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``data_dir`` into ``out``; ``today`` fixes the build's date."""
    env = dict(os.environ, THINKA_DATA_DIR=str(data_dir), NO_MKDOCS_2_WARNING="1", THINKA_TODAY=today)
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _built(tmp_path_factory, data: Path, name: str, today: str = TODAY) -> Path:
    out = tmp_path_factory.mktemp(name) / "site"
    result = build(data, out, today)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    """The sample data built once for the whole test run (read it, do not change it)."""
    return _built(tmp_path_factory, SAMPLE, "sample", SAMPLE_TODAY)


@pytest.fixture(scope="session")
def complete_build(tmp_path_factory) -> Path:
    """The complete test data built once for the whole test run (read it, do not change it)."""
    return _built(tmp_path_factory, COMPLETE, "complete")
