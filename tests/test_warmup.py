"""The helper that works ahead while the data is checked (thinka.engine.warmup) prepares exactly what the
site pages ask for, under the keys they ask with."""

from __future__ import annotations

import shutil
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from conftest import SAMPLE, edit
from thinka.exports import qr
from thinka.data import text
from thinka.engine import warmup
from thinka.views.common import site_url
from thinka.data.settings import Settings
from thinka.data.validate import load_dataset


@pytest.fixture
def ready_tables():
    """qr.READY and text.READY, empty for the test and restored afterwards."""
    saved = dict(qr.READY), dict(text.READY)
    qr.READY.clear()
    text.READY.clear()
    yield
    qr.READY.clear(), text.READY.clear()
    qr.READY.update(saved[0])
    text.READY.update(saved[1])


def run_to_the_end(data: Path, settings: Settings) -> tuple[int, int]:
    helper = warmup.start(data, settings)
    assert helper is not None, "the helper needs two CPUs and fork (as on this machine and in CI)"
    helper.process.join(timeout=120)  # let it finish everything before taking it over
    return helper.finish()


def test_every_site_gets_its_code_and_its_description_as_the_pages_ask_for_them(tmp_path, ready_tables):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    # Spaces around the text and a decomposed "ü" (u + U+0308), as some editors save it: the check
    # strips and composes; the helper must key the text the same way, or the pages miss it.
    edit(data / "sites" / "gera.yml", "beschreibung: |\n", "beschreibung: |+\n  Gr\u0075\u0308\u00df aus Lusan.\n\n")
    settings = Settings.fixed(date(2026, 12, 2), "https://www.thinka.example/")
    codes, texts = run_to_the_end(data, settings)
    dataset, problems = load_dataset(data)
    assert not problems.errors
    urls = {settings.absolute(site_url(slug)) for slug in dataset.sites}
    assert (codes, set(qr.READY)) == (len(urls), urls)
    assert all(qr.READY[url] == qr.draw(url) for url in urls)
    descriptions = {located.record.beschreibung for located in dataset.sites.values() if located.record.beschreibung}
    assert "Grüß aus Lusan." in dataset.sites["gera"].record.beschreibung
    assert unicodedata.is_normalized("NFC", dataset.sites["gera"].record.beschreibung)
    assert (texts, set(text.READY)) == (len(descriptions), descriptions)
    text.READY.clear()  # compare with what the pages would render themselves
    ready = {d: text.render_markdown(d) for d in descriptions}
    codes, texts = run_to_the_end(data, settings)
    assert text.READY == ready


def test_a_broken_site_file_is_left_to_the_check(tmp_path, ready_tables):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    (data / "sites" / "gera.yml").write_text("name: [nicht geschlossen\n", "utf-8")
    codes, texts = run_to_the_end(data, Settings.fixed(date(2026, 12, 2)))
    assert codes == len(list((data / "sites").glob("*.yml")))  # the code needs only the file name
    assert texts == codes - 1
