"""The page /daten/ (docs/daten/index.md) asks for ``<!-- thinka:offene-daten -->``: the files,
their licence from ``program.yml``, what they hold today, and one real excerpt per format."""

from __future__ import annotations

import json
from typing import Any

from thinka.data.dataset import Dataset
from thinka.data.program import DataLicence
from thinka.data.settings import Settings
from thinka.exports import geojson, hsds_json, tabular

from .common import Fragment


def _trimmed(value: Any) -> Any:
    """The excerpt without its attribute lists (taxonomy terms), which make it long and say little."""
    if isinstance(value, dict):
        return {k: _trimmed(v) for k, v in value.items() if k != "attributes"}
    if isinstance(value, list):
        return [_trimmed(v) for v in value]
    return value


def open_data_fragment(dataset: Dataset, settings: Settings) -> Fragment:
    licence = dataset.program.datenlizenz if dataset.program else DataLicence()
    points = sum(len(located.record.anlaufstellen) for located in dataset.sites.values())
    context: dict[str, Any] = {
        "licence": licence,
        "counts": {"sites": len(dataset.sites), "points": points, "organisations": len(dataset.organisations)},
        "files": {
            "services": hsds_json.SERVICES_PATH, "organizations": hsds_json.ORGANIZATIONS_PATH,
            "package": tabular.DESCRIPTOR, "csv": tabular.DIR, "geojson": geojson.PATH,
            "geojson_other": geojson.OTHER_PATH,
        },
        "cite": f"{licence.namensnennung}: Standorte und Anlaufstellen, {settings.absolute('daten/')}, {licence.name} ({licence.url})",
        "example": None,  # no open contact point with opening hours: the page leaves out the excerpts
    }
    example = hsds_json.example(dataset, settings)
    if example is not None:
        rows = example["tables"].rows["schedule"]
        sal = example["json"]["id"]
        context["example"] = {
            "point": example["point"],
            "site": example["site"],
            "json": json.dumps(_trimmed(example["json"]), ensure_ascii=False, indent=2),
            "csv": "".join(tabular.csv_text("schedule", [r for r in rows if r.get("service_at_location_id") == sal]).splitlines(keepends=True)).replace("\r\n", "\n"),
            "geojson": json.dumps(geojson.feature(dataset, settings, example["slug"], example["index"]), ensure_ascii=False, indent=2),
        }
    return Fragment("open-data.html", context)
