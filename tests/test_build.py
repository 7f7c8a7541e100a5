"""`mkdocs build --strict` turns the data into pages a resident can use."""

from __future__ import annotations

import html
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from thinka.data.validate import load_dataset

from conftest import SAMPLE, SAMPLE_TODAY, build, edit


@pytest.fixture(scope="session")
def sample_site(sample_build: Path) -> Path:
    return sample_build


@pytest.fixture(scope="session")
def complete_site(complete_build: Path) -> Path:
    return complete_build


def text_of(page: Path) -> str:
    """The visible text of the page's content area, whitespace collapsed."""
    content = page.read_text("utf-8")
    content = content[content.index('<article class="md-content__inner') :]
    content = content[: content.index("</article>\n  </div>")] if "</article>\n  </div>" in content else content
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", content)))


def test_every_sample_site_has_its_page_with_name_and_reviewed_date(sample_site: Path):
    dataset, _ = load_dataset(SAMPLE)
    for slug, located in dataset.sites.items():
        page = sample_site / "standorte" / slug / "index.html"
        assert page.is_file(), slug
        text = text_of(page)
        assert located.record.name in text
        assert f"Von der Redaktion zuletzt geprüft: {located.record.stand.german()}" in text


def test_every_current_sample_contact_point_is_listed_a_to_z_and_no_former_one(sample_site: Path):
    from thinka.data.lifecycle import is_current

    dataset, _ = load_dataset(SAMPLE, today=date.fromisoformat(SAMPLE_TODAY))
    text = text_of(sample_site / "anlaufstellen" / "index.html")
    current = {p.name for s in dataset.sites.values() for p in s.record.anlaufstellen if is_current(s.record, p, date.fromisoformat(SAMPLE_TODAY))}
    former = {p.name for s in dataset.sites.values() for p in s.record.anlaufstellen} - current
    assert "Stadtteiltreff Berolina" in current and {"ThINKA-Büro Lusan", "ThINKA-Büro Am Himmelreich", "Begegnungsstätte im HOC"} <= former
    assert all(name in text for name in current)
    assert [name for name in former if name in text] == []


def test_site_directory_groups_by_district(sample_site: Path):
    page = (sample_site / "standorte" / "index.html").read_text("utf-8")
    assert '<h2 id="kreis-16070">Ilm-Kreis</h2>' in page
    assert '<h2 id="kreis-16052">Stadt Gera</h2>' in page
    assert '<a href="../standorte/gera/">ThINKA Gera</a>' not in page  # links are relative to /standorte/
    assert '<a href="gera/">ThINKA Gera</a>' in page


def test_contact_point_address_phone_and_email_appear_on_the_site_page(complete_site: Path):
    page = (complete_site / "standorte" / "jena-lobeda" / "index.html").read_text("utf-8")
    text = text_of(complete_site / "standorte" / "jena-lobeda" / "index.html")
    assert "Teststraße 12" in text and "07747 Jena" in text and "Ortsteil Lobeda-West" in text
    assert '<a class="thinka-action thinka-action--primary" href="tel:+493641123456">' in page
    assert "Anrufen 03641 123456" in text and "Anrufen 03641 654321" in text
    assert '<a class="thinka-action" href="mailto:lobeda@traeger.example.org">' in page
    assert "E-Mail schreiben lobeda@traeger.example.org" in text
    # the hours table: days as shown, then written out for screen readers, then the times
    assert "Mo–Fr Montag bis Freitag 09:00–12:00 Uhr" in text and "Do Donnerstag 14:00–18:00 Uhr" in text
    assert "Außerdem nach Vereinbarung." in text
    assert "Stufenlos erreichbar" in text and "Beratung auf Deutsch, Russisch, Arabisch" in text


def test_ended_site_stays_findable_and_is_marked(complete_site: Path):
    directory = text_of(complete_site / "standorte" / "index.html")
    assert "ThINKA Jena-Winzerla beendet Dezember 2020" in directory
    page = text_of(complete_site / "standorte" / "jena-winzerla" / "index.html")
    assert "Dieser Standort arbeitet nicht mehr" in page


def test_partner_page_lists_each_organisation_with_its_sites(complete_site: Path):
    page = (complete_site / "partner" / "index.html").read_text("utf-8")
    entry = page[page.index('id="testtraeger"') :].split("</li>\n      </ul>")[0]
    assert "Testträger gGmbH" in entry
    assert '<a href="../standorte/jena-lobeda/">ThINKA Jena-Lobeda</a> – Träger' in entry
    assert '<a href="../standorte/jena-winzerla/">ThINKA Jena-Winzerla</a> – Träger' in entry


def test_site_page_links_partners_to_the_partner_directory(complete_site: Path):
    page = (complete_site / "standorte" / "jena-lobeda" / "index.html").read_text("utf-8")
    assert '<a href="../../partner/#wohnen-jena">Testwohnen eG</a> (Wohnungsunternehmen)' in page


