"""The GitHub workflow runs what `make` runs locally and publishes only a build whose checks passed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"


def load() -> dict:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def test_pull_requests_validate_build_strictly_test_and_upload_a_preview():
    workflow = load()
    assert "pull_request" in workflow[True]  # PyYAML reads the key `on` as True
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s.get("run", "").strip() for s in steps]
    order = [runs.index(cmd) for cmd in ("make install", "make validate", "make site", "make test")]
    assert order == sorted(order)
    assert "chromium" in runs[0] and workflow["jobs"]["build"]["container"].startswith("debian:")
    preview = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert preview["with"]["path"] == "site/" and preview["if"] == "github.event_name == 'pull_request'"


def test_pages_are_deployed_from_main_only_after_the_build_job_passed():
    workflow = load()
    assert workflow[True]["push"]["branches"] == ["main"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    packed = [s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(packed) == 1 and packed[0]["with"]["path"] == "site/"


def test_make_targets_used_by_the_workflow_exist():
    makefile = (REPO / "Makefile").read_text("utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    used = {m for s in load()["jobs"]["build"]["steps"] for m in re.findall(r"(?:^|\n)\s*make (\w+)", s.get("run", ""))}
    assert used <= targets and used == {"install", "validate", "site", "test"}


def test_pre_commit_hooks_call_the_project_commands():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    entries = {h["id"]: h["entry"] for repo in config["repos"] for h in repo["hooks"]}
    assert entries["thinka-validate"] == ".venv/bin/thinka validate"
    assert entries["thinka-schema"] == ".venv/bin/thinka schema --check"
    assert entries["thinka-codeowners"] == ".venv/bin/thinka codeowners --check"


def test_ci_fails_when_schemas_or_codeowners_are_out_of_date():
    runs = "\n".join(s.get("run", "") for s in load()["jobs"]["build"]["steps"])
    assert ".venv/bin/thinka schema --check" in runs and ".venv/bin/thinka codeowners --check" in runs


ACTIONLINT = Path(sys.executable).with_name("actionlint")


def _actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT), "-no-color", str(path)], capture_output=True, text=True, timeout=120)


def test_the_workflow_passes_actionlint_which_catches_a_broken_one(tmp_path):
    result = _actionlint(WORKFLOW)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    broken = tmp_path / "site.yml"
    broken.write_text(WORKFLOW.read_text("utf-8").replace("github.event_name == 'pull_request'", "github.event_nam == 'pull_request'", 1), "utf-8")
    result = _actionlint(broken)
    assert result.returncode == 1 and 'property "event_nam" is not defined' in result.stdout


def test_a_nightly_run_rebuilds_and_deploys_so_upcoming_events_stay_true():
    workflow = load()
    assert [entry["cron"] for entry in workflow[True]["schedule"]] == ["17 2 * * *"]
    # A scheduled run is not a pull request and runs on main: it builds, tests and deploys.
    deploy_if = workflow["jobs"]["deploy"]["if"]
    assert deploy_if == "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
