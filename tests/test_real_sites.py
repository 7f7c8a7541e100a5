"""The real programme as the sample data holds it (sites_data/): what a resident sees of current,
moved and ended sites, with the date of every fact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_build import text_of


@pytest.fixture(scope="module")
def site(sample_build: Path) -> Path:
    return sample_build


def page(site: Path, slug: str) -> str:
    return (site / "standorte" / slug / "index.html").read_text("utf-8")


def test_a_published_phone_and_e_mail_are_links(site: Path):
    html = page(site, "kyffhaeuserkreis")
    assert 'href="tel:+4934667404457"' in html and 'href="mailto:thinka-artern@t-online.de"' in html


def test_moved_office_is_history_and_old_hours_carry_their_date(site: Path):
    html = page(site, "gera")
    current, former = html.split('<h2 id="fruehere-anlaufstellen">')
    assert "Infopoint Bieblach" in current and "ThINKA-Büro Lusan" not in current
    assert "ThINKA-Büro Lusan" in former and "geschlossen 22. Dezember 2021" in former
    # Gera publishes no phone: the card asks to check first, without telling to call
    assert "Öffnungszeiten laut Angabe von Januar 2022 – bitte vorher nachfragen." in text_of(site / "standorte" / "gera" / "index.html")
    assert "data-hours=" not in html  # hours from 2022 are never shown as "open now"
    assert sorted(p.name for p in (site / "standorte" / "gera").glob("*.vcf")) == ["anlaufstelle-1.vcf", "anlaufstelle-2.vcf"]


def test_ended_site_links_its_successor_and_offers_no_contact_actions(site: Path):
    html = page(site, "sondershausen")
    text = text_of(site / "standorte" / "sondershausen" / "index.html")
    assert "Die Arbeit endete im Juni 2025." in text
    assert '<a href="../bad-frankenhausen/">ThINKA Bad Frankenhausen / An der Schmücke</a>' in html
    for action in ("Als Kontakt speichern", "kalender.ics", "So nehmen Sie Kontakt auf", "noch nicht eingetragen", "Route planen"):
        assert action not in html, action
    assert list((site / "standorte" / "sondershausen").glob("*.vcf")) == []
    assert '"dissolutionDate":"2025-06"' in html


def test_successor_names_its_predecessor_and_a_real_number_to_call(site: Path):
    html = page(site, "bad-frankenhausen")
    assert 'die Arbeit von <a href="../sondershausen/">ThINKA Sondershausen</a> (beendet im Juni 2025) fort' in html
    assert '<a href="../kyffhaeuserkreis/#anlaufstelle-1">ThINKA Artern</a>, <a href="tel:+4934667404457" dir="ltr">' in html


def test_hours_held_elsewhere_and_a_contact_point_run_by_another_traeger(site: Path):
    text = text_of(site / "standorte" / "erfurt" / "index.html")
    assert "Di Dienstag 10:00–14:00 Uhr in Friedrich-Engels-Straße 47, Erfurt (Erdgeschoss links)" in text
    assert "Do Donnerstag 10:00–14:00 Uhr in Lilo-Hermann-Straße 03/33, Erfurt" in text
    assert "Beratungsstelle · seit 1. November 2022 · Träger: Kontakt in Krisen e.V." in text
    assert "Hausnummer unsicher: die Stadt nennt 114–116, die Zeitung 165" in text


def test_every_source_of_a_site_is_on_its_page_with_its_date(site: Path):
    from thinka.data.lifecycle import sources_of
    from thinka.data.validate import load_dataset

    from conftest import SAMPLE

    dataset, _ = load_dataset(SAMPLE)
    for slug, located in dataset.sites.items():
        html = page(site, slug)
        sources = html[html.index('<h2 id="quellen">') :]
        for _, source in sources_of(located.record):
            assert f'href="{source.url}"' in sources, (slug, source.url)
        dated = {s.stand.german() for _, s in sources_of(located.record) if s.stand}
        assert all(f">{d}</time>" in sources for d in dated), slug
        assert "noch nicht eingetragen" not in html, slug


def test_topics_are_labels_and_lists_without_javascript(site: Path):
    directory = (site / "standorte" / "index.html").read_text("utf-8")
    assert '<a class="thinka-topic" href="themen/wohnen/">Wohnen</a>' in directory
    listing = (site / "standorte" / "themen" / "wohnen" / "index.html").read_text("utf-8")
    assert re.findall(r'<li class="thinka-directory__item"><a href="[^"]*">([^<]*)</a>', listing) == ["ThINKA Bleicherode-Sollstedt", "ThINKA Erfurt"]


def test_former_offices_are_not_on_the_map(site: Path):
    html = (site / "karte" / "index.html").read_text("utf-8")
    assert "Infopoint Bieblach" in html
    assert "ThINKA-Büro Lusan" not in html and "ThINKA-Büro Am Himmelreich" not in html


def test_an_address_known_only_from_an_old_source_says_how_old_it_is(site: Path):
    """A resident should not walk to an office that a 2013 page named without being told so; an
    address with a recent or undated source, or whose old hours already ask to check, says nothing more."""
    note = "Anschrift laut Angabe von {} – ob die Anlaufstelle noch dort ist, bitte vorher nachfragen."
    altenburg = text_of(site / "standorte" / "altenburger-land" / "index.html")
    assert note.format("2013") in altenburg and note.format("Juni 2021") in altenburg
    assert note.format("Juli 2013") in text_of(site / "standorte" / "schmalkalden-meiningen" / "index.html")
    erfurt = text_of(site / "standorte" / "erfurt" / "index.html")
    assert erfurt.count("Anschrift laut Angabe von") == 1 and note.format("März 2023") in erfurt  # Roter Berg; Berolina and Rieth: undated
    gera = text_of(site / "standorte" / "gera" / "index.html")
    assert "Anschrift laut Angabe" not in gera and "Öffnungszeiten laut Angabe von Januar 2022" in gera
