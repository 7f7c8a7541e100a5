"""Hostile input: every broken or malicious file is refused in German at its position, or shown as
harmless text — never a traceback, never markup or script from the data."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import BIN, COMPLETE, build
from thinka.data.model import Site
from thinka.data.text import SAFE_SCHEMES, link_scheme

HERE = Path(__file__).parent / "data"
TARGETS = {"site": "sites/jena-lobeda.yml", "org": "organisations.yml", "program": "program.yml"}
HIDDEN = "es ist unsichtbar oder verändert die Anzeige. Bitte löschen."
NOT_HTTPS = "muss mit https:// beginnen (erlaubt sind https, http, mailto und tel)."

# case file → (line, column, message) of each problem reported (aliases: the first of many)
REFUSED: dict[str, list[tuple[int, int, str]]] = {
    "site-alias-bomb.yml": [(40, 12, "Anker und Verweise (&name / *name) sind nicht erlaubt: bitte den Wert ausschreiben.")],
    "site-deep-flow.yml": [(39, 1010, "YAML-Syntaxfehler: Zu tief verschachtelt (mehr als 40 Ebenen).")],
    "site-deep-block.yml": [
        (39, 1, "Unbekanntes Feld 'ebene0'. Erlaubt sind hier: " + ", ".join(Site.model_fields) + "."),
        (80, 83, "Zu tief verschachtelt (mehr als 40 Ebenen)."),
    ],
    "site-tab-indent.yml": [(18, 1, "YAML-Syntaxfehler: Tabulatorzeichen sind in YAML nicht erlaubt; bitte mit Leerzeichen einrücken.")],
    "site-latin1.yml": [(15, 16, "Die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte). Bitte als UTF-8 speichern.")],
    "site-utf16.yml": [(1, 1, "Die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte). Bitte als UTF-8 speichern.")],
    "site-control-raw.yml": [(20, 26, f"Unzulässiges Zeichen U+0007 (Steuerzeichen) – {HIDDEN}")],
    "site-control-escaped.yml": [(20, 16, f"Unzulässiges Zeichen U+001B (Steuerzeichen) – {HIDDEN}")],
    "site-nul.yml": [(22, 14, f"Unzulässiges Zeichen U+0000 (Nullzeichen) – {HIDDEN}")],
    "site-bidi-raw.yml": [(1, 14, f"Unzulässiges Zeichen U+202E (Steuerzeichen für die Schreibrichtung) – {HIDDEN}")],
    "site-bidi-escaped.yml": [(36, 16, f"Unzulässiges Zeichen U+2066 (Steuerzeichen für die Schreibrichtung) – {HIDDEN}")],
    "site-line-separator.yml": [(15, 14, f"Unzulässiges Zeichen U+2028 (Zeilentrenner) – {HIDDEN}")],
    "site-nel.yml": [(15, 14, f"Unzulässiges Zeichen U+0085 (Zeilenumbruch NEL) – {HIDDEN}")],
    "site-bom-inside.yml": [(17, 20, f"Unzulässiges Zeichen U+FEFF (unsichtbares Byte-Order-Mark) – {HIDDEN}")],
    "site-duplicate-key.yml": [(39, 1, "Das Feld 'status' steht doppelt in diesem Abschnitt (zuerst in Zeile 3).")],
    "site-python-tag.yml": [(3, 9, "Unbekannte YAML-Markierung '!!python/object/apply:os.system' ist nicht erlaubt.")],
    "site-two-documents.yml": [(39, 1, "YAML-Syntaxfehler: Die Datei darf nur ein YAML-Dokument enthalten ('---' nur einmal am Anfang).")],
    "site-html-in-markdown.yml": [(14, 15, "HTML ist in Beschreibungen nicht erlaubt (gefunden: '<…'). Bitte nur Markdown verwenden.")],
    "site-crlf-error.yml": [(3, 9, "'aktif' ist hier nicht erlaubt – meinten Sie 'aktiv'? Möglich: geplant, aktiv, beendet.")],
    "site-javascript-urls.yml": [
        (32, 12, "'\"javascript:alert(1)\"@traeger.example.org' ist keine gültige E-Mail-Adresse (Beispiel: kontakt@beispiel.de)."),
        (33, 14, f"Die Adresse 'javascript:alert(1)' {NOT_HTTPS}"),
        (39, 16, "'javascript:alert(1)' ist keine gültige E-Mail-Adresse (Beispiel: kontakt@beispiel.de)."),
    ],
    "org-javascript-urls.yml": [
        (9, 14, f"Die Adresse 'JaVaScRiPt:alert(document.cookie)' {NOT_HTTPS}"),
        (11, 90, f"Die Adresse 'javascript&#58;alert(1)' {NOT_HTTPS}"),
    ],
    "program-javascript-url.yml": [(37, 10, f"Die Adresse 'data:text/html,<script>alert(1)</script>' {NOT_HTTPS}")],
}
ACCEPTED = ["site-bom-crlf.yml", "site-cr-only.yml"]
HARMLESS = ["site-script-everywhere.yml", "org-script-everywhere.yml", "program-script-everywhere.yml"]


def test_every_file_of_the_corpus_has_an_expectation():
    assert sorted(p.name for p in HERE.glob("*.yml")) == sorted([*REFUSED, *ACCEPTED, *HARMLESS])


def _data_with(tmp_path: Path, *cases: str) -> Path:
    target = tmp_path / "data"
    shutil.copytree(COMPLETE, target)
    # The cases replace whole site files; events and posts that name their contact points go.
    shutil.rmtree(target / "events", ignore_errors=True)
    shutil.rmtree(target / "news", ignore_errors=True)
    for case in cases:
        shutil.copyfile(HERE / case, target / TARGETS[case.split("-")[0]])
    return target


def _validate(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "thinka"), "validate", str(data)], capture_output=True, text=True, timeout=120)


def _assert_refused(data: Path, out: Path, target: str, expected: list[tuple[int, int, str]]) -> None:
    lines = [f"{data}/{target}:{line}:{column}: {message}" for line, column, message in expected]
    checked = _validate(data)
    assert checked.returncode == 1
    assert "Traceback" not in checked.stdout + checked.stderr
    reported = checked.stderr.splitlines()
    for line in lines:
        assert line in reported
    assert reported[-1].endswith("Fehler gefunden.")
    built = build(data, out)
    assert built.returncode == 1
    assert "Traceback" not in built.stdout + built.stderr
    for line in lines:
        assert f"ERROR   -  {line}" in built.stderr
    assert "Die Daten enthalten" in built.stderr and "die Website wurde nicht gebaut." in built.stderr
    assert not out.exists()


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hostile_file_is_refused_in_german_at_its_position(tmp_path: Path, case: str):
    data = _data_with(tmp_path, case)
    _assert_refused(data, tmp_path / "site", TARGETS[case.split("-")[0]], REFUSED[case])


def test_very_large_file_is_refused_before_it_is_parsed(tmp_path: Path):
    data = _data_with(tmp_path)
    site = data / "sites" / "jena-lobeda.yml"
    filler = "# " + "x" * 98 + "\n"
    site.write_text(site.read_text("utf-8") + filler * 21_000, "utf-8")
    size = f"{site.stat().st_size:,}".replace(",", ".")
    expected = [(1, 1, f"Datei ist zu groß ({size} Bytes; erlaubt sind 2.000.000).")]
    _assert_refused(data, tmp_path / "site", "sites/jena-lobeda.yml", expected)


@pytest.mark.parametrize("case", ACCEPTED)
def test_byte_order_mark_and_foreign_line_ends_are_read_like_plain_utf8(tmp_path: Path, case: str):
    data = _data_with(tmp_path, case)
    checked = _validate(data)
    assert checked.returncode == 0, checked.stderr
    out = tmp_path / "site"
    assert build(data, out).returncode == 0
    page = (out / "standorte/jena-lobeda/index.html").read_text("utf-8")
    assert '<h1>ThINKA Jena-Lobeda</h1>' in page
    assert "Stadtteilbüro Lobeda" in page and "Mo–Fr" in page


class _Markup(HTMLParser):
    """Collects what would run or load in a browser: script elements, event handlers, link targets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[tuple[str, str | None], ...]] = []
        self.handlers: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag == "script":
            self.scripts.append(tuple(sorted(attrs)))
        self.handlers += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]
        self.links += [value for name, value in attrs if name in ("href", "src", "action", "formaction") and value]


