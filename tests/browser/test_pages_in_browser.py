"""What a resident's browser sees: no request to third parties, no sideways scrolling on a phone."""

from __future__ import annotations

from urllib.parse import urlsplit

from .conftest import all_pages


def test_no_page_requests_anything_from_another_origin(browser, base_url, built_site):
    origin = urlsplit(base_url).netloc
    context = browser.new_context()
    foreign: list[str] = []
    context.on("request", lambda request: foreign.append(request.url) if urlsplit(request.url).netloc not in (origin, "") and not request.url.startswith("data:") else None)
    page = context.new_page()
    pages = all_pages(built_site)
    assert "standorte/ilm-kreis/" in pages and len(pages) >= 20
    for path in pages:
        page.goto(base_url + path, wait_until="networkidle")
    context.close()
    assert foreign == []


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


def test_edit_link_is_visible_text_and_large_enough_to_tap(browser, base_url):
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 740})
        page = context.new_page()
        page.goto(base_url + "standorte/gera/")
        link = page.locator("a.thinka-edit")
        assert link.inner_text().strip() == "Diese Seite bearbeiten"
        assert link.get_attribute("href").endswith("/edit/main/sites_data/sites/gera.yml")
        box = link.bounding_box()
        heading = page.locator("h1").bounding_box()
        context.close()
        assert box["height"] >= 44 and box["width"] >= 24
        if width == 360:  # on a phone the link has its own line above the heading
            assert box["y"] + box["height"] <= heading["y"]
