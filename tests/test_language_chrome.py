"""The theme's chrome in six languages (issue 15): <html lang> / <body dir>, hreflang alternates, the
language switch, the languages on the start page, each language's menu and legal links, the note
that a translation is not yet checked, the 404 page in every language, and the catalogues
(chrome.po) the chrome's texts come from.

Until the engine sets page.meta.thinka_lang / thinka_alternates on every page, the pages of
tests/data/chrome/docs set them in their front matter; tests/data/chrome/hooks.py does what the
plugin's on_env does (thinka.engine.chrome_texts.install).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from babel.messages.pofile import read_po

from conftest import BIN, REPO
from thinka.data.languages import LANGUAGES
from thinka.engine import chrome_texts
from thinka.views.translation import catalogue_path

CHROME = REPO / "tests" / "data" / "chrome"
OVERRIDES = REPO / "overrides"
MATERIAL = Path(jinja2.__file__).parents[1] / "material" / "templates"
SITE_URL = "https://thinka.example/"


def build_chrome_site(out: Path, hook: bool = True) -> Path:
    """Build tests/data/chrome (its pages, the repository's overrides and docs/assets) into ``out``
    (the built site is ``out/site``); without ``hook`` as before the plugin calls chrome_texts."""
    shutil.copytree(CHROME / "docs", out / "docs")
    shutil.copytree(REPO / "docs" / "assets", out / "docs" / "assets")
    config = (CHROME / "mkdocs.yml").read_text("utf-8").replace("OVERRIDES", str(OVERRIDES))
    if hook:
        shutil.copy(CHROME / "hooks.py", out / "hooks.py")
    else:
        config = config.replace("hooks:\n  - hooks.py\n", "")
    (out / "mkdocs.yml").write_text(config, "utf-8")
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(out / "site")],
        cwd=out,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return out / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_chrome_site(tmp_path_factory.mktemp("chrome"))


@pytest.fixture(scope="module")
def site_without_hook(tmp_path_factory) -> Path:
    return build_chrome_site(tmp_path_factory.mktemp("chrome-nohook"), hook=False)


class Page(HTMLParser):
    """The elements of a page: (tag, attributes, text inside, indices of the elements around it)."""

    VOID = {"meta", "link", "input", "br", "img", "path", "rect", "hr", "source"}

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str], tuple[int, ...]]] = []
        self.open: list[int] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.elements.append((tag, {k: v or "" for k, v in attrs}, [], tuple(self.open)))
        if tag not in self.VOID:
            self.open.append(len(self.elements) - 1)

    def handle_startendtag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.elements.append((tag, {k: v or "" for k, v in attrs}, [], tuple(self.open)))

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        for i in range(len(self.open) - 1, -1, -1):
            if self.elements[self.open[i]][0] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        for index in self.open:
            self.elements[index][2].append(data)

    def _matches(self, index: int, tag: str, attrs: dict[str, str]) -> bool:
        name, have, _, _ = self.elements[index]
        return name == tag and all(
            (v in have.get("class", "").split()) if k == "class_" else have.get(k.replace("_", "-")) == v for k, v in attrs.items()
        )

    def find(self, tag: str, **attrs: str) -> list[tuple[dict[str, str], str]]:
        """Every ``tag`` with these attributes (``class_``: one of its classes), with its text."""
        return [
            (have, " ".join("".join(parts).split()))
            for i, (_, have, parts, _) in enumerate(self.elements)
            if self._matches(i, tag, attrs)
        ]

    def inside(self, tag: str, css_class: str, inner: str) -> list[tuple[dict[str, str], str]]:
        """The ``inner`` elements inside the first ``tag`` of class ``css_class``."""
        container = next(i for i in range(len(self.elements)) if self._matches(i, tag, {"class_": css_class}))
        return [
            (have, " ".join("".join(parts).split()))
            for name, have, parts, around in self.elements
            if name == inner and container in around
        ]


def page(site: Path, path: str) -> Page:
    return Page((site / path / "index.html").read_text("utf-8") if not path.endswith(".html") else (site / path).read_text("utf-8"))


def html_and_body(p: Page) -> tuple[str, str]:
    return p.find("html")[0][0]["lang"], p.find("body")[0][0]["dir"]


def switch_links(p: Page) -> list[tuple[str, str, str, str, str, str]]:
    return [
        (a["hreflang"], a["lang"], a["dir"], a["href"], text, a.get("aria-current", ""))
        for a, text in p.inside("details", "thinka-language", "a")
    ]


def test_arabic_page_speaks_arabic_right_to_left(site):
    p = page(site, "ar/standorte/gera")
    assert html_and_body(p) == ("ar", "rtl")
    # Material's own texts in Arabic too (the skip link, the search field)
    assert p.find("input", class_="md-search__input")[0][0]["placeholder"] == "بحث"


def test_arabic_page_names_its_alternates_for_search_engines(site):
    p = page(site, "ar/standorte/gera")
    alternates = [(a["hreflang"], a["href"]) for a, _ in p.find("link", rel="alternate") if "hreflang" in a]
    assert alternates == [
        ("de", SITE_URL + "standorte/gera/"),
        ("en", SITE_URL + "en/standorte/gera/"),
        ("ar", SITE_URL + "ar/standorte/gera/"),
        ("x-default", SITE_URL + "standorte/gera/"),
    ]


def test_switch_leads_to_the_same_page_or_the_languages_start_page(site):
    p = page(site, "ar/standorte/gera")
    assert switch_links(p) == [
        ("de", "de", "ltr", "../../../standorte/gera/", "Deutsch", ""),
        ("en", "en", "ltr", "../../../en/standorte/gera/", "English", ""),
        ("uk", "uk", "ltr", "../../../uk/", "Українська", ""),  # no Ukrainian Gera page: its start page
        ("ru", "ru", "ltr", "../../../ru/", "Русский", ""),
        ("ar", "ar", "rtl", "./", "العربية", "page"),
        ("fa", "fa", "rtl", "../../../fa/", "دری / فارسی", ""),
    ]
    summary = p.find("summary", class_="thinka-language__button")[0][1]
    assert summary == "اللغة: العربية AR"


def test_arabic_menu_and_footer_lead_to_arabic_pages(site):
    p = page(site, "ar/standorte/gera")
    tabs = [(a["href"], text) for a, text in p.find("a", class_="md-tabs__link")]
    assert tabs == [
        ("../../", "الصفحة الرئيسية"),
        ("../", "مواقع ThINKA"),
        ("../../anlaufstellen/", "مراكز الاستشارة من الألف إلى الياء"),
        ("../../karte/", "الخريطة"),
        ("../../programm/", "عن البرنامج"),
    ]
    drawer = [(a["href"], text) for a, text in p.inside("nav", "md-nav--primary", "a") if "md-nav__link" in a.get("class", "")]
    assert drawer == tabs
    footer = [(a["href"], a.get("lang", ""), text) for a, text in p.inside("nav", "thinka-footer__links", "a")]
    assert footer == [
        ("../../impressum/", "", "بيانات الناشر"),
        ("../../datenschutz/", "", "حماية البيانات"),
        ("../../barrierefreiheit/", "", "إمكانية الوصول"),
        ("../../../leichte-sprache/", "de", "Leichte Sprache"),
        ("../../../daten/", "", "البيانات المفتوحة (بالألمانية)"),
        ("../../../redaktion/", "de", "Für Redaktionen"),
    ]


def test_translated_pages_say_the_translation_is_not_yet_checked(site):
    for path, note in [
        ("ar/standorte/gera", "لم تتم مراجعة هذه الترجمة بعد. الأوصاف التي يكتبها المحررون باللغة الألمانية."),
        ("en", "This translation has not yet been checked. Descriptions written by our editors are in German."),
        ("uk", "Цей переклад ще не перевірено. Описи від редакцій — німецькою мовою."),
        ("ru", "Этот перевод ещё не проверен. Описания от редакций — на немецком языке."),
        ("fa", "این ترجمه هنوز بررسی نشده است. توضیحات ویراستاران به زبان آلمانی است."),
    ]:
        assert [text for _, text in page(site, path).find("p", class_="thinka-translation-note")] == [note], path
    assert page(site, "standorte/gera").find("p", class_="thinka-translation-note") == []


def test_note_drops_unchecked_once_a_native_speaker_has_checked():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(OVERRIDES), str(MATERIAL)]))
    chrome_texts.install(env)
    english = SimpleNamespace(meta={"thinka_lang": "en"})
    template = env.get_template("partials/translation-note.html")
    assert "not yet been checked" in template.render(page=english)
    env.globals["thinka_reviewed"] = lambda code: True
    drawn = template.render(page=english)
    assert "not yet been checked" not in drawn
    assert "Descriptions written by our editors are in German." in drawn


def test_every_start_page_offers_the_languages_by_their_own_names(site):
    expected = [(language.code, language.name) for language in LANGUAGES.values()]
    for path in ["", "en", "uk", "ru", "ar", "fa"]:
        p = page(site, path) if path else Page((site / "index.html").read_text("utf-8"))
        line = p.inside("nav", "thinka-languages", "a")
        assert [(a["lang"], text) for a, text in line] == expected, path
        current = [a["lang"] for a, _ in line if a.get("aria-current") == "page"]
        assert current == [path or "de"]
    assert page(site, "standorte/gera").find("nav", class_="thinka-languages") == []


def test_english_start_page(site):
    p = page(site, "en")
    assert html_and_body(p) == ("en", "ltr")
    assert [a["href"] for a, _ in p.inside("nav", "thinka-languages", "a")] == ["..", "./", "../uk/", "../ru/", "../ar/", "../fa/"]
    assert p.find("a", class_="thinka-brand__link")[0][0]["href"] == "./"
    assert p.find("a", class_="thinka-brand__link")[0][0]["aria-label"] == "ThINKA Thüringen – Home"


def _without_switch(text: str) -> str:
    return re.sub(r'<details class="thinka-language">.*?</details>', "", text, flags=re.S)


@pytest.mark.parametrize("path", ["standorte/gera", "aktuelles", "ohne-angabe"])
def test_german_page_unchanged_except_the_switch(site, site_without_hook, path):
    with_chrome = (site / path / "index.html").read_text("utf-8")
    before = (site_without_hook / path / "index.html").read_text("utf-8")
    assert '<details class="thinka-language">' in with_chrome
    assert "thinka-language" not in before
    assert " ".join(_without_switch(with_chrome).split()) == " ".join(before.split())
    p = Page(with_chrome)
    assert html_and_body(p) == ("de", "ltr")
    assert [text for _, text in p.find("a", class_="md-tabs__link")] == ["Startseite", "Standorte", "Aktuelles"]
    footer = [(a["href"], a.get("lang", ""), text) for a, text in p.inside("nav", "thinka-footer__links", "a")]
    assert [(lang, text) for _, lang, text in footer][-2:] == [("", "Offene Daten"), ("", "Für Redaktionen")]


def test_german_only_page_switch_offers_start_pages(site):
    p = page(site, "aktuelles")
    assert [(a["hreflang"], a["href"], a.get("aria-current", "")) for a, _ in p.inside("details", "thinka-language", "a")] == [
        ("de", "./", "page"),
        ("en", "../en/", ""),
        ("uk", "../uk/", ""),
        ("ru", "../ru/", ""),
        ("ar", "../ar/", ""),
        ("fa", "../fa/", ""),
    ]
    assert [(a["hreflang"], a["href"]) for a, _ in p.find("link", rel="alternate") if "hreflang" in a] == [
        ("de", SITE_URL + "aktuelles/"),
        ("x-default", SITE_URL + "aktuelles/"),
    ]


def test_not_found_page_speaks_every_language(site):
    p = page(site, "404.html")
    assert html_and_body(p) == ("de", "ltr")
    assert p.find("h1")[0][1] == "Seite nicht gefunden"
    jumps = [(a["href"], a["lang"], a["dir"], text) for a, text in p.inside("nav", "thinka-languages", "a")]
    assert jumps == [
        ("#en", "en", "ltr", "English: Page not found"),
        ("#uk", "uk", "ltr", "Українська: Сторінку не знайдено"),
        ("#ru", "ru", "ltr", "Русский: Страница не найдена"),
        ("#ar", "ar", "rtl", "العربية: الصفحة غير موجودة"),
        ("#fa", "fa", "rtl", "دری / فارسی: صفحه پیدا نشد"),
    ]
    sections = [(s["id"], s["lang"], s["dir"]) for s, _ in p.find("section", class_="thinka-notfound")]
    assert sections == [(code, code, language.direction) for code, language in LANGUAGES.items() if code != "de"]
    arabic = Page(re.search(r'<section class="thinka-notfound" id="ar".*?</section>', (site / "404.html").read_text("utf-8"), re.S).group(0))
    assert arabic.find("h2")[0][1] == "الصفحة غير موجودة"
    assert [(a["href"], text) for a, text in arabic.find("a")] == [
        ("/ar/standorte/", "جميع المواقع"),
        ("/ar/anlaufstellen/", "مراكز الاستشارة من الألف إلى الياء"),
        ("/ar/", "إلى الصفحة الرئيسية"),
    ]


# --- the catalogues -------------------------------------------------------------------------

TEMPLATES = sorted((OVERRIDES / "partials").glob("*.html")) + [OVERRIDES / "404.html"]
_CALL = re.compile(r"""\b_\(\s*(["'])(.*?)\1\s*[,)]""")
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def template_msgids() -> set[str]:
    return {m.group(2) for path in TEMPLATES for m in _CALL.finditer(path.read_text("utf-8"))}


def copyright_line() -> str:
    return re.search(r"^copyright: (.*)$", (REPO / "mkdocs.yml").read_text("utf-8"), re.M).group(1).strip()


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != "de"])
def test_chrome_catalogue_translates_every_text_of_the_chrome(code):
    path = catalogue_path(code, "chrome")
    assert path.read_text("utf-8").splitlines()[0] in {"# Geprüft von Muttersprachler*in: nein", "# Geprüft von Muttersprachler*in: ja"}
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=code)
    entries = {m.id: m for m in catalogue if m.id}
    wanted = template_msgids() | {copyright_line()}
    assert len(template_msgids()) >= 20  # the extraction above finds the chrome's texts
    assert sorted(wanted - set(entries)) == [], "not in the catalogue"
    assert sorted(set(entries) - wanted) == [], "in the catalogue, no longer in the templates"
    for msgid, message in entries.items():
        assert message.string and not message.fuzzy, msgid
        assert set(_PLACEHOLDER.findall(message.string)) == set(_PLACEHOLDER.findall(msgid)), msgid