def _markup(html: str) -> _Markup:
    parser = _Markup()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> tuple[Path, Path]:
    """The complete data set built twice: as it is, and with script in every text field."""
    root = tmp_path_factory.mktemp("hostile")
    clean, dirty = root / "clean", root / "dirty"
    assert build(COMPLETE, clean).returncode == 0
    data = _data_with(root, *HARMLESS)
    checked = _validate(data)
    assert checked.returncode == 0, checked.stderr
    result = build(data, dirty)
    assert result.returncode == 0, result.stderr
    return clean, dirty


def test_script_in_every_text_field_is_shown_as_text(hostile_build):
    _, dirty = hostile_build
    page = (dirty / "standorte/jena-lobeda/index.html").read_text("utf-8")
    shown = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
    for where in ("<h1>ThINKA ", "<title>ThINKA ", 'id="anlaufstelle-1-name">Büro ', "Teststraße 12 ", "Beratung auf Deutsch, "):
        assert where + shown in page, where
    assert "&#34;&gt;&lt;svg onload=alert(3)&gt;" in page or "&quot;&gt;&lt;svg onload=alert(3)&gt;" in page
    partners = (dirty / "partner/index.html").read_text("utf-8")
    assert "Testträger " + shown in partners
    imprint = (dirty / "impressum/index.html").read_text("utf-8")
    assert imprint.count(shown) == 3  # operator, representative, person responsible (no postal code: no address)
    assert (dirty / "datenschutz/index.html").read_text("utf-8").count(shown) >= 6
    assert (dirty / "barrierefreiheit/index.html").read_text("utf-8").count(shown) == 3
    assert 'href="https://traeger.example.org/&#34;&gt;&lt;script&gt;alert(5)&lt;/script&gt;"' in partners


