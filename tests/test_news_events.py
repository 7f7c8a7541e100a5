"""Aktuelles and Veranstaltungen: what residents and partners see, with "today" fixed.

The test data (tests/data/complete) is fictional; the test day is conftest.TODAY (2024-06-15).
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar

from thinka.engine.registry import generated_pages
from thinka.data.settings import Settings
from thinka.data.validate import load_dataset

from conftest import COMPLETE, TODAY, build, edit
from test_build import text_of

ATOM = "{http://www.w3.org/2005/Atom}"
TEST_DAY = date.fromisoformat(TODAY)


def front_matter(path: Path) -> dict:
    """The front matter of a post, read independently of the code under test."""
    return yaml.safe_load(path.read_text("utf-8").split("---\n")[1])


def posts_of(owner: str | None = None) -> set[str]:
    return {p.stem for p in (COMPLETE / "news").glob("*.md") if owner is None or owner in front_matter(p)["standorte"]}


def events_of(owner: str | None = None) -> set[str]:
    return {p.stem for p in (COMPLETE / "events").glob("*.yml") if owner is None or owner in yaml.safe_load(p.read_text("utf-8"))["standorte"]}


def linked(page: Path, prefix: str) -> set[str]:
    """Names of posts or events the page's content links to: hrefs resolving to /<prefix><name>/."""
    content = page.read_text("utf-8")
    content = content[content.index('<article class="md-content__inner') :]
    root = next(p for p in page.parents if (p / "sitemap.xml").exists())
    here = "/" + page.parent.relative_to(root).as_posix() + "/"
    names = set()
    for href in re.findall(r'href="([^"#:]+)"', content):
        target = posixpath.normpath(posixpath.join(here, href)) + "/"
        match = re.fullmatch(rf"/{prefix}([0-9]{{4}}-[0-9a-z-]+)/", target)
        if match:
            names.add(match.group(1))
    return names


@pytest.fixture(scope="session")
def site(complete_build: Path) -> Path:
    return complete_build


def views_for(today: date) -> dict:
    dataset, problems = load_dataset(COMPLETE)
    assert not problems
    return {view.url: view for view in generated_pages(dataset, Settings.fixed(today))}


# ------------------------------------------------------------------ upcoming and past
def test_an_event_that_ended_yesterday_is_not_upcoming_but_in_the_archive():
    views = views_for(TEST_DAY)
    upcoming = [e["name"] for e in views["veranstaltungen/"].context["items"]]
    assert upcoming == ["2024-06-14-landestreffen", "2024-09-12-nachbarschaftsfest", "2025-01-20-neujahrsempfang"]
    past = [e["name"] for e in views["veranstaltungen/archiv/2024/"].context["items"]]
    assert past == ["2024-06-14-werkstatt", "2024-03-01-infotag"]


def test_the_same_data_a_day_earlier_still_lists_the_workshop_as_upcoming():
    views = views_for(date(2024, 6, 14))
    upcoming = [e["name"] for e in views["veranstaltungen/"].context["items"]]
    assert upcoming[:2] == ["2024-06-14-landestreffen", "2024-06-14-werkstatt"]


def test_a_multi_day_event_stays_upcoming_until_its_last_day():
    assert "2024-06-14-landestreffen" in [e["name"] for e in views_for(date(2024, 6, 16)).get("veranstaltungen/").context["items"]]
    assert "2024-06-14-landestreffen" not in [e["name"] for e in views_for(date(2024, 6, 17)).get("veranstaltungen/").context["items"]]


def test_event_page_says_when_an_event_is_over(site: Path):
    past = text_of(site / "veranstaltungen" / "2024-06-14-werkstatt" / "index.html")
    assert "Diese Veranstaltung hat bereits stattgefunden" in past
    coming = text_of(site / "veranstaltungen" / "2024-09-12-nachbarschaftsfest" / "index.html")
    assert "Diese Veranstaltung hat bereits stattgefunden" not in coming
    assert "Wann Donnerstag, 12. September 2024, 14:00–18:00 Uhr" in coming
    assert "Wo Stadtteilbüro Lobeda , Teststraße 12, 07747 Jena (Lobeda-West)" in coming
    assert "Anmeldung Keine Anmeldung nötig." in coming
    page = (site / "veranstaltungen" / "2024-09-12-nachbarschaftsfest" / "index.html").read_text("utf-8")
    assert '<a href="../../standorte/jena-lobeda/#anlaufstelle-1">Stadtteilbüro Lobeda</a>' in page
    assert '<time datetime="2024-09-12T14:00:00+02:00">' in page


