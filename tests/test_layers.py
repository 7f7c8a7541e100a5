"""The house rules of src/thinka/ (pyproject.toml, [tool.importlinter]): the layers import only
downwards, only the engine knows MkDocs, no package has import cycles, and breaking a rule fails
with a message that names the import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.mark.parametrize(
    ("module", "line", "expected"),
    [
        # data importing a view breaks the layers, and the message names the import
        ("data/model.py", "from thinka.views import common", ["thinka.data.model -> thinka.views.common"]),
        # MkDocs outside the engine is refused
        ("editors/cli.py", "import mkdocs", ["Only thinka.engine knows MkDocs and its theme BROKEN", "thinka.editors.cli -> mkdocs"]),
        # engine and editors never import each other
        ("engine/warmup.py", "from thinka.editors import scaffold", ["thinka.engine.warmup -> thinka.editors.scaffold"]),
        # a cycle inside a package
        ("data/diagnostics.py", "from thinka.data import yamlsource", ["No import cycles between the modules of a package BROKEN"]),
    ],
)
def test_a_wrong_import_fails_and_is_named(tmp_path: Path, module: str, line: str, expected: list[str]):
    target = _copy(tmp_path) / module
    target.write_text(target.read_text("utf-8") + f"\n{line}  # noqa: E402\n", "utf-8")
    result = _lint(tmp_path / "src", tmp_path)
    assert result.returncode == 1
    assert "BROKEN" in result.stdout
    for text in expected:
        assert text in result.stdout


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
