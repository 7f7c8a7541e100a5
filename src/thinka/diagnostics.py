"""Problems found in the data: one German line each, ``path:line:column: message``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

ERROR = "Fehler"
WARNING = "Warnung"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str
    severity: str = field(default=ERROR, compare=False)

    def format(self, base: str | None = None) -> str:
        path = self.path
        if base:  # shorten paths inside the project; keep others as they are
            absolute, root = os.path.abspath(path), os.path.abspath(base)
            if absolute.startswith(root + os.sep):
                path = os.path.relpath(absolute, root)
        prefix = "" if self.severity == ERROR else "Warnung: "
        return f"{path}:{self.line}:{self.column}: {prefix}{self.message}"


class Problems:
    """Collects every problem of a run, so that all are reported at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, path: str, line: int, column: int, message: str) -> None:
        self._add(Problem(str(path), line, column, message, ERROR))

    def warning(self, path: str, line: int, column: int, message: str) -> None:
        self._add(Problem(str(path), line, column, message, WARNING))

    def _add(self, problem: Problem) -> None:
        if problem not in self.items:  # the same finding reached by two rules is one problem
            self.items.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == WARNING)

    def __bool__(self) -> bool:
        return bool(self.errors)
