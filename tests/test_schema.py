"""The editors' JSON Schema: generated from model.py, committed fresh, accepting every sample file.

Editors' YAML extensions read YAML 1.2 types (unquoted ``07743`` is the number 7743, ``true``
a boolean); ``thinka validate`` reads every value as text. The schema must accept both readings
of every valid file, and reject the typical mistakes.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from thinka.exports import schema
from thinka.data.diagnostics import Problems
from thinka.data.yamlsource import load

from conftest import BIN, COMPLETE, REPO, SAMPLE

COMMITTED = REPO / schema.SCHEMA_DIR


# ------------------------------------------------------------------ YAML 1.2 core schema, as editors read it
class Yaml12Loader(yaml.SafeLoader):
    """PyYAML speaks YAML 1.1 (``07743`` octal, ``no`` false, ``12:30`` sexagesimal); this loader
    resolves plain scalars by the YAML 1.2 core schema, as VS Code's and JetBrains' YAML support do."""

    yaml_implicit_resolvers: dict[str, Any] = {}


def _int12(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    value = loader.construct_scalar(node)  # type: ignore[arg-type]
    if value.startswith("0o"):
        return int(value[2:], 8)
    if value.startswith("0x"):
        return int(value[2:], 16)
    return int(value, 10)


def _bool12(loader: yaml.SafeLoader, node: yaml.Node) -> bool:
    return loader.construct_scalar(node).lower() == "true"  # type: ignore[arg-type]


Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", _bool12)


def as_editor_reads(path: Path) -> Any:
    return yaml.load(path.read_text("utf-8"), Loader=Yaml12Loader)


def as_thinka_reads(path: Path) -> Any:
    problems = Problems()
    doc = load(path, problems)
    assert not problems
    return doc.data


def validator(kind: str) -> jsonschema.protocols.Validator:
    document = json.loads((COMMITTED / schema.file_name(kind)).read_text("utf-8"))
    cls = jsonschema.validators.validator_for(document)
    cls.check_schema(document)
    return cls(document)


def kind_of(path: Path, data_dir: Path) -> str:
    rel = path.relative_to(data_dir).as_posix()
    if rel.startswith("sites/"):
        return "site"
    if rel.startswith("events/"):
        return "event"
    return rel.split(".")[0]


def data_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.rglob("*.yml") if "schema" not in p.relative_to(data_dir).parts)


def errors(kind: str, data: Any) -> list[str]:
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.validator}" for e in validator(kind).iter_errors(data))


# ------------------------------------------------------------------ freshness and shape
def test_committed_schemas_equal_freshly_generated_ones():
    for kind in schema.KINDS:
        committed = (COMMITTED / schema.file_name(kind)).read_text("utf-8")
        assert committed == schema.text(kind), f"{kind}: bitte 'thinka schema' ausführen"


def test_schema_check_command_reports_a_stale_file(tmp_path: Path):
    out = tmp_path / "schema"
    run = lambda *a: subprocess.run([str(BIN / "thinka"), "schema", "--out", str(out), *a], capture_output=True, text=True)
    assert run().returncode == 0
    assert run("--check").returncode == 0
    (out / "site.schema.json").write_text("{}\n", "utf-8")
    result = run("--check")
    assert result.returncode == 1
    assert result.stderr == f"{out}/site.schema.json: veraltet – bitte 'thinka schema' ausführen und die Datei mit einchecken.\n"


@pytest.mark.parametrize("kind", list(schema.KINDS))
def test_every_field_has_a_german_title_description_and_example(kind: str):
    fields = [(section.title, f) for section in schema.sections(kind) for f in section.fields]
    missing = [(section, f.key, what) for section, f in fields for what in ("title", "description", "examples") if not getattr(f, what)]
    assert missing == []
    # Titles are the German labels, not pydantic's capitalised key names.
    titles = {(section, f.key): f.title for section, f in fields}
    if kind == "site":
        assert titles[("Anlaufstelle", "oeffnungszeiten")] == "Öffnungszeiten"
        assert titles[("Anschrift", "strasse")] == "Straße"
        assert titles[("Anlaufstelle", "adresse")] == "Anschrift"


def test_every_sample_file_starts_with_its_schema_line():
    for path in data_files(SAMPLE):
        first = path.read_text("utf-8").splitlines()[0]
        kind = kind_of(path, SAMPLE)
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert first.startswith("# yaml-language-server: $schema="), path
        assert target == (COMMITTED / schema.file_name(kind)).resolve(), path


# ------------------------------------------------------------------ accepts every valid file
@pytest.mark.parametrize("data_dir", [SAMPLE, COMPLETE], ids=["sample", "complete"])
def test_schema_accepts_every_valid_file_as_editors_and_as_thinka_read_it(data_dir: Path):
    for path in data_files(data_dir):
        kind = kind_of(path, data_dir)
        assert errors(kind, as_editor_reads(path)) == [], path
        assert errors(kind, as_thinka_reads(path)) == [], path


def test_unquoted_postal_code_is_a_number_for_the_editor_and_accepted():
    data = as_editor_reads(COMPLETE / "sites" / "jena-lobeda.yml")
    assert data["anlaufstellen"][0]["adresse"]["plz"] == 7747  # what VS Code sees for `plz: 07747`
    assert errors("site", data) == []


# ------------------------------------------------------------------ rejects typical mistakes
def site() -> dict[str, Any]:
    return as_editor_reads(COMPLETE / "sites" / "jena-lobeda.yml")


def test_unknown_key_is_rejected():
    data = site()
    data["anlaufstellen"][0]["telefn"] = data["anlaufstellen"][0].pop("telefon")
    assert errors("site", data) == ["anlaufstellen/0: additionalProperties"]


def test_unknown_choice_is_rejected():
    data = site()
    data["status"] = "aktif"
    assert errors("site", data) == ["status: enum"]


@pytest.mark.parametrize("plz", ["7747", "80331", "0774", 80331, 12345])
def test_bad_postal_code_is_rejected(plz: Any):
    data = site()
    data["anlaufstellen"][0]["adresse"]["plz"] = plz
    assert errors("site", data) == ["anlaufstellen/0/adresse/plz: anyOf"]


def test_missing_required_field_and_bad_date_are_rejected():
    data = site()
    del data["name"]
    data["stand"] = "01.10.2026"
    assert errors("site", data) == [": required", "stand: anyOf"]


def test_unknown_district_and_bad_time_range_are_rejected():
    data = site()
    data["kreise"] = ["Jenna"]
    data["anlaufstellen"][0]["oeffnungszeiten"][0]["zeiten"] = "9 bis 12"
    assert errors("site", data) == ["anlaufstellen/0/oeffnungszeiten/0/zeiten: anyOf", "kreise: anyOf"]


def test_one_value_where_a_list_is_allowed_is_accepted():
    data = site()
    data["kreise"] = "Jena"
    data["traeger"] = "testtraeger"
    data["anlaufstellen"][0]["telefon"] = "03641 123456"
    data["anlaufstellen"][0]["oeffnungszeiten"][0]["zeiten"] = "09:00–12:00, 13:00–15:00"
    assert errors("site", data) == []


def test_unknown_key_in_organisations_and_program_is_rejected():
    orgs = as_editor_reads(COMPLETE / "organisations.yml")
    orgs["organisationen"][0]["webseite"] = "https://example.org"
    assert errors("organisations", orgs) == ["organisationen/0: additionalProperties"]
    program = as_editor_reads(COMPLETE / "program.yml")
    program["stand_max_monate"] = 0
    assert errors("program", program) == ["stand_max_monate: anyOf"]
