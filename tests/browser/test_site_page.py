"""A resident on a phone opens a site page: the first screen says where to go, whether it is open
and offers large actions; the week's hours mark today; the pages look like a public service, not
like documentation (no one-link sidebar, no page-to-page footers, a header that fits, headings
whole, a focus that does not look like an error)."""

from __future__ import annotations

import pytest

from .conftest import all_pages

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
WEDNESDAY_MORNING = "2026-11-25T10:00:00+01:00"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def _first_screen(page, selector: str) -> list[str]:
    """Texts of the visible elements matching ``selector`` that lie wholly on the first screen."""
    return page.eval_on_selector_all(
        selector,
        """els => els.filter(e => { const r = e.getBoundingClientRect();
                   return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })
                 .map(e => e.innerText.replace(/\\s+/g, ' ').trim())""",
    )


def test_first_screen_shows_where_open_now_and_the_call_button(phone, complete_url):
    phone.clock.set_fixed_time(WEDNESDAY_MORNING)
    phone.goto(complete_url + "standorte/jena-lobeda/")
    assert _first_screen(phone, "h1") == ["ThINKA Jena-Lobeda"]
    assert _first_screen(phone, "#anlaufstelle-1 .thinka-contact__address") == ["Teststraße 12 07747 Jena Ortsteil Lobeda-West"]
    assert _first_screen(phone, "#anlaufstelle-1 .thinka-open") == ["Jetzt geöffnet, bis 12:00 Uhr"]
    assert "Anrufen 03641 123456" in _first_screen(phone, "#anlaufstelle-1 a[href^='tel:']")


def test_first_screen_of_a_real_site_with_a_phone(phone, base_url):
    phone.goto(base_url + "standorte/kyffhaeuserkreis/")  # ThINKA Artern: phone and e-mail, no hours known
    assert _first_screen(phone, "h1") == ["ThINKA Artern"]
    assert _first_screen(phone, "#anlaufstelle-1 .thinka-contact__address") == ["06556 Artern Ortsteil Königstuhl"]
    assert _first_screen(phone, "#anlaufstelle-1 .thinka-contact__when") == [
        "Öffnungszeiten nennen die öffentlichen Quellen nicht – bitte vorher anrufen."
    ]
    assert _first_screen(phone, "#anlaufstelle-1 a[href^='tel:']") == ["Anrufen 03466 7404457"]


def test_first_screen_without_a_phone_leads_to_the_ways_that_exist(phone, base_url):
    phone.goto(base_url + "standorte/gera/")  # Infopoint Bieblach: street and old hours, no phone, no e-mail
    assert _first_screen(phone, "#anlaufstelle-1 .thinka-contact__address") == ["Leuchtenburgstraße 10 Gera Ortsteil Bieblach"]
    assert _first_screen(phone, "#anlaufstelle-1 .thinka-contact__when") == ["Öffnungszeiten laut Angabe von Januar 2022 – bitte vorher nachfragen."]
    assert _first_screen(phone, "#anlaufstelle-1 .thinka-contact__route a") == ["Route planen mit OpenStreetMap zu Infopoint Bieblach"]
    assert _first_screen(phone, "#anlaufstelle-1 a[href='#kontakt-aufnehmen']") == ["so erreichen Sie das Projekt trotzdem"]
    assert phone.locator("#anlaufstelle-1 a[href^='tel:'], #anlaufstelle-1 a[href^='mailto:']").count() == 0
    # the ways that exist: the project's own information, and sites nearby that can be phoned
    assert phone.locator("#kontakt-aufnehmen a[rel=external]").count() >= 1


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("path", ["standorte/jena-lobeda/"])
def test_every_contact_action_is_at_least_44_by_44_px(browser, complete_url, viewport, path):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(complete_url + path)
    boxes = page.eval_on_selector_all(
        ".thinka-contact__actions a, .thinka-contact__save a, .thinka-contact__person a",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.innerText.split('\\n')[0], Math.round(r.width), Math.round(r.height)]; })",
    )
    context.close()
    labels = [b[0] for b in boxes]
    assert labels == ["Anrufen", "Anrufen", "E-Mail schreiben", "Route planen", "03641 123457", "Als Kontakt speichern"]
    assert [b for b in boxes if b[1] < 44 or b[2] < 44] == []


@pytest.mark.parametrize(
    "berlin_time, today",
    [
        (WEDNESDAY_MORNING, ["Mo–Fr"]),
        ("2026-11-26T19:00:00+01:00", ["Mo–Fr", "Do"]),  # Thursday evening: both rows hold Thursday
        ("2026-11-28T10:00:00+01:00", []),  # Saturday: no row
    ],
)
def test_hours_table_marks_todays_rows_in_words(browser, complete_url, berlin_time, today):
    page = browser.new_page()
    page.clock.set_fixed_time(berlin_time)
    page.goto(complete_url + "standorte/jena-lobeda/")
    rows = page.eval_on_selector_all(
        "#anlaufstelle-1 table.thinka-hours tbody tr",
        "rows => rows.map(r => [r.querySelector('th span').textContent, r.classList.contains('thinka-hours__row--today') && r.getAttribute('aria-current') === 'date', r.innerText.includes('heute')])",
    )
    header = page.eval_on_selector_all("#anlaufstelle-1 table.thinka-hours th[scope=col]", "els => els.map(e => e.textContent)")
    page.close()
    assert header == ["Tage", "Uhrzeit"]
    assert [r[0] for r in rows] == ["Mo–Fr", "Do"]
    assert [r[0] for r in rows if r[1]] == today
    assert [r[0] for r in rows if r[2]] == today


