"""The map: an offline overview first, usable with a finger and the keyboard; OpenStreetMap only
after the visitor agrees, and then exactly as the privacy statement says (the real sample data)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

PHONE = {"width": 360, "height": 740}


def _watch(context, origin):
    """Every request to another host, with its Referer; tiles are answered with an empty image."""
    foreign: list[tuple[str, str, str]] = []

    def on_request(request):
        if urlsplit(request.url).netloc not in (origin, ""):
            foreign.append((urlsplit(request.url).netloc, request.url, request.headers.get("referer", "")))

    context.on("request", on_request)
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.fulfill(status=200, content_type="image/png", body=b""))
    return foreign


def _privacy_names(page, base_url):
    """What the privacy statement says the map stores and where its tiles come from."""
    page.goto(base_url + "datenschutz/")
    return {name: page.inner_text(f".thinka-legal__{name}") for name in ("host", "key", "value", "tiles")}


def test_nothing_leaves_the_site_until_the_second_click_then_only_what_the_privacy_page_names(browser, base_url):
    context = browser.new_context()
    foreign = _watch(context, urlsplit(base_url).netloc)
    page = context.new_page()
    named = _privacy_names(page, base_url)
    assert named["host"] == "tile.openstreetmap.org"
    page.goto(base_url + "karte/", wait_until="networkidle")
    assert page.locator(".thinka-map__marker").count() == 13  # 19 contact points at 14 towns, 13 markers
    page.click(".thinka-map__step1")  # first click: only explains
    page.wait_for_timeout(300)
    assert foreign == []
    assert page.evaluate("Object.keys(localStorage)") == []
    page.click(".thinka-map__load")  # second click: agrees
    page.wait_for_selector(".leaflet-marker-icon")
    page.wait_for_function("document.querySelectorAll('.leaflet-tile').length > 0")
    page.wait_for_timeout(300)
    assert {host for host, _, _ in foreign} == {named["host"]}
    tile = re.compile("^" + re.escape(named["tiles"]).replace(r"\{z\}", r"\d+").replace(r"\{x\}", r"\d+").replace(r"\{y\}", r"\d+") + "$")
    assert all(tile.match(url) for _, url, _ in foreign), foreign[:3]
    assert {referer for _, _, referer in foreign} == {base_url}  # the site's address, never the page's
    # Every mapped contact point is on the live map, grouped where they share a place.
    counts = page.eval_on_selector_all(".leaflet-marker-icon", "els => els.map(e => Number(e.textContent) || 1)")
    assert sum(counts) == 19 and 4 in counts
    assert "OpenStreetMap" in page.inner_text(".leaflet-control-attribution")
    assert page.evaluate("Object.keys(localStorage)") == []  # not remembered unless asked
    context.close()


def test_consent_is_remembered_only_when_asked_under_the_key_the_privacy_page_names(browser, base_url):
    context = browser.new_context()
    foreign = _watch(context, urlsplit(base_url).netloc)
    page = context.new_page()
    named = _privacy_names(page, base_url)
    page.goto(base_url + "karte/")
    page.click(".thinka-map__step1")
    page.check(".thinka-map__remember")
    page.click(".thinka-map__load")
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.evaluate("Object.entries(localStorage)") == [[named["key"], named["value"]]]
    page.reload()
    page.wait_for_selector(".leaflet-marker-icon")  # loads directly, with a way to withdraw
    forget = page.locator(".thinka-map__forget")
    assert forget.is_visible() and forget.inner_text() == "Zustimmung widerrufen"
    page.goto(base_url + "datenschutz/")
    assert "„Zustimmung widerrufen“" in page.inner_text("#karte-widerruf + ul")  # the button the privacy page points to
    page.goto(base_url + "karte/")
    page.wait_for_selector(".leaflet-marker-icon")
    page.click(".thinka-map__forget")
    page.wait_for_load_state()
    assert page.evaluate("Object.keys(localStorage)") == []
    before = len(foreign)
    page.goto(base_url + "karte/", wait_until="networkidle")
    assert len(foreign) == before and page.locator(".leaflet-container").count() == 0  # asked again
    context.close()


def test_markers_are_large_enough_for_a_finger_and_stay_inside_the_map_on_a_phone(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in ("karte/", "karte/kreise/nordhausen/", "karte/kreise/erfurt/"):
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        canvas = page.locator(".thinka-map__canvas").bounding_box()
        # the circles' geometry, without their stroke; rounded to 1/100 px (sub-pixel layout)
        size = "els => els.map(e => { const r = e.getBoundingClientRect(); return [Math.round(r.width * 100) / 100, Math.round(r.height * 100) / 100]; })"
        dots = page.eval_on_selector_all(".thinka-map__dot", size)
        hits = page.eval_on_selector_all(".thinka-map__hit", size)
        assert dots and all(w >= 24 and h >= 24 for w, h in dots), (path, dots)
        assert all(w >= 44 and h >= 44 for w, h in hits), (path, hits)
        # Each marker's name, once shown, lies inside the map.
        for i in range(page.locator(".thinka-map__marker").count()):
            page.locator(".thinka-map__marker").nth(i).focus()
            box = page.locator(".thinka-map__marker").nth(i).locator(".thinka-map__name").bounding_box()
            assert canvas["x"] <= box["x"] and box["x"] + box["width"] <= canvas["x"] + canvas["width"], (path, i, box, canvas)
            assert canvas["y"] <= box["y"] and box["y"] + box["height"] <= canvas["y"] + canvas["height"], (path, i, box, canvas)
    context.close()


def test_keyboard_focus_and_hover_show_the_name(browser, base_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "karte/")
    names = page.locator(".thinka-map__name")
    assert names.evaluate_all("els => els.map(e => getComputedStyle(e).visibility)") == ["hidden"] * 13
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('thinka-map__marker')"):
            break
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "ThINKA-Büro Heringen, Heringen/Helme – ThINKA Heringen/Helme, ungefähre Lage"  # the northernmost
    outline = page.evaluate("(s => [s.outlineStyle, parseFloat(s.outlineWidth)])(getComputedStyle(document.activeElement))")
    assert outline[0] != "none" and outline[1] >= 2  # the keyboard's focus is drawn around dot and name
    shown = page.evaluate("[...document.querySelectorAll('.thinka-map__name')].filter(e => getComputedStyle(e).visibility === 'visible').map(e => e.textContent)")
    assert shown == ["ThINKA-Büro Heringen"]
    page.keyboard.press("Tab")
    shown = page.evaluate("[...document.querySelectorAll('.thinka-map__name')].filter(e => getComputedStyle(e).visibility === 'visible').map(e => e.textContent)")
    assert shown == ["Bleicherode und Sollstedt: 2Anlaufstellen"]  # two lines (tspans) on a phone
    page.locator('.thinka-map__marker[data-name="NAHT-Stelle"] .thinka-map__hit').hover()
    page.keyboard.press("Shift+Tab")  # focus elsewhere: only the hovered name stays
    shown = page.evaluate("[...document.querySelectorAll('.thinka-map__name')].filter(e => getComputedStyle(e).visibility === 'visible').map(e => e.textContent)")
    assert "NAHT-Stelle" in shown
    page.locator(".thinka-map__marker").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/standorte/heringen/#anlaufstelle-1")
    page.close()


def _erfurt(page):
    return page.locator('.thinka-map__marker[data-name="Erfurt: 4 Anlaufstellen"]')


ERFURT = ["Stadtteilbüro Rieth", "Stadtteiltreff Berolina", "ThINKA Johannesplatz", "ThINKA Roter Berg"]


def test_a_group_opens_its_list_by_tap_and_by_keyboard(browser, base_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "karte/")
    assert _erfurt(page).locator(".thinka-map__count").text_content() == "4"
    _erfurt(page).click()
    panel = page.locator("#thinka-map-panel")
    assert panel.is_visible() and page.url.endswith("/karte/")  # opens in place, under the map
    assert panel.locator("h2").inner_text() == "Erfurt: 4 Anlaufstellen (ungefähre Lage: Ortsmitte)"
    assert panel.locator("a").all_inner_texts() == ERFURT
    assert page.evaluate("document.activeElement.id") == "thinka-map-panel-title"
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.getAttribute('data-name')") == "Erfurt: 4 Anlaufstellen"
    page.keyboard.press("Enter")  # the focused marker, by keyboard
    assert panel.locator("a").all_inner_texts() == ERFURT
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the first contact point of the list
    page.wait_for_url("**/standorte/erfurt/#anlaufstelle-*")
    page.close()


def test_without_javascript_a_group_leads_to_its_list(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "karte/")
    _erfurt(page).click()
    anchor = urlsplit(page.url).fragment
    assert anchor.startswith("karte-ort-")
    place = page.locator(f"#{anchor}")
    assert place.locator(".thinka-map__place-name").inner_text() == "Erfurt: 4 Anlaufstellen (ungefähre Lage: Ortsmitte)"
    assert place.locator(".thinka-map__point a").all_inner_texts() == ERFURT
    top = place.bounding_box()["y"]
    assert 0 <= top < PHONE["height"]  # scrolled into view
    context.close()


def _live(page):
    """The live map's markers: their accessible names and the number of contact points each stands for."""
    return page.eval_on_selector_all(".leaflet-marker-icon", "els => els.map(e => [e.getAttribute('aria-label'), Number(e.textContent) || 1])")


