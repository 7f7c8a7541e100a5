"""The vendored district outlines cover Thuringia's 22 districts and carry their licence."""

from thinka.data.districts import all_districts
from thinka.views.overview_map import HEIGHT, WIDTH, attribution, boundaries, project


def test_outlines_exist_for_every_current_district():
    keys = sorted(shape["key"] for shape in boundaries())
    current = sorted(k for k, d in all_districts().items() if not d.until)
    assert keys == current and len(keys) == 22


def test_attribution_names_the_source_and_licence():
    assert attribution() == "© GeoBasis-DE / BKG (2020), dl-de/by-2-0 (www.govdata.de/dl-de/by-2-0), Daten verändert"


def test_projection_places_thuringian_towns_inside_the_drawing():
    for lon, lat in [(11.5861, 50.9272), (9.87, 50.6), (12.66, 50.85), (10.8, 51.64), (11.1, 50.21)]:
        x, y = project(lon, lat)
        assert 0 < x < WIDTH and 0 < y < HEIGHT
    jena, erfurt = project(11.5861, 50.9272), project(11.0299, 50.9787)
    assert jena[0] > erfurt[0] and jena[1] > erfurt[1]  # Jena lies east and a little south of Erfurt


# ---------------------------------------------------------------- markers, groups and captions
# The real programme (sites_data/) as on the day its facts were last checked.

import math
import re
import random
from datetime import date
from functools import cache as _cache

from conftest import SAMPLE, SAMPLE_TODAY

from thinka.data.lifecycle import is_current
from thinka.data.settings import Settings
from thinka.data.validate import load_dataset
from thinka.views.overview_map import DOT_PX, LIVE_MAP, REFERENCE_PX, _markers, map_pages


@_cache
def _sample():
    today = date.fromisoformat(SAMPLE_TODAY)
    dataset, problems = load_dataset(SAMPLE, today=today)
    assert problems.errors == []
    return dataset, {page.url: page.drawn_context() for page in map_pages(dataset, Settings.fixed(today))}


def _shown(context):
    """(name, url) of every point a map page shows: on a marker, or in the list with a reason."""
    on_map = [(p["name"], p["url"]) for m in context["markers"] for p in m["members"]]
    listed = [(p["name"], p["url"]) for g in context["listings"] for p in g["unmapped"]]
    return on_map, listed


def test_every_current_contact_point_is_on_the_map_or_listed_with_its_reason():
    dataset, pages = _sample()
    today = date.fromisoformat(SAMPLE_TODAY)
    current = sorted(
        (point.name, f"standorte/{slug}/#anlaufstelle-{i + 1}")
        for slug, located in dataset.sites.items()
        for i, point in enumerate(located.record.anlaufstellen)
        if is_current(located.record, point, today)
    )
    on_map, listed = _shown(pages["karte/"])
    assert len(current) == 20
    assert (len(on_map), len(set(on_map))) == (19, 19)  # each once
    assert sorted(on_map + listed) == current
    unmapped = [(p["name"], p["town"], p["reason"]) for g in pages["karte/"]["listings"] for p in g["unmapped"]]
    assert unmapped == [("Beratungsbus", "Gera", "noch keine Koordinaten eingetragen")]
    # The district maps together show the same points, each on its own district's page.
    districts = [pages[url] for url in pages if url.startswith("karte/kreise/")]
    assert sorted(x for c in districts for part in _shown(c) for x in part) == current


def test_points_at_one_place_share_one_marker_with_their_number():
    _, pages = _sample()
    markers = pages["karte/"]["markers"]
    assert [(m["name"], m["count"]) for m in markers] == [  # north to south: the keyboard's order
        ("ThINKA-Büro Heringen", 1),
        ("Bleicherode und Sollstedt: 2 Anlaufstellen", 2),  # 3.8 km apart: 7 px on a phone
        ("ThINKA-Büro im Bürgerhaus am Königstuhl", 1),
        ("Café International", 1),
        ("Altenburg: 2 Anlaufstellen", 2),
        ("NAHT-Stelle", 1),
        ("Erfurt: 4 Anlaufstellen", 4),  # four offices at the town centre's coordinate
        ("Infopoint Bieblach", 1),
        ("Arnstadt: 2 Anlaufstellen", 2),
        ("ThINKA-Büro im Stadtteilzentrum", 1),
        ("ThINKA-Bürgerbüro Walperloh", 1),
        ("KOMPASS Ilmenau", 1),
        ("Bürgerbüro Wolkenrasen", 1),
    ]
    erfurt = next(m for m in markers if m["name"].startswith("Erfurt"))
    assert [p["name"] for p in erfurt["members"]] == ["Stadtteilbüro Rieth", "Stadtteiltreff Berolina", "ThINKA Johannesplatz", "ThINKA Roter Berg"]
    assert erfurt["heading"] == "Erfurt: 4 Anlaufstellen (ungefähre Lage: Ortsmitte)"
    assert erfurt["label"] == "Erfurt: 4 Anlaufstellen, ungefähre Lage. Liste zeigen"
    # Its entry in the list carries the marker's anchor and all four.
    erfurt_list = next(g for g in pages["karte/"]["listings"] if g["title"] == "Stadt Erfurt")
    assert [(e["id"], len(e["points"])) for e in erfurt_list["entries"]] == [(erfurt["id"], 4)]
    # Zoomed to their district, Bleicherode and Sollstedt are far enough apart for two markers.
    assert [m["name"] for m in pages["karte/kreise/nordhausen/"]["markers"]] == ["ThINKA-Büro Heringen", "ThINKA-Büro Bleicherode", "ThINKA-Büro Sollstedt"]


