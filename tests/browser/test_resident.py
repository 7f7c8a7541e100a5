"""A resident looks for help: finder, open-now state, keyboard use, saved contact, structured data."""

from __future__ import annotations

import json
import re

import pytest
import vobject
import yaml

from conftest import COMPLETE


def finder_results(page, text: str) -> str:
    page.fill("#thinka-finder-q", text)
    page.wait_for_selector(".thinka-finder__results > *")
    return page.inner_text("#thinka-finder-results")


@pytest.mark.parametrize(
    "typed, site",
    [
        ("Arnstadt", "ThINKA Ilm-Kreis"),  # a town
        ("Lusan", "ThINKA Gera"),  # an Ortsteil / Sozialraum
        ("06556", "ThINKA Artern"),  # a postal code
        ("Walperloh", "ThINKA Schmalkalden-Meiningen"),
        ("Saalfeld-Rudolstadt", "ThINKA Saalfeld"),  # a district name
        ("Muehlhausen", "ThINKA Mühlhausen"),  # umlaut spelt out
        ("Bleicherrode", "ThINKA Bleicherode-Sollstedt"),  # a typo
        ("Leinefeld", "ThINKA Eichsfeld (Leinefelde)"),  # a letter missing
        ("Erfurt", "ThINKA Erfurt"),  # where ThINKA works today
        ("Rieth", "ThINKA Erfurt"),
        ("Jena", "ThINKA Jena-Winzerla"),
        ("Winzerla", "ThINKA Jena-Winzerla"),
        ("Bieblach", "ThINKA Gera"),
        ("Bad Frankenhausen", "ThINKA Bad Frankenhausen / An der Schmücke"),
    ],
)
def test_finder_on_the_start_page_names_the_responsible_site(browser, base_url, typed, site):
    page = browser.new_page()
    page.goto(base_url)
    text = finder_results(page, typed)
    page.close()
    assert text.splitlines()[0] == "1 Standort gefunden:"
    assert text.splitlines()[2] == site


def test_finder_result_links_to_the_site_page_with_its_contact_points(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "standorte/")
    finder_results(page, "Rabenhold")
    links = page.eval_on_selector_all("#thinka-finder-results a", "els => els.map(e => [e.textContent, e.getAttribute('href')])")
    page.close()
    assert links[0] == ["ThINKA Ilm-Kreis", "../standorte/ilm-kreis/"]
    assert ["Bürgerbüro Rabenhold", "../standorte/ilm-kreis/#anlaufstelle-3"] in links


def test_umlaut_spellings_find_the_same_site(browser, complete_url):
    page = browser.new_page()
    page.goto(complete_url)
    found = {typed: finder_results(page, typed).splitlines()[2] for typed in ("Sömmerda", "Soemmerda", "sommerda", "SÖMMERDA", "Kolleda")}
    page.close()
    assert set(found.values()) == {"ThINKA Sömmerda"}


def test_no_match_says_so_and_points_to_the_directory(browser, base_url):
    page = browser.new_page()
    page.goto(base_url)
    text = finder_results(page, "Xqzt")
    hrefs = page.eval_on_selector_all("#thinka-finder-results a", "els => els.map(e => e.getAttribute('href'))")
    page.close()
    assert text.startswith("Zu „Xqzt“ kennen wir keinen Ort und keine Anlaufstelle in Thüringen.")
    assert "Schreibweise" not in text and "Landkreis" not in text.split("\n")[0]
    assert hrefs == ["standorte/", "programm/koordinierungsstelle/"]


def test_without_javascript_the_finder_leads_to_the_a_to_z_list(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url)
    page.fill("#thinka-finder-q", "Arnstadt")
    page.press("#thinka-finder-q", "Enter")
    page.wait_for_load_state()
    assert page.url.startswith(base_url + "anlaufstellen/?ort=Arnstadt")
    assert "Bürgerbüro Rabenhold" in page.inner_text("main")
    context.close()


@pytest.mark.parametrize(
    "berlin_time, expected",
    [
        ("2026-11-25T10:00:00+01:00", "Jetzt geöffnet, bis 12:00 Uhr"),  # Wednesday morning
        ("2026-11-26T13:00:00+01:00", "Geschlossen, öffnet heute um 14:00 Uhr"),  # Thursday lunch
        ("2026-11-27T18:30:00+01:00", "Geschlossen, öffnet am Montag um 09:00 Uhr"),  # Friday evening
        ("2026-12-25T10:00:00+01:00", "Heute Feiertag, geschlossen, öffnet am Montag um 09:00 Uhr"),  # Christmas (Friday)
        ("2026-11-29T10:00:00+01:00", "Geschlossen, öffnet morgen um 09:00 Uhr"),  # Sunday
        ("2027-09-20T10:00:00+02:00", "Heute Feiertag, geschlossen, öffnet morgen um 09:00 Uhr"),  # Weltkindertag, only in Thuringia
        ("2026-11-25T23:30:00-05:00", "Geschlossen, öffnet heute um 09:00 Uhr"),  # visitor's clock in New York, Berlin 05:30 Thursday
    ],
)
def test_open_now_follows_berlin_time_and_thuringian_holidays(browser, complete_url, berlin_time, expected):
    page = browser.new_page()
    page.clock.set_fixed_time(berlin_time)
    page.goto(complete_url + "standorte/jena-lobeda/")
    state = page.inner_text("#anlaufstelle-1 .thinka-open")
    page.close()
    assert state == expected


