"""What a resident's browser sees: no request to third parties, nothing stored about the visit,
no sideways scrolling on a phone."""

from __future__ import annotations

from urllib.parse import urlsplit

from .conftest import all_pages, forwarding_pages


# What a page may leave in the browser without consent: nothing. (Material writes to
# localStorage only through __md_set, which our override keeps in memory; see
# overrides/partials/javascripts/base.html.)
NOTHING_STORED = {"cookies": [], "localStorage": [], "sessionStorage": [], "indexedDB": [], "caches": []}


def _stored(context, page) -> dict:
    kept = page.evaluate(
        """async () => ({
            localStorage: Object.keys(localStorage),
            sessionStorage: Object.keys(sessionStorage),
            indexedDB: (await indexedDB.databases()).map(d => d.name),
            caches: await caches.keys(),
        })"""
    )
    return {"cookies": [c["name"] for c in context.cookies()], **kept}


def test_no_page_requests_another_origin_or_stores_anything(browser, base_url, built_site):
    """Privacy gate: every page, loaded until the network is idle, asks only its own origin
    (no fonts, scripts, images, tiles or favicons from elsewhere) and leaves nothing behind."""
    origin = urlsplit(base_url).netloc
    context = browser.new_context()
    foreign: list[str] = []
    context.on("request", lambda request: foreign.append(request.url) if urlsplit(request.url).netloc not in (origin, "") and not request.url.startswith("data:") else None)
    page = context.new_page()
    pages = all_pages(built_site)
    assert "standorte/ilm-kreis/" in pages and "impressum/" in pages and len(pages) >= 20
    stored_by_page = {}
    for path in pages + ["gibt-es-nicht/"]:
        page.goto(base_url + path, wait_until="networkidle")
        stored = _stored(context, page)
        if stored != NOTHING_STORED:
            stored_by_page[path] = stored
    context.close()
    assert foreign == []
    assert stored_by_page == {}


def test_using_search_and_menu_stores_nothing(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + "standorte/", wait_until="networkidle")
    page.click('button[aria-label="Menü"]')
    page.click('.md-sidebar--primary a[href="../partner/"]')
    page.wait_for_url("**/partner/")
    page.click('button[aria-label="Suche"]')
    page.keyboard.type("Gera")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert "gera" in page.url
    stored = _stored(context, page)
    context.close()
    assert stored == NOTHING_STORED


def test_pages_fit_a_360_px_phone_without_horizontal_scrolling(browser, base_url, built_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
    page = context.new_page()
    too_wide = {}
    for path in all_pages(built_site):
        page.goto(base_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide[path] = width
    context.close()
    assert too_wide == {}


def test_phone_links_are_large_enough_to_tap(browser, base_url):
    """WCAG 2.5.8: tap targets at least 24 × 24 CSS pixels (we aim for 44 px)."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + "standorte/")
    sizes = page.eval_on_selector_all(".thinka-jump a", "els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])")
    context.close()
    assert sizes and all(w >= 24 and h >= 44 for w, h in sizes)


def test_edit_link_is_visible_text_large_enough_to_tap_and_at_the_foot(browser, base_url):
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 740})
        page = context.new_page()
        page.goto(base_url + "standorte/gera/")
        link = page.locator("a.thinka-edit")
        assert link.inner_text().strip() == "Diese Seite bearbeiten"
        assert link.get_attribute("href").endswith("/edit/main/sites_data/sites/gera.yml")
        box = link.bounding_box()
        last = page.locator("article > *:not(a.thinka-edit)").last.bounding_box()
        context.close()
        assert box["height"] >= 44 and box["width"] >= 24
        # Residents read the page first: the editors' link comes after everything the page says.
        assert box["y"] >= last["y"] + last["height"] - 1


def test_material_remembers_settings_only_for_the_page_view(browser, base_url):
    """Material keeps __palette, __tabs, __announce, __consent, __outdated and __source through
    __md_set; ours holds them in memory, so even a feature that remembers leaves nothing behind."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "partner/")
    page.evaluate("__md_set('__palette', {color: {scheme: 'slate'}}); __md_set('__source', {stars: 1}, sessionStorage)")
    assert page.evaluate("__md_get('__palette')") == {"color": {"scheme": "slate"}}
    assert page.evaluate("__md_get('__source', sessionStorage)") == {"stars": 1}
    assert _stored(context, page) == NOTHING_STORED
    page.reload()
    assert page.evaluate("__md_get('__palette')") is None
    context.close()


def test_moved_addresses_bring_the_visitor_to_the_new_page(browser, base_url, built_site):
    """An old bookmark (/mitmachen/…) lands on the page that now lives under /redaktion/."""
    moved = forwarding_pages(built_site)
    assert "mitmachen/felder/" in moved
    context = browser.new_context()
    page = context.new_page()
    landed = {}
    for path in moved:
        page.goto(base_url + path)
        page.wait_for_url(lambda url: "/mitmachen/" not in url, timeout=5000)
        page.wait_for_load_state("load")
        landed[path] = page.url.removeprefix(base_url)
    context.close()
    assert landed == {path: path.replace("mitmachen/", "redaktion/", 1) for path in moved}


def test_no_page_throws_a_script_error_on_load_or_when_its_map_is_switched_on(browser, base_url, built_site):
    """A script error stops everything after it (open-now badges, finder, map). Every page is loaded;
    on pages with a map the live map is switched on too (tiles answered locally with an empty image)."""
    import re

    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.fulfill(status=200, content_type="image/png", body=b""))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    maps = 0
    for path in all_pages(built_site):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        if page.locator(".thinka-map__step1").count():
            maps += 1
            page.click(".thinka-map__step1")
            page.click(".thinka-map__load")
            page.wait_for_selector(".leaflet-marker-icon")
    context.close()
    assert maps >= 2  # /karte/ and the district maps
    assert errors == []
