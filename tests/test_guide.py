"""The editors' guide (docs/redaktion/): real validator messages, templates that validate,
and a field reference generated from the model."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from thinka.data import freshness
from thinka.exports import schema
from thinka.data.dates import Day
from thinka.data.validate import load_dataset

from conftest import REPO, SAMPLE, edit

GUIDE = REPO / "docs" / "redaktion"
ERRORS_PAGE = (GUIDE / "fehler.md").read_text("utf-8")

# Each mistake the error page explains, made on a copy of the sample data: the message the
# validator prints must be the one the page quotes.
MISTAKES = [
    ("sites/gera.yml", "status: aktiv\n", "status: aktiv\n\tbeginn: 2013-03\n"),
    ("sites/gera.yml", "  ortsteile: [Bieblach, Bieblach-Ost, Tinz, Lusan, Alt-Lusan]", "  ortsteile: Lusan: Alt-Lusan"),
    ("sites/ilm-kreis.yml", "  - name: KOMPASS Arnstadt\n", "   - name: KOMPASS Arnstadt\n"),
    ("sites/gera.yml", "\nbeginn: 2013-03\n", "\n  beginn: 2013-03\n"),
    ("sites/ilm-kreis.yml", "  - name: KOMPASS Arnstadt\n", "    name: KOMPASS Arnstadt\n"),
    ("sites/ilm-kreis.yml", "    seit: 2015-06-06", "    seit: 2015-06-06\n    oeffnungszeiten: Di 10:00–12:00"),
    ("sites/gera.yml", "status: aktiv", "status: aktiv\nstatus: aktiv"),
    ("sites/ilm-kreis.yml", "    seit: 2015-06-06", "    seit: 2015-06-06\n    telefn: 03677 123456"),
    ("sites/gera.yml", "stand: 2026-12-03\n", ""),
    ("sites/ilm-kreis.yml", "    adresse: {ort: Ilmenau}", "    adresse: {ort: <Ort>}"),
    ("sites/gera.yml", "status: aktiv", "status: aktif"),
    ("sites/ilm-kreis.yml", "    seit: 2015-06-06", "    seit: 2015-06-06\n    nach_vereinbarung: vielleicht"),
    ("sites/gera.yml", "stand: 2026-12-03", "stand: 25.11.2026"),
    ("sites/ilm-kreis.yml", "    adresse: {ort: Ilmenau}", "    adresse: {ort: Ilmenau, plz: 8693}"),
    ("sites/ilm-kreis.yml", "    seit: 2015-06-06", "    seit: 2015-06-06\n    telefon: 03677 1"),
    ("sites/ilm-kreis.yml", "    seit: 2015-06-06", "    seit: 2015-06-06\n    oeffnungszeiten:\n      - tage: Mo–Fr\n        zeiten: 9 bis 12 Uhr"),
    ("sites/ilm-kreis.yml", "    seit: 2015-06-06",
     "    seit: 2015-06-06\n    oeffnungszeiten:\n      - tage: Mo–Fr\n        zeiten: 09:00–12:00\n      - tage: Mi\n        zeiten: 11:00–13:00"),
    ("sites/gera.yml", "damals mit der Kindervereinigung Gera e.V.", "damals mit der Kindervereinigung Gera e.V. <br>"),
    ("sites/gera.yml", "traeger: [otegau]", "traeger: [otegau-gmbh]"),
    ("sites/gera.yml", "kreise: [Gera]", "kreise: [Gehra]"),
]


def quoted_messages(page: str) -> list[str]:
    """The messages the page shows in ```text blocks, without the example's path prefix."""
    blocks = re.findall(r"```text\n(.*?)\n```", page, re.S)
    return [re.sub(r"^\S+\.yml:\d+:\d+: ", "", b) for b in blocks]


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    target = tmp_path / "sites_data"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.mark.parametrize("filename, old, new", MISTAKES)
def test_error_page_quotes_the_message_the_validator_prints(sample_copy: Path, filename: str, old: str, new: str):
    edit(sample_copy / filename, old, new)
    _, problems = load_dataset(sample_copy)
    [problem] = problems.errors
    assert problem.message in quoted_messages(ERRORS_PAGE)


def test_every_message_on_the_error_page_comes_from_a_mistake_above(sample_copy: Path):
    produced = set()
    for filename, old, new in MISTAKES:
        copy = sample_copy.parent / f"copy-{len(produced)}"
        shutil.copytree(sample_copy, copy)
        edit(copy / filename, old, new)
        produced |= {p.message for p in load_dataset(copy)[1].errors}
    stale = freshness.message(Day(2025, 10), 12, None)  # type: ignore[arg-type]
    # The page's first block is the full example line of the 'aktif' mistake.
    assert set(quoted_messages(ERRORS_PAGE)) == produced | {stale}


def fill(template: str, values: dict[str, str]) -> str:
    for placeholder, value in values.items():
        assert placeholder in template, placeholder
        template = template.replace(placeholder, value)
    assert "<" not in template.replace("<kennung>", ""), template
    return template


def yaml_blocks(page: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", page, re.S)


def test_site_template_validates_once_filled_in_and_reports_forgotten_placeholders(sample_copy: Path):
    page = (GUIDE / "neuer-standort.md").read_text("utf-8")
    site_template = next(b for b in yaml_blocks(page) if b.startswith("# yaml-language-server"))
    (sample_copy / "sites" / "neu.yml").write_text(site_template, "utf-8")
    _, problems = load_dataset(sample_copy)
    assert {p.line for p in problems.errors} == {2, 3, 5, 6, 8, 9, 11}  # every placeholder, none missed

    filled = fill(site_template, {
        "<Name des Standorts, z. B. ThINKA Ilm-Kreis>": "ThINKA Erfurt",
        "<Landkreis oder kreisfreie Stadt>": "Erfurt",
        "<Beginn der Arbeit, z. B. 2013-03>": "2016",
        "<Kennung des Trägers aus organisations.yml>": "otegau",
        "<Ort im Einzugsgebiet>": "Erfurt",
        "<Zwei oder drei Sätze: was der Standort tut, für wen und wo.>": "Beratung im Stadtteil.",
        "<heutiges Datum, z. B. 2026-11-25>": "2026-11-25",
    })
    (sample_copy / "sites" / "neu.yml").write_text(filled, "utf-8")
    dataset, problems = load_dataset(sample_copy)
    assert problems.errors == []
    assert dataset.sites["neu"].record.name == "ThINKA Erfurt"


def test_contact_point_template_validates_once_filled_in(sample_copy: Path):
    page = (GUIDE / "neuer-standort.md").read_text("utf-8")
    template = next(b for b in yaml_blocks(page) if b.startswith("anlaufstellen:"))
    filled = fill(template, {
        "<Name der Anlaufstelle, z. B. Bürgerbüro Rabenhold>": "Stadtteilbüro Lusan",
        "<Anlaufstelle, Bürgerbüro, Beratungsstelle, Stadtteilbüro, Treffpunkt oder Mobile Sprechstunde>": "Stadtteilbüro",
        "<Straße und Hausnummer>": "Lusaner Straße 7",
        "<Postleitzahl, fünf Ziffern>": "07549",
        "<Ort>": "Gera",
        "<Telefonnummer, z. B. 03677 123456>": "0365 123456",
        "<E-Mail-Adresse>": "kontakt@beispiel.de",
        "<Tage, z. B. Mo–Fr>": "Mo–Fr",
        "<Zeiten, z. B. 09:00–12:00>": "09:00–12:00",
        "<ja oder nein>": "ja",
    })
    # As the guide says: the whole template goes before the line 'stand:'.
    edit(sample_copy / "sites" / "saalfeld.yml", "stand: 2026-12-03", filled + "stand: 2026-12-03")
    dataset, problems = load_dataset(sample_copy)
    assert problems.errors == []
    [point] = dataset.sites["saalfeld"].record.anlaufstellen
    assert (point.name, point.adresse.plz, point.oeffnungszeiten[0].tage.label) == ("Stadtteilbüro Lusan", "07549", "Mo–Fr")


@pytest.fixture(scope="session")
def built(sample_build: Path) -> Path:
    return sample_build


def test_field_reference_page_lists_every_field_from_the_model(built: Path):
    page = html.unescape((built / "redaktion" / "felder" / "index.html").read_text("utf-8"))
    for kind in schema.KINDS:
        for section in schema.sections(kind):
            assert f'id="{section.anchor}"' in page
            for f in section.fields:
                assert f'id="{section.anchor}-{f.key}"><code>{f.key}</code> – {f.title}' in page
                assert f.description in page
    # Examples are written the way the data files are.
    assert "<code>plz: &#34;07549&#34;</code>" in (built / "redaktion" / "felder" / "index.html").read_text("utf-8")
    assert "<code>stand: 2026-11-25</code>" in page
    assert "Erlaubte Werte: <code>geplant</code>, <code>aktiv</code>, <code>beendet</code>" in page


def test_guide_is_apart_from_the_residents_navigation_and_linked_in_the_footer(built: Path):
    """Residents read "Mitmachen" as volunteering: the editors' guide is not in the main menu,
    every page's footer leads to it as "Für Redaktionen", and the old addresses redirect."""
    start = (built / "index.html").read_text("utf-8")
    site_page = (built / "standorte" / "gera" / "index.html").read_text("utf-8")
    for page in (start, site_page):
        body, _, footer = page.partition('<nav class="thinka-footer__links"')
        assert "redaktion/" not in body and "mitmachen/" not in body and "Mitmachen" not in page
        assert ">Für Redaktionen</a>" in footer
    assert 'href="redaktion/">Für Redaktionen</a>' in start
    for old, new_address in (("mitmachen", "redaktion/"), ("mitmachen/neuer-standort", "redaktion/neuer-standort/"),
                             ("mitmachen/veraenderungen", "redaktion/veraenderungen/"), ("mitmachen/fehler", "redaktion/fehler/"),
                             ("mitmachen/felder", "redaktion/felder/")):
        redirect = (built / old / "index.html").read_text("utf-8")
        depth = "../" * (old.count("/") + 1)
        assert f'<meta http-equiv="refresh" content="0; url={depth}{new_address}">' in redirect
    guide = (built / "redaktion" / "index.html").read_text("utf-8")
    for href in ("neuer-standort/", "veraenderungen/", "fehler/", "felder/"):
        assert f'href="{href}"' in guide


def test_changes_page_examples_are_lines_of_the_real_data_that_validates():
    """The guide to moves, ends and successors shows real entries: every line of its examples
    stands as written in one sample site file, and the sample data validates."""
    page = (GUIDE / "veraenderungen.md").read_text("utf-8")
    blocks = yaml_blocks(page)
    assert len(blocks) == 3
    files = {p.name: p.read_text("utf-8") for p in (SAMPLE / "sites").glob("*.yml")}
    for block in blocks:
        lines = [line for line in block.splitlines() if line.strip()]
        assert any(all(line in text.splitlines() for line in lines) for text in files.values()), lines[0]
    _, problems = load_dataset(SAMPLE)
    assert problems.errors == []
