"""Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache and the funding notice: filled from
program.yml, saying plainly what is missing, reachable from every page."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import pytest

from thinka.data.languages import LANGUAGES
from thinka.views.translation import gettext, using
from conftest import COMPLETE, build, edit


@pytest.fixture(scope="session")
def complete_site(complete_build: Path) -> Path:
    return complete_build


@pytest.fixture(scope="module")
def incomplete_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("legal-missing")
    data = root / "data"
    shutil.copytree(COMPLETE, data)
    for line in ("  name: Testbetreiber gGmbH\n", "  telefon: 03641 555000\n", "  redaktion: Max Muster\n",
                 "  protokoll_speicherdauer: 7 Tage\n", "  konformitaet: teilweise\n"):
        edit(data / "program.yml", line, "")
    result = build(data, root / "site")
    return result, root / "site"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_imprint_names_provider_and_responsible_person(complete_site):
    page = (complete_site / "impressum/index.html").read_text("utf-8")
    text = _text(page)
    assert "Testbetreiber gGmbH Beispielweg 3 07743 Jena" in text
    assert "Vertreten durch Erika Beispiel (Geschäftsführung)" in text
    assert '<a href="tel:+493641555000">03641 555000</a>' in page
    assert '<a href="mailto:info@betreiber.example.org">info@betreiber.example.org</a>' in page
    assert "Registereintrag Amtsgericht Jena, HRB 000000" in text
    assert "Angaben nach § 18 Absatz 2 Medienstaatsvertrag (MStV) Max Muster, Anschrift wie oben" in text
    assert "noch nicht eingetragen" not in text and "nicht vollständig" not in text


def test_privacy_statement_says_what_the_web_server_keeps(complete_site):
    text = _text((complete_site / "datenschutz/index.html").read_text("utf-8"))
    assert "Diese Website setzt keine Cookies." in text
    assert "Webhoster Testhosting GmbH, Erfurt" in text
    assert "IP-Adresse Datum und Uhrzeit aufgerufene Adresse" in text
    assert "Speicherdauer 7 Tage" in text and "Rechtsgrundlage Art. 6 Abs. 1 Buchst. e DSGVO" in text
    assert "Zuständig ist: Test-Aufsichtsbehörde für den Datenschutz" in text
    assert "noch nicht eingetragen" not in text


def test_privacy_statement_names_what_the_map_stores_and_sends_as_the_map_page_does_it(complete_site):
    """The key, value, tile server and tile address named in the statement are the ones the map
    page hands to its script (data attributes, from views.overview_map.LIVE_MAP); the browser
    tests (tests/browser/test_map.py) check that the script really uses them."""
    page = (complete_site / "datenschutz/index.html").read_text("utf-8")
    text = _text(page)
    named = {name: re.search(rf'<code class="thinka-legal__{name}">([^<]+)</code>', page).group(1) for name in ("host", "key", "value", "tiles")}
    assert named == {"host": "tile.openstreetmap.org", "key": "thinka-karte-zustimmung", "value": "ja", "tiles": "https://tile.openstreetmap.org/{z}/{x}/{y}.png"}
    karte = (complete_site / "karte/index.html").read_text("utf-8")
    attributes = dict(re.findall(r'data-(consent-key|consent-value|tiles)="([^"]+)"', karte))
    assert attributes == {"consent-key": named["key"], "consent-value": named["value"], "tiles": named["tiles"]}
    assert "Sie speichert nichts in Ihrem Browser" not in text  # no longer true once the visitor asks the map to remember
    for sentence in (
        "Erst wenn Sie auf der Karte zustimmen, lädt Ihr Browser Kartenbilder von OpenStreetMap (tile.openstreetmap.org).",
        "Ihre IP-Adresse,",
        "Ihren Browser und Ihr Betriebssystem (User-Agent),",
        "Nur wenn Sie vor dem Laden „Entscheidung auf diesem Gerät merken“ ankreuzen, speichert Ihr Browser im Local Storage dieser Website einen Eintrag: Name thinka-karte-zustimmung , Wert ja .",
        "die Schaltfläche „Zustimmung widerrufen“",
        "Löschen Sie die gespeicherten Websitedaten dieser Website",
    ):
        assert sentence in text, sentence
    assert '<a href="https://osmfoundation.org/wiki/Privacy_Policy" hreflang="en">' in page
    assert 'data-referrer-policy="strict-origin"' in karte  # "die Adresse dieser Website, aber nicht, welche Seite"
    assert "die Adresse dieser Website, aber nicht, welche Seite Sie ansehen" in text
    # The map page's consent step points to this section.
    assert '<a href="../datenschutz/#karte">Datenschutzerklärung</a>' in karte and 'id="karte"' in page


def test_accessibility_statement_has_conformance_gaps_contact_and_enforcement(complete_site):
    page = (complete_site / "barrierefreiheit/index.html").read_text("utf-8")
    text = _text(page)
    assert "Diese Website ist mit der BITV 2.0 teilweise vereinbar ." in text
    assert "Testmangel eins." in text
    assert 'am <time datetime="2026-11-01">1. November 2026</time> erstellt' in page
    assert '<a href="mailto:info@betreiber.example.org">' in page  # falls back to the operator's address
    assert '<a href="https://durchsetzung.example.org">Test-Durchsetzungsstelle</a>' in page
    assert "ThürBarrWebG" in text and "noch nicht eingetragen" not in text


def test_missing_facts_are_named_on_the_page_and_logged_without_failing_strict(incomplete_build):
    result, site = incomplete_build
    assert result.returncode == 0, result.stderr
    assert "INFO    -  " in result.stderr and "Für die Rechtstexte fehlt noch: Name des Betreibers" in result.stderr
    assert "WARNING" not in result.stderr
    imprint = _text((site / "impressum/index.html").read_text("utf-8"))
    assert "Diese Seite ist noch nicht vollständig" in imprint
    assert "Name des Betreibers Telefonnummer des Betreibers inhaltlich verantwortliche Person nach § 18 Abs. 2 MStV" in imprint
    assert "Anbieter dieser Website Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) noch nicht eingetragen" in imprint
    assert "Testbetreiber" not in imprint
    privacy = _text((site / "datenschutz/index.html").read_text("utf-8"))
    assert "Speicherdauer noch nicht eingetragen" in privacy
    statement = _text((site / "barrierefreiheit/index.html").read_text("utf-8"))
    assert "Der Stand der Vereinbarkeit mit der BITV 2.0 ist noch nicht eingetragen ." in statement


TRANSLATED = [code for code in LANGUAGES if code != "de"]


def test_every_page_carries_funding_notice_legal_links_and_easy_language(complete_site):
    pages = sorted(complete_site.rglob("*.html"))
    assert len(pages) > 10
    moved = {complete_site / "mitmachen" / "index.html", complete_site / "mitmachen" / "felder" / "index.html"}
    assert moved <= set(pages)
    for path in pages:
        html = path.read_text("utf-8")
        if '<meta http-equiv="refresh"' in html:  # an old address that sends the visitor on (views/moved.py)
            continue
        page_url = path.parent.relative_to(complete_site).as_posix() + "/"
        code = page_url.split("/")[0] if page_url.split("/")[0] in TRANSLATED else "de"
        with using(code):  # a page in another language says it in that language (views/locale/<code>/…/chrome.po)
            notice = gettext("Kofinanziert von der Europäischen Union")
            legal = [gettext(t) for t in ("Impressum", "Datenschutz", "Barrierefreiheit")] + ["Offene Daten" if code == "de" else gettext("Offene Daten (auf Deutsch)")]
        assert html.count(notice) == 1 if code == "de" else html.count(f'<span class="thinka-funding__eu">{notice}</span>') == 1, path
        assert '<svg class="thinka-funding__emblem" viewBox="0 0 810 540"' in html, path
        footer = re.search(r'<nav class="thinka-footer__links".*?</nav>', html, re.S).group()
        links = {text: posixpath.normpath(posixpath.join(page_url, href)).lstrip("/") for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', footer)}
        own = "" if code == "de" else f"{code}/"  # the legal pages' essentials in the page's language; the German-only offers in German
        assert links == {legal[0]: own + "impressum", legal[1]: own + "datenschutz", legal[2]: own + "barrierefreiheit", "Leichte Sprache": "leichte-sprache",
                         legal[3]: "daten", "Für Redaktionen": "redaktion"}, path
        assert 'class="md-header__button thinka-header__easy"' in html, path


def test_eu_emblem_has_twelve_gold_stars_on_blue(complete_site):
    html = (complete_site / "index.html").read_text("utf-8")
    svg = re.search(r'<svg class="thinka-funding__emblem".*?</svg>', html, re.S).group()
    assert '<rect width="810" height="540" fill="#039"/>' in svg
    stars = re.search(r'<path fill="#fc0" d="([^"]+)"', svg).group(1)
    assert stars.count("M") == 12 and stars.count("Z") == 12
    # the top star's upper point lies on the circle of radius h/3 + h/18 above the centre
    assert stars.startswith("M405.0 60.0L")


def test_easy_language_page_says_what_who_free_and_how_to_find(complete_site):
    page = (complete_site / "leichte-sprache/index.html").read_text("utf-8")
    text = _text(page)
    for sentence in ("ThINKA ist ein Angebot in Thüringen.", "ThINKA hilft allen Menschen.", "Die Beratung ist kostenlos.",
                     "Eine Anlauf·stelle ist ein Büro in Ihrer Nähe."):
        assert sentence in text
    assert '<a href="../standorte/">Standorte</a>' in page
    assert '<a href="../anlaufstellen/">Anlauf·stellen von A bis Z</a>' in page
    # one statement per line: no sentence of the text runs on into the next on the same line
    body = re.search(r'<div class="thinka-easy">(.*?)</div>', page, re.S).group(1)
    lines = re.sub(r"<[^>]+>", " ", re.sub(r"<br>|</p>|</li>|</h\d>", "\n", body.replace("\n", " "))).split("\n")
    assert len(lines) > 40
    for line in lines:
        assert len(re.findall(r"[.?!](?:\s|$)", line.strip())) <= 1, line


def test_404_page_is_german_and_shows_ways_on(complete_site):
    text = _text((complete_site / "404.html").read_text("utf-8"))
    assert "Seite nicht gefunden" in text and "Not found" not in text
    assert "Alle Standorte" in text


def test_privacy_statement_says_the_position_stays_in_the_browser_and_names_the_real_button(complete_site):
    """'In meiner Nähe suchen' asks for the position only when pressed and computes in the page
    (tests/browser/test_finder_places.py checks that nothing is sent); the statement says so under
    the button's real label, so the two cannot drift apart."""
    page = (complete_site / "datenschutz/index.html").read_text("utf-8")
    text = _text(page)
    start = (complete_site / "index.html").read_text("utf-8")
    button = re.search(r'<button class="thinka-finder__near[^"]*"[^>]*>([^<]+)</button>', start).group(1)
    assert button == "In meiner Nähe suchen"
    assert f"„{button}“ fragt nach Ihrem Standort nur, wenn Sie die Schaltfläche drücken." in text
    assert "Ihr Standort wird nicht an diesen Server oder an andere geschickt und nicht gespeichert." in text
    assert 'id="standort"' in page and '<a href="#standort">Ihr Standort</a>' in page
