"""A first visit loads only what the page shows: no finder index until the finder is used,
no map library before consent, nothing from another host."""

from __future__ import annotations

from urllib.parse import urlsplit


def load_and_record(browser, url: str, width: int = 1280, height: int = 720, paths: bool = False):
    """Open ``url`` in a fresh context; return the page and the list of requested URLs (kept
    growing; only their paths with ``paths``)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(urlsplit(request.url).path if paths else request.url))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return context, page, requested


def test_start_page_fetches_the_finder_index_only_when_the_field_is_used(browser, base_url):
    context, page, requested = load_and_record(browser, base_url)
    assert not [u for u in requested if u.endswith("finder-index.json")]
    with page.expect_request(lambda request: request.url.endswith("/standorte/finder-index.json")):
        page.focus("#thinka-finder-q")
    context.close()


def test_site_page_loads_nothing_from_another_host_and_no_index_or_map_library(browser, base_url):
    context, page, requested = load_and_record(browser, base_url + "standorte/gera/")
    host = urlsplit(base_url).netloc
    assert [u for u in requested if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != host] == []
    assert not [u for u in requested if u.endswith("finder-index.json") or "leaflet" in u]
    context.close()


def test_search_index_is_fetched_only_when_the_visitor_opens_search(browser, base_url):
    context, page, requested = load_and_record(browser, base_url + "standorte/gera/", 360, 740, paths=True)
    page.wait_for_timeout(300)
    assert "/search/search_index.json" not in requested
    with page.expect_request(lambda request: request.url.endswith("/search/search_index.json")):
        page.click('button[aria-label="Suche"]')
    page.keyboard.type("Rabenhold", delay=20)
    page.wait_for_selector(".md-search-result__item")
    titles = page.eval_on_selector_all(".md-search-result__item h1", "els => els.map(e => e.textContent.trim())")
    context.close()
    assert "ThINKA Ilm-Kreis" in titles
    assert requested.count("/search/search_index.json") == 1


def test_search_index_loads_when_the_search_field_gets_focus_on_a_wide_screen(browser, base_url):
    context, page, requested = load_and_record(browser, base_url + "programm/", 1280, 800, paths=True)
    assert "/search/search_index.json" not in requested
    page.type("input.md-search__input", "Gera", delay=20)
    page.wait_for_selector(".md-search-result__item")
    context.close()
    assert requested.count("/search/search_index.json") == 1


def test_a_page_load_makes_no_failing_request_and_logs_no_error(browser, base_url):
    """Material asks for a sitemap.xml next to every <link rel="alternate">; our feed link must
    not turn that into a 404 (/aktuelles/sitemap.xml) or any other request at load."""
    context = browser.new_context()
    failed: list[str] = []
    errors: list[str] = []
    requested: list[str] = []
    context.on("request", lambda request: requested.append(urlsplit(request.url).path))
    context.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    for path in ("", "standorte/", "standorte/gera/", "anlaufstellen/", "aktuelles/"):
        page.goto(base_url + path, wait_until="networkidle")
        page.wait_for_timeout(200)
    feed = page.get_attribute('head link[rel="alternate"][type="application/atom+xml"]', "href")
    context.close()
    assert feed == "atom.xml"  # autodiscovery as feed readers look for it, relative to /aktuelles/
    assert (failed, errors) == ([], [])
    assert [p for p in requested if p.endswith("sitemap.xml")] == []
