"""Right to left done right: an Arabic or Dari page (dir="rtl") mirrors our components — the card's
bar and its buttons start on the right, the route sign points the other way, today's bar in the
hours sits on the right — while phone numbers and times still read left to right, the map keeps
west on the left, and German pages stay exactly as they were.

Until the Arabic pages are published (issue 15, helper "pages"), the browser turns a built German
page into a right-to-left one the way the language's chrome will: <html lang="ar" dir="rtl"> and
<body dir="rtl">, which is all Material and thinka.css read."""

from __future__ import annotations

import re

import pytest

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
WEDNESDAY_MORNING = "2026-11-25T10:00:00+01:00"
SITE = "standorte/jena-lobeda/"  # complete test data: two phones, e-mail, route, hours (Mo–Fr today)


def _rtl(route) -> None:
    """The page as an Arabic page would be served: lang and dir on <html>, dir on <body>."""
    if route.request.resource_type != "document":
        route.continue_()
        return
    response = route.fetch()
    html = response.text()

    def retag(match: re.Match, attrs: str) -> str:
        rest = re.sub(r'\s(?:lang|dir)="[^"]*"', "", match.group(2))
        return f"<{match.group(1)} {attrs}{rest}>"

    html = re.sub(r"<(html)([^>]*)>", lambda m: retag(m, 'lang="ar" dir="rtl"'), html, count=1)
    html = re.sub(r"<(body)([^>]*)>", lambda m: retag(m, 'dir="rtl"'), html, count=1)
    route.fulfill(response=response, body=html)


def _page(browser, viewport, rtl: bool):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.clock.set_fixed_time(WEDNESDAY_MORNING)
    if rtl:
        page.route("**/*", _rtl)
    return context, page


@pytest.fixture
def rtl_phone(browser):
    context, page = _page(browser, PHONE, rtl=True)
    yield page
    context.close()


@pytest.fixture
def ltr_phone(browser):
    context, page = _page(browser, PHONE, rtl=False)
    yield page
    context.close()


def _box(page, selector: str) -> list[float]:
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.width].map(v => Math.round(v * 10) / 10); }")


def _content_box(page, selector: str) -> list[float]:
    """Left and right edge of an element's content (inside border and padding)."""
    return page.eval_on_selector(
        selector,
        """e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                  return [r.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft),
                          r.right - parseFloat(s.borderRightWidth) - parseFloat(s.paddingRight)].map(v => Math.round(v * 10) / 10); }""",
    )


def test_forced_rtl_really_is_rtl(rtl_phone, complete_url):
    rtl_phone.goto(complete_url + SITE)
    assert rtl_phone.evaluate("[document.documentElement.lang, document.documentElement.dir, document.body.dir, getComputedStyle(document.querySelector('.md-typeset')).direction]") == ["ar", "rtl", "rtl", "rtl"]


@pytest.mark.parametrize("path", ["", SITE, "standorte/", "anlaufstellen/", "karte/", "karte/kreise/jena/"])
def test_no_sideways_scrolling_on_a_phone_right_to_left(rtl_phone, complete_url, path):
    rtl_phone.goto(complete_url + path)
    assert rtl_phone.evaluate("document.body.dir") == "rtl"
    assert rtl_phone.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth]") == [360, 360]
    # nothing sticks out to the left either (a right-to-left page scrolls that way); a district map
    # is a cut-out of Thuringia, clipped by its frame
    assert rtl_phone.evaluate("Math.min(...[...document.querySelectorAll('.md-content *:not(svg *)')].filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.thinka-visually-hidden, .md-sidebar')).map(e => Math.round(e.getBoundingClientRect().left)))") >= 0


