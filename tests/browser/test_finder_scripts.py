"""The finder for residents who type in their own script, on a 360 px phone with the real sample data:
Cyrillic and Arabic-script names of the towns, Arabic-Indic and Persian digits, and the answers in
the page's language (the texts of finder.po, drawn into the page by finder.html)."""

from __future__ import annotations

import json
import re

import pytest

from thinka.engine.render import Renderer
from thinka.exports.finder import SOURCES, normalize
from thinka.views.common import Fragment

from conftest import REPO

PHONE = {"width": 360, "height": 740}


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, errors
    context.close()


def lines(page, text: str) -> list[str]:
    page.fill("#thinka-finder-q", text)
    page.wait_for_selector(".thinka-finder__results > *")
    return [line for line in page.inner_text("#thinka-finder-results").splitlines() if line.strip()]


@pytest.mark.parametrize(
    "typed, first, site, why",
    [
        ("Гера", "2 Standorte gefunden:", "ThINKA Gera", "Ort Gera · Stadt Gera"),  # Ukrainian and Russian
        ("гера", "2 Standorte gefunden:", "ThINKA Gera", "Ort Gera · Stadt Gera"),
        ("Ерфурт", "1 Standort gefunden:", "ThINKA Erfurt", "Ort Erfurt · Stadt Erfurt"),  # Ukrainian
        ("Эрфурт", "1 Standort gefunden:", "ThINKA Erfurt", "Ort Erfurt · Stadt Erfurt"),  # Russian
        ("Єна", "1 Standort gefunden:", "ThINKA Jena-Winzerla", "Ort Jena · Stadt Jena"),
        ("Йена", "1 Standort gefunden:", "ThINKA Jena-Winzerla", "Ort Jena · Stadt Jena"),
        ("Мюльхаузен", "1 Standort gefunden:", "ThINKA Mühlhausen", "Ort Mühlhausen/Thüringen · Unstrut-Hainich-Kreis"),
        ("Ільменау", "1 Standort gefunden:", "ThINKA Ilm-Kreis", "Ort Ilmenau · Ilm-Kreis"),
        ("إرفورت", "1 Standort gefunden:", "ThINKA Erfurt", "Ort Erfurt · Stadt Erfurt"),  # Arabic
        ("ارفورت", "1 Standort gefunden:", "ThINKA Erfurt", "Ort Erfurt · Stadt Erfurt"),  # Persian
        ("إِرْفُـورْت", "1 Standort gefunden:", "ThINKA Erfurt", "Ort Erfurt · Stadt Erfurt"),  # vowel signs, tatweel
        ("گرا", "2 Standorte gefunden:", "ThINKA Gera", "Ort Gera · Stadt Gera"),
        ("۹۹۰۸۹", "1 Standort gefunden:", "ThINKA Erfurt", "PLZ 99089 Erfurt · Stadt Erfurt"),  # Persian digits
        ("٩٩٠٨٩", "1 Standort gefunden:", "ThINKA Erfurt", "PLZ 99089 Erfurt · Stadt Erfurt"),  # Arabic-Indic digits
        ("۹۹۰۸۹ إرفورت", "1 Standort gefunden:", "ThINKA Erfurt", "PLZ 99089 Erfurt · Stadt Erfurt"),
    ],
)
def test_a_town_typed_in_cyrillic_or_arabic_script_finds_its_site(phone, base_url, typed, first, site, why):
    page, errors = phone
    page.goto(base_url)
    found = lines(page, typed)
    assert found[:3] == [first, site, why]
    assert errors == []


