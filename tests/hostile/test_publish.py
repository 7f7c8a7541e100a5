"""Atomic publishing (scripts/publish): a complete site/ at every moment, the old one or the new."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO

SCRIPT = REPO / "scripts" / "publish"
# A build command: writes index.html (with the text given) into the folder it gets as last argument.
WRITE = [sys.executable, "-c", "import sys, pathlib; d = pathlib.Path(sys.argv[-1]); d.mkdir(); (d / 'index.html').write_text(sys.argv[1])"]


def _module():
    loader = importlib.machinery.SourceFileLoader("publish", str(SCRIPT))
    spec = importlib.util.spec_from_loader("publish", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def _old_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "bilder").mkdir(parents=True)
    (site / "index.html").write_text("alt")
    (site / "bilder" / "a.png").write_text("png")
    return site


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def test_new_site_replaces_the_old_and_nothing_is_left_beside_it(tmp_path: Path):
    site = _old_site(tmp_path)
    result = _run(str(site), "--", *WRITE[:3], "neu")
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").read_text() == "neu" and not (site / "bilder").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_failed_build_leaves_the_old_site_untouched(tmp_path: Path):
    site = _old_site(tmp_path)
    result = _run(str(site), "--", sys.executable, "-c", "import sys, pathlib; pathlib.Path(sys.argv[-1]).mkdir(); sys.exit(3)")
    assert result.returncode == 3
    assert result.stderr.splitlines() == [f"Fehler: Der Bau ist fehlgeschlagen; {site} bleibt, wie es war."]
    assert (site / "index.html").read_text() == "alt" and (site / "bilder" / "a.png").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_old_site_that_cannot_be_removed_leaves_the_new_one_standing_with_a_warning(tmp_path: Path, monkeypatch, capsys):
    publish = _module()
    site = _old_site(tmp_path)
    stuck = site / "bilder"
    stuck.chmod(0o500)  # stops removal for anyone but root; for root, rmtree fails as it would there

    real = shutil.rmtree

    def rmtree(path, *args, **kwargs):
        if Path(path).name.startswith("site.old-") and (Path(path) / "bilder").exists():
            raise PermissionError(13, "Permission denied", str(Path(path) / "bilder" / "a.png"))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(publish.shutil, "rmtree", rmtree)
    try:
        assert publish.publish(site, [*WRITE[:3], "neu"]) == 0
    finally:
        monkeypatch.undo()
        for left in tmp_path.glob("site.old-*"):
            (left / "bilder").chmod(0o700)
    old = tmp_path / f"site.old-{os.getpid()}"
    assert (site / "index.html").read_text() == "neu"
    assert (old / "bilder" / "a.png").exists()
    assert capsys.readouterr().err.splitlines() == [
        f"Warnung: Die neue Website steht, aber die alte ließ sich nicht ganz löschen (Permission denied: {old}/bilder/a.png); bitte {old} von Hand löschen."
    ]


def test_killed_build_leaves_the_old_site_complete(tmp_path: Path):
    site = _old_site(tmp_path)
    slow = [sys.executable, "-c", "import sys, time, pathlib; d = pathlib.Path(sys.argv[-1]); d.mkdir(); (d / 'halb.html').write_text('x'); time.sleep(60)"]
    process = subprocess.Popen([sys.executable, str(SCRIPT), str(site), "--", *slow], start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob("site.new-*/halb.html")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(tmp_path.glob("site.new-*/halb.html"))
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert (site / "index.html").read_text() == "alt" and (site / "bilder" / "a.png").exists()
    # the next run finishes the job and clears what the killed one left
    assert _run(str(site), "--", *WRITE[:3], "neu").returncode == 0
    assert (site / "index.html").read_text() == "neu"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_is_one_step_so_no_moment_is_without_a_site(tmp_path: Path, monkeypatch):
    """Killed between the two renames of the fallback, the next run puts the old site back first."""
    publish = _module()
    site = _old_site(tmp_path)
    os.rename(site, tmp_path / "site.old-99999")  # what a kill between the renames leaves
    publish.recover(site)
    assert (site / "index.html").read_text() == "alt"
    new = tmp_path / "site.new-1"
    new.mkdir()
    (new / "index.html").write_text("neu")
    renames: list[tuple[str, str]] = []
    real_rename = os.rename
    monkeypatch.setattr(publish.os, "rename", lambda a, b: renames.append((Path(a).name, Path(b).name)) or real_rename(a, b))
    old = publish.swap(new, site)
    assert (site / "index.html").read_text() == "neu" and (old / "index.html").read_text() == "alt"
    # on Linux the exchange is one system call; only the old site is then moved aside
    assert renames == [("site.new-1", old.name)] if sys.platform.startswith("linux") else len(renames) == 2