def test_the_contact_cards_bar_and_buttons_start_at_the_right(rtl_phone, complete_url):
    rtl_phone.goto(complete_url + SITE)
    card = "#anlaufstelle-1"
    style = rtl_phone.eval_on_selector(card, "e => { const s = getComputedStyle(e); return [s.borderRightWidth, s.borderLeftWidth]; }")
    assert style == ["6px", "1px"]  # the coloured bar where a line starts: on the right
    left, right = _content_box(rtl_phone, card)
    buttons = rtl_phone.locator(f"{card} .thinka-contact__actions .thinka-action")
    assert buttons.count() == 4  # two phones, e-mail, route
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert round(box["x"] + box["width"], 1) == right  # every button starts at the right edge …
        assert round(box["x"], 1) == left  # … and fills the line on a phone
    # inside a button the icon comes first, on the right, then the words
    icon = _box(rtl_phone, f"{card} .thinka-action--primary .thinka-icon")
    words = _box(rtl_phone, f"{card} .thinka-action--primary .thinka-action__text")
    assert icon[0] > words[1]


def test_the_buttons_line_up_from_the_right_on_a_wide_screen(browser, complete_url):
    context, page = _page(browser, DESKTOP, rtl=True)
    page.goto(complete_url + SITE)
    right = _content_box(page, "#anlaufstelle-1")[1]
    first, second = (page.locator("#anlaufstelle-1 .thinka-action").nth(i).bounding_box() for i in (0, 1))
    assert round(first["x"] + first["width"], 1) == right
    assert second["x"] + second["width"] < first["x"]  # the second to the left of the first
    assert second["y"] == first["y"]
    context.close()


def _transform(page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).transform")


def test_the_route_sign_is_mirrored_the_other_icons_are_not(rtl_phone, ltr_phone, complete_url):
    rtl_phone.goto(complete_url + SITE)
    assert _transform(rtl_phone, "#anlaufstelle-1 .thinka-contact__route .thinka-icon") == "matrix(-1, 0, 0, 1, 0, 0)"
    assert _transform(rtl_phone, "#anlaufstelle-1 .thinka-action--primary .thinka-icon") == "none"  # a phone is a phone
    assert _transform(rtl_phone, "#anlaufstelle-1 .thinka-contact__where .thinka-icon") == "none"
    ltr_phone.goto(complete_url + SITE)
    assert _transform(ltr_phone, "#anlaufstelle-1 .thinka-contact__route .thinka-icon") == "none"


def _reads_left_to_right(page, selector: str, first: str, second: str) -> dict:
    """Where ``first`` and ``second`` (parts of the text of ``selector``) are drawn, and the
    direction of the element that holds the whole value."""
    return page.eval_on_selector(
        selector,
        """(e, [a, b]) => {
            const node = document.createTreeWalker(e, NodeFilter.SHOW_TEXT, { acceptNode: n => n.data.includes(a) && n.data.includes(b) ? 1 : 3 }).nextNode();
            const at = part => { const r = document.createRange(), i = node.data.indexOf(part); r.setStart(node, i); r.setEnd(node, i + part.length); return r.getBoundingClientRect(); };
            const holder = node.parentElement.closest('[dir]');
            return { text: node.data, holder: holder.getAttribute('dir'), direction: getComputedStyle(node.parentElement).direction,
                     inOrder: at(a).right <= at(b).left, sameLine: Math.abs(at(a).top - at(b).top) < 2 };
        }""",
        [first, second],
    )


def test_a_phone_number_reads_left_to_right(rtl_phone, complete_url):
    rtl_phone.goto(complete_url + SITE)
    button = _reads_left_to_right(rtl_phone, "#anlaufstelle-1 a[href='tel:+493641123456']", "03641", "123456")
    assert button == {"text": "03641 123456", "holder": "ltr", "direction": "ltr", "inOrder": True, "sameLine": True}
    person = _reads_left_to_right(rtl_phone, "#anlaufstelle-1 .thinka-contact__person a[href^='tel:']", "03641", "123457")
    assert person == {"text": "03641 123457", "holder": "ltr", "direction": "ltr", "inOrder": True, "sameLine": True}
    # the button's label still stands at the right, in the page's direction
    assert rtl_phone.eval_on_selector("#anlaufstelle-1 .thinka-action--primary .thinka-action__detail", "e => getComputedStyle(e).direction") == "rtl"