def test_a_town_without_a_site_typed_in_cyrillic_gets_its_district_and_the_nearest(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    assert lines(page, "Апольда")[:2] == [
        "In Apolda gibt es keine ThINKA-Anlaufstelle.",
        "Apolda gehört zum Landkreis Weimarer Land. Auch im Landkreis Weimarer Land gibt es zurzeit keine ThINKA-Anlaufstelle.",
    ]


def test_the_page_and_the_python_build_normalize_alike(phone, base_url):
    page, _ = phone
    page.goto(base_url)
    page.focus("#thinka-finder-q")
    page.wait_for_function("window.ThinkaFinder !== undefined")
    samples = ["Sömmerda", "Soemmerda", "Straße 7", "Эрфурт", "Ерфурт", "Їна", "Зёммерда", "Ґера", "إرفورت", "آرفورت", "إِرْفُورْت",
               "إرفـــورت", "ﺇﺭﻓﻮﺭﺕ", "ینا", "شمالکالدن", "بلايشرودة", "زوندرس\u200cهاوزن", "٩٩٠٨٩", "۹۹۰۸۹", "９９０８９", "Gera 🙂 <b>x</b>", "ŞİŞLİ", "ﬁnd"]
    assert page.evaluate("(s) => s.map(window.ThinkaFinder.normalize)", samples) == [normalize(s) for s in samples]


def _texts(code: str) -> str:
    renderer = Renderer(REPO / "overrides" / "thinka", watch=False)
    html = renderer.render_fragment(Fragment("finder.html", {"finder_sources": SOURCES}), "index.html", code)  # drawn in the page's language
    return re.search(r'class="thinka-finder__texts">(.*?)</script>', html, re.S).group(1)


def as_language(page, code: str, direction: str = "ltr") -> None:
    """The start page as the finder sees it on /<code>/: its language and its texts."""
    page.evaluate(
        """([code, direction, texts]) => {
            document.documentElement.setAttribute('lang', code);
            document.body.setAttribute('dir', direction);
            document.querySelector('.thinka-finder__texts').textContent = texts;
        }""",
        [code, direction, json.dumps(json.loads(_texts(code)))],
    )


def test_on_a_ukrainian_page_the_answer_is_ukrainian_and_the_names_german(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.set_fixed_time("2026-12-07T08:00:00+01:00")  # a Monday morning
    page.goto(base_url)
    as_language(page, "uk")
    found = lines(page, "Гера")
    assert found[:3] == ["Знайдено місць: 2", "ThINKA Gera", "Населений пункт Gera · Stadt Gera"]
    assert "Зателефонувати: 03466 7404457" in lines(page, "Артерн")
    assert lines(page, "Oberhof")[:2] == [
        "У Oberhof немає пункту звернення ThINKA.",
        "Oberhof належить до: Landkreis Schmalkalden-Meiningen. Там для вас працює цей пункт звернення:",
    ]
    # the names from the data are German, marked so for screen readers
    assert page.locator(".thinka-finder__site span[lang=de]").first.inner_text() == "ThINKA Schmalkalden-Meiningen"
    assert lines(page, "Leipzig")[0] == "Населений пункт Leipzig розташований у землі Sachsen, а не в Тюрингії. Пункти звернення ThINKA є лише в Тюрингії."
    context.close()


def test_on_an_arabic_page_numbers_keep_their_order_and_the_answer_is_arabic(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url)
    as_language(page, "ar", "rtl")
    found = lines(page, "إرفورت")
    assert found[:2] == ["تم العثور على موقع واحد:", "ThINKA Erfurt"]
    assert "اتصال: 03466 7404457" in lines(page, "أرترن")
    assert page.locator(".thinka-finder__call bdi[dir=ltr]").inner_text() == "03466 7404457"
    assert lines(page, "۹۹۹۹۹")[0] == "لا نعرف الرمز البريدي 99999."
    context.close()


def test_weekday_names_come_in_the_pages_language(browser, complete_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-27T19:00:00+01:00")  # Friday evening: Lobeda opens again on Monday
    page.goto(complete_url)
    german = lines(page, "Lobeda")
    assert "Geschlossen, öffnet am Montag um 09:00 Uhr" in german
    page.goto(complete_url)
    as_language(page, "ru")
    assert "Закрыто, следующее открытие: понедельник в 09:00" in lines(page, "Lobeda")
    context.close()
