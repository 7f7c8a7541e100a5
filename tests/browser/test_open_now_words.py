"""thinka.js writes "open now" and marks today's row in the browser: on a page in another language
it takes those words from the page (``<script id="thinka-texts">``, from the catalogue), in
German it keeps its own. Here the English words are put into the built German page of Jena-Lobeda
(hours Mo–Fr 09:00–12:00, Do 14:00–18:00), as a page in English carries them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thinka.views.translation import using
from thinka.views.wording import browser_texts_json

from .conftest import serve


@pytest.fixture(scope="module")
def english_words_site(complete_site: Path, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("open-now-words") / "site"
    shutil.copytree(complete_site, site)
    page = site / "standorte" / "jena-lobeda" / "index.html"
    with using("en"):
        words = str(browser_texts_json())
    html = page.read_text("utf-8")
    page.write_text(html.replace('<h1', f'<script type="application/json" id="thinka-texts">{words}</script><h1', 1), "utf-8")
    return site


@pytest.mark.parametrize(
    ("berlin_time", "badge", "today_word"),
    [
        ("2026-11-25T10:00:00+01:00", "Open now, until 12:00", ["today"]),  # Wednesday morning
        ("2026-11-25T13:00:00+01:00", "Closed, opens tomorrow at 09:00", ["today"]),  # Wednesday, after the morning
        ("2026-11-26T13:00:00+01:00", "Closed, opens today at 14:00", ["today", "today"]),  # Thursday: both rows
        ("2026-11-28T10:00:00+01:00", "Closed, opens on Monday at 09:00", []),  # Saturday
    ],
)
def test_open_now_and_today_in_the_pages_language(browser, english_words_site, berlin_time, badge, today_word):
    with serve(english_words_site) as url:
        page = browser.new_page()
        page.clock.set_fixed_time(berlin_time)
        page.goto(url + "standorte/jena-lobeda/")
        shown = page.inner_text("#anlaufstelle-1 .thinka-open")
        marks = page.eval_on_selector_all("#anlaufstelle-1 .thinka-hours__today", "els => els.map(e => e.textContent)")
        page.close()
    assert shown == badge
    assert marks == today_word


def test_german_page_keeps_the_scripts_own_words(browser, complete_url):
    page = browser.new_page()
    page.clock.set_fixed_time("2026-11-28T10:00:00+01:00")  # Saturday
    page.goto(complete_url + "standorte/jena-lobeda/")
    shown = page.inner_text("#anlaufstelle-1 .thinka-open")
    page.close()
    assert shown == "Geschlossen, öffnet am Montag um 09:00 Uhr"
