"""Real kinds of contact points that facts.md does not show, entered only as the guide
(docs/redaktion/anlaufstelle-genau.md) tells: each must fit the model without prose, validate,
reach the page and the JSON-LD, and wrong entries get German messages at their line:column."""

from __future__ import annotations

import html
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from thinka.data.model import ContactPoint
from thinka.data.validate import load_dataset

from conftest import REPO, SAMPLE, _built, edit

GUIDE_PAGE = REPO / "docs" / "redaktion" / "anlaufstelle-genau.md"
TODAY = "2026-12-07"
NEW_FIELDS = ["wochen", "telefonzeiten", "geschlossen", "aufzug", "wc_barrierefrei", "zugang_hinweis", "dolmetschen", "messenger", "kontaktformular"]


def guide_examples() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", GUIDE_PAGE.read_text("utf-8"), re.S)


def probe_site(points: str) -> str:
    """A site with two Träger over two Landkreise (both cases of the guide), holding ``points``."""
    return (
        "name: ThINKA Orlatal (Probe)\n"
        "kreise: [Saale-Orla-Kreis, Greiz]\n"
        "status: aktiv\n"
        "beginn: 2024-01\n"
        "traeger: [awo, diakoniestiftung-weimar-bad-lobenstein]\n"
        "einzugsgebiet:\n  orte: [Schleiz, Pößneck]\n  ortsteile: [Oberböhmsdorf]\n  plz: [\"07907\", \"07381\"]\n"
        "beschreibung: Probe.\n"
        f"anlaufstellen:\n{points}"
        "stand: 2026-12-07\n"
    )


PLANNED = (
    "name: ThINKA Zeulenroda (Probe)\nkreise: [Greiz]\nstatus: geplant\nbeginn: 2027-01-04\n"
    "traeger: [awo]\neinzugsgebiet:\n  orte: [Zeulenroda-Triebes]\nbeschreibung: Probe.\nstand: 2026-12-07\n"
)


