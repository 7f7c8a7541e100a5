"""The finder on a 360 px phone with the real sample data: what residents type, places without a
contact point, places of other states, hostile input and "in meiner Nähe"."""

from __future__ import annotations

import pytest

PHONE = {"width": 360, "height": 740}


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, errors
    context.close()


def lines(page, text: str) -> list[str]:
    page.fill("#thinka-finder-q", text)
    page.wait_for_selector(".thinka-finder__results > *")
    return [line for line in page.inner_text("#thinka-finder-results").splitlines() if line.strip()]


@pytest.mark.parametrize(
    "typed, site, why",
    [
        ("Gera-Lusan", "ThINKA Gera", "Ortsteil Lusan · Stadt Gera"),  # town and Ortsteil, hyphenated
        ("Gera Lusan", "ThINKA Gera", "Ortsteil Lusan · Stadt Gera"),
        ("Lusan Gera", "ThINKA Gera", "Ortsteil Lusan · Stadt Gera"),  # in either order
        ("Arnstadt Rabenhold", "ThINKA Ilm-Kreis", "Ortsteil Rabenhold · Ilm-Kreis"),
        ("Rabenhlod", "ThINKA Ilm-Kreis", "Ortsteil Rabenhold · Ilm-Kreis"),  # two letters swapped
        ("99089 Erfurt", "ThINKA Erfurt", "PLZ 99089 Erfurt · Stadt Erfurt"),  # a postal code no site names, from the gazetteer
        ("99089", "ThINKA Erfurt", "PLZ 99089 Erfurt · Stadt Erfurt"),
        ("Leuchtenburgstraße", "ThINKA Gera", "Straße Leuchtenburgstraße · Stadt Gera"),  # the street of a contact point
        ("Kasseler Strasse", "ThINKA Erfurt", "Straße Kasseler Straße · Stadt Erfurt"),  # ß spelt ss
        ("Lusaner Straße", "ThINKA Gera", "Ortsteil Lusan · Stadt Gera"),  # a street named after the Ortsteil
        ("MÜHLHAUSEN", "ThINKA Mühlhausen", "Ort Mühlhausen · Unstrut-Hainich-Kreis"),
        ("Jena", "ThINKA Jena-Winzerla", "Ort Jena · Stadt Jena"),  # a city is a Stadt, never a Landkreis
        ("Saalfeld-Rudolstadt", "ThINKA Saalfeld", "Landkreis Saalfeld-Rudolstadt"),
        ("Landkreis Gotha", "ThINKA Bad Tabarz", "Landkreis Gotha"),  # a district by its full title
        ("Kasseler Str. 1", "ThINKA Erfurt", "Straße Kasseler Straße · Stadt Erfurt"),  # abbreviated, with the house number
        ("Leuchtenburgstr. 10", "ThINKA Gera", "Straße Leuchtenburgstraße · Stadt Gera"),
        ("Worbis", "ThINKA Eichsfeld (Leinefelde)", "Ort Leinefelde-Worbis · Landkreis Eichsfeld"),  # part of the Gemeinde of a site's town
        ("Bleicherrode", "ThINKA Bleicherode-Sollstedt", "Ort Bleicherode · Landkreis Nordhausen"),  # a letter doubled
    ],
)
def test_what_residents_type_finds_the_site_that_serves_them(phone, base_url, typed, site, why):
    page, errors = phone
    page.goto(base_url)
    found = lines(page, typed)
    assert found[:3] == ["1 Standort gefunden:", site, why]
    assert errors == []


def test_an_ortsteil_ranks_before_the_town_alone(phone, base_url):
    """'Gera' finds both sites in Gera (the ended one last); 'Gera-Lusan' only the one for Lusan."""
    page, _ = phone
    page.goto(base_url)
    both = lines(page, "Gera")
    assert both[0] == "2 Standorte gefunden:"
    assert [both[1], both[2]] == ["ThINKA Gera", "Ort Gera · Stadt Gera"]
    assert "ThINKA Gera-Liebschwitz" in both and "Ort Gera · Stadt Gera · beendet" in both
    assert "ThINKA Gera-Liebschwitz" not in lines(page, "Gera-Lusan")


