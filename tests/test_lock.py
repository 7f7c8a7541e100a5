"""Reproducible builds: `make install` (and so `make site` and CI) installs exactly the versions
pinned in requirements.lock, and the lock agrees with pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import REPO

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")


def pins() -> dict[str, str]:
    found = {}
    for line in (REPO / "requirements.lock").read_text("utf-8").splitlines():
        if match := PIN.match(line):
            found[canonicalize_name(match[1])] = match[2]
    return found


def declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def test_every_declared_dependency_is_pinned_in_the_lock_within_its_range():
    locked = pins()
    disagree = [
        f"{req}: {locked.get(canonicalize_name(req.name), 'fehlt')}"
        for req in declared()
        if canonicalize_name(req.name) not in locked or locked[canonicalize_name(req.name)] not in req.specifier
    ]
    assert disagree == [], "pyproject.toml und requirements.lock passen nicht zusammen; 'make lock' ausführen"


def test_every_line_of_the_lock_is_an_exact_pin():
    lines = [l for l in (REPO / "requirements.lock").read_text("utf-8").splitlines() if l.strip() and not l.lstrip().startswith("#")]
    assert lines and all(PIN.match(l) for l in lines), [l for l in lines if not PIN.match(l)]
    assert {"mkdocs", "mkdocs-material", "pyyaml", "jinja2"} <= set(pins())


def test_the_environment_running_the_tests_is_the_locked_one():
    """What `make install` put into .venv: the lock's versions, not whatever was newest."""
    locked = pins()
    drift = {req.name: (version(req.name), locked[canonicalize_name(req.name)]) for req in declared()
             if version(req.name) != locked[canonicalize_name(req.name)]}
    assert drift == {}


def test_make_install_uses_the_lock_and_installs_the_package_without_resolving_again():
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert "$(STAMP): pyproject.toml requirements.lock" in makefile
    assert "pip install --quiet -r requirements.lock" in makefile
    assert "pip install --quiet --no-deps -e ." in makefile
    assert "\nlock:" in makefile