def test_an_opening_time_range_and_a_postal_code_read_left_to_right(rtl_phone, complete_url):
    rtl_phone.goto(complete_url + SITE)
    times = _reads_left_to_right(rtl_phone, "#anlaufstelle-1 .thinka-hours__row--today .thinka-hours__range", "09:00", "12:00")
    assert times == {"text": "09:00–12:00", "holder": "ltr", "direction": "ltr", "inOrder": True, "sameLine": True}
    town = _reads_left_to_right(rtl_phone, "#anlaufstelle-1 .thinka-contact__address", "07747", "Jena")
    assert town == {"text": "07747 Jena", "holder": "ltr", "direction": "ltr", "inOrder": True, "sameLine": True}
    mail = _reads_left_to_right(rtl_phone, "#anlaufstelle-1 a[href^='mailto:']", "lobeda@", "example.org")
    assert mail["holder"] == "ltr" and mail["inOrder"]
    # today's row: its bar on the right, where the row starts
    shadow = rtl_phone.eval_on_selector("#anlaufstelle-1 .thinka-hours__row--today th", "e => getComputedStyle(e).boxShadow")
    assert shadow.endswith("-5px 0px 0px 0px inset")


def test_the_directory_keeps_phone_numbers_left_to_right(rtl_phone, complete_url):
    rtl_phone.goto(complete_url + "anlaufstellen/")
    phone = _reads_left_to_right(rtl_phone, "a[href='tel:+493641123456']", "03641", "123456")
    assert phone == {"text": "03641 123456", "holder": "ltr", "direction": "ltr", "inOrder": True, "sameLine": True}


def _card_geometry(page) -> dict:
    """Horizontal geometry of the key parts of the first card (left, width), the page's width."""
    parts = {
        "card": "#anlaufstelle-1",
        "name": "#anlaufstelle-1 .thinka-contact__name",
        "address": "#anlaufstelle-1 .thinka-contact__address",
        "place icon": "#anlaufstelle-1 .thinka-contact__where .thinka-icon",
        "call": "#anlaufstelle-1 .thinka-action--primary",
        "route": "#anlaufstelle-1 .thinka-contact__route .thinka-action",
        "hours": "#anlaufstelle-1 .thinka-hours",
        "today": "#anlaufstelle-1 .thinka-hours__row--today th",
        "save": "#anlaufstelle-1 .thinka-contact__save .thinka-action",
    }
    return {name: page.eval_on_selector(sel, "e => { const r = e.getBoundingClientRect(); return [Math.round(r.left * 10) / 10, Math.round(r.width * 10) / 10]; }") for name, sel in parts.items()}


# The German card at 360 px as it was drawn before thinka.css named its sides logically
# (measured on the complete test data; left and width in CSS pixels).
GERMAN_CARD_AT_360 = {
    "card": [16, 328],
    "name": [39, 287],
    "address": [69.6, 170.7],
    "place icon": [39, 22.1],
    "call": [39, 287],
    "route": [39, 287],
    "hours": [39, 287],
    "today": [39, 81.6],
    "save": [39, 246.4],
}


def test_german_pages_look_as_before(ltr_phone, complete_url):
    ltr_phone.goto(complete_url + SITE)
    assert ltr_phone.evaluate("document.body.dir") == "ltr"
    assert _card_geometry(ltr_phone) == GERMAN_CARD_AT_360
    style = ltr_phone.eval_on_selector("#anlaufstelle-1", "e => { const s = getComputedStyle(e); return [s.borderLeftWidth, s.borderRightWidth]; }")
    assert style == ["6px", "1px"]
    shadow = ltr_phone.eval_on_selector("#anlaufstelle-1 .thinka-hours__row--today th", "e => getComputedStyle(e).boxShadow")
    assert shadow.endswith(" 5px 0px 0px 0px inset")


