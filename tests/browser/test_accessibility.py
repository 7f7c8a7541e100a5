"""Accessibility gate (BITV 2.0 / WCAG 2.1 AA): axe-core on every page type at phone and desktop
width, landmarks and language, a skip link, visible focus, and menu and search by keyboard alone."""

from __future__ import annotations

import pytest

from .conftest import all_pages

# One page of each type; news and events join this list when they exist.
PAGE_TYPES = {
    "start": "",
    "programme page": "programm/",
    "site directory": "standorte/",
    "site page": "standorte/ilm-kreis/",
    "district sites": "standorte/kreise/ilm-kreis/",
    "district map": "karte/kreise/ilm-kreis/",
    "contact points A-Z": "anlaufstellen/",
    "partners": "partner/",
    "imprint": "impressum/",
    "privacy": "datenschutz/",
    "accessibility statement": "barrierefreiheit/",
    "easy language": "leichte-sprache/",
    "not found (404)": "diese-seite-gibt-es-nicht/",
}
WIDTHS = {"phone": 360, "desktop": 1280}
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe():
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:  # pragma: no cover - part of the test extras
        pytest.fail("axe-playwright-python is missing: pip install -e '.[test]'")
    return Axe()


def _blocking(axe, page) -> list[str]:
    results = axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.fixture(scope="module", params=list(WIDTHS))
def tab(request, browser):
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_page_type_has_no_serious_axe_violation(axe, tab, base_url, kind):
    tab.goto(base_url + PAGE_TYPES[kind])
    assert _blocking(axe, tab) == []


def test_open_search_dialog_with_results_has_no_serious_axe_violation(axe, tab, base_url):
    tab.goto(base_url)
    tab.keyboard.press("/")
    tab.keyboard.type("Gera")
    tab.wait_for_selector(".md-search-result__item")
    tab.wait_for_timeout(500)  # let Material's fade-in finish: contrast is measured on the final colours
    assert tab.evaluate("document.getElementById('__search').checked")
    assert _blocking(axe, tab) == []


def test_open_menu_drawer_on_a_phone_has_no_serious_axe_violation(axe, browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + "standorte/")
    page.click('button[aria-label="Menü"]')
    page.wait_for_timeout(300)
    assert page.is_visible(".md-sidebar--primary .md-nav__link")
    violations = _blocking(axe, page)
    context.close()
    assert violations == []


def test_every_built_page_passes_axe_at_desktop_width(axe, browser, base_url, built_site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    found = {}
    for path in all_pages(built_site):
        page.goto(base_url + path)
        violations = _blocking(axe, page)
        if violations:
            found[path] = violations
    context.close()
    assert found == {}


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_page_is_german_with_landmarks_and_one_h1(tab, base_url, kind):
    tab.goto(base_url + PAGE_TYPES[kind])
    assert tab.get_attribute("html", "lang") == "de"
    assert tab.locator("header.md-header").count() == 1
    assert tab.locator("main").count() == 1
    assert tab.locator("footer").count() == 1
    assert tab.locator("main h1").count() == 1
    names = tab.eval_on_selector_all("nav", "navs => navs.map(n => n.getAttribute('aria-label') || n.getAttribute('aria-labelledby'))")
    assert all(names), names
    assert tab.title().endswith("ThINKA Thüringen")


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_first_tab_reaches_a_skip_link_that_jumps_to_the_content(tab, base_url, kind):
    tab.goto(base_url + PAGE_TYPES[kind])
    tab.keyboard.press("Tab")
    skip = tab.evaluate_handle("document.activeElement")
    assert tab.evaluate("e => e.classList.contains('md-skip')", skip)
    assert tab.evaluate("e => e.textContent.trim()", skip) == "Zum Inhalt"
    box = tab.evaluate("e => { const r = e.getBoundingClientRect(); return [r.width, r.height, r.top] }", skip)
    assert box[0] > 0 and box[1] > 0 and box[2] >= 0  # visible once focused
    target = tab.evaluate("e => e.getAttribute('href')", skip)
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == target
    # the target sits in the main content, before the page heading
    assert tab.evaluate(f"document.querySelector('main {target}') !== null")
    tab.keyboard.press("Tab")
    in_content = tab.evaluate("document.activeElement.closest('.md-content') !== null")
    assert in_content


def _focus_indicator(page) -> dict:
    return page.evaluate(
        """() => {
            const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
            return {
              tag: e.tagName, text: (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40),
              outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
              visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.left < innerWidth
                       && s.visibility !== 'hidden',
            };
        }"""
    )


@pytest.mark.parametrize("width", list(WIDTHS.values()))
def test_every_tab_stop_is_on_screen_with_a_visible_focus_outline(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + "standorte/ilm-kreis/")
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.getElementById('__search').checked"):
            page.keyboard.press("Escape")  # Material opens search when its field gets focus
            continue
        stop = _focus_indicator(page)
        if stop["tag"] == "BODY":  # past the last element: the browser's own controls are next
            break
        stops.append(stop)
    context.close()
    hidden = [s for s in stops if not s["visible"]]
    unmarked = [s for s in stops if not s["outline"]]
    assert len(stops) >= 20
    assert hidden == []
    assert unmarked == []


def _tab_to(page, predicate: str, limit: int = 80) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(e => {predicate})(document.activeElement)"):
            return True
    return False


def test_phone_menu_opens_and_navigates_by_keyboard_alone(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + "standorte/")
    assert not page.is_visible(".md-sidebar--primary .md-nav__link")
    assert _tab_to(page, "e.getAttribute('aria-label') === 'Menü'", limit=5)
    menu = page.locator('button.md-header__button[aria-label="Menü"]')
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert menu.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert _tab_to(page, "e.textContent.trim() === 'Anlaufstellen A–Z'", limit=10)
    page.keyboard.press("Enter")
    page.wait_for_url("**/anlaufstellen/")
    assert page.locator("h1").inner_text() == "Anlaufstellen A–Z"
    # Escape closes the menu and gives focus back to its button
    menu = page.locator('button.md-header__button[aria-label="Menü"]')
    menu.focus()
    page.keyboard.press(" ")
    page.wait_for_timeout(300)
    assert menu.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menü"
    assert not page.is_visible(".md-sidebar--primary .md-nav__link")
    context.close()


def test_desktop_tabs_are_reached_and_followed_by_keyboard(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url)
    assert page.is_visible(".md-tabs")
    assert _tab_to(page, "e.closest('.md-tabs') !== null && e.textContent.trim() === 'Partner'", limit=15)
    page.keyboard.press("Enter")
    page.wait_for_url("**/partner/")
    assert page.locator("h1").inner_text() == "Partner"
    context.close()


@pytest.mark.parametrize("width", list(WIDTHS.values()))
def test_search_by_keyboard_alone(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + "partner/")
    if width == 360:  # the search button in the header, reached with Tab
        assert _tab_to(page, "e.tagName === 'BUTTON' && e.getAttribute('aria-label') === 'Suche'", limit=6)
        page.keyboard.press("Enter")
    else:  # Material's shortcut
        page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.is_visible(".md-search__input")
    page.keyboard.type("Bleicherode")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.md-search-result') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/standorte/nordhausen/**")
    assert page.locator("h1").inner_text() == "ThINKA Bleicherode-Sollstedt"
    context.close()