def test_generated_pages_carry_a_meta_description_from_the_data(complete_site: Path, sample_site: Path):
    page = (complete_site / "standorte" / "jena-lobeda" / "index.html").read_text("utf-8")
    assert '<meta name="description" content="ThINKA Jena-Lobeda (Stadt Jena): Anlaufstellen in Jena mit Adresse, Öffnungszeiten, Telefon und E-Mail.">' in page
    # The description promises only what the page holds: Gera publishes no phone and no e-mail.
    page = (sample_site / "standorte" / "gera" / "index.html").read_text("utf-8")
    assert '<meta name="description" content="ThINKA Gera (Stadt Gera): Anlaufstellen in Gera mit Adresse und Öffnungszeiten.">' in page
    page = (sample_site / "standorte" / "sondershausen" / "index.html").read_text("utf-8")
    assert '<meta name="description" content="ThINKA Sondershausen (Kyffhäuserkreis): Die Arbeit ist beendet. Was der Standort tat und wer ihn trug.">' in page


def test_build_from_another_data_directory(tmp_path: Path, data_dir: Path):
    (data_dir / "sites" / "jena-lobeda.yml").rename(data_dir / "sites" / "jena-neulobeda.yml")
    for path in [*(data_dir / "news").glob("*.md"), *(data_dir / "events").glob("*.yml")]:
        path.write_text(path.read_text("utf-8").replace("jena-lobeda", "jena-neulobeda"), "utf-8")
    result = build(data_dir, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "standorte" / "jena-neulobeda" / "index.html").is_file()
    assert not (tmp_path / "out" / "standorte" / "jena-lobeda").exists()


def test_text_from_the_data_is_escaped(tmp_path: Path, data_dir: Path):
    edit(data_dir / "sites/jena-lobeda.yml", "name: ThINKA Jena-Lobeda", "name: \"<script>alert('x')</script> Lobeda\"")
    edit(data_dir / "sites/jena-lobeda.yml", "Beratung im **Stadtteil** Lobeda.", "[Klick](javascript:alert(1)) und ![Bild](https://tracker.example/x.png)")
    result = build(data_dir, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "standorte" / "jena-lobeda" / "index.html").read_text("utf-8")
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Lobeda</h1>" in page
    assert "javascript:" not in page
    assert "tracker.example" not in page
    [jsonld] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert "\\u003cscript\\u003ealert('x')\\u003c/script\\u003e Lobeda" in jsonld
    index = (tmp_path / "out" / "standorte" / "finder-index.json").read_text("utf-8")
    assert "</script>" not in index and "\\u003c/script\\u003e" in index


def test_invalid_data_fails_the_build_and_leaves_the_previous_site(tmp_path: Path, data_dir: Path):
    out = tmp_path / "out"
    assert build(data_dir, out).returncode == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    edit(data_dir / "sites/jena-lobeda.yml", "status: aktiv", "status: aktif")
    result = build(data_dir, out)
    assert result.returncode == 1
    assert f"{data_dir}/sites/jena-lobeda.yml:3:9: 'aktif' ist hier nicht erlaubt" in result.stderr.replace("\n", " ")
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_site_pages_stay_out_of_the_navigation(sample_site: Path):
    """A page's size must not grow with the number of sites: no site is listed in the navigation."""
    page = (sample_site / "programm" / "index.html").read_text("utf-8")
    assert "standorte/gera/" not in page
    assert "standorte/ilm-kreis/" not in page