def test_captions_count_exactly_what_is_shown_in_german():
    _, pages = _sample()
    assert pages["karte/"]["caption"] == (
        "Übersichtskarte Thüringen: 19 Anlaufstellen in 14 Orten, gezeigt mit 13 Punkten. "
        "Eine Zahl im Punkt: so viele Anlaufstellen am selben Ort oder nah beieinander. "
        "Hohle Punkte zeigen nur die Ortsmitte, weil die genaue Lage noch fehlt. "
        "1 weitere Anlaufstelle steht nur in der Liste, mit dem Grund."
    )
    assert pages["karte/kreise/gera/"]["caption"] == (
        "Stadt Gera: 1 Anlaufstelle in 1 Ort, gezeigt mit 1 Punkt. Hohle Punkte zeigen nur die Ortsmitte, weil die genaue Lage noch fehlt. "
        "1 weitere Anlaufstelle steht nur in der Liste, mit dem Grund."
    )
    assert pages["karte/kreise/nordhausen/"]["caption"].startswith("Landkreis Nordhausen: 3 Anlaufstellen in 3 Orten, gezeigt mit 3 Punkten. Hohle")
    assert pages["karte/kreise/erfurt/"]["caption"].startswith("Stadt Erfurt: 4 Anlaufstellen in 1 Ort, gezeigt mit 1 Punkt. Eine Zahl im Punkt")
    for url, context in pages.items():  # the numbers in each caption are the page's own
        on_map, _ = _shown(context)
        assert f" {len(context['markers'])} Punkt" in context["caption"], url
        assert f": {len(on_map)} Anlaufstelle" in context["caption"], url


def _point(name, lon, lat, town="Ort"):
    from thinka.views.overview_map import project

    x, y = project(lon, lat)
    return {"name": name, "site": "S", "town": town, "url": f"standorte/{name}/#anlaufstelle-1", "reason": None, "x": x, "y": y, "lat": lat, "lon": lon, "approximate": False}


def test_no_two_markers_cover_each_other_on_a_phone_however_the_points_lie():
    whole = (0.0, 0.0, WIDTH, HEIGHT)
    limit = DOT_PX * WIDTH / REFERENCE_PX
    rng = random.Random(13)
    for trial in range(20):
        # clumps around a few towns and scattered points, like a growing programme
        towns = [(rng.uniform(10.0, 12.5), rng.uniform(50.3, 51.6)) for _ in range(8)]
        points = [_point(f"p{trial}-{i}", lon + rng.gauss(0, 0.05), lat + rng.gauss(0, 0.03)) for i, (lon, lat) in enumerate(towns * 15)]
        points += [_point(f"q{trial}-{i}", rng.uniform(10.0, 12.5), rng.uniform(50.3, 51.6)) for i in range(60)]
        markers = _markers(points, whole)
        assert sorted(p["url"] for m in markers for p in m["members"]) == sorted(p["url"] for p in points)
        centres = [(m["fx"] * WIDTH, m["fy"] * HEIGHT) for m in markers]
        for i, a in enumerate(centres):
            for b in centres[i + 1:]:
                assert math.dist(a, b) >= limit - 1e-6
        assert [m["fy"] for m in markers] == sorted(m["fy"] for m in markers)  # north first


def test_a_group_near_a_district_border_is_one_marker_listed_whole_once():
    from thinka.views.overview_map import _listing

    whole = (0.0, 0.0, WIDTH, HEIGHT)
    erfurt = _point("Erfurt-Ost", 11.08, 50.98, "Erfurt")
    linda = _point("Linda", 11.10, 50.985, "Linda")  # another district, 1.5 km away
    markers = _markers([erfurt, linda], whole)
    assert [(m["name"], m["count"]) for m in markers] == [("Erfurt und Linda: 2 Anlaufstellen", 2)]
    listed: set[str] = set()
    first = _listing("Stadt Erfurt", None, [erfurt], markers, listed)
    second = _listing("Weimarer Land", None, [linda], markers, listed)
    assert [e["group"] for e in first["entries"]] == [True] and len(first["entries"][0]["points"]) == 2
    assert [(e["group"], e["point"]["name"]) for e in second["entries"]] == [(False, "Linda")]


def test_live_map_settings_name_one_host_and_key():
    assert LIVE_MAP.host == "tile.openstreetmap.org"
    assert LIVE_MAP.tiles.startswith(f"https://{LIVE_MAP.host}/")
    assert (LIVE_MAP.consent_key, LIVE_MAP.consent_value) == ("thinka-karte-zustimmung", "ja")


def test_the_security_policy_lets_in_tiles_only_from_the_live_maps_host():
    """docs/_headers (and the nginx policy in README.md) name the tile host by hand: a change of
    LIVE_MAP.tiles without them would leave the live map blank."""
    from conftest import REPO

    for policy in (REPO / "docs" / "_headers", REPO / "README.md"):
        img_src = re.search(r"img-src ('self'[^;]+);", policy.read_text("utf-8")).group(1).split()
        assert [s for s in img_src if s.startswith("https://")] == [f"https://{LIVE_MAP.host}"], policy