def test_open_end_and_multi_day_events_are_worded_for_people(site: Path):
    assert "Montag, 20. Januar 2025, ab 18:00 Uhr" in text_of(site / "veranstaltungen" / "2025-01-20-neujahrsempfang" / "index.html")
    assert "Freitag, 14. Juni 2024 bis Sonntag, 16. Juni 2024" in text_of(site / "veranstaltungen" / "index.html")


# ------------------------------------------------------------------ feeds
def test_the_news_feed_parses_and_has_one_entry_per_post_file(site: Path):
    feed = ET.parse(site / "aktuelles" / "atom.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    ids = [e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")]
    assert sorted(ids) == sorted(f"https://thinka.example/aktuelles/{name}/" for name in posts_of())
    newest = feed.find(f"{ATOM}entry")
    assert newest.findtext(f"{ATOM}title") == "Koordinierungsstelle besucht Lobeda"
    assert newest.findtext(f"{ATOM}updated") == "2024-06-12T00:00:00+02:00"
    assert [c.get("label") for c in newest.findall(f"{ATOM}category")] == ["Programm und Förderung"]


def test_a_feed_without_posts_keeps_its_date_through_the_day():
    """Two builds on one day write the same empty feed (feed readers and `make serve` see no change)."""
    from datetime import timezone

    from thinka.views.news import News, atom_feed

    dataset, _ = load_dataset(COMPLETE)
    feeds = [
        atom_feed(News(dataset), [], Settings("https://thinka.example/", "ThINKA Thüringen", date(2024, 6, 15), datetime(2024, 6, 15, hour, 30, tzinfo=timezone.utc)), "T", "standorte/soemmerda/", "aktuelles/standorte/soemmerda/atom.xml")
        for hour in (6, 17)
    ]
    assert feeds[0] == feeds[1]
    assert ET.fromstring(feeds[0]).findtext(f"{ATOM}updated") == "2024-06-15T00:00:00+02:00"


@pytest.mark.parametrize("owner, folder", [("jena-lobeda", "standorte/jena-lobeda"), ("jena-winzerla", "standorte/jena-winzerla"), ("koordinierungsstelle", "koordinierungsstelle")])
def test_each_site_feed_has_exactly_that_sites_posts(site: Path, owner: str, folder: str):
    feed = ET.parse(site / "aktuelles" / folder / "atom.xml").getroot()
    names = {e.findtext(f"{ATOM}id").rstrip("/").rsplit("/", 1)[1] for e in feed.findall(f"{ATOM}entry")}
    assert names == posts_of(owner) and names


def test_feed_content_links_resolve_against_the_post(site: Path):
    feed = ET.parse(site / "aktuelles" / "atom.xml").getroot()
    entry = next(e for e in feed.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "Rückblick auf das Jahr in Lobeda")
    assert entry.get("{http://www.w3.org/XML/1998/namespace}base") == "https://thinka.example/aktuelles/2023-11-15-rueckblick/"
    assert '<a href="../../standorte/jena-lobeda/">' in entry.findtext(f"{ATOM}content")
    assert entry.findtext(f"{ATOM}summary") == "Ein Testrückblick in einem Satz."


def _calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_the_calendar_parses_and_has_one_event_per_event_file_with_stable_uids(site: Path):
    calendar = _calendar(site / "veranstaltungen" / "kalender.ics")
    uids = sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))
    assert uids == sorted(f"{name}@thinka.example" for name in events_of())
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert str(calendar["PRODID"]) == "-//ThINKA Thüringen//Veranstaltungen//DE"


