"""Search in a visitor's language: a page in /<code>/ searches that language's index (its own
/<code>/search/search_index.json, fetched only when search is used) and its results lead to pages
in that language; German pages keep the German index."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest


@pytest.mark.parametrize("code", ["en", "ar"])
def test_a_translated_page_searches_its_own_language_only(browser, base_url, code):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page = context.new_page()
    page.goto(base_url + f"{code}/standorte/gera/", wait_until="networkidle")
    assert [p for p in requested if p.endswith("search_index.json")] == []
    page.type("input.md-search__input", "Gera", delay=20)
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    context.close()
    assert [p for p in requested if p.endswith("search_index.json")] == [f"/{code}/search/search_index.json"]
    assert links and all(urlsplit(link).path.startswith(f"/{code}/") for link in links), links
    assert any(urlsplit(link).path == f"/{code}/standorte/gera/" for link in links), links


def test_a_german_page_keeps_the_german_index(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page = context.new_page()
    page.goto(base_url + "standorte/gera/", wait_until="networkidle")
    page.type("input.md-search__input", "Gera", delay=20)
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    context.close()
    assert [p for p in requested if p.endswith("search_index.json")] == ["/search/search_index.json"]
    assert links and not [link for link in links if urlsplit(link).path.split("/")[1] in ("en", "uk", "ru", "ar", "fa")]