def test_live_map_groups_points_names_them_on_focus_and_keeps_one_place_together(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    _watch(context, urlsplit(base_url).netloc)
    page = context.new_page()
    page.goto(base_url + "karte/")
    page.click(".thinka-map__step1")
    page.click(".thinka-map__load")
    page.wait_for_selector(".leaflet-marker-icon")
    icons = page.locator(".leaflet-marker-icon")
    sizes = icons.evaluate_all("els => els.map(e => { const r = e.getBoundingClientRect(); const d = e.firstElementChild.getBoundingClientRect(); return [r.width, r.height, d.width, d.height]; })")
    assert all(w >= 44 and h >= 44 and dw >= 24 and dh >= 24 for w, h, dw, dh in sizes), sizes
    shown = _live(page)
    assert sum(n for _, n in shown) == 19
    # On a phone all of Thuringia is small: markers closer than 30 px share one; the first is the northernmost.
    assert shown[0] == ["Bleicherode, Heringen/Helme und Sollstedt: 3 Anlaufstellen, ungefähre Lage. Liste zeigen", 3]
    icons.first.focus()
    assert page.locator(".leaflet-tooltip").inner_text() == "Bleicherode, Heringen/Helme und Sollstedt: 3 Anlaufstellen, ungefähre Lage"
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup-content a").all_inner_texts() == ["ThINKA-Büro Bleicherode", "ThINKA-Büro Heringen", "ThINKA-Büro Sollstedt"]
    # Zoomed in on Erfurt as far as the map goes (double clicks beside its marker), its four offices
    # at one coordinate stay one marker; Arnstadt's and Weimar's have left the group.
    page.evaluate("document.querySelector('.leaflet-popup-close-button').click()")
    for step in range(14):
        if page.locator(".leaflet-control-zoom-in").get_attribute("aria-disabled") == "true":
            break
        box = page.locator('.leaflet-marker-icon[aria-label*="Erfurt"]').bounding_box()
        beside = 30 if step % 2 else -30  # left and right in turn: the marker stays in view
        page.mouse.dblclick(box["x"] + box["width"] / 2 + beside, box["y"] + box["height"] / 2)
        page.wait_for_timeout(600)
    assert page.locator(".leaflet-control-zoom-in").get_attribute("aria-disabled") == "true"
    assert [a for a, _ in _live(page) if "Erfurt" in a] == ["Erfurt: 4 Anlaufstellen, ungefähre Lage. Liste zeigen"]
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_no_tile_request_before_consent_on_any_map_page(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    foreign = _watch(context, urlsplit(base_url).netloc)
    page = context.new_page()
    for path in ("karte/", "karte/kreise/erfurt/", "karte/kreise/gera/", "datenschutz/"):
        page.goto(base_url + path, wait_until="networkidle")
        for i in range(min(3, page.locator(".thinka-map__marker").count())):
            page.locator(".thinka-map__marker").nth(i).locator(".thinka-map__hit").hover()
    assert foreign == []
    context.close()


HOSTILE = "<img src=x onerror=window.__pwned=1>\"' & Büro"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    """The complete test data with two more contact points at Lobeda's place whose names are markup."""
    import shutil

    from conftest import COMPLETE, build

    from .conftest import serve

    root = tmp_path_factory.mktemp("map-hostile")
    shutil.copytree(COMPLETE, root / "data")
    site = root / "data" / "sites" / "jena-lobeda.yml"
    text = site.read_text("utf-8")
    block = text[text.index("  - name: Stadtteilbüro Lobeda\n"):]
    block = block[: block.index("    oeffnungszeiten:")]
    copies = "".join(block.replace("Stadtteilbüro Lobeda", "'" + name.replace("'", "''") + "'", 1) for name in (HOSTILE, HOSTILE.replace("& Büro", "& Zweitbüro")))
    site.write_text(text.replace(block, block + copies, 1), "utf-8")
    result = build(root / "data", root / "site")
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def test_names_that_look_like_markup_stay_text_on_both_maps(browser, hostile_url):
    context = browser.new_context(viewport=PHONE)
    _watch(context, urlsplit(hostile_url).netloc)
    page = context.new_page()
    page.goto(hostile_url + "karte/")
    group = page.locator(".thinka-map__marker--group")
    names = [HOSTILE, HOSTILE.replace("& Büro", "& Zweitbüro"), "Stadtteilbüro Lobeda"]
    assert group.get_attribute("data-name") == "Jena: 3 Anlaufstellen"
    group.locator(".thinka-map__hit").click()
    assert page.locator("#thinka-map-panel a").all_inner_texts() == names
    page.click(".thinka-map__step1")
    page.click(".thinka-map__load")
    page.wait_for_selector(".leaflet-marker-icon")
    page.locator(".leaflet-marker-icon").first.focus()
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup-content a").all_inner_texts() == names
    assert page.locator(".leaflet-tooltip").inner_text() == "Jena: 3 Anlaufstellen"
    assert page.locator("img[src='x']").count() == 0 and page.evaluate("window.__pwned") is None
    context.close()


def test_axe_finds_nothing_serious_on_the_phone_map_with_a_group_open_and_on_the_live_map(browser, base_url):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def blocking(page):
        results = axe.run(page).response
        return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"] if v["impact"] in ("serious", "critical")]

    context = browser.new_context(viewport=PHONE)
    _watch(context, urlsplit(base_url).netloc)
    page = context.new_page()
    page.goto(base_url + "karte/")
    _erfurt(page).click()
    assert blocking(page) == []
    page.click(".thinka-map__step1")
    page.click(".thinka-map__load")
    page.wait_for_selector(".leaflet-marker-icon")
    page.locator(".leaflet-marker-icon").first.focus()
    assert blocking(page) == []
    context.close()
