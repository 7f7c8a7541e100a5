"""Reading a data file safely: only a regular file inside the data folder, its size checked
before a byte is read; whatever else stands there is reported in German, never waited for."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .diagnostics import Problems, file_system_reason
from .limits import MAX_BYTES, german_number


_KINDS = {
    stat.S_IFDIR: "ein Ordner",
    stat.S_IFIFO: "eine benannte Pipe (FIFO)",
    stat.S_IFSOCK: "ein Socket",
    stat.S_IFCHR: "ein Gerät",
    stat.S_IFBLK: "ein Gerät",
}


def _too_large(size: int) -> str:
    return f"Datei ist zu groß ({german_number(size)} Bytes; erlaubt sind {german_number(MAX_BYTES)})."


def read_data_file(path: Path, problems: Problems, root: str | Path | None = None) -> bytes | None:
    """The bytes of a data file, or None after reporting why not: only a regular file is read
    (a FIFO would wait for a writer forever, a device never end), a symlink must lead to one
    inside ``root``, and the size is checked before reading."""
    name = str(path)
    try:
        real = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            problems.error(name, 1, 1, "Die Verknüpfung (Symlink) führt im Kreis und zu keiner Datei; bitte durch die Datei selbst ersetzen.")
        elif path.is_symlink():
            problems.error(name, 1, 1, f"Die Verknüpfung (Symlink) zeigt auf '{os.readlink(path)}', das es nicht gibt; bitte durch die Datei selbst ersetzen.")
        else:
            problems.error(name, 1, 1, f"Datei kann nicht gelesen werden: {file_system_reason(exc)}.")
        return None
    if root is not None and not real.is_relative_to(os.path.realpath(root)):
        problems.error(name, 1, 1, f"Die Datei ist eine Verknüpfung (Symlink) aus dem Datenordner hinaus (nach {real}); bitte die Datei selbst in den Datenordner legen.")
        return None
    try:
        info = os.stat(real)
        if not stat.S_ISREG(info.st_mode):
            kind = _KINDS.get(stat.S_IFMT(info.st_mode), "keine gewöhnliche Datei")
            problems.error(name, 1, 1, f"Keine gewöhnliche Datei, sondern {kind}: gelesen werden nur Dateien.")
            return None
        if info.st_size > MAX_BYTES:
            problems.error(name, 1, 1, _too_large(info.st_size))
            return None
        # O_NONBLOCK: should the file have been swapped for a FIFO since, opening does not wait.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                problems.error(name, 1, 1, "Keine gewöhnliche Datei: gelesen werden nur Dateien.")
                return None
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        problems.error(name, 1, 1, f"Datei kann nicht gelesen werden: {file_system_reason(exc)}.")
        return None
    if len(raw) > MAX_BYTES:  # it grew since
        problems.error(name, 1, 1, _too_large(len(raw)))
        return None
    return raw