@pytest.fixture(scope="module")
def probe_data(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("fit") / "sites_data"
    shutil.copytree(SAMPLE, target)
    (target / "sites" / "orlatal-probe.yml").write_text(probe_site("".join(guide_examples())), "utf-8")
    (target / "sites" / "bald-probe.yml").write_text(PLANNED, "utf-8")
    return target


@pytest.fixture(scope="module")
def probe_build(tmp_path_factory, probe_data: Path) -> Path:
    return _built(tmp_path_factory, probe_data, "fit-site", TODAY)


@pytest.fixture(scope="module")
def probe_page(probe_build: Path) -> str:
    return (probe_build / "standorte" / "orlatal-probe" / "index.html").read_text("utf-8")


def card(page: str, name: str) -> str:
    """One contact card's HTML, found by its heading."""
    start = page.index(f">{name}</h")
    return page[page.rindex("<article", 0, start):page.index("</article>", start)]


def text(fragment: str) -> str:
    plain = re.sub(r"<svg.*?</svg>|<[^>]+>", " ", fragment, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(plain)).strip()


def jsonld_place(page: str, name: str) -> dict:
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    return next(d for d in data["department"] if d["name"] == name)


def test_every_guide_example_is_a_whole_contact_point_that_validates(probe_data: Path):
    dataset, problems = load_dataset(probe_data, today=date.fromisoformat(TODAY))
    assert [p.format() for p in problems.errors] == []
    points = dataset.sites["orlatal-probe"].record.anlaufstellen
    assert len(points) == len(guide_examples()) == 7
    # The guide explains every field added for these cases, and each is used by an example.
    page = GUIDE_PAGE.read_text("utf-8")
    for name in NEW_FIELDS:
        assert name in ContactPoint.model_fields or name == "wochen"
        assert f"`{name}" in page, name
        assert any(re.search(rf"^\s*(- )?{name}:", block, re.M) for block in guide_examples()), name
    # Nothing of it went into prose: no example uses a hint for what a field can say.
    assert all("oeffnungszeiten_hinweis" not in block for block in guide_examples())


def test_temporary_closure_is_said_on_top_and_never_shown_as_open(probe_page: str):
    closed = card(probe_page, "Stadtteilbüro am Markt")
    assert "Vorübergehend geschlossen bis 10. Januar 2027 (Umbau)." in text(closed)
    assert "Geschlossen vom 10. Juli 2027 bis 20. August 2027 (Sommerpause)." in text(closed)
    assert "data-hours=" not in closed and "data-days=" not in closed  # no "jetzt geöffnet" while closed
    assert 'href="tel:+4936482123456"' in closed  # the phone stays
    special = jsonld_place(probe_page, "Stadtteilbüro am Markt")["specialOpeningHoursSpecification"]
    assert [(s["validFrom"], s["validThrough"], s["opens"], s["closes"]) for s in special] == [
        ("2026-11-20", "2027-01-10", "00:00", "00:00"), ("2027-07-10", "2027-08-20", "00:00", "00:00")]


def test_hours_only_in_some_weeks_are_labelled_and_never_open_now(probe_page: str):
    library = card(probe_page, "Sprechstunde in der Stadtbibliothek")
    rows = [text(r) for r in re.findall(r'<tr class="thinka-hours__row".*?</tr>', library, re.S)]
    assert rows == [
        "Di Dienstag 09:00–12:00 Uhr",
        "Do Donnerstag 14:00–16:00 Uhr in ungeraden Kalenderwochen",
        "Mo Montag 10:00–12:00 Uhr nur in der ersten Woche des Monats",
    ]
    assert 'data-hours="[[1,540,720]]"' in library  # only the every-week Tuesday feeds "open now"
    assert library.count("data-days=") == 1
    assert "Außerdem nach Vereinbarung." in text(library)
    hours = jsonld_place(probe_page, "Sprechstunde in der Stadtbibliothek")["openingHoursSpecification"]
    assert [(h["dayOfWeek"], h["opens"]) for h in hours] == [(["https://schema.org/Tuesday"], "09:00")]


def test_by_appointment_only_and_where_in_the_building(probe_page: str):
    town_hall = text(card(probe_page, "Sozialberatung im Rathaus"))
    assert "im Rathaus, 2. Obergeschoss, Raum 2.14" in town_hall
    assert "Termine nach Vereinbarung – bitte anrufen" in town_hall


def test_phone_hours_are_shown_with_the_number_and_in_jsonld(probe_page: str):
    office = card(probe_page, "Beratungsbüro Nord")
    assert "Telefonisch erreichbar: Mo–Do Montag bis Donnerstag 08:00–10:00 Uhr" in text(office)
    contact = jsonld_place(probe_page, "Beratungsbüro Nord")["contactPoint"]
    assert contact["telephone"] == "+4936481123456"
    assert [(h["opens"], h["closes"], len(h["dayOfWeek"])) for h in contact["hoursAvailable"]] == [("08:00", "10:00", 4)]


def test_access_languages_and_interpreting(probe_page: str):
    shop = card(probe_page, "Begegnungsladen Ost")
    features = [text(li) for li in re.findall(r'<li class="thinka-contact__feature.*?</li>', shop, re.S)]
    assert features == [
        "Stufenlos erreichbar",
        "Stufenloser Eingang auf der Rückseite, Klingel ThINKA",
        "Mit Aufzug",
        "Keine barrierefreie Toilette",
        "Beratung auf Deutsch, Russisch, Arabisch",
        "Dolmetschen auf Wunsch",
    ]
    assert [(f["name"], f["value"]) for f in jsonld_place(probe_page, "Begegnungsladen Ost")["amenityFeature"]] == [
        ("Stufenloser Zugang", True), ("Aufzug", True), ("Barrierefreie Toilette", False)]


def test_messenger_and_contact_form_are_actions(probe_page: str):
    office = card(probe_page, "Anlaufstelle Bahnhofstraße")
    assert 'href="https://signal.me/#p/+4915123456789"' in office
    assert "Nachricht über Signal 01512 3456789" in text(office)
    assert 'href="https://www.beispiel.de/kontakt"' in office and "Kontaktformular" in text(office)


def test_advice_bus_stops_consortium_and_two_districts(probe_page: str):
    bus = [text(r) for r in re.findall(r'<tr class="thinka-hours__row".*?</tr>', card(probe_page, "ThINKA-Bus"), re.S)]
    assert bus == [
        "Di Dienstag 10:00–12:00 Uhr in Marktplatz, Zeulenroda-Triebes",
        "Do Donnerstag 14:00–16:00 Uhr in Schulstraße 1, Hohenleuben (Parkplatz vor der Grundschule)",
    ]
    page = text(probe_page)
    assert "Träger AWO (Arbeiterwohlfahrt) , Diakoniestiftung Weimar Bad Lobenstein gGmbH" in page
    assert "Saale-Orla-Kreis , Landkreis Greiz" in page


def test_site_opening_next_month_is_planned(probe_build: Path):
    page = text((probe_build / "standorte" / "bald-probe" / "index.html").read_text("utf-8"))
    assert "geplant ab Januar 2027" in page


def _problems(probe_data: Path, tmp_path: Path, old: str, new: str) -> tuple[list[str], list[str]]:
    copy = tmp_path / "data"
    shutil.copytree(probe_data, copy)
    edit(copy / "sites" / "orlatal-probe.yml", old, new)
    _, problems = load_dataset(copy, today=date.fromisoformat(TODAY))
    base = str(copy) + "/"
    return ([p.format().replace(base, "") for p in problems.errors],
            [p.format().replace(base, "") for p in problems.warnings if "orlatal-probe" in p.path and "Koordinaten" not in p.message])


def _line(probe_data: Path, needle: str) -> int:
    lines = (probe_data / "sites" / "orlatal-probe.yml").read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_closure_ending_before_it_begins(probe_data: Path, tmp_path: Path):
    errors, _ = _problems(probe_data, tmp_path, "        bis: 2027-08-20", "        bis: 2027-06-20")
    line = _line(probe_data, "bis: 2027-08-20")
    assert errors == [
        f"sites/orlatal-probe.yml:{line}:14: Die Schließzeit endet (20. Juni 2027) vor ihrem Beginn (10. Juli 2027): "
        "'von' ist der erste, 'bis' der letzte geschlossene Tag."
    ]


def test_past_closure_is_a_warning_to_delete_it(probe_data: Path, tmp_path: Path):
    errors, warnings = _problems(probe_data, tmp_path, "      - von: 2027-07-10\n        bis: 2027-08-20",
                                 "      - von: 2026-07-10\n        bis: 2026-08-20")
    line = _line(probe_data, "- von: 2027-07-10")
    assert errors == []
    assert warnings == [f"sites/orlatal-probe.yml:{line}:9: Warnung: Diese Schließzeit ist seit 20. August 2026 vorbei und erscheint nicht mehr auf der Seite: den Eintrag löschen."]


def test_phone_hours_without_a_phone(probe_data: Path, tmp_path: Path):
    errors, _ = _problems(probe_data, tmp_path, "    telefon: 036481 123456\n", "")
    line = _line(probe_data, "telefonzeiten:")
    assert errors == [
        f"sites/orlatal-probe.yml:{line}:7: 'telefonzeiten' ohne 'telefon': bei der Anlaufstelle 'Beratungsbüro Nord' fehlt die Nummer, zu der die Zeiten gehören."
    ]


def test_week_rhythm_unknown_value_and_several_days(probe_data: Path, tmp_path: Path):
    errors, _ = _problems(probe_data, tmp_path, "        wochen: ungerade", "        wochen: jede zweite")
    line = _line(probe_data, "wochen: ungerade")
    assert len(errors) == 1 and errors[0].startswith(f"sites/orlatal-probe.yml:{line}:17: 'jede zweite' ist hier nicht erlaubt")
    assert errors[0].endswith("Möglich: gerade, ungerade, 1, 2, 3, 4, letzte.")
    errors, warnings = _problems(probe_data, tmp_path / "b", "      - tage: Mo\n        zeiten: 10:00–12:00\n        wochen: 1",
                                 "      - tage: Mi–Fr\n        zeiten: 10:00–12:00\n        wochen: 1")
    line = _line(probe_data, "wochen: 1")
    assert errors == []
    assert warnings == [
        f"sites/orlatal-probe.yml:{line}:17: Warnung: 'wochen: 1' mit mehreren Tagen (Mi–Fr) heißt: an jedem dieser Tage in dieser Woche des Monats. "
        "Für den ersten Montag im Monat 'tage: Mo' mit 'wochen: 1' eintragen."
    ]


def test_messenger_service_must_be_one_of_the_list(probe_data: Path, tmp_path: Path):
    errors, _ = _problems(probe_data, tmp_path, "      - dienst: signal", "      - dienst: threema")
    line = _line(probe_data, "dienst: signal")
    assert len(errors) == 1 and errors[0].startswith(f"sites/orlatal-probe.yml:{line}:17: 'threema' ist hier nicht erlaubt")
    assert errors[0].endswith("Möglich: signal, whatsapp, telegram.")


def test_even_and_odd_weeks_at_the_same_hour_do_not_overlap_but_every_week_does(probe_data: Path, tmp_path: Path):
    """Thursday 14–16 in odd weeks here and in even weeks elsewhere is a real rota, not a clash."""
    row = "      - tage: Do\n        zeiten: 14:00–16:00\n        wochen: ungerade\n"
    errors, _ = _problems(probe_data, tmp_path, row, row + "      - tage: Do\n        zeiten: 14:00–16:00\n        wochen: gerade\n")
    assert errors == []
    errors, _ = _problems(probe_data, tmp_path / "b", row, row + "      - tage: Do\n        zeiten: 15:00–17:00\n")
    line = _line(probe_data, "wochen: ungerade")
    assert errors == [f"sites/orlatal-probe.yml:{line + 2}:17: Die Zeit 15:00–17:00 überschneidet sich am Donnerstag mit 14:00–16:00."]


def test_a_to_z_list_says_closed_and_which_weeks(probe_build: Path):
    """The A–Z list on the build's day: a closed point says so before its usual hours; rows held
    only in some weeks say which."""
    page = (probe_build / "anlaufstellen" / "index.html").read_text("utf-8")

    def item(name: str) -> str:
        start = page.index(f">{name}</a>")
        return text(page[page.rindex("<li", 0, start):page.index("</li>", start)])

    assert "Vorübergehend geschlossen bis 10. Januar 2027 Sonst geöffnet: Mo–Do 09:00–12:00" in item("Stadtteilbüro am Markt")
    assert "Geöffnet: Di 09:00–12:00, Do 14:00–16:00 (ungerade Wochen), Mo 10:00–12:00 (1. Woche im Monat) und nach Vereinbarung" in item(
        "Sprechstunde in der Stadtbibliothek")


def test_finder_open_now_uses_only_every_week_rows(probe_build: Path):
    index = json.loads((probe_build / "standorte" / "finder-index.json").read_text("utf-8"))
    [library] = [p for p in index["points"] if p["n"] == "Sprechstunde in der Stadtbibliothek"]
    assert library["h"] == [[1, 540, 720]]  # Tuesday every week; not the odd Thursdays, not the first Monday


def test_finder_never_calls_a_closed_point_open_and_says_until_when(probe_build: Path):
    """During a closure the finder's results say "Vorübergehend geschlossen bis …" (from 'z'),
    never "Jetzt geöffnet": the point's weekly hours are left out of its index entry."""
    index = json.loads((probe_build / "standorte" / "finder-index.json").read_text("utf-8"))
    [closed] = [p for p in index["points"] if p["n"] == "Stadtteilbüro am Markt"]
    assert (closed["h"], closed["z"]) == ([], "10. Januar 2027")
    assert all("z" not in p for p in index["points"] if p["n"] != "Stadtteilbüro am Markt")