def test_keyboard_only_from_finder_to_a_phone_link(browser, complete_url):
    page = browser.new_page()
    page.goto(complete_url)
    for _ in range(40):  # Tab from the top of the page until the search field has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "thinka-finder-q":
            break
    assert page.evaluate("document.activeElement.id") == "thinka-finder-q"
    page.keyboard.type("Lobeda")
    page.wait_for_selector(".thinka-finder__site")
    page.keyboard.press("Tab")  # the "Suchen" button
    page.keyboard.press("Tab")  # the first result
    assert page.evaluate("document.activeElement.textContent") == "ThINKA Jena-Lobeda"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/standorte/jena-lobeda/$"))
    for _ in range(60):
        page.keyboard.press("Tab")
        if (page.evaluate("document.activeElement.getAttribute('href')") or "").startswith("tel:"):
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == "tel:+493641123456"
    page.close()


def test_vcard_download_parses_and_carries_the_contact_data(complete_site):
    card = vobject.readOne((complete_site / "standorte" / "jena-lobeda" / "anlaufstelle-1.vcf").read_text("utf-8"))
    assert card.fn.value == "Stadtteilbüro Lobeda"
    assert card.org.value == ["ThINKA Jena-Lobeda"]
    assert [t.value for t in card.contents["tel"]] == ["+493641123456", "+493641654321"]
    assert card.email.value == "lobeda@traeger.example.org"
    address = card.adr.value
    assert (address.street, address.city, address.code, address.extended) == ("Teststraße 12", "Jena", "07747", "Lobeda-West")
    assert card.note.value == "Öffnungszeiten: Mo–Fr 09:00–12:00, Do 14:00–18:00. Termine nach Vereinbarung"


def test_json_ld_parses_and_matches_the_yaml(complete_site):
    page = (complete_site / "standorte" / "jena-lobeda" / "index.html").read_text("utf-8")
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(block)
    source = yaml.safe_load((COMPLETE / "sites" / "jena-lobeda.yml").read_text("utf-8"))
    point = source["anlaufstellen"][0]
    assert data["@type"] == "Organization" and data["name"] == source["name"]
    [place] = data["department"]
    assert place["name"] == point["name"]
    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": point["adresse"]["strasse"],
        "postalCode": "07747",
        "addressLocality": point["adresse"]["ort"],
        "addressRegion": "Thüringen",
        "addressCountry": "DE",
    }
    assert (place["geo"]["latitude"], place["geo"]["longitude"]) == (50.8891, 11.6075)
    assert place["telephone"] == "+493641123456" and place["email"] == point["email"]
    assert [(s["dayOfWeek"][0].rsplit("/", 1)[1], s["opens"], s["closes"]) for s in place["openingHoursSpecification"]] == [
        ("Monday", "09:00", "12:00"),
        ("Thursday", "14:00", "18:00"),
    ]
    assert len(place["openingHoursSpecification"][0]["dayOfWeek"]) == 5


def test_site_page_prints_without_navigation_and_with_a_qr_code(browser, complete_url):
    page = browser.new_page()
    page.goto(complete_url + "standorte/jena-lobeda/")
    page.emulate_media(media="print")
    visible = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.thinka-contact__save', '.thinka-site__qr svg']
             .map(s => { const e = document.querySelector(s); return e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0; })"""
    )
    text = page.inner_text("main")
    page.close()
    assert visible == [False, False, False, False, True]
    assert "Teststraße 12" in text and "Mo–Fr" in text


def test_site_page_reflows_at_320_px_and_tap_targets_are_large(browser, complete_url):
    """WCAG 1.4.10 (reflow at 320 CSS px, i.e. 400 % zoom of 1280) and 2.5.8 (targets ≥ 24 × 24 px)."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    sizes = {}
    for path in ("", "standorte/", "standorte/jena-lobeda/", "anlaufstellen/", "karte/"):
        page.goto(complete_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        for selector in (".thinka-action", ".thinka-finder__input", ".thinka-finder__button", ".thinka-jump a"):
            for box in page.eval_on_selector_all(selector, "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })"):
                sizes.setdefault(selector, []).append(box)
    context.close()
    assert set(sizes) == {".thinka-action", ".thinka-finder__input", ".thinka-finder__button", ".thinka-jump a"}
    small = {s: [b for b in boxes if b[0] < 24 or b[1] < 44] for s, boxes in sizes.items()}
    assert small == {s: [] for s in sizes}


def test_header_search_finds_a_site_by_its_ortsteil(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "programm/", wait_until="networkidle")  # the search worker has its index
    page.wait_for_timeout(500)
    page.type("input.md-search__input", "Rabenhold", delay=20)
    page.wait_for_selector(".md-search-result__item")
    titles = page.eval_on_selector_all(".md-search-result__item h1", "els => els.map(e => e.textContent.trim())")
    page.close()
    assert "ThINKA Ilm-Kreis" in titles


def test_district_jump_links_reach_groups_drawn_only_near_the_screen(browser, base_url):
    """/standorte/ lets the browser skip drawing district groups far from the screen
    (content-visibility); a jump link still lands on its group, and a site link in a group has
    room for its whole focus outline (3px at 2px offset) inside the group's box, which clips."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + "standorte/")
    last = page.eval_on_selector_all(".thinka-jump a", "els => els[els.length - 1].getAttribute('href')")
    page.click(f'.thinka-jump a[href="{last}"]')
    page.wait_for_timeout(300)
    top = page.eval_on_selector(last, "e => e.getBoundingClientRect().top")
    group = f"section[aria-labelledby='{last[1:]}']"
    link = page.locator(f"{group} .thinka-directory__item a").first.bounding_box()
    edges = page.eval_on_selector(group, "e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; }")
    context.close()
    assert 0 <= top < 740
    assert edges[0] <= link["x"] - 5 and link["x"] + link["width"] + 5 <= edges[1]
