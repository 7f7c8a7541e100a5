"""The A–Z list of contact points stays a page a phone can load when the programme grows:
fifty contact points per page, letters lead to the page where their towns begin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thinka.views.directories import CONTACT_POINTS_PER_PAGE

from conftest import build

TOWNS = ["Apolda", "Arnstadt", "Bleicherode", "Eisenach", "Gera", "Gotha", "Jena", "Suhl", "Weimar", "Zeulenroda"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The complete test data (two current contact points, one of an ended site) plus 61 one-point sites in ten towns."""
    import shutil

    from conftest import COMPLETE

    base = tmp_path_factory.mktemp("a-z")
    data = base / "data"
    shutil.copytree(COMPLETE, data)
    for i in range(61):
        town = TOWNS[i % len(TOWNS)]
        (data / "sites" / f"test-{i:02d}.yml").write_text(
            f"name: ThINKA Test {i:02d}\nkreise: [Sömmerda]\nstatus: geplant\nbeginn: 2027-01\n"
            f"beschreibung: Ein erfundener Standort.\neinzugsgebiet:\n  orte: [{town}]\n"
            f"anlaufstellen:\n  - name: Testbüro {i:02d}\n    art: Mobile Sprechstunde\n    adresse: {{ort: {town}}}\n"
            f"stand: 2026-11-01\n",
            "utf-8",
        )
    out = base / "site"
    result = build(data, out)
    assert result.returncode == 0, result.stderr
    return out


def names(page: Path) -> list[str]:
    return re.findall(r'<li class="thinka-directory__item[^"]*">.*?<a href="[^"]*">([^<]*)</a>', page.read_text("utf-8"), re.S)


def test_every_contact_point_is_on_exactly_one_page_of_the_list(site: Path):
    first = names(site / "anlaufstellen" / "index.html")
    second = names(site / "anlaufstellen" / "seite" / "2" / "index.html")
    assert len(first) == CONTACT_POINTS_PER_PAGE == 50
    total = 61 + 2  # the ended site's contact point is history on its page, not in the list
    assert len(second) == total - 50
    assert len(set(first + second)) == total
    assert not (site / "anlaufstellen" / "seite" / "3").exists()


def test_letters_lead_to_the_page_where_their_towns_begin(site: Path):
    page = (site / "anlaufstellen" / "seite" / "2" / "index.html").read_text("utf-8")
    nav = page[page.index('aria-label="Anfangsbuchstaben der Orte"') :]
    nav = nav[: nav.index("</nav>")]
    links = dict((letter, href) for href, letter in re.findall(r'<a href="([^"]*)">(\w)</a>', nav))
    assert links["A"] == "../../#buchstabe-a"
    assert links["Z"] == "./#buchstabe-z"  # Zeulenroda: the last town, on this page
    target_page, anchor = links["Z"].split("#")
    assert f'<h2 id="{anchor}">Z</h2>' in page


def test_a_letter_that_goes_on_over_a_page_break_says_so(site: Path):
    # By town: Apolda (seven), Arnstadt, Bleicherode, Eisenach, Gera, Gotha (six each), Jena (seven),
    # Kölleda (one), then Suhl: the 46th to 51st, so S begins on page 1 and goes on on page 2.
    page = (site / "anlaufstellen" / "seite" / "2" / "index.html").read_text("utf-8")
    headings = re.findall(r"<h2 id=\"buchstabe-\w\">([^<]*)</h2>", page)
    assert headings[0] == "S (Fortsetzung)"
    first = (site / "anlaufstellen" / "index.html").read_text("utf-8")
    assert "Die Liste hat 2 Seiten" in first and "Seite 1 von 2" in first
