"""The site search as a resident uses it: organisations, Ortsteile, streets and topics find the
site pages, which come first; the editors' area is not searched."""

from __future__ import annotations

import pytest


def search(browser, base_url, text: str) -> list[str]:
    page = browser.new_page()
    page.goto(base_url + "programm/", wait_until="networkidle")
    page.focus("input.md-search__input")  # opening search fetches the index
    page.wait_for_timeout(500)
    page.type("input.md-search__input", text, delay=20)
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(300)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => new URL(e.href).pathname)")
    page.close()
    return hrefs


@pytest.mark.parametrize(
    "typed, first",
    [
        ("KoWo", "/standorte/erfurt/"),  # a partner's short name
        ("MitMenschen", "/standorte/erfurt/"),  # a Träger
        ("OTEGAU", "/standorte/gera/"),
        ("Lusan", "/standorte/gera/"),  # an Ortsteil: the site before the post about it
        ("Rabenhold", "/standorte/ilm-kreis/"),  # before the event and the posts that name it in their titles
        ("Leuchtenburgstraße", "/standorte/gera/"),  # the street of a contact point
    ],
)
def test_residents_search_puts_the_site_page_first(browser, base_url, typed, first):
    assert search(browser, base_url, typed)[0] == first


def test_a_topic_finds_its_list_and_the_sites_that_help_with_it(browser, base_url):
    found = search(browser, base_url, "Schulden")
    assert set(found[:2]) == {"/standorte/themen/geld/", "/standorte/erfurt/"}


def test_residents_search_leaves_out_the_editors_area(browser, base_url):
    for typed in ("Telefon", "Anlaufstelle", "Standort"):  # words the guide and the field reference are full of
        found = search(browser, base_url, typed)
        assert found and not [h for h in found if h.startswith(("/redaktion/", "/mitmachen/", "/intern/"))], typed
