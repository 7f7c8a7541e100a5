"""The contact card of a site page offers what a resident can use: "Als Kontakt speichern" only when
the saved card holds a phone or an e-mail, "Route planen" only to a street, and the actions in the
order a resident needs them. ThINKA's own mark is the header logo and the browser tab's icon."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, build, edit


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The complete test data, with Sömmerda's contact point given a website only and a second one
    with a street only."""
    import shutil

    from conftest import COMPLETE

    base = tmp_path_factory.mktemp("cards")
    data = base / "data"
    shutil.copytree(COMPLETE, data)
    edit(
        data / "sites" / "soemmerda.yml",
        "        zeiten: 10:00–12:00\n",
        "        zeiten: 10:00–12:00\n    website: https://www.beispiel.de/koelleda\n"
        "  - name: Treff Sömmerda\n    art: Treffpunkt\n    adresse: {strasse: Marktplatz 1, ort: Sömmerda}\n",
    )
    out = base / "site"
    result = build(data, out)
    assert result.returncode == 0, result.stderr
    return out


def card(html: str, number: int) -> str:
    start = html.index(f'<article class="thinka-contact" id="anlaufstelle-{number}"')
    return html[start : html.index("</article>", start)]


def test_save_as_contact_only_where_a_phone_or_email_can_be_saved(site: Path):
    lobeda = (site / "standorte" / "jena-lobeda" / "index.html").read_text("utf-8")
    assert "Als Kontakt speichern" in card(lobeda, 1)
    soemmerda = (site / "standorte" / "soemmerda" / "index.html").read_text("utf-8")
    website_only, street_only = card(soemmerda, 1), card(soemmerda, 2)
    assert 'href="https://www.beispiel.de/koelleda"' in website_only  # the website is offered ...
    assert "Als Kontakt speichern" not in website_only  # ... but there is no phone or e-mail to save
    assert "Als Kontakt speichern" not in street_only
    assert ".vcf" not in soemmerda


def test_route_only_to_a_known_street(site: Path):
    soemmerda = (site / "standorte" / "soemmerda" / "index.html").read_text("utf-8")
    assert "Route planen" not in card(soemmerda, 1)  # Kölleda: no street, a route would end in the town centre
    assert "Route planen" in card(soemmerda, 2)
    assert "directions?from=&amp;to=Marktplatz%201,%20S%C3%B6mmerda" in card(soemmerda, 2)


def test_actions_come_in_the_order_a_resident_needs_them(site: Path):
    lobeda = card((site / "standorte" / "jena-lobeda" / "index.html").read_text("utf-8"), 1)
    order = [lobeda.index(part) for part in ('class="thinka-contact__address"', 'class="thinka-open"', "Anrufen", "E-Mail schreiben", "Route planen", '<table class="thinka-hours">', "Als Kontakt speichern")]
    assert order == sorted(order)


def test_site_page_leads_with_its_contact_points_before_its_story(site: Path):
    html = (site / "standorte" / "jena-lobeda" / "index.html").read_text("utf-8")
    assert html.index('id="anlaufstellen"') < html.index('id="anlaufstelle-1"') < html.index('id="ueber-den-standort"') < html.index("thinka-site__description")


def test_ended_site_tells_its_story_without_contact_actions(site: Path):
    html = (site / "standorte" / "jena-winzerla" / "index.html").read_text("utf-8")
    assert '<h2 id="ueber-den-standort">Was der Standort tat</h2>' in html
    assert 'id="anlaufstellen"' not in html
    for action in ("thinka-contact__actions", "Anrufen", "Route planen", "Als Kontakt speichern", "thinka-open"):
        assert action not in html, action


def test_important_notes_are_body_text_not_small_print(site: Path):
    html = (site / "standorte" / "jena-winzerla" / "index.html").read_text("utf-8")
    assert '<div class="thinka-notice thinka-notice--ended thinka-site__ended">' in html
    assert "admonition" not in html.split('<article class="md-content__inner')[1]
    css = (REPO / "docs" / "assets" / "stylesheets" / "thinka.css").read_text("utf-8")
    assert re.search(r"\.md-typeset \.thinka-notice \{[^}]*font-size: 1em;", css)


def test_favicon_and_header_logo_are_the_same_drawing_of_our_own():
    favicon = (REPO / "docs" / "assets" / "images" / "favicon.svg").read_text("utf-8")
    logo = (REPO / "overrides" / "partials" / "logo.html").read_text("utf-8")
    shapes = lambda svg: re.findall(r"<(?:path|rect) [^>]*/>", svg)  # noqa: E731
    assert shapes(favicon) and shapes(favicon) == shapes(logo)
    assert "favicon: assets/images/favicon.svg" in (REPO / "mkdocs.yml").read_text("utf-8")


def test_no_page_to_page_footer_anywhere(site: Path):
    pages = list(site.rglob("index.html"))
    assert len(pages) > 20
    assert [p for p in pages if "md-footer__link" in p.read_text("utf-8")] == []
