"""Directory pages stay bounded however large the programme grows: /standorte/ (a district with
more than ten sites links to its own pages of fifty), /karte/ (beyond 250 markers it shows the
districts, each with its own map) and /partner/ (a type with more than 25 organisations links to
its own pages of fifty; an organisation lists twenty of its sites)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build

from thinka.views.directories import SITES_LISTED_PER_DISTRICT, SITES_PER_PAGE


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
    from thinka.data.validate import load_dataset

    (data_dir / "sites" / "kreise.yml").write_text((data_dir / "sites" / "soemmerda.yml").read_text("utf-8"), "utf-8")
    _, problems = load_dataset(data_dir)
    assert [p.format("") for p in problems.errors] == [
        f"{data_dir / 'sites' / 'kreise.yml'}:1:1: Der Name 'kreise' ist für eine Übersichtsseite vergeben; bitte die Datei anders nennen (z. B. gera-lusan.yml)."
    ]


def markers(page: Path) -> list[str]:
    return re.findall(r'<a class="thinka-map__marker[^"]*" href="[^"]+" data-name="([^"]+)"', page.read_text("utf-8"))


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
    jena = out / "karte" / "kreise" / "jena" / "index.html"
    assert markers(jena) == ["Jena: 251 Anlaufstellen"]  # all at Lobeda's coordinates: one marker with their number
    assert jena.read_text("utf-8").count('<li class="thinka-map__point" data-lat="50.8891"') == 251  # and each in its list


def test_many_partners_of_one_type_get_their_own_pages_and_site_pages_link_there(tmp_path: Path, data_dir: Path):
    add_jena_sites(data_dir, 25)  # Stadt Jena now sits in the steering group of 26 sites
    with (data_dir / "organisations.yml").open("a", encoding="utf-8") as orgs:
        for i in range(1, 56):  # 55 more housing companies: with Testwohnen eG 56, two pages
            orgs.write(f"  - {{id: wohnen-{i:02d}, typ: wohnungsunternehmen, name: Wohnbau {i:02d} eG, ort: Jena}}\n")
    moved = data_dir / "sites" / "jena-test-01.yml"
    moved.write_text(moved.read_text("utf-8").replace("organisation: wohnen-jena", "organisation: wohnen-55"), "utf-8")
    out = tmp_path / "site"
    result = build(data_dir, out)
    assert result.returncode == 0, result.stderr

    directory = (out / "partner" / "index.html").read_text("utf-8")
    assert '<a href="wohnungsunternehmen/">Alle 56 Organisationen – Wohnungsunternehmen</a>' in directory
    assert 'id="wohnen-jena"' not in directory
    assert 'id="stadt-jena"' in directory  # a type with few organisations stays here
    assert "und an 6 weiteren Standorten (die Seite jedes Standorts nennt seine Partner)" in directory

    first = (out / "partner" / "wohnungsunternehmen" / "index.html").read_text("utf-8")
    second = (out / "partner" / "wohnungsunternehmen" / "seite" / "2" / "index.html").read_text("utf-8")
    assert (first.count('<li class="thinka-directory__item"'), second.count('<li class="thinka-directory__item"')) == (50, 6)
    # German order: Testwohnen eG, Wohnbau 01 … 49 on the first page, Wohnbau 50 … 55 on the second.
    assert 'id="wohnen-jena"' in first and 'id="wohnen-49"' in first and 'id="wohnen-50"' in second
    site = (out / "standorte" / "jena-lobeda" / "index.html").read_text("utf-8")
    assert '<a href="../../partner/wohnungsunternehmen/#wohnen-jena">Testwohnen eG</a>' in site
    moved_page = (out / "standorte" / "jena-test-01" / "index.html").read_text("utf-8")
    assert '<a href="../../partner/wohnungsunternehmen/seite/2/#wohnen-55">Wohnbau 55 eG</a>' in moved_page