def test_material_speaks_every_language_and_language_html_knows_them():
    for code in LANGUAGES:
        assert (MATERIAL / "partials" / "languages" / f"{code}.html").is_file(), code
    text = (OVERRIDES / "partials" / "language.html").read_text("utf-8")
    listed = re.search(r"in \[([^\]]*)\]", text).group(1)
    assert [c.strip(' "') for c in listed.split(",")] == list(LANGUAGES)


def test_chrome_texts_follow_the_page_and_fall_back_to_german():
    env = jinja2.Environment()
    chrome_texts.install(env, codes=["de", "ar"])
    template = env.from_string('{{ _("Seite nicht gefunden") }}|{{ thinka_languages | map(attribute="code") | join(",") }}')
    assert template.render(page=SimpleNamespace(meta={"thinka_lang": "ar"})) == "الصفحة غير موجودة|de,ar"
    assert template.render(page=SimpleNamespace(meta={})) == "Seite nicht gefunden|de,ar"
    assert template.render(page=None) == "Seite nicht gefunden|de,ar"  # the 404 page has none
    assert template.render(page=SimpleNamespace(meta={"thinka_lang": "xx"})) == "Seite nicht gefunden|de,ar"
    assert env.from_string('{{ _("Gibt es nicht im Katalog") }}').render(page=SimpleNamespace(meta={"thinka_lang": "en"})) == "Gibt es nicht im Katalog"