def test_right_to_left_is_the_mirror_image_of_the_german_card(rtl_phone, ltr_phone, complete_url):
    ltr_phone.goto(complete_url + SITE)
    rtl_phone.goto(complete_url + SITE)
    german, mirrored = _card_geometry(ltr_phone), _card_geometry(rtl_phone)
    width = 360
    for name, (left, size) in german.items():  # same width, the same distance from the other edge
        assert mirrored[name][1] == size, name
        assert mirrored[name][0] == pytest.approx(width - left - size, abs=0.2), name


def test_the_map_is_not_mirrored(browser, base_url):
    """West stays west: the markers and their names sit where they sit on the German map."""
    where = "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.textContent, Math.round(r.left), Math.round(r.top), Math.round(r.width)]; })"
    seen = []
    for rtl in (False, True):
        context, page = _page(browser, PHONE, rtl)
        page.goto(base_url + "karte/")
        assert page.evaluate("document.body.dir") == ("rtl" if rtl else "ltr")
        seen.append([page.eval_on_selector_all(".thinka-map__dot", where), page.eval_on_selector_all(".thinka-map__name", where)])
        context.close()
    assert len(seen[0][0]) == 13
    assert seen[1] == seen[0]
    # the names stay inside the map (their placement assumes text that runs to the right)
    assert all(0 <= left and left + w <= 360 for _, left, _, w in seen[1][1])


def test_live_map_controls_start_on_the_right(browser, base_url):
    for rtl, zoom, credits in ((True, "right", "left"), (False, "left", "right")):
        context, page = _page(browser, PHONE, rtl)
        context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.fulfill(status=200, content_type="image/png", body=b""))
        page.goto(base_url + "karte/")
        page.click(".thinka-map__step1")
        page.click(".thinka-map__load")
        page.wait_for_selector(".leaflet-marker-icon")
        assert page.locator(f".leaflet-top.leaflet-{zoom} .leaflet-control-zoom").count() == 1
        assert page.locator(f".leaflet-bottom.leaflet-{credits} .leaflet-control-attribution").count() == 1
        map_box, zoom_box = page.locator(".leaflet-container").bounding_box(), page.locator(".leaflet-control-zoom").bounding_box()
        if rtl:
            assert map_box["x"] + map_box["width"] - (zoom_box["x"] + zoom_box["width"]) < 20
        else:
            assert zoom_box["x"] - map_box["x"] < 20
        context.close()


def test_an_address_line_of_the_a_to_z_list_reads_left_to_right(rtl_phone, base_url):
    rtl_phone.goto(base_url + "anlaufstellen/")  # real data: "06556 Artern (Königstuhl)" starts with its postal code
    line = rtl_phone.locator(".thinka-directory__detail bdi", has_text="06556 Artern")
    assert line.count() == 1
    town = _reads_left_to_right(rtl_phone, ".thinka-directory__detail bdi:has-text('06556 Artern')", "06556", "Artern")
    assert town == {"text": "06556 Artern (Königstuhl)", "holder": "ltr", "direction": "ltr", "inOrder": True, "sameLine": True}


def test_the_finders_answers_are_mirrored(rtl_phone, complete_url):
    rtl_phone.goto(complete_url + "?ort=Jena")
    rtl_phone.wait_for_selector(".thinka-finder__points li")
    sides = rtl_phone.eval_on_selector(".thinka-finder__points li", "e => { const s = getComputedStyle(e); return [s.borderRightWidth, s.borderLeftWidth, s.paddingRight, s.paddingLeft]; }")
    assert sides[:2] == ["3px", "0px"] and sides[3] == "0px" and sides[2] != "0px"  # the line on the right, room beside it
    item = _box(rtl_phone, ".thinka-finder__item")
    point = _box(rtl_phone, ".thinka-finder__points li")
    assert point[1] < item[1] and point[0] >= item[0]  # inside its answer
    assert rtl_phone.evaluate("document.documentElement.scrollWidth") == 360
