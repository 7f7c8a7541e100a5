"""The map: an offline overview first; OpenStreetMap only after the visitor agrees."""

from __future__ import annotations

from urllib.parse import urlsplit


def _watch(context, origin):
    foreign: list[str] = []

    def on_request(request):
        if urlsplit(request.url).netloc not in (origin, ""):
            foreign.append(urlsplit(request.url).netloc)

    context.on("request", on_request)
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    return foreign


def test_nothing_leaves_the_site_until_the_second_click(browser, base_url):
    context = browser.new_context()
    foreign = _watch(context, urlsplit(base_url).netloc)
    page = context.new_page()
    page.goto(base_url + "karte/", wait_until="networkidle")
    assert page.locator(".thinka-map__marker").count() == 19  # current contact points of active sites with coordinates
    page.click(".thinka-map__step1")  # first click: only explains
    page.wait_for_timeout(300)
    assert foreign == []
    assert page.evaluate("Object.keys(localStorage)") == []
    page.click(".thinka-map__load")  # second click: agrees
    page.wait_for_selector(".leaflet-marker-icon")
    page.wait_for_timeout(300)
    assert set(foreign) == {"tile.openstreetmap.org"}
    assert page.locator(".leaflet-marker-icon").count() == 19
    assert "OpenStreetMap" in page.inner_text(".leaflet-control-attribution")
    assert page.evaluate("Object.keys(localStorage)") == []  # not remembered unless asked
    context.close()


def test_consent_is_remembered_only_when_asked(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto(base_url + "karte/")
    page.click(".thinka-map__step1")
    page.check(".thinka-map__remember")
    page.click(".thinka-map__load")
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.evaluate("localStorage.getItem('thinka-karte-zustimmung')") == "ja"
    page.reload()
    page.wait_for_selector(".leaflet-marker-icon")  # loads directly, with a way to withdraw
    assert page.is_visible(".thinka-map__forget")
    page.click(".thinka-map__forget")
    page.wait_for_load_state()
    assert page.evaluate("Object.keys(localStorage)") == []
    context.close()


def test_map_markers_are_links_reachable_by_keyboard(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "karte/")
    labels = []
    for _ in range(60):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.getAttribute('aria-label')")
        if page.evaluate("document.activeElement.classList.contains('thinka-map__marker')"):
            labels.append(label)
            break
    assert labels[0] == "ThINKA-Büro Heringen, Heringen/Helme (ThINKA Heringen/Helme), ungefähre Lage"  # the northernmost
    page.keyboard.press("Enter")
    page.wait_for_url("**/standorte/heringen/#anlaufstelle-1")
    page.close()