def test_no_built_page_gains_a_script_handler_or_unsafe_link(hostile_build):
    clean, dirty = hostile_build
    pages = sorted(p.relative_to(dirty) for p in dirty.rglob("*.html"))
    assert Path("standorte/jena-lobeda/index.html") in pages
    for rel in pages:
        found = _markup((dirty / rel).read_text("utf-8"))
        assert found.handlers == [], rel
        assert sorted(found.scripts) == sorted(_markup((clean / rel).read_text("utf-8")).scripts), rel
        assert [link for link in found.links if link_scheme(link) not in SAFE_SCHEMES] == [], rel


def test_markdown_links_with_disguised_javascript_lose_their_target(hostile_build):
    _, dirty = hostile_build
    page = (dirty / "standorte/jena-lobeda/index.html").read_text("utf-8")
    for text in ("eins", "zwei", "drei", "vier"):
        assert f"<a>{text}</a>" in page
    assert "<span>fünf</span>" in page and "evil.example" not in page
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page


def test_search_index_carries_hostile_text_escaped(hostile_build):
    _, dirty = hostile_build
    raw = (dirty / "search/search_index.json").read_text("utf-8")
    assert "</script" not in raw.lower() and "<script" not in raw.lower() and "<img" not in raw.lower()
    docs = json.loads(raw)["docs"]
    titles = [d["title"] for d in docs if d["location"].startswith("standorte/jena-lobeda/")]
    assert "ThINKA &lt;script&gt;alert(1)&lt;/script&gt;&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in titles
    # any inline JSON the pages carry (Material's __config) stays closed where it should
    for page in dirty.rglob("*.html"):
        for block in re.findall(r'<script id="__config" type="application/json">(.*?)</script>', page.read_text("utf-8"), re.S):
            json.loads(block)
