"""Where ``mkdocs build`` may write: MkDocs empties its output folder before building, so a wrong
``-d`` would delete the data or someone's files. Refused in German before anything is removed."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

# What every finished build leaves (Material writes both): a folder holding one is an old site.
_SITE_MARKS = ("404.html", "sitemap.xml")


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def problem(site_dir: str, data_dir: Path, config_dir: Path) -> str | None:
    """A German sentence when building into ``site_dir`` would destroy something, else None."""
    site = Path(os.path.realpath(site_dir))
    data = Path(os.path.realpath(data_dir))
    if _inside(data, site):
        return f"Der Ausgabeordner {site_dir} enthält den Datenordner {data_dir}: MkDocs würde ihn vor dem Bauen leeren. Bitte einen eigenen Ordner angeben (z. B. site)."
    if _inside(site, data):
        return f"Der Ausgabeordner {site_dir} liegt im Datenordner {data_dir}: die Website würde zwischen die Daten geschrieben. Bitte einen Ordner außerhalb angeben (z. B. site)."
    if _inside(Path(os.path.realpath(config_dir)), site):
        return f"Der Ausgabeordner {site_dir} enthält das Projekt selbst: MkDocs würde es vor dem Bauen leeren. Bitte einen eigenen Ordner angeben (z. B. site)."
    try:
        entries = [name for name in os.listdir(site) if not name.startswith(".")]  # MkDocs keeps hidden ones
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return f"Der Ausgabeordner {site_dir} ist eine Datei, kein Ordner."
    except OSError:
        return None  # unreadable: MkDocs' own writing reports it (on_build_error)
    # A build that stopped half-way (a full disk) has the theme's assets but no 404.html yet.
    theme = (site / "assets" / "javascripts").is_dir() and (site / "assets" / "stylesheets").is_dir()
    if entries and not theme and not any(mark in entries for mark in _SITE_MARKS):
        return (
            f"Der Ausgabeordner {site_dir} ist nicht leer und enthält keine gebaute Website "
            f"(z. B. {sorted(entries)[0]!r}): MkDocs würde alles darin löschen. Bitte einen leeren Ordner oder den Ordner einer früheren Website angeben."
        )
    return None


class GermanFolderErrors(logging.Filter):
    """MkDocs itself refuses an output folder that holds the project's docs/ (``-d .``, ``-d /``)
    or lies inside it, while it reads mkdocs.yml, before any plugin runs: its English line is
    told in German here (installed when MkDocs loads the plugin, which is before that check)."""

    _SAYS = {
        "'docs_dir' should not be within the 'site_dir'":
            "Der Ausgabeordner {site_dir} enthält das Projekt selbst (docs/): MkDocs würde es vor dem Bauen leeren. Bitte einen eigenen Ordner angeben (z. B. site).",
        "'site_dir' should not be within the 'docs_dir'":
            "Der Ausgabeordner {site_dir} liegt in docs/: die Website würde in ihre eigenen Quellen geschrieben. Bitte einen Ordner außerhalb angeben (z. B. site).",
    }
    _SITE_DIR = re.compile(r"\(site_dir: '(.*)', docs_dir: ")

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        for english, german in self._SAYS.items():
            found = self._SITE_DIR.search(text)
            if english in text and found:
                record.msg, record.args = german.format(site_dir=found.group(1)), ()
        return True
