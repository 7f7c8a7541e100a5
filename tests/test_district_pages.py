"""/standorte/ stays short however many sites a district has: a district with more than ten sites
shows its count and links to its own pages of fifty."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build

from thinka.pages import SITES_LISTED_PER_DISTRICT, SITES_PER_PAGE


def add_jena_sites(data: Path, count: int) -> None:
    """``count`` more sites in Jena, copies of Jena-Lobeda with their own name and file."""
    source = (data / "sites" / "jena-lobeda.yml").read_text("utf-8")
    for i in range(1, count + 1):
        text = source.replace("name: ThINKA Jena-Lobeda", f"name: ThINKA Jena Testviertel {i:02d}", 1)
        (data / "sites" / f"jena-test-{i:02d}.yml").write_text(text, "utf-8")


def site_links(page: Path) -> list[str]:
    return re.findall(r'<li class="thinka-directory__item[^"]*">\s*<a href="[^"]+">([^<]+)</a>', page.read_text("utf-8"))


def test_a_district_with_many_sites_gets_its_own_pages(tmp_path: Path, data_dir: Path):
    assert (SITES_LISTED_PER_DISTRICT, SITES_PER_PAGE) == (10, 50)
    add_jena_sites(data_dir, 60)  # Jena: Lobeda, Winzerla and 60 more = 62 sites
    out = tmp_path / "site"
    result = build(data_dir, out)
    assert result.returncode == 0, result.stderr

    directory = out / "standorte" / "index.html"
    listed = site_links(directory)
    assert "ThINKA Sömmerda" in listed  # a small district is listed as before
    assert not any("Jena" in name for name in listed)
    assert '<a href="kreise/jena/">Alle 62 Standorte – Stadt Jena</a> (61 aktiv)' in directory.read_text("utf-8")

    first = out / "standorte" / "kreise" / "jena" / "index.html"
    second = out / "standorte" / "kreise" / "jena" / "seite" / "2" / "index.html"
    on_first, on_second = site_links(first), site_links(second)
    assert (len(on_first), len(on_second)) == (50, 12)
    # Active sites first, in German order; the ended site (Winzerla) comes last.
    assert on_first[:2] == ["ThINKA Jena Testviertel 01", "ThINKA Jena Testviertel 02"]
    assert on_second[-1] == "ThINKA Jena-Winzerla"
    assert "ThINKA Jena-Lobeda" in on_first + on_second
    page = first.read_text("utf-8")
    assert "<h1>Standorte: Stadt Jena</h1>" in page
    assert '<a href="seite/2/" rel="next">Nächste Seite</a>' in page
    assert '<a href="../../">Zurück zu allen Landkreisen und Städten</a>' in page
    assert '<meta name="description" content="ThINKA-Standorte – Stadt Jena: alle 62 mit Status und Orten' in page


def test_a_site_file_cannot_take_the_name_of_the_district_pages(data_dir: Path):
    from thinka.validate import load_dataset

    (data_dir / "sites" / "kreise.yml").write_text((data_dir / "sites" / "soemmerda.yml").read_text("utf-8"), "utf-8")
    _, problems = load_dataset(data_dir)
    assert [p.format("") for p in problems.errors] == [
        f"{data_dir / 'sites' / 'kreise.yml'}:1:1: Der Name 'kreise' ist für eine Übersichtsseite vergeben; bitte die Datei anders nennen (z. B. gera-lusan.yml)."
    ]


def markers(page: Path) -> list[str]:
    return re.findall(r'<a class="thinka-map__marker" href="[^"]+" data-lat="[^"]+" data-lon="[^"]+" data-name="([^"]+)"', page.read_text("utf-8"))


def test_the_map_shows_every_marker_while_there_are_few_and_each_district_has_its_map(tmp_path: Path, data_dir: Path):
    out = tmp_path / "site"
    result = build(data_dir, out)
    assert result.returncode == 0, result.stderr
    overview = out / "karte" / "index.html"
    jena = out / "karte" / "kreise" / "jena" / "index.html"
    assert markers(overview) == ["Stadtteilbüro Lobeda"]  # the only active contact point with coordinates
    assert markers(jena) == ["Stadtteilbüro Lobeda"]
    page = jena.read_text("utf-8")
    assert "<h1>Karte: Stadt Jena</h1>" in page
    assert '<a href="../../">Zur Karte von ganz Thüringen</a>' in page
    assert 'class="thinka-map-page thinka-map"' in page  # the consent step for the live map is offered here too


def test_with_many_contact_points_the_map_shows_districts_that_lead_to_their_maps(tmp_path: Path, data_dir: Path):
    add_jena_sites(data_dir, 250)  # one mapped contact point each: with Lobeda's 251 markers in Jena
    out = tmp_path / "site"
    result = build(data_dir, out)
    assert result.returncode == 0, result.stderr
    overview = (out / "karte" / "index.html").read_text("utf-8")
    assert markers(out / "karte" / "index.html") == []
    assert "thinka-map__consent" not in overview  # nothing to show on a live map here
    assert '<li><a href="kreise/jena/">Stadt Jena</a>: 251 Anlaufstellen auf der Karte</li>' in overview
    assert '<a class="thinka-map__district-link" href="kreise/jena/" aria-label="Stadt Jena: 251 Anlaufstellen">' in overview
    assert len(markers(out / "karte" / "kreise" / "jena" / "index.html")) == 251
