"""The house rules of src/thinka/ (pyproject.toml, [tool.importlinter]): the layers import only
downwards, only the engine knows MkDocs, no package has import cycles, and breaking a rule fails
with a message that names the import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(src: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run([str(LINT), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True)


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "src" / "thinka", tmp_path / "src" / "thinka", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path / "src" / "thinka"


def test_the_landed_code_keeps_every_contract():
    result = _lint(ROOT / "src", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_data_importing_a_view_breaks_the_layers_and_names_the_import(tmp_path: Path):
    package = _copy(tmp_path)
    model = package / "data" / "model.py"
    model.write_text(model.read_text("utf-8") + "\nfrom thinka.views import common  # noqa: E402\n", "utf-8")
    result = _lint(tmp_path / "src", tmp_path)
    assert result.returncode == 1
    assert "BROKEN" in result.stdout
    assert "thinka.data.model -> thinka.views.common" in result.stdout


def test_mkdocs_outside_the_engine_is_refused(tmp_path: Path):
    package = _copy(tmp_path)
    cli = package / "editors" / "cli.py"
    cli.write_text(cli.read_text("utf-8") + "\nimport mkdocs  # noqa: E402\n", "utf-8")
    result = _lint(tmp_path / "src", tmp_path)
    assert result.returncode == 1
    assert "Only thinka.engine knows MkDocs and its theme BROKEN" in result.stdout
    assert "thinka.editors.cli -> mkdocs" in result.stdout


def test_engine_and_editors_never_import_each_other(tmp_path: Path):
    package = _copy(tmp_path)
    warmup = package / "engine" / "warmup.py"
    warmup.write_text(warmup.read_text("utf-8") + "\nfrom thinka.editors import scaffold  # noqa: E402\n", "utf-8")
    result = _lint(tmp_path / "src", tmp_path)
    assert result.returncode == 1
    assert "thinka.engine.warmup -> thinka.editors.scaffold" in result.stdout


def test_a_cycle_inside_a_package_is_refused(tmp_path: Path):
    package = _copy(tmp_path)
    diagnostics = package / "data" / "diagnostics.py"
    diagnostics.write_text(diagnostics.read_text("utf-8") + "\nfrom thinka.data import yamlsource  # noqa: E402\n", "utf-8")
    result = _lint(tmp_path / "src", tmp_path)
    assert result.returncode == 1
    assert "No import cycles between the modules of a package BROKEN" in result.stdout


def test_modules_stay_small_and_event_handlers_short():
    """A module holds one thing (at most about 400 lines); a MkDocs event handler does one stage's
    work and hands the rest to the module that holds it (at most 30 lines)."""
    import ast

    long_modules = {
        str(path.relative_to(ROOT)): n
        for path in (ROOT / "src" / "thinka").rglob("*.py")
        if (n := len(path.read_text("utf-8").splitlines())) > 420
    }
    assert long_modules == {}
    plugin = ast.parse((ROOT / "src" / "thinka" / "engine" / "plugin.py").read_text("utf-8"))
    handlers = {
        node.name: node.end_lineno - node.lineno + 1  # type: ignore[operator]
        for cls in plugin.body
        if isinstance(cls, ast.ClassDef)
        for node in cls.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")
    }
    assert {"on_config", "on_pre_build", "on_files", "on_page_content", "on_post_page", "on_post_build", "on_serve"} <= set(handlers)
    assert {name: n for name, n in handlers.items() if n > 30} == {}
