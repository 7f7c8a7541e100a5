"""``.github/CODEOWNERS`` from the ``redaktion`` fields: each site's people review changes to its file.

GitHub asks the owners of a changed file for a review; the last matching line wins, so the
default owners (``redaktion`` in program.yml, only when set) come first and each site's file
follows. No handle is ever made up: a site without ``redaktion`` gets no line of its own.
"""

from __future__ import annotations

import os
from pathlib import Path

from thinka.data.dataset import Dataset

PATH = Path(".github") / "CODEOWNERS"
HEADER = [
    "# Erzeugt mit 'thinka codeowners' aus den Feldern 'redaktion' in den Daten. Bitte nicht von Hand ändern:",
    "# 'redaktion' im Standort (sites/<kennung>.yml) bzw. in program.yml eintragen, dann 'thinka codeowners'.",
    "# Wer bei einer Datei steht, wird bei jedem Pull Request, der sie ändert, um Prüfung gebeten.",
]


class OutsideRepository(Exception):
    pass


def _repo_path(path: Path, root: Path) -> str:
    absolute, base = os.path.abspath(path), os.path.abspath(root)
    if not absolute.startswith(base + os.sep):
        raise OutsideRepository(f"{path} liegt nicht im Repository {root}; CODEOWNERS kann nur Dateien darin nennen.")
    return "/" + Path(os.path.relpath(absolute, base)).as_posix()


def render(dataset: Dataset, root: Path) -> str:
    lines = list(HEADER)
    default = dataset.program.redaktion if dataset.program else []
    if default:
        lines += ["", "# Alles andere", "* " + " ".join(default)]
    owned = [(slug, located) for slug, located in sorted(dataset.sites.items()) if located.record.redaktion]
    if owned:
        lines += ["", "# Standorte"]
        for _, located in owned:
            lines.append(f"{_repo_path(located.doc.path, root)} {' '.join(located.record.redaktion)}")
    return "\n".join(lines) + "\n"
