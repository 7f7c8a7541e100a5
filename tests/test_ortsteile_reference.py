"""The hand-kept list of Ortsteile (data/reference/ortsteile.yml) as the finder reads it."""

from collections import defaultdict
from importlib import resources

import yaml

from thinka.data.districts import all_districts
from thinka.data.gazetteer import gazetteer
from thinka.exports.finder import gazetteer_part, normalize


def _entries() -> list[dict]:
    text = resources.files("thinka.data").joinpath("reference/ortsteile.yml").read_text("utf-8")
    return yaml.safe_load(text)["ortsteile"]


def _parts() -> dict[tuple[str, str], int]:
    part = gazetteer_part()
    places = part["places"]
    return {(name, places[city][0]): alone for name, city, alone in part["parts"]}


def test_every_town_is_a_gemeinde_of_the_district_the_list_names():
    places = {p.name: p for p in gazetteer().places}
    districts = all_districts()
    for entry in _entries():
        assert entry["kreis"] in districts, entry["stadt"]
        assert places[entry["stadt"]].district == entry["kreis"], entry["stadt"]


def test_a_name_found_alone_leads_to_one_town_only():
    """'Neukirchen' alone must not send a resident to two towns at once."""
    towns = defaultdict(set)
    for (name, town), alone in _parts().items():
        if not alone:
            towns[normalize(name)].add(town)
    assert {name: found for name, found in towns.items() if len(found) > 1} == {}


def test_places_that_joined_or_left_a_city_are_where_they_belong_today():
    parts = _parts()
    # Schmiedefeld am Rennsteig and Gehlberg belong to Suhl since 2019
    assert parts[("Schmiedefeld am Rennsteig", "Suhl")] == 0 and parts[("Gehlberg", "Suhl")] == 0
    # plain "Schmiedefeld" is an Ortsteil of Saalfeld/Saale too (since 2019): only with the town's name
    assert parts[("Schmiedefeld", "Suhl")] == 1 and parts[("Schmiedefeld", "Saalfeld/Saale")] == 1
    # Daasdorf am Berge and Obergrunstedt are villages of Grammetal (Weimarer Land), not of Weimar
    assert not {name for name, town in parts if town == "Weimar"} & {"Daasdorf am Berge", "Obergrunstedt"}
    # the Ortsteile the first list missed
    for name, town in [("Hohenwinden", "Erfurt"), ("Rohda (Haarberg)", "Erfurt"), ("Kernberge", "Jena"),
                       ("Lobeda-Altstadt", "Jena"), ("Ettersbergsiedlung", "Weimar"), ("Heinrichs", "Suhl"),
                       ("Lusan-Brüte", "Gera"), ("Wartha-Göringen", "Eisenach")]:
        assert parts[(name, town)] == 0, name


def test_the_towns_of_the_landkreise_with_a_site_know_their_ortsteile():
    """'Birkungen', 'Siebleben', 'Rabenhold': each leads to its town, found alone."""
    parts = _parts()
    for name, town in [("Breitenbach", "Leinefelde-Worbis"), ("Birkungen", "Leinefelde-Worbis"),
                       ("Krimderode", "Nordhausen"), ("Wolkramshausen", "Bleicherode"), ("Auleben", "Heringen/Helme"),
                       ("Görmar", "Mühlhausen/Thüringen"), ("Udersleben", "Bad Frankenhausen/Kyffhäuser"),
                       ("Borntal", "Sondershausen"), ("Siebleben", "Gotha"), ("Leubingen", "Sömmerda"),
                       ("Rabenhold", "Arnstadt"), ("Marlishausen", "Arnstadt"), ("Pörlitzer Höhe", "Ilmenau"),
                       ("Gorndorf", "Saalfeld/Saale"), ("Kosma", "Altenburg")]:
        assert parts[(name, town)] == 0, name
    # a name of two towns only with the town: Sundhausen is in Gotha and in Nordhausen
    assert parts[("Sundhausen", "Gotha")] == 1 and parts[("Sundhausen", "Nordhausen")] == 1
    # a part named like a Gemeinde elsewhere only with its town: Saalfeld in Mühlhausen is not Saalfeld/Saale
    assert parts[("Saalfeld", "Mühlhausen/Thüringen")] == 1