def test_calendar_times_are_berlin_time_and_all_day_events_are_dates(site: Path):
    events = {str(e["UID"]).split("@")[0]: e for e in _calendar(site / "veranstaltungen" / "kalender.ics").walk("VEVENT")}
    fest = events["2024-09-12-nachbarschaftsfest"]
    assert fest["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert fest.decoded("DTSTART").isoformat() == "2024-09-12T14:00:00+02:00"
    assert fest.decoded("DTEND").isoformat() == "2024-09-12T18:00:00+02:00"
    assert str(fest["LOCATION"]) == "Stadtteilbüro Lobeda, Teststraße 12, 07747 Jena (Lobeda-West)"
    assert str(fest["URL"]) == "https://thinka.example/veranstaltungen/2024-09-12-nachbarschaftsfest/"
    treffen = events["2024-06-14-landestreffen"]
    assert treffen["DTSTART"].to_ical() == b"20240614" and treffen["DTSTART"].params["VALUE"] == "DATE"
    assert treffen.decoded("DTEND") == date(2024, 6, 17)  # the day after the last day (RFC 5545)
    assert "DTEND" not in events["2025-01-20-neujahrsempfang"]  # no end given: none invented
    stamp = fest.decoded("DTSTAMP")
    assert stamp == datetime.fromisoformat("2024-06-14T22:00:00+00:00")  # midnight of the test day in Thuringia, in UTC


@pytest.mark.parametrize("owner, path", [("jena-lobeda", "standorte/jena-lobeda"), ("jena-winzerla", "standorte/jena-winzerla"), ("koordinierungsstelle", "koordinierungsstelle")])
def test_each_site_calendar_has_exactly_that_sites_events(site: Path, owner: str, path: str):
    calendar = _calendar(site / "veranstaltungen" / path / "kalender.ics")
    assert {str(e["UID"]).split("@")[0] for e in calendar.walk("VEVENT")} == events_of(owner)


def test_each_event_page_offers_its_own_calendar_file(site: Path):
    calendar = _calendar(site / "veranstaltungen" / "2024-09-12-nachbarschaftsfest" / "termin.ics")
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Nachbarschaftsfest im Stadtteilbüro"]
    page = (site / "veranstaltungen" / "2024-09-12-nachbarschaftsfest" / "index.html").read_text("utf-8")
    assert 'href="termin.ics"' in page


# ------------------------------------------------------------------ pages
def test_per_site_news_pages_list_exactly_that_sites_posts(site: Path):
    for owner, folder in (("jena-lobeda", "standorte/jena-lobeda"), ("jena-winzerla", "standorte/jena-winzerla"), ("koordinierungsstelle", "koordinierungsstelle")):
        page = site / "aktuelles" / folder / "index.html"
        assert linked(page, "aktuelles/") == posts_of(owner), owner


def test_per_topic_pages_list_exactly_that_topics_posts(site: Path):
    page = site / "aktuelles" / "themen" / "stadtteil" / "index.html"
    expected = {p.stem for p in (COMPLETE / "news").glob("*.md") if "stadtteil" in front_matter(p).get("themen", [])}
    assert linked(page, "aktuelles/") == expected == {"2023-11-15-rueckblick", "2024-06-10-fest-winzerla"}


def test_monthly_and_yearly_archives(site: Path):
    assert linked(site / "aktuelles" / "archiv" / "2024" / "index.html", "aktuelles/") == {
        "2024-05-02-sprechstunde-lobeda", "2024-06-10-fest-winzerla", "2024-06-12-gemeinsame-meldung"
    }
    assert linked(site / "aktuelles" / "archiv" / "2024" / "06" / "index.html", "aktuelles/") == {"2024-06-10-fest-winzerla", "2024-06-12-gemeinsame-meldung"}
    overview = text_of(site / "aktuelles" / "archiv" / "index.html")
    assert "2024 (3 Meldungen) Mai 2024 (1) Juni 2024 (2)" in overview.replace("Juni 2024 (2) Mai 2024 (1)", "Mai 2024 (1) Juni 2024 (2)")
    assert "2023 (1 Meldung) November 2023 (1)" in overview


def test_site_page_shows_its_latest_three_posts_and_its_upcoming_events(site: Path):
    page = site / "standorte" / "jena-lobeda" / "index.html"
    text = text_of(page)
    posts = linked(page, "aktuelles/")
    assert posts == {"2024-06-12-gemeinsame-meldung", "2024-05-02-sprechstunde-lobeda", "2023-11-15-rueckblick"}
    assert linked(page, "veranstaltungen/") == {"2024-09-12-nachbarschaftsfest", "2025-01-20-neujahrsempfang"}
    assert "Werkstatt von gestern" not in text
    assert "Veranstaltungen von ThINKA Jena-Lobeda im eigenen Kalender abonnieren (iCal)" in text
    html = page.read_text("utf-8")
    assert 'href="../../veranstaltungen/standorte/jena-lobeda/kalender.ics"' in html
    assert 'href="../../aktuelles/standorte/jena-lobeda/atom.xml"' in html


def test_ended_site_offers_no_events_and_no_calendar_to_subscribe(site: Path):
    page = (site / "standorte" / "jena-winzerla" / "index.html").read_text("utf-8")
    text = text_of(site / "standorte" / "jena-winzerla" / "index.html")
    assert "Veranstaltungen" not in text.split("Dieser Standort arbeitet nicht mehr")[1]
    assert "im eigenen Kalender abonnieren" not in text
    assert "kalender.ics" not in page and "Infotag in Winzerla" not in text


def test_start_page_shows_latest_posts_and_next_events(site: Path):
    page = site / "index.html"
    assert linked(page, "aktuelles/") == {"2024-06-12-gemeinsame-meldung", "2024-06-10-fest-winzerla", "2024-05-02-sprechstunde-lobeda"}
    assert linked(page, "veranstaltungen/") == {"2024-06-14-landestreffen", "2024-09-12-nachbarschaftsfest", "2025-01-20-neujahrsempfang"}
    assert "thinka:" not in page.read_text("utf-8")  # every marker was filled


def test_post_page_shows_image_with_its_alternative_text_and_the_image_is_published(site: Path):
    page = (site / "aktuelles" / "2024-05-02-sprechstunde-lobeda" / "index.html").read_text("utf-8")
    assert '<img class="thinka-post__image" src="../bilder/lobeda.png" alt="Ein erfundenes Testbild mit einem Punkt">' in page
    assert (site / "aktuelles" / "bilder" / "lobeda.png").read_bytes() == (COMPLETE / "news" / "bilder" / "lobeda.png").read_bytes()
    assert (site / "veranstaltungen" / "bilder" / "empfang.png").is_file()


def test_links_from_the_site_root_in_a_post_work_from_the_post_page(site: Path):
    page = (site / "aktuelles" / "2023-11-15-rueckblick" / "index.html").read_text("utf-8")
    assert '<a href="../../standorte/jena-lobeda/">Seite des Standorts</a>' in page
    assert "<h2>Was war</h2>" in page


def test_long_lists_are_split_into_pages_of_ten(tmp_path: Path, data_dir: Path):
    for n in range(1, 24):
        (data_dir / "news" / f"2020-01-{n:02d}-meldung.md").write_text(
            f"---\ntitel: Meldung {n}\ndatum: 2020-01-{n:02d}\nstandorte: [jena-winzerla]\n---\nText {n}.\n", "utf-8"
        )
    out = tmp_path / "out"
    result = build(data_dir, out)
    assert result.returncode == 0, result.stderr
    first, third = out / "aktuelles" / "index.html", out / "aktuelles" / "seite" / "3" / "index.html"
    assert len(linked(first, "aktuelles/")) == 10
    assert len(linked(third, "aktuelles/")) == 27 - 20
    assert "Seite 3 von 3" in text_of(third)
    assert '<a href="../2/" rel="prev">Vorherige Seite</a>' in third.read_text("utf-8")
    # the site page still shows three, and links to the rest
    site_text = text_of(out / "standorte" / "jena-winzerla" / "index.html")
    assert "Alle 24 Meldungen von ThINKA Jena-Winzerla" in site_text
    # no post reaches the navigation of other pages
    assert "2020-01-05-meldung" not in (out / "partner" / "index.html").read_text("utf-8")


def test_text_from_posts_and_events_is_escaped(tmp_path: Path, data_dir: Path):
    edit(data_dir / "news" / "2024-06-10-fest-winzerla.md", "titel: Abschiedsfest in Winzerla", "titel: \"<script>alert(1)</script> Fest\"")
    edit(data_dir / "events" / "2024-03-01-infotag.yml", "name: Testhaus", "name: \"<b>Haus</b>\"")
    out = tmp_path / "out"
    assert build(data_dir, out).returncode == 0
    for page in (out / "aktuelles" / "index.html", out / "aktuelles" / "2024-06-10-fest-winzerla" / "index.html", out / "veranstaltungen" / "2024-03-01-infotag" / "index.html"):
        html = page.read_text("utf-8")
        assert "<script>alert(1)" not in html and "<b>Haus</b>" not in html
    feed = ET.parse(out / "aktuelles" / "atom.xml").getroot()
    assert "<script>alert(1)</script> Fest" in [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]


def test_a_bad_today_setting_stops_the_build_with_a_german_message(tmp_path: Path, data_dir: Path):
    result = build(data_dir, tmp_path / "out", today="15.06.2024")
    assert result.returncode == 1
    assert "THINKA_TODAY='15.06.2024' ist kein Datum; bitte JJJJ-MM-TT schreiben." in result.stderr
    assert "Traceback" not in result.stderr


def test_a_hand_written_page_asking_for_an_unknown_fragment_gets_a_german_message():
    from thinka.engine.registry import generated_fragments
    from thinka.engine.render import Renderer, UnknownMarker

    dataset, _ = load_dataset(COMPLETE)
    fragments = generated_fragments(dataset, Settings.fixed(TEST_DAY))
    renderer = Renderer(Path(__file__).resolve().parents[1] / "overrides" / "thinka")
    with pytest.raises(UnknownMarker) as caught:
        renderer.fill_markers("<p>x</p>\n<!-- thinka:termine -->", fragments, "")
    assert caught.value.args[0] == "Unbekannte Markierung '<!-- thinka:termine -->'. Möglich sind: <!-- thinka:aktuelles -->, <!-- thinka:barriere-melden -->, <!-- thinka:betreiber -->, <!-- thinka:finder -->, <!-- thinka:karte-einwilligung -->, <!-- thinka:offene-daten -->, <!-- thinka:veranstaltungen -->, <!-- thinka:webserver-protokoll -->."


def test_sample_feeds_and_calendars_hold_every_sample_post_and_event(tmp_path: Path):
    from conftest import SAMPLE

    out = tmp_path / "sample"
    result = build(SAMPLE, out, today="2026-11-25")
    assert result.returncode == 0, result.stderr
    feed = ET.parse(out / "aktuelles" / "atom.xml").getroot()
    assert len(feed.findall(f"{ATOM}entry")) == len(list((SAMPLE / "news").glob("*.md"))) == 5
    calendar = _calendar(out / "veranstaltungen" / "kalender.ics")
    assert len(list(calendar.walk("VEVENT"))) == len(list((SAMPLE / "events").glob("*.yml"))) == 7
    artern = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("2015-04-15-erfahrungsaustausch-artern@"))
    assert artern.decoded("DTSTART").isoformat() == "2015-04-15T10:00:00+02:00"
    assert artern.decoded("DTEND").isoformat() == "2015-04-15T16:00:00+02:00"
    ilm = out / "standorte" / "ilm-kreis" / "index.html"
    assert linked(ilm, "aktuelles/") == {"2015-06-06-buergerbuero-rabenhold", "2023-03-zehn-jahre-thinka-im-ilm-kreis"}
    assert "Zurzeit sind hier keine Veranstaltungen angekündigt." in text_of(ilm)


def test_every_page_names_the_news_feed_for_feed_readers(site: Path):
    out = site
    for page, href in (("index.html", "aktuelles/atom.xml"), ("standorte/jena-lobeda/index.html", "../../aktuelles/atom.xml")):
        html_text = (out / page).read_text("utf-8")
        assert f'<link rel="alternate" type="application/atom+xml" title="ThINKA – Aktuelles" href="{href}">' in html_text
    assert (out / "aktuelles" / "atom.xml").is_file()
