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
