"""Problems found in the data: one German line each, ``path:line:column: message``."""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass, field

from .limits import MAX_PROBLEMS_PER_FILE

ERROR = "Fehler"
WARNING = "Warnung"


# What must never reach a terminal as it is: control characters (a newline would split the
# message, CR and ESC rewrite the line), line separators, and the invisible and bidi characters
# that make a text display other than it reads, and Unicode's noncharacters (U+FDD0–U+FDEF,
# U+FFFE/U+FFFF of every plane), which no font draws.
_UNSHOWABLE = re.compile(
    "[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0\ufdd0-\ufdef\ufffe\uffff\U000e0000-\U000e007f"
    # Unicode's noncharacters: the last two code points of every plane (U+1FFFE … U+10FFFF).
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff"
    "]"
)
_LINE_ENDS = "\r\n"
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def one_line(text: str, keep: str = "") -> str:
    """``text`` with every character a terminal would act on or hide written as an escape
    (``\\n``, ``\\r``, ``\\x1b``, ``\\u200b``), so a message stays one visible line; ``keep``:
    characters left as they are (for an encoding of their own)."""
    return _UNSHOWABLE.sub(lambda m: m.group() if m.group() in keep else _escaped(m.group()), text)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str
    severity: str = field(default=ERROR, compare=False)

    def shown_path(self, base: str | None = None) -> str:
        """The path, relative to ``base`` when it lies inside it (others stay as they are)."""
        path = self.path
        if base:
            absolute, root = os.path.abspath(path), os.path.abspath(base)
            if absolute.startswith(root + os.sep):
                path = os.path.relpath(absolute, root)
        return path

    def format(self, base: str | None = None) -> str:
        prefix = "" if self.severity == ERROR else "Warnung: "
        return one_line(f"{self.shown_path(base)}:{self.line}:{self.column}: {prefix}{self.message}")

    def annotation(self, base: str) -> str:
        """A GitHub Actions workflow command, so the problem shows on the changed line of a pull request.

        ``base`` is the repository root (``$GITHUB_WORKSPACE``): GitHub matches ``file`` against
        repository paths.
        """
        level = "error" if self.severity == ERROR else "warning"
        # CR and LF have GitHub's own escapes (%0D, %0A); every other such character is shown escaped.
        path = one_line(self.shown_path(base).replace(os.sep, "/"), keep=_LINE_ENDS)
        properties = f"file={_property(path)},line={self.line},col={self.column}"
        return f"::{level} {properties}::{_data(one_line(self.message, keep=_LINE_ENDS))}"


def _data(text: str) -> str:
    """Escape a workflow command's message (GitHub's toolkit: %, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a workflow command's property value (as the message, plus ':' and ',')."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class Problems:
    """Collects every problem of a run, so that all are reported at once (up to
    :data:`~thinka.data.limits.MAX_PROBLEMS_PER_FILE` per file, then one line saying so)."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self._seen: set[tuple[str, int, int, str, str]] = set()
        self._per_file: dict[tuple[str, str], int] = {}
        self._sorted: tuple[int, list[Problem], list[Problem]] | None = None
        self._error_count = 0

    def error(self, path: str, line: int, column: int, message: str) -> None:
        self._add(Problem(str(path), line, column, message, ERROR))

    def warning(self, path: str, line: int, column: int, message: str) -> None:
        self._add(Problem(str(path), line, column, message, WARNING))

    def _add(self, problem: Problem) -> None:
        key = (problem.path, problem.line, problem.column, problem.message, problem.severity)
        if key in self._seen:  # the same finding reached by two rules is one problem
            return
        counted = (problem.path, problem.severity)  # errors and warnings each up to the limit
        count = self._per_file.get(counted, 0)
        if count >= MAX_PROBLEMS_PER_FILE:
            if count == MAX_PROBLEMS_PER_FILE:
                self._per_file[counted] = count + 1
                message = self.TOO_MANY if problem.severity == ERROR else self.TOO_MANY_WARNINGS
                self.items.append(Problem(problem.path, problem.line, problem.column, message, problem.severity))
                self._error_count += problem.severity == ERROR
            return
        self._per_file[counted] = count + 1
        self._seen.add(key)
        self.items.append(problem)
        self._error_count += problem.severity == ERROR

    TOO_MANY = (
        f"Mehr als {MAX_PROBLEMS_PER_FILE} Fehler in dieser Datei; ab hier werden keine weiteren gemeldet. "
        "Bitte zuerst die gemeldeten beheben (oft ist es ein Fehler, der sich wiederholt)."
    )

    TOO_MANY_WARNINGS = f"Mehr als {MAX_PROBLEMS_PER_FILE} Warnungen in dieser Datei; ab hier werden keine weiteren gemeldet."

    def full(self, path: str) -> bool:
        """Whether ``path`` has reached its limit of reported errors (checks may stop there)."""
        return self._per_file.get((str(path), ERROR), 0) > MAX_PROBLEMS_PER_FILE

    def _split(self) -> tuple[list[Problem], list[Problem]]:
        if self._sorted is None or self._sorted[0] != len(self.items):  # sorted once per change, not per call
            ordered = sorted(self.items)
            self._sorted = (len(self.items), [p for p in ordered if p.severity == ERROR], [p for p in ordered if p.severity == WARNING])
        return self._sorted[1], self._sorted[2]

    @property
    def errors(self) -> list[Problem]:
        return list(self._split()[0])

    @property
    def warnings(self) -> list[Problem]:
        return list(self._split()[1])

    def __bool__(self) -> bool:
        return self._error_count > 0


_FILE_SYSTEM = {
    errno.ENOSPC: "auf dem Datenträger ist kein Platz mehr",
    errno.EDQUOT: "das Speicherkontingent ist aufgebraucht",
    errno.EROFS: "der Ordner liegt auf einem schreibgeschützten Datenträger",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "keine Berechtigung",
    errno.ENOENT: "Datei oder Ordner gibt es nicht",
    errno.ENOTDIR: "ein Teil des Pfads ist eine Datei, kein Ordner",
    errno.EISDIR: "dort steht ein Ordner, keine Datei",
    errno.ELOOP: "die Verknüpfungen (Symlinks) führen im Kreis",
    errno.ENAMETOOLONG: "der Pfad ist zu lang",
    errno.EMFILE: "zu viele offene Dateien",
    errno.EIO: "Ein-/Ausgabefehler des Datenträgers",
}


def file_system_reason(exc: OSError) -> str:
    """Why the file system refused, in German ('keine Berechtigung')."""
    return _FILE_SYSTEM.get(exc.errno or 0, f"Fehler des Dateisystems ({exc.strerror or exc})")


def file_system_message(exc: OSError) -> str:
    """A file-system error (full disk, read-only or forbidden folder …) as one German line."""
    reason = file_system_reason(exc)
    where = exc.filename2 if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS) and exc.filename2 else exc.filename
    place = f" ('{os.fsdecode(where)}')" if where else ""
    return one_line(f"Die Website wurde nicht gebaut: {reason}{place}. Bitte beheben oder mit 'mkdocs build -d ORDNER' einen anderen Zielordner wählen.")
