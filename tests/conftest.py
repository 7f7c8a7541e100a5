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
