"""A build refuses broken translation catalogues, all problems at once in German with
path:line:column: a translation whose placeholder differs from the German text's, and a
catalogue folder for a language the site does not know."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import COMPLETE, REPO, TODAY
from thinka.views import translation


def test_a_broken_placeholder_and_an_unknown_language_stop_the_build(tmp_path: Path, monkeypatch, caplog):
    locale = tmp_path / "locale"
    shutil.copytree(translation.LOCALE_DIR, locale)
    english = locale / "en/LC_MESSAGES/thinka.po"
    lines = english.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith('msgstr "All %(num)s contact points'))
    lines[at] = lines[at].replace("%(num)s", "%(count)s")
    english.write_text("".join(lines), "utf-8")
    (locale / "fr/LC_MESSAGES").mkdir(parents=True)
    shutil.copy(english, locale / "fr/LC_MESSAGES/thinka.po")
    monkeypatch.setattr(translation, "LOCALE_DIR", locale)
    monkeypatch.setenv("THINKA_DATA_DIR", str(COMPLETE))
    monkeypatch.setenv("THINKA_TODAY", TODAY)
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does before building
    with caplog.at_level(logging.ERROR), pytest.raises(Abort, match=r"^Abgebrochen\.$"):
        build(config)
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert errors[-1] == "Die Übersetzungskataloge enthalten 3 Fehler; die Website wurde nicht gebaut."
    assert errors[0].startswith(f"{locale / 'fr'}:1:1: Ein Katalog für die Sprache 'fr', die die Website nicht kennt; möglich sind: en, uk, ru, ar, fa")
    wrong = f"{english}:{at}:1: Die Übersetzung von „Alle %(num)s Anlaufstellen, nach Ort sortiert.“ passt nicht zu dessen Platzhaltern"
    assert any(e.startswith(wrong) for e in errors), errors
    assert not (tmp_path / "site").exists()  # nothing built, nothing half-written