def test_a_near_miss_spelling_is_not_listed_beside_an_exact_name(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    found = lines(page, "Stadt Gera")
    assert found[0] == "2 Standorte gefunden:" and "ThINKA Jena-Winzerla" not in found


def test_a_place_without_a_contact_point_gets_its_district_and_the_nearest(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    found = lines(page, "Oberhoff")  # misspelt, and still answered for Oberhof
    assert found[:5] == [
        "In Oberhof gibt es keine ThINKA-Anlaufstelle.",
        "Oberhof gehört zum Landkreis Schmalkalden-Meiningen. Dort ist diese Anlaufstelle für Sie da:",
        "ThINKA Schmalkalden-Meiningen",
        "Landkreis Schmalkalden-Meiningen",
        "ThINKA-Bürgerbüro Walperloh",
    ]
    nearest = found[found.index("Die nächsten anderen Anlaufstellen:") + 1 :]
    assert nearest[:2] == ["ThINKA Ilm-Kreis", "etwa 12 km entfernt (Luftlinie) · Ilm-Kreis"]
    assert "Prüfen Sie die Schreibweise" not in " ".join(found)


def test_a_district_without_a_site_says_so_and_names_the_nearest(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    found = lines(page, "Apolda")
    assert found[:5] == [
        "In Apolda gibt es keine ThINKA-Anlaufstelle.",
        "Apolda gehört zum Landkreis Weimarer Land. Auch im Landkreis Weimarer Land gibt es zurzeit keine ThINKA-Anlaufstelle.",
        "Die nächsten sind:",
        "ThINKA Weimar (NAHT-Stelle)",
        "etwa 14 km entfernt (Luftlinie) · Stadt Weimar",
    ]


def test_a_town_named_like_its_district_is_not_the_district(phone, base_url):
    """'Gotha' is a town without a contact point; the Landkreis Gotha has one in Bad Tabarz."""
    page, _ = phone
    page.goto(base_url)
    found = lines(page, "Gotha")
    assert found[:3] == [
        "In Gotha gibt es keine ThINKA-Anlaufstelle.",
        "Gotha gehört zum Landkreis Gotha. Dort ist diese Anlaufstelle für Sie da:",
        "ThINKA Bad Tabarz",
    ]


@pytest.mark.parametrize(
    "typed, first",
    [
        ("Leipzig", "Ein Ort namens Leipzig liegt in Sachsen, nicht in Thüringen. ThINKA-Anlaufstellen gibt es nur in Thüringen."),
        ("Berlin", "Ein Ort namens Berlin liegt in Berlin, nicht in Thüringen. ThINKA-Anlaufstellen gibt es nur in Thüringen."),
        ("muenchen", "Ein Ort namens München liegt in Bayern, nicht in Thüringen. ThINKA-Anlaufstellen gibt es nur in Thüringen."),
        ("04109", "Die Postleitzahl 04109 gehört nicht zu Thüringen, sondern zu Sachsen. ThINKA-Anlaufstellen gibt es nur in Thüringen."),
        ("10115 Berlin", "Ein Ort namens Berlin liegt in Berlin, nicht in Thüringen. ThINKA-Anlaufstellen gibt es nur in Thüringen."),
        ("99999", "Die Postleitzahl 99999 kennen wir nicht."),
    ],
)
def test_a_place_outside_thuringia_gets_a_clear_answer(phone, base_url, typed, first):
    page, _ = phone
    page.goto(base_url)
    found = lines(page, typed)
    assert found[0] == first
    assert found[-1] == "Alle Standorte nach Landkreis finden Sie im Verzeichnis der Standorte. Die Koordinierungsstelle hilft Ihnen auch weiter."


def test_an_ended_site_leads_to_its_successor(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    found = lines(page, "Sondershausen")
    assert found[:3] == ["2 Standorte gefunden:", "ThINKA Bad Frankenhausen / An der Schmücke", "Ort Sondershausen · Kyffhäuserkreis"]
    assert found[3:6] == ["ThINKA Sondershausen", "Ort Sondershausen · Kyffhäuserkreis · beendet", "Die Arbeit geht weiter bei ThINKA Bad Frankenhausen / An der Schmücke"]


def test_a_result_has_a_call_link(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    lines(page, "Artern")
    calls = page.eval_on_selector_all(".thinka-finder__call", "els => els.map(e => [e.textContent, e.getAttribute('href'), e.getBoundingClientRect().height])")
    assert [c[:2] for c in calls] == [["Anrufen: 03466 7404457", "tel:+4934667404457"]]
    assert calls[0][2] >= 44


def test_a_result_shows_the_next_opening_time(browser, complete_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-26T13:00:00+01:00")  # Thursday lunch
    page.goto(complete_url)
    found = lines(page, "Lobeda")
    context.close()
    point = found.index("Stadtteilbüro Lobeda")
    assert found[point + 1 : point + 4] == ["Teststraße 12, 07747 Jena (Lobeda-West)", "Geschlossen, öffnet heute um 14:00 Uhr", "Anrufen: 03641 123456"]


HOSTILE = [
    '<script>window.hacked = 1</script>',
    '<img src=x onerror="window.hacked = 1">',
    '"><svg onload="window.hacked = 1">',
    "Gera " * 2000,  # 10,000 characters
    "x" * 10000,
    "😀👍🏽🇩🇪 Gera",
    "مرحبا بكم في غيرا",  # right to left
    "\u202eGera\u202c",  # a direction override around a real name
    "javascript:window.hacked=1",
    "%00%0d%0a",
]


@pytest.mark.parametrize("typed", HOSTILE, ids=range(len(HOSTILE)))
def test_any_query_is_handled_as_text_and_the_page_stays(phone, base_url, typed):
    page, errors = phone
    page.goto(base_url)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.fill("#thinka-finder-q", typed)
    page.wait_for_selector(".thinka-finder__results > *")
    page.press("#thinka-finder-q", "Enter")
    page.wait_for_timeout(200)
    assert page.url == base_url
    assert errors == [] and dialogs == []
    assert page.evaluate("window.hacked") is None
    injected = page.eval_on_selector_all("#thinka-finder-results img, #thinka-finder-results svg, #thinka-finder-results script", "els => els.length")
    assert injected == 0
    text = page.inner_text("#thinka-finder-results")
    assert text.strip()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_hostile_text_is_shown_literally(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    found = lines(page, "<b>Hallo</b>")
    assert found[0] == "Zu „<b>Hallo</b>“ kennen wir keinen Ort und keine Anlaufstelle in Thüringen."
    long = lines(page, "y" * 10000)
    assert long[0] == "Zu „" + "y" * 60 + "…“ kennen wir keinen Ort und keine Anlaufstelle in Thüringen."


def test_near_me_uses_the_position_only_when_pressed_and_sends_it_nowhere(browser, base_url):
    context = browser.new_context(viewport=PHONE, geolocation={"latitude": 50.8803, "longitude": 12.0819}, permissions=["geolocation"])
    context.add_init_script(
        """(() => { const g = navigator.geolocation, ask = g.getCurrentPosition.bind(g);
        window.positionAsked = 0;
        g.getCurrentPosition = (...a) => { window.positionAsked += 1; return ask(...a); }; })()"""
    )
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url + " " + (r.post_data or "")))
    page.goto(base_url)
    lines(page, "Gera")
    assert page.evaluate("window.positionAsked") == 0
    before = len(requests)
    page.click(".thinka-finder__near")
    page.wait_for_selector("text=Anlaufstellen in Ihrer Nähe:")
    found = [line for line in page.inner_text("#thinka-finder-results").splitlines() if line.strip()]
    after = requests[before:]
    asked = page.evaluate("window.positionAsked")
    context.close()
    assert asked == 1
    assert found[:3] == ["Anlaufstellen in Ihrer Nähe:", "ThINKA Gera", "etwa 1 km entfernt (Luftlinie) · Stadt Gera"]
    assert len([line for line in found if line.startswith("etwa ")]) == 3
    assert not [r for r in after if "50.88" in r or "12.08" in r]
    assert all("finder-index.json" in r for r in after)


def test_near_me_without_permission_asks_for_a_place(browser, base_url):
    context = browser.new_context(viewport=PHONE)  # no geolocation permission granted
    page = context.new_page()
    page.goto(base_url)
    page.click(".thinka-finder__near")
    page.wait_for_selector(".thinka-finder__none")
    text = page.inner_text("#thinka-finder-results")
    context.close()
    assert text == "Ihr Standort ist nicht verfügbar. Geben Sie bitte Ihren Ort oder Ihre Postleitzahl ein."


@pytest.mark.parametrize("typed", ["Gera-Lusan", "Oberhof", "Leipzig", "<b>x</b> مرحبا"])
def test_finder_results_have_no_serious_axe_violation(browser, base_url, typed):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url)
    lines(page, typed)
    violations = Axe().run(page).response["violations"]
    context.close()
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")] == []


def test_near_me_button_only_with_javascript_and_without_moving_the_page(browser, base_url):
    positions = {}
    for js in (False, True):
        context = browser.new_context(viewport=PHONE, java_script_enabled=js)
        page = context.new_page()
        page.goto(base_url)
        positions[js] = (page.is_visible(".thinka-finder__near"), page.eval_on_selector(".thinka-finder__source", "e => e.getBoundingClientRect().top"))
        context.close()
    assert positions[False][0] is False and positions[True][0] is True
    assert positions[False][1] == positions[True][1]  # its room is kept: showing it shifts nothing


def test_a_district_without_a_site_is_answered_as_a_district(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    found = lines(page, "Weimarer Land")
    assert found[:4] == ["Im Landkreis Weimarer Land gibt es zurzeit keine ThINKA-Anlaufstelle.", "Die nächsten sind:", "ThINKA Weimar (NAHT-Stelle)", "etwa 4 km entfernt (Luftlinie) · Stadt Weimar"]
    assert lines(page, "Landkreis Greiz")[0] == "Im Landkreis Greiz gibt es zurzeit keine ThINKA-Anlaufstelle."


def test_an_ended_site_without_successor_names_where_to_go_today(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    found = lines(page, "Suhl")
    assert found[:6] == [
        "1 Standort gefunden:", "ThINKA Suhl", "Ort Suhl · Stadt Suhl · beendet",
        "Dieser Standort ist beendet. Die nächsten Anlaufstellen:", "ThINKA Ilm-Kreis", "etwa 17 km entfernt (Luftlinie) · Ilm-Kreis",
    ]


def test_the_state_alone_asks_for_a_place(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    assert lines(page, "Thüringen")[0] == "ThINKA gibt es an vielen Orten in Thüringen. Geben Sie Ihren Ort, Ihren Ortsteil oder Ihre Postleitzahl ein, zum Beispiel „Gera“ oder „99310“."
    assert lines(page, "Mühlhausen/Thüringen")[:3] == ["1 Standort gefunden:", "ThINKA Mühlhausen", "Ort Mühlhausen · Unstrut-Hainich-Kreis"]


def test_a_name_found_as_typed_stands_alone_and_ended_sites_come_last(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    assert lines(page, "Ilmenau")[:3] == ["1 Standort gefunden:", "ThINKA Ilm-Kreis", "Ort Ilmenau · Ilm-Kreis"]  # not Suhl's "Ilmenauer Straße"
    begun = lines(page, "Ilmen")  # still typing: both, the active site first
    assert begun[0] == "2 Standorte gefunden:" and begun[1] == "ThINKA Ilm-Kreis" and "Ortsteil Ilmenauer Straße · Stadt Suhl · beendet" in begun


def test_the_finders_code_and_data_come_only_when_the_field_is_used(browser, base_url):
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url, wait_until="networkidle")
    assert not [u for u in requested if u.endswith(("thinka-finder.js", "finder-index.json"))]
    page.focus("#thinka-finder-q")
    page.wait_for_function("window.ThinkaFinder !== undefined")
    page.wait_for_timeout(200)
    page.close()
    assert len([u for u in requested if u.endswith("/assets/javascripts/thinka-finder.js")]) == 1
    assert len([u for u in requested if u.endswith("/standorte/finder-index.json")]) == 1


def test_a_query_in_the_address_is_text_too(phone, base_url):
    page, errors = phone
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url + "?ort=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    page.wait_for_selector(".thinka-finder__results > *")
    first = page.inner_text("#thinka-finder-results").splitlines()[0]
    injected = page.eval_on_selector_all("#thinka-finder-results img", "els => els.length")
    assert first == "Zu „<img src=x onerror=alert(1)>“ kennen wir keinen Ort und keine Anlaufstelle in Thüringen."
    assert injected == 0 and dialogs == [] and errors == []
    page.goto(base_url + "?ort=Gera-Lusan")
    page.wait_for_selector(".thinka-finder__results > *")
    assert page.inner_text("#thinka-finder-results").splitlines()[:3] == ["1 Standort gefunden:", "", "ThINKA Gera"]


def test_a_shared_finder_link_shows_the_results_not_the_site_search(phone, base_url):
    """A link like /?ort=Lobeda opens the start page with the finder's answer in view; Material's
    search (which opens on ?q=) stays closed and its index is not fetched."""
    page, errors = phone
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(base_url + "?ort=Lobeda")
    page.wait_for_selector(".thinka-finder__results > *")
    page.wait_for_timeout(500)
    assert page.is_checked("#__search") is False
    assert page.locator("#thinka-finder-results").is_visible()
    assert page.inner_text("#thinka-finder-results").splitlines()[0] == "In Lobeda gibt es keine ThINKA-Anlaufstelle."
    assert not any("search_index.json" in url for url in fetched) and errors == []


# ------------------------------------------------- what a reviewer types (probe of 400 queries, 2026-12)
@pytest.mark.parametrize(
    "typed, part, city, title, site",
    [
        ("Herrenberg", "Herrenberg", "Erfurt", "Stadt Erfurt", "ThINKA Erfurt"),
        ("Moskauer Platz", "Moskauer Platz", "Erfurt", "Stadt Erfurt", "ThINKA Erfurt"),
        ("Wiesenhuegel", "Wiesenhügel", "Erfurt", "Stadt Erfurt", "ThINKA Erfurt"),  # umlaut spelt out
        ("melchendorf", "Melchendorf", "Erfurt", "Stadt Erfurt", "ThINKA Erfurt"),
        ("Erfurt-Herrenberg", "Herrenberg", "Erfurt", "Stadt Erfurt", "ThINKA Erfurt"),  # with the city, hyphenated
        ("Herrenberg Erfurt", "Herrenberg", "Erfurt", "Stadt Erfurt", "ThINKA Erfurt"),  # or after it
        ("Erfurt, Moskauer Platz", "Moskauer Platz", "Erfurt", "Stadt Erfurt", "ThINKA Erfurt"),
        ("Erfurt-Nord", "Erfurt-Nord", "Erfurt", "Stadt Erfurt", "ThINKA Erfurt"),
        ("Lobeda", "Lobeda", "Jena", "Stadt Jena", "ThINKA Jena-Winzerla"),
        ("Neulobeda", "Neulobeda", "Jena", "Stadt Jena", "ThINKA Jena-Winzerla"),
        ("Jena Nord", "Jena-Nord", "Jena", "Stadt Jena", "ThINKA Jena-Winzerla"),
        ("Untermhaus", "Untermhaus", "Gera", "Stadt Gera", "ThINKA Gera"),
        ("Gera-Langenberg", "Langenberg", "Gera", "Stadt Gera", "ThINKA Gera"),
        ("Weimar-Schöndorf", "Schöndorf", "Weimar", "Stadt Weimar", "ThINKA Weimar (NAHT-Stelle)"),  # alone, Schöndorf is a Gemeinde
        ("Weimar West", "Weimar-West", "Weimar", "Stadt Weimar", "ThINKA Weimar (NAHT-Stelle)"),
    ],
)
def test_an_ortsteil_no_site_names_gets_its_citys_contact_points(phone, base_url, typed, part, city, title, site):
    page, errors = phone
    page.goto(base_url)
    found = lines(page, typed)
    assert found[:3] == [
        f"In {part} gibt es keine ThINKA-Anlaufstelle.",
        f"{part} ist ein Ortsteil von {city}. In der {title} ist diese Anlaufstelle für Sie da:",
        site,
    ]
    assert errors == []


def test_an_ortsteil_of_eisenach_gets_the_wartburgkreis(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    assert lines(page, "Stregda")[:3] == [
        "In Stregda gibt es keine ThINKA-Anlaufstelle.",
        "Stregda ist ein Ortsteil von Eisenach. Im Wartburgkreis sind diese Anlaufstellen für Sie da:",
        "ThINKA Eisenach",  # the nearest of the district's first
    ]


@pytest.mark.parametrize(
    "typed, first, site, why",
    [
        ("UH-Kreis", "1 Standort gefunden:", "ThINKA Mühlhausen", "Unstrut-Hainich-Kreis"),  # short forms and number plates
        ("Kyffhäuser", "2 Standorte gefunden:", "ThINKA Artern", "Kyffhäuserkreis"),
        ("Kyffhaeuser", "2 Standorte gefunden:", "ThINKA Artern", "Kyffhäuserkreis"),
        ("KYF", "2 Standorte gefunden:", "ThINKA Artern", "Kyffhäuserkreis"),
        ("Kreis Gotha", "1 Standort gefunden:", "ThINKA Bad Tabarz", "Landkreis Gotha"),  # not the town Gotha
        ("LK Gotha", "1 Standort gefunden:", "ThINKA Bad Tabarz", "Landkreis Gotha"),
        ("Gotha Kreis", "1 Standort gefunden:", "ThINKA Bad Tabarz", "Landkreis Gotha"),
        ("Wartburg-Kreis", "2 Standorte gefunden:", "ThINKA Bad Salzungen", "Wartburgkreis"),
        ("Saale-Orla", "1 Standort gefunden:", "ThINKA Saale-Orla-Kreis (Bad Lobenstein)", "Saale-Orla-Kreis"),
        ("SLF-RU", "1 Standort gefunden:", "ThINKA Saalfeld", "Landkreis Saalfeld-Rudolstadt"),
    ],
)
def test_a_district_by_its_everyday_names(phone, base_url, typed, first, site, why):
    page, _ = phone
    page.goto(base_url)
    assert lines(page, typed)[:3] == [first, site, why]


@pytest.mark.parametrize(
    "typed, first",
    [
        ("SHK", "Im Saale-Holzland-Kreis gibt es zurzeit keine ThINKA-Anlaufstelle."),
        ("Saale-Holzland-Kreis", "Im Saale-Holzland-Kreis gibt es zurzeit keine ThINKA-Anlaufstelle."),  # only an ended site there
        ("Kreis Greiz", "Im Landkreis Greiz gibt es zurzeit keine ThINKA-Anlaufstelle."),
        ("Stadt Suhl", "In der Stadt Suhl gibt es zurzeit keine ThINKA-Anlaufstelle."),  # a city, never a Landkreis
    ],
)
def test_a_district_where_no_site_works_today_says_so(phone, base_url, typed, first):
    page, _ = phone
    page.goto(base_url)
    found = lines(page, typed)
    assert found[:2] == [first, "Die nächsten sind:"]


@pytest.mark.parametrize(
    "typed, first, second",
    [
        ("Heiligenstadt/Eichsfeld", "In Heilbad Heiligenstadt gibt es keine ThINKA-Anlaufstelle.", "Heilbad Heiligenstadt gehört zum Landkreis Eichsfeld. Dort ist diese Anlaufstelle für Sie da:"),
        ("Neustadt/Orla", "In Neustadt an der Orla gibt es keine ThINKA-Anlaufstelle.", "Neustadt an der Orla gehört zum Saale-Orla-Kreis. Dort ist diese Anlaufstelle für Sie da:"),
        ("Berga/Elster", "In Berga-Wünschendorf gibt es keine ThINKA-Anlaufstelle.", "Berga-Wünschendorf gehört zum Landkreis Greiz. Auch im Landkreis Greiz gibt es zurzeit keine ThINKA-Anlaufstelle."),
        ("Sankt Gangloff", "In St. Gangloff gibt es keine ThINKA-Anlaufstelle.", "St. Gangloff gehört zum Saale-Holzland-Kreis. Auch im Saale-Holzland-Kreis gibt es zurzeit keine ThINKA-Anlaufstelle."),
        ("Schleusingen", "In Schleusingen gibt es keine ThINKA-Anlaufstelle.", "Schleusingen gehört zum Landkreis Hildburghausen. Auch im Landkreis Hildburghausen gibt es zurzeit keine ThINKA-Anlaufstelle."),
        ("Poessneck", "In Pößneck gibt es keine ThINKA-Anlaufstelle.", "Pößneck gehört zum Saale-Orla-Kreis. Dort ist diese Anlaufstelle für Sie da:"),
        ("Zeulenroda", "In Zeulenroda-Triebes gibt es keine ThINKA-Anlaufstelle.", "Zeulenroda-Triebes gehört zum Landkreis Greiz. Auch im Landkreis Greiz gibt es zurzeit keine ThINKA-Anlaufstelle."),
        ("07381", "Unter der Postleitzahl 07381 (Bodelwitz, Döbritz, Langenorla, Nimritz, Oppurg, Pößneck und Wernburg) gibt es keine ThINKA-Anlaufstelle.", "Die Postleitzahl 07381 gehört zum Saale-Orla-Kreis. Dort ist diese Anlaufstelle für Sie da:"),
        ("07381 Pößneck", "In Pößneck gibt es keine ThINKA-Anlaufstelle.", "Pößneck gehört zum Saale-Orla-Kreis. Dort ist diese Anlaufstelle für Sie da:"),
    ],
)
def test_a_thuringian_place_in_any_spelling_is_answered_in_thuringia(phone, base_url, typed, first, second):
    page, _ = phone
    page.goto(base_url)
    assert lines(page, typed)[:2] == [first, second]


@pytest.mark.parametrize(
    "typed, first",
    [
        ("Halle", "Ein Ort namens Halle liegt in Niedersachsen oder Sachsen-Anhalt, nicht in Thüringen. ThINKA-Anlaufstellen gibt es nur in Thüringen."),
        ("Naumburg", "Ein Ort namens Naumburg (Saale) liegt in Sachsen-Anhalt, nicht in Thüringen. ThINKA-Anlaufstellen gibt es nur in Thüringen."),
        ("Goettingen", "Ein Ort namens Göttingen liegt in Niedersachsen, nicht in Thüringen. ThINKA-Anlaufstellen gibt es nur in Thüringen."),
        ("36037", "Die Postleitzahl 36037 gehört nicht zu Thüringen, sondern zu Hessen. ThINKA-Anlaufstellen gibt es nur in Thüringen."),
        ("96450", "Die Postleitzahl 96450 gehört nicht zu Thüringen, sondern zu Bayern. ThINKA-Anlaufstellen gibt es nur in Thüringen."),
        ("37073", "Die Postleitzahl 37073 gehört nicht zu Thüringen, sondern zu Niedersachsen. ThINKA-Anlaufstellen gibt es nur in Thüringen."),
        ("Paris", "Zu „Paris“ kennen wir keinen Ort und keine Anlaufstelle in Thüringen."),  # not "Marisfeld"
        ("Hilfe", "Zu „Hilfe“ kennen wir keinen Ort und keine Anlaufstelle in Thüringen."),  # not "Hilbersdorf"
    ],
)
def test_a_name_outside_thuringia_is_not_taken_for_a_thuringian_one(phone, base_url, typed, first):
    page, _ = phone
    page.goto(base_url)
    found = lines(page, typed)
    assert found[0] == first
    assert not [line for line in found if line.startswith("In ") and "gibt es keine" in line]


@pytest.mark.parametrize(
    "typed, site, why",
    [
        ("Weimra", "ThINKA Weimar (NAHT-Stelle)", "Ort Weimar · Stadt Weimar"),  # the town, not its Ortsteil Weimar-Nord
        ("Altenbrug", "ThINKA Altenburger Land", "Ort Altenburg · Landkreis Altenburger Land"),
        ("Erfrut", "ThINKA Erfurt", "Ort Erfurt · Stadt Erfurt"),
        ("Eisnach", "ThINKA Eisenach", "Ort Eisenach · Wartburgkreis"),
        ("Er", "ThINKA Erfurt", "Ort Erfurt · Stadt Erfurt"),  # still typing
        ("Jen", "ThINKA Jena-Winzerla", "Ort Jena · Stadt Jena"),
        ("Wei", "ThINKA Weimar (NAHT-Stelle)", "Ort Weimar · Stadt Weimar"),  # the shorter name while typing, not "Weimar-Nord"
        ("Ilmenua", "ThINKA Ilm-Kreis", "Ort Ilmenau · Ilm-Kreis"),
    ],
)
def test_a_typo_finds_the_town_before_its_ortsteile(phone, base_url, typed, site, why):
    page, _ = phone
    page.goto(base_url)
    assert lines(page, typed)[:3] == ["1 Standort gefunden:", site, why]


@pytest.mark.parametrize(
    "typed, first, site",
    [
        ("Gera-Foobar", "Das Wort „foobar“ kennen wir nicht. Gefunden für den Rest Ihrer Eingabe:", "ThINKA Gera"),
        ("Erfurt Hauptbahnhof", "Das Wort „hauptbahnhof“ kennen wir nicht. Gefunden für den Rest Ihrer Eingabe:", "ThINKA Erfurt"),
        ("Kasseler Str. 1", "1 Standort gefunden:", "ThINKA Erfurt"),  # a house number is no unknown word
        ("Kreisfreie Stadt Erfurt", "1 Standort gefunden:", "ThINKA Erfurt"),
    ],
)
def test_a_word_that_names_nothing_is_said(phone, base_url, typed, first, site):
    page, _ = phone
    page.goto(base_url)
    found = lines(page, typed)
    assert found[0] == first and site in found[:3]