def test_contact_point_without_coordinates_is_listed_and_found_but_not_mapped(tmp_path: Path, data_dir: Path):
    edit(data_dir / "sites/jena-lobeda.yml", "    koordinaten: {lat: 50.8891, lon: 11.6075}\n", "")
    _, problems = load_dataset(data_dir)
    assert problems.errors == []
    assert [(Path(p.path).name, p.line, p.message) for p in problems.warnings] == [
        ("jena-lobeda.yml", 17, "Die Anlaufstelle 'Stadtteilbüro Lobeda' hat keine Koordinaten und fehlt deshalb auf der Karte (in Listen und in der Suche erscheint sie).")
    ]
    result = build(data_dir, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Warnung: Die Anlaufstelle 'Stadtteilbüro Lobeda' hat keine Koordinaten" in result.stderr
    assert "Stadtteilbüro Lobeda" in text_of(tmp_path / "out" / "anlaufstellen" / "index.html")
    assert '"n":"Stadtteilbüro Lobeda"' in (tmp_path / "out" / "standorte" / "finder-index.json").read_text("utf-8")
    karte = (tmp_path / "out" / "karte" / "index.html").read_text("utf-8")
    assert 'class="thinka-map__marker"' not in karte
    assert "Nicht auf der Karte: noch keine Koordinaten eingetragen." in karte


def test_search_index_holds_a_short_entry_per_site_not_its_full_text(sample_site: Path):
    import json

    docs = json.loads((sample_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    gera = [d for d in docs if d["location"].startswith("standorte/gera/")]
    assert gera == [{
        "location": "standorte/gera/",
        "title": "ThINKA Gera",
        "text": "Stadt Gera Infopoint Bieblach Anlaufstelle Leuchtenburgstraße 10 Gera Bieblach Beratungsbus ThINKA-Büro Lusan "
                "Werner-Petzold-Straße 10 Lusan OTEGAU GmbH Kindervereinigung Gera e.V. Bieblach-Ost Tinz Alt-Lusan",
        "boost": 1000.0,
    }]
    programme = [d for d in docs if d["location"].startswith("programm/idee-und-konzept/")]
    assert len(programme) > 1  # hand-written pages keep their full text and sections


def test_residents_search_finds_sites_by_their_partners_and_leaves_out_the_editors_area(sample_site: Path):
    """"KoWo" (a housing company's short name) finds the Erfurt site, ranked as a site page; the
    guide, the field reference and the report (with their YAML examples) are not in the index;
    an ended site ranks below its successor."""
    import json

    docs = json.loads((sample_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert [d["location"] for d in docs if "KoWo" in d["text"]] == ["standorte/erfurt/"]
    assert [d["location"] for d in docs if d["location"].startswith(("redaktion/", "mitmachen/", "intern/"))] == []
    assert not any("strasse:" in d["text"] for d in docs)
    boost = {d["location"]: d.get("boost", 1) for d in docs}
    assert boost["standorte/bad-frankenhausen/"] == 1000.0 and boost["standorte/sondershausen/"] == 1


def test_editor_schemas_are_published_on_the_site(complete_site: Path):
    from thinka.exports import schema

    for kind in schema.KINDS:
        published = complete_site / "schema" / schema.file_name(kind)
        assert published.read_text("utf-8") == schema.text(kind)


EDIT = re.compile(r'<a href="([^"]*)" class="md-content__button thinka-edit" rel="edit">')
REPO_URL = "https://github.com/thinka-thueringen/website"


def test_generated_site_page_edit_link_opens_its_yaml_file(sample_site: Path):
    page = (sample_site / "standorte" / "gera" / "index.html").read_text("utf-8")
    assert EDIT.findall(page) == [f"{REPO_URL}/edit/main/sites_data/sites/gera.yml"]
    assert "Diese Seite bearbeiten" in page


def test_hand_written_page_edit_link_opens_its_markdown(sample_site: Path):
    page = (sample_site / "programm" / "foerderung" / "index.html").read_text("utf-8")
    assert EDIT.findall(page) == [f"{REPO_URL}/edit/main/docs/programm/foerderung.md"]


def test_pages_without_a_source_file_have_no_edit_link(sample_site: Path):
    for path in ("standorte/index.html", "anlaufstellen/index.html", "partner/index.html", "redaktion/felder/index.html", "intern/bericht/index.html"):
        assert EDIT.findall((sample_site / path).read_text("utf-8")) == [], path


def test_data_outside_the_repository_gets_no_edit_link(data_dir: Path, tmp_path: Path):
    out = tmp_path / "site"
    result = build(data_dir, out)
    assert result.returncode == 0, result.stderr
    assert EDIT.findall((out / "standorte" / "jena-lobeda" / "index.html").read_text("utf-8")) == []


def test_no_repository_widget_that_would_call_the_github_api(sample_site: Path):
    page = (sample_site / "index.html").read_text("utf-8")
    assert 'data-md-component="source"' not in page


def test_no_script_blocks_the_first_paint(sample_site: Path):
    """Every script file is deferred (Material's bundle included): the page paints as soon as its
    HTML and CSS are there, and the scripts still run in document order before DOMContentLoaded."""
    blocking = {}
    order = None
    for page in sorted(sample_site.rglob("*.html")):
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page.read_text("utf-8"))
        undeferred = [t for t in tags if not re.search(r"\sdefer[\s>]", t)]
        if undeferred:
            blocking[page.relative_to(sample_site).as_posix()] = undeferred
        if page == sample_site / "standorte" / "gera" / "index.html":
            order = [re.sub(r"\.[0-9a-f]{8}\.", ".", re.search(r'src="[./]*([^"]+)"', t).group(1)) for t in tags]
    assert blocking == {}
    assert order == [
        "assets/javascripts/material-base.js",
        "assets/javascripts/material-content.js",
        "assets/javascripts/bundle.min.js",
        "assets/javascripts/thinka.js",
        "assets/javascripts/header-buttons.js",
    ]
