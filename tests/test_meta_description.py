"""Every page of the built site tells search engines and link previews what it is about.

Lighthouse's SEO audit asks for a meta description on every page; a page without one, or
with the same text as its neighbours (page 2 of a list), shows up in search results with
whatever text the engine picks.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import COMPLETE, build

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The complete test data plus twelve posts, so the news list has a second page."""
    import shutil

    base = tmp_path_factory.mktemp("meta")
    data = base / "data"
    shutil.copytree(COMPLETE, data)
    for day in range(1, 13):
        (data / "news" / f"2024-04-{day:02d}-testmeldung-{day}.md").write_text(
            f"---\ntitel: Testmeldung {day}\ndatum: 2024-04-{day:02d}\nstandorte: [jena-lobeda]\nthemen: [stadtteil]\n---\n"
            f"Eine erfundene Meldung Nummer {day}.\n",
            "utf-8",
        )
    out = base / "site"
    result = build(data, out)
    assert result.returncode == 0, result.stderr
    return out


def descriptions(site: Path) -> dict[str, str]:
    found = {}
    for page in sorted(site.rglob("*.html")):
        match = DESCRIPTION.search(page.read_text("utf-8"))
        found[page.relative_to(site).as_posix()] = html.unescape(match.group(1)).strip() if match else ""
    return found


def test_every_page_has_a_meta_description(site: Path):
    found = descriptions(site)
    # The kinds of page the build makes: hand-written, site, directory, news list page 2, archive, post, event, 404.
    for page in ("index.html", "programm/index.html", "standorte/jena-lobeda/index.html", "standorte/index.html",
                 "anlaufstellen/index.html", "partner/index.html", "karte/index.html", "aktuelles/seite/2/index.html",
                 "aktuelles/archiv/2024/04/index.html", "aktuelles/2024-04-01-testmeldung-1/index.html",
                 "veranstaltungen/2024-09-12-nachbarschaftsfest/index.html", "404.html"):
        assert page in found, page
    assert [page for page, text in found.items() if not text] == []


def test_no_two_pages_share_a_meta_description(site: Path):
    pages_by_text: dict[str, list[str]] = defaultdict(list)
    for page, text in descriptions(site).items():
        pages_by_text[text].append(page)
    assert {text: pages for text, pages in pages_by_text.items() if len(pages) > 1} == {}


def test_second_page_of_a_list_says_which_page_it_is(site: Path):
    first = descriptions(site)["aktuelles/index.html"]
    assert descriptions(site)["aktuelles/seite/2/index.html"] == f"{first} Seite 2 von 2."
