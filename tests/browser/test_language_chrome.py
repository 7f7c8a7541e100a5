"""The language switch in the browser at 360 px: reached and opened with the keyboard alone, leading to
the page in the other language, working without JavaScript; hreflang links cost no request (Material's
bundle would fetch a sitemap.xml beside each); axe finds nothing serious on an English and an Arabic
page, with the switch closed and open."""

from __future__ import annotations

import pytest

from test_language_chrome import build_chrome_site

from .conftest import serve

PHONE = {"width": 360, "height": 740}
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def chrome_url(tmp_path_factory):
    site = build_chrome_site(tmp_path_factory.mktemp("browser-chrome"))
    with serve(site) as url:
        yield url


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def _tab_to(page, selector: str, limit: int = 15) -> int:
    """Press Tab until ``selector`` has focus; how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab")


def test_switch_by_keyboard_at_360px_leads_to_the_arabic_page(phone, chrome_url):
    phone.goto(chrome_url + "standorte/gera/")
    _tab_to(phone, "summary.thinka-language__button")
    summary = phone.locator("summary.thinka-language__button")
    box = summary.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["width"] >= 44 and box["height"] >= 44
    assert not phone.locator(".thinka-language__list").is_visible()
    phone.keyboard.press("Enter")
    listed = phone.locator(".thinka-language__list")
    assert listed.is_visible()
    panel = listed.bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= PHONE["width"]  # not cut off at the screen's edge
    # the links follow in the order of the list, the current one first marked
    presses = _tab_to(phone, "a.thinka-language__link[hreflang=ar]", limit=6)
    assert presses == 5  # Deutsch, English, Українська, Русский, العربية
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert phone.url == chrome_url + "ar/standorte/gera/"
    assert phone.evaluate("[document.documentElement.lang, document.body.dir]") == ["ar", "rtl"]
    assert phone.locator("a.thinka-language__link[aria-current=page]").get_attribute("lang") == "ar"


def test_switch_works_without_javascript(browser, chrome_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(chrome_url + "en/standorte/gera/")
        page.click("summary.thinka-language__button")
        page.click("a.thinka-language__link[hreflang=uk]")  # no Ukrainian Gera page: its start page
        assert page.url == chrome_url + "uk/"
        assert page.evaluate("document.documentElement.lang") == "uk"
    finally:
        context.close()


def _load(browser, url: str) -> tuple[list[str], list[str], int]:
    """The requests a page load makes (after the page itself), those answered with an error, and
    how many hreflang links the page has."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requests: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    try:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        return requests[1:], failed, page.locator("link[rel=alternate][hreflang]").count()
    finally:
        context.close()


def test_alternate_links_cost_no_request(browser, chrome_url):
    """Material 9.8 fetches <url>/sitemap.xml beside every link[rel=alternate]: with seven hreflang
    links that would be requests (404s: no sitemap in /ar/, /en/ …) on every page load."""
    requests, failed, links = _load(browser, chrome_url + "ar/standorte/gera/")
    assert links == 4  # de, en, ar and x-default
    assert [url for url in requests if "sitemap" in url] == []
    assert failed == []
    # exactly the requests of a page without hreflang links (the same theme assets)
    plain, plain_failed, plain_links = _load(browser, chrome_url + "ohne-angabe/")
    assert plain_links == 0 and plain_failed == []
    assert sorted(requests) == sorted(plain)


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("path", ["en/", "ar/standorte/gera/"])
@pytest.mark.parametrize("width", [360, 1280])
def test_no_serious_axe_violation_on_english_and_arabic_pages(browser, axe, chrome_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(chrome_url + path)
        for state in ("closed", "open"):
            if state == "open":
                page.click("summary.thinka-language__button")
                assert page.locator(".thinka-language__list").is_visible()
            violations = [
                f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:3])}"
                for v in axe.run(page).response["violations"]
                if v["impact"] in BLOCKING
            ]
            assert violations == [], state
    finally:
        context.close()


@pytest.mark.parametrize("path", ["standorte/gera/", "en/", "uk/", "ar/standorte/gera/", "fa/"])
@pytest.mark.parametrize("width", [320, 360])
def test_header_fits_a_phone_in_every_language(phone, chrome_url, path, width):
    """Menu, ThINKA's name, the switch, Leichte Sprache and search side by side, none over another
    and none cut off, in both directions (360 px, and 320 px: WCAG 1.4.10 reflow)."""
    phone.set_viewport_size({"width": width, "height": PHONE["height"]})
    phone.goto(chrome_url + path)
    boxes = phone.evaluate(
        """() => [...document.querySelector('.md-header__inner').children]
              .map(e => [e.className, e.getBoundingClientRect().left, e.getBoundingClientRect().right, e.scrollWidth - e.clientWidth])
              .filter(([, left, right]) => right - left > 0)"""
    )
    names = [name for name, *_ in boxes]
    assert any("thinka-language" in name for name in names) and any("thinka-brand" in name for name in names)
    boxes.sort(key=lambda box: box[1])
    assert boxes[0][1] >= 0 and boxes[-1][2] <= width
    for (name, _, right, _), (following, left, _, _) in zip(boxes, boxes[1:]):
        assert right <= left + 0.5, f"{name} overlaps {following}"
    assert [name for name, _, _, hidden in boxes if hidden > 0] == []  # nothing clipped inside (the brand's words)
