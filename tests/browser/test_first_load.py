"""A first visit loads only what the page shows: no finder index until the finder is used,
no map library before consent, nothing from another host."""

from __future__ import annotations

from urllib.parse import urlsplit


def load_and_record(browser, url: str):
    """Open ``url`` in a fresh context; return the page and the list of requested URLs (kept growing)."""
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
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