def test_hours_from_an_old_source_are_never_marked_as_today(browser, base_url):
    page = browser.new_page()
    page.clock.set_fixed_time("2026-12-07T10:00:00+01:00")  # a Monday: Gera's old table has Mo–Do
    page.goto(base_url + "standorte/gera/")
    days = page.eval_on_selector_all("#anlaufstelle-1 table.thinka-hours tbody th span[aria-hidden]", "els => els.map(e => e.textContent)")
    marked = page.locator(".thinka-hours__row--today").count()
    page.close()
    assert days == ["Mo–Do", "Fr"]
    assert marked == 0


@pytest.mark.parametrize("path", ["", "standorte/", "standorte/kyffhaeuserkreis/", "standorte/sondershausen/", "anlaufstellen/", "karte/", "partner/", "impressum/"])
def test_residents_pages_have_no_one_link_sidebar_and_no_page_to_page_footer(browser, base_url, path):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + path)
    sidebar_shown = page.eval_on_selector(".md-sidebar--primary", "e => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0")
    footer_links = page.locator(".md-footer__link, .md-footer__inner").count()
    content_left = page.eval_on_selector(".md-content__inner", "e => e.getBoundingClientRect().left")
    logo_left = page.eval_on_selector(".thinka-brand__link", "e => e.getBoundingClientRect().left")
    context.close()
    assert not sidebar_shown
    assert footer_links == 0
    assert content_left < logo_left + 40  # the text starts under the logo, not beside an empty column


def test_a_section_with_several_pages_keeps_its_list_and_no_footer_chain(browser, base_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + "programm/koordinierungsstelle/")
    links = page.eval_on_selector_all(".md-sidebar--primary .md-nav__link", "els => els.filter(e => e.offsetParent).map(e => e.textContent.trim())")
    footer_links = page.locator(".md-footer__link").count()
    context.close()
    assert links == ["Programm", "Das Programm", "Idee und Konzept", "Geschichte und Förderphasen", "Steuerung und Monitoring", "Förderung", "Koordinierungsstelle"]
    assert footer_links == 0  # no "Weiter" from the coordination office into the editors' guide


@pytest.mark.parametrize("path", ["", "standorte/kyffhaeuserkreis/", "programm/koordinierungsstelle/"])
def test_header_shows_the_whole_name_and_mark_at_360_px(phone, base_url, path):
    phone.goto(base_url + path)
    phone.mouse.wheel(0, 3000)  # the name stays while the page scrolls (no swap to a cut page title)
    phone.wait_for_timeout(300)
    brand = phone.eval_on_selector(
        ".md-header .thinka-brand__link",
        """a => { const r = a.getBoundingClientRect(), easy = document.querySelector('.thinka-header__easy').getBoundingClientRect();
                 const words = [...a.querySelectorAll('.thinka-brand__name, .thinka-brand__region')];
                 return { text: a.innerText.replace(/\\s+/g, ' ').trim(), right: r.right, easyLeft: easy.left,
                          clipped: words.some(w => w.scrollWidth > w.clientWidth + 1 || getComputedStyle(w).textOverflow === 'ellipsis'),
                          logo: a.querySelector('svg.thinka-logo').getBoundingClientRect().width }; }""",
    )
    assert brand["text"] == "ThINKA Thüringen"
    assert not brand["clipped"]
    assert brand["right"] <= brand["easyLeft"]
    assert brand["logo"] >= 24
    assert phone.locator(".md-header .md-ellipsis").count() == 0


def test_no_heading_is_broken_inside_a_word_at_360_px(phone, built_site, base_url):
    """A word may end a line after its own hyphen ("Unstrut-Hainich-Kreis") or at a soft hyphen,
    never in the middle ("Koordinierungsstell / e")."""
    broken = {}
    for path in all_pages(built_site):
        phone.goto(base_url + path)
        found = phone.evaluate(
            """() => {
                const out = [];
                for (const h of document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3, .md-content h4')) {
                  if (!h.offsetParent) continue;
                  const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const re = /[^\\s\\-–\\/\\u00ad]+[\\-–\\/\\u00ad]?/g;
                    let m;
                    while ((m = re.exec(node.data))) {
                      const range = document.createRange();
                      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
                      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top / 4)));
                      if (tops.size > 1) out.push(m[0]);
                    }
                  }
                }
                return out;
            }"""
        )
        if found:
            broken[path] = found
    assert broken == {}


def test_focus_is_yellow_and_black_not_red(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "standorte/kyffhaeuserkreis/")
    colours = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.getElementById('__search').checked"):
            page.keyboard.press("Escape")
            continue
        colours.add(page.evaluate("getComputedStyle(document.activeElement).outlineColor"))
    context.close()
    assert colours == {"rgb(255, 221, 0)"}


def test_tab_icon_is_thinkas_own_mark(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "standorte/")
    href = page.eval_on_selector("link[rel=icon]", "e => e.href")
    icon = page.request.get(href)
    body = icon.text()
    page.close()
    assert href == base_url + "assets/images/favicon.svg"
    assert icon.ok and body.startswith("<svg") and "<title>ThINKA</title>" in body


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_site_pages_with_cards_have_no_serious_axe_violation(browser, base_url, complete_url, viewport):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.clock.set_fixed_time(WEDNESDAY_MORNING)  # open now and today's row drawn
    found = {}
    for url in (base_url + "standorte/kyffhaeuserkreis/", base_url + "standorte/gera/", base_url + "standorte/sondershausen/", complete_url + "standorte/jena-lobeda/"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], url
        violations = [f"{v['id']} ({v['impact']})" for v in axe.run(page).response["violations"] if v["impact"] in ("serious", "critical")]
        if violations:
            found[url] = violations
    context.close()
    assert found == {}
