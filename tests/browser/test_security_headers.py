"""The documented security headers (docs/_headers, shipped as site/_headers, and the nginx snippet in
README.md) hold for the built site: served with them, no page and no interaction violates the
Content-Security-Policy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO

from .conftest import all_pages, serve

HEADERS_FILE = REPO / "docs" / "_headers"


def documented_headers() -> dict[str, str]:
    """The headers that docs/_headers gives every path ("/*")."""
    headers: dict[str, str] = {}
    section = None
    for line in HEADERS_FILE.read_text("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith((" ", "\t")):
            section = line.strip()
            continue
        if section == "/*":
            name, _, value = line.strip().partition(":")
            headers[name.strip()] = value.strip()
    return headers


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def test_headers_file_has_a_strict_policy_and_ships_with_the_site(built_site: Path):
    headers = documented_headers()
    csp = headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'" and "unsafe" not in csp
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    # the build appends a marked block of cache rules for content-hashed assets (thinka.exports.hosting)
    assert (built_site / "_headers").read_text("utf-8").startswith(HEADERS_FILE.read_text("utf-8"))


def test_readme_nginx_snippet_sends_the_same_headers():
    readme = (REPO / "README.md").read_text("utf-8")
    snippets = [s for s in re.findall(r"```nginx\n(.*?)```", readme, re.S) if "Content-Security-Policy" in s]
    assert len(snippets) == 1, "README.md has no (or more than one) nginx snippet with the security headers"
    sent = dict(re.findall(r'add_header\s+(\S+)\s+"([^"]*)"\s+always;', snippets[0]))
    assert sent == documented_headers()


@pytest.fixture(scope="module")
def strict_url(built_site: Path):
    with serve(built_site, documented_headers()) as url:
        yield url


@pytest.fixture
def strict_page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None)
    page.console_errors = console  # type: ignore[attr-defined]
    yield page
    context.close()


def test_every_page_loads_under_the_policy_without_violation(strict_page, strict_url, built_site):
    response = strict_page.goto(strict_url)
    assert response.headers["content-security-policy"] == documented_headers()["Content-Security-Policy"]
    found = {}
    for path in all_pages(built_site) + ["gibt-es-nicht/"]:
        strict_page.goto(strict_url + path, wait_until="networkidle")
        violations = strict_page.evaluate("window.__cspViolations")
        if violations:
            found[path] = violations
    assert found == {}
    assert strict_page.console_errors == []
    # the listener does catch a violation: an inline script is refused under this policy
    strict_page.evaluate("document.head.appendChild(Object.assign(document.createElement('script'), {textContent: 'window.x = 1'}))")
    strict_page.wait_for_timeout(100)
    assert strict_page.evaluate("window.__cspViolations.length") == 1
    assert strict_page.evaluate("window.x") is None


def test_menu_and_search_work_under_the_policy(strict_page, strict_url):
    strict_page.goto(strict_url + "standorte/", wait_until="networkidle")
    strict_page.click('button[aria-label="Menü"]')
    strict_page.click('.md-sidebar--primary a[href="../anlaufstellen/"]')
    strict_page.wait_for_url("**/anlaufstellen/")
    strict_page.click('button[aria-label="Suche"]')
    strict_page.keyboard.type("Bleicherode")
    strict_page.wait_for_selector(".md-search-result__item")  # the search worker runs under worker-src 'self'
    strict_page.keyboard.press("Enter")
    strict_page.wait_for_url("**/standorte/nordhausen/**")
    assert strict_page.evaluate("window.__cspViolations") == []
    assert strict_page.console_errors == []


def test_map_after_consent_and_finder_without_javascript_hold_the_policy(browser, built_site):
    """Tiles come from OpenStreetMap only after consent; the finder's form submits to the A–Z list."""
    with serve(built_site, documented_headers()) as url:
        context = browser.new_context()
        context.route("https://tile.openstreetmap.org/**", lambda route: route.fulfill(status=200, content_type="image/png", body=b""))
        page = context.new_page()
        page.add_init_script("window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));")
        page.goto(url + "karte/")
        page.click(".thinka-map__step1")
        page.click(".thinka-map__load")
        page.wait_for_selector(".leaflet-tile-loaded, .leaflet-marker-icon")
        page.wait_for_timeout(500)
        assert page.evaluate("window.__cspViolations") == []
        context.close()
        nojs = browser.new_context(java_script_enabled=False)
        page = nojs.new_page()
        page.goto(url)
        page.fill("#thinka-finder-q", "Arnstadt")
        page.press("#thinka-finder-q", "Enter")
        page.wait_for_url("**/anlaufstellen/?ort=Arnstadt")
        nojs.close()
