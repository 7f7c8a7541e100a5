"""The finder's index: every place of every site can be found, in every spelling."""

from datetime import date

from thinka.exports.finder import build_index, normalize
from thinka.data.validate import load_dataset

from conftest import COMPLETE, SAMPLE


def test_umlaut_spellings_normalize_alike():
    assert normalize("Sömmerda") == normalize("Soemmerda") == normalize("sommerda") == normalize("SÖMMERDA") == "sommerda"
    assert normalize("Straße am Anger") == "strasse am anger"
    assert normalize("  Weimar-Nord ") == "weimar nord"


def test_every_town_ortsteil_and_postal_code_of_the_sample_is_a_term():
    dataset, _ = load_dataset(SAMPLE)
    index = build_index(dataset, date(2026, 11, 25))
    terms = {(key, kind): [index["sites"][n]["u"] for n in sites] for key, _label, kind, sites in index["terms"]}
    assert terms[("arnstadt", "Ort")] == ["standorte/ilm-kreis/"]
    assert terms[("rabenhold", "Ortsteil")] == ["standorte/ilm-kreis/"]
    assert terms[("06556", "PLZ")] == ["standorte/kyffhaeuserkreis/"]
    assert terms[("kyffhauserkreis", "Landkreis")] == ["standorte/kyffhaeuserkreis/", "standorte/bad-frankenhausen/", "standorte/sondershausen/"]
    # where ThINKA works today, by what a resident types
    assert terms[("erfurt", "Ort")] == ["standorte/erfurt/"]
    assert terms[("rieth", "Ortsteil")] == ["standorte/erfurt/"]
    assert terms[("jena", "Ort")] == ["standorte/jena/"]
    assert terms[("winzerla", "Ortsteil")] == ["standorte/jena/"]
    assert terms[("bieblach", "Ortsteil")] == ["standorte/gera/"]
    assert terms[("bad frankenhausen", "Ort")] == ["standorte/bad-frankenhausen/"]
    # the area of an ended site leads to the site that continues its work
    assert terms[("sondershausen", "Ort")] == ["standorte/bad-frankenhausen/", "standorte/sondershausen/"]
    ended = next(s for s in index["sites"] if s["u"] == "standorte/sondershausen/")
    assert ended["s"] == "beendet" and index["sites"][ended["f"]]["u"] == "standorte/bad-frankenhausen/" and ended["p"] == []
    for located in dataset.sites.values():
        for town in located.record.einzugsgebiet.orte:
            assert (normalize(town), "Ort") in terms


def test_contact_points_carry_address_and_weekly_hours():
    dataset, _ = load_dataset(COMPLETE)
    index = build_index(dataset, date(2026, 11, 25))
    lobeda = next(p for p in index["points"] if p["n"] == "Stadtteilbüro Lobeda")
    assert lobeda["a"] == "Teststraße 12, 07747 Jena (Lobeda-West)"
    assert lobeda["h"] == [[0, 540, 720], [1, 540, 720], [2, 540, 720], [3, 540, 720], [3, 840, 1080], [4, 540, 720]]
    assert lobeda["v"] == 1
    assert {"2025-10-31", "2026-10-31", "2027-09-20", "2028-12-26"} <= set(index["holidays"])


def test_a_place_named_by_two_sites_finds_both():
    dataset, _ = load_dataset(COMPLETE)
    index = build_index(dataset, date(2026, 11, 25))
    [jena] = [t for t in index["terms"] if t[0] == "jena" and t[2] == "Ort"]
    assert sorted(index["sites"][n]["n"] for n in jena[3]) == ["ThINKA Jena-Lobeda", "ThINKA Jena-Winzerla"]
