"""The hand-written pages in the visitors' languages (docs/<path>.<code>.md: start page, programme
summary, the legal pages' essentials) and the fragments that draw the legal facts of program.yml
into them in the page's language (overrides/thinka/legal-essentials.html, locale/*/legal.po)."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract
from babel.messages.pofile import read_po
from jinja2.ext import babel_extract

from conftest import COMPLETE, edit
from thinka.data.dataset import missing_legal_facts
from thinka.data.languages import DEFAULT, LANGUAGES
from thinka.data.program import CONFORMANCE, LEGAL_FACTS
from thinka.data.validate import load_dataset
from thinka.data.vocabulary import HELP_TOPICS
from thinka.engine.registry import FRAGMENT_SOURCES
from thinka.engine.render import MARKER, Renderer
from thinka.views import legal, translation
from thinka.views.overview_map import LIVE_MAP

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
TEMPLATES = REPO / "overrides" / "thinka"
CODES = [code for code in LANGUAGES if code != DEFAULT]
TRANSLATED = re.compile(r"^(?P<base>.+)\.(?P<code>[a-z]{2})\.md$")
# The pages every language has by the design (LANGUAGES.md): start page, programme summary, legal essentials.
REQUIRED = {"index", "programm/index", "impressum", "datenschutz", "barrierefreiheit"}
LEGAL = {"impressum": legal.IMPRINT_URL, "datenschutz": legal.PRIVACY_URL, "barrierefreiheit": legal.ACCESSIBILITY_URL}
ESSENTIALS = ("betreiber", "webserver-protokoll", "karte-einwilligung", "barriere-melden")
LEGAL_MARKERS = {
    "impressum": ["betreiber"],
    "datenschutz": ["betreiber", "webserver-protokoll", "karte-einwilligung"],
    "barrierefreiheit": ["barriere-melden"],
}
# How each start page names the help topics of the data model (HELP_TOPICS), one list item each.
TOPIC_NAMES = {
    "en": {"arbeit": "Work and training", "geld": "Money and debts", "wohnen": "Housing", "gesundheit": "Health",
           "familie": "Family and children", "aemter": "Public offices and applications",
           "nachbarschaft": "Neighbourhood and taking part", "treffpunkt": "Meeting place and getting together"},
    "uk": {"arbeit": "Робота і професійне навчання", "geld": "Гроші та борги", "wohnen": "Житло", "gesundheit": "Здоров’я",
           "familie": "Сім’я і діти", "aemter": "Державні установи та заяви", "nachbarschaft": "Сусідство і участь",
           "treffpunkt": "Місце зустрічей і спілкування"},
    "ru": {"arbeit": "Работа и профессиональное обучение", "geld": "Деньги и долги", "wohnen": "Жильё", "gesundheit": "Здоровье",
           "familie": "Семья и дети", "aemter": "Ведомства и заявления", "nachbarschaft": "Соседство и участие",
           "treffpunkt": "Место встреч и общения"},
    "ar": {"arbeit": "العمل والتدريب المهني", "geld": "المال والديون", "wohnen": "السكن", "gesundheit": "الصحة",
           "familie": "الأسرة والأطفال", "aemter": "الدوائر الرسمية والطلبات", "nachbarschaft": "الجيرة والمشاركة",
           "treffpunkt": "مكان للقاء والتعارف"},
    "fa": {"arbeit": "کار و آموزش حرفه‌ای", "geld": "پول و قرض", "wohnen": "خانه و مسکن", "gesundheit": "صحت و سلامت",
           "familie": "خانواده و کودکان", "aemter": "ادارات و درخواست‌ها", "nachbarschaft": "همسایگی و مشارکت",
           "treffpunkt": "جای دیدار و آشنایی"},
}
TODAY = date(2026, 12, 8)


def _translated_pages() -> dict[str, dict[str, Path]]:
    pages: dict[str, dict[str, Path]] = {}
    for path in DOCS.rglob("*.md"):
        match = TRANSLATED.match(path.relative_to(DOCS).as_posix())
        if match:
            pages.setdefault(match["base"], {})[match["code"]] = path
    return pages


def _split(path: Path) -> tuple[dict, str]:
    text = path.read_text("utf-8")
    assert text.startswith("---\n"), f"{path}: keine Front Matter"
    front, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


def _prose(body: str) -> str:
    """The page's words: without comments, link targets, attribute lists and inline code."""
    body = re.sub(r"<!--.*?-->", " ", body, flags=re.S)
    body = re.sub(r"\]\([^)]*\)(\{[^}]*\})?", "]", body)
    return re.sub(r"«[^»]*»|„[^“]*“|\"[^\"]*\"|\([A-Z][^)]*\)", " ", body)


def test_every_translated_page_exists_in_all_five_languages():
    pages = _translated_pages()
    assert REQUIRED <= set(pages), f"es fehlen: {REQUIRED - set(pages)}"
    for base, by_code in pages.items():
        assert sorted(by_code) == sorted(CODES), f"docs/{base}.md: Übersetzungen {sorted(by_code)}, erwartet {sorted(CODES)}"
        assert by_code.keys() <= LANGUAGES.keys()


def test_translated_pages_have_their_own_title_description_and_say_they_are_machine_written():
    for base, by_code in _translated_pages().items():
        titles = set()
        for code, path in by_code.items():
            front, body = _split(path)
            assert isinstance(front.get("title"), str) and front["title"].strip(), path
            assert isinstance(front.get("description"), str) and len(front["description"]) >= 50, path
            titles.add(front["title"])
            # The first thing after the front matter: the comment that it is an unchecked machine translation.
            assert re.match(r"\s*<!-- [^\n]+ -->\n", body), f"{path}: Hinweis auf maschinelle Übersetzung fehlt oben"
            # No raw HTML beyond the markers and comments the German pages use.
            assert not re.search(r"<(?!!--)[a-zA-Z/]", body), f"{path}: rohes HTML"
            assert body.count("\n# ") + body.startswith("# ") == 1, f"{path}: genau eine Überschrift erster Ebene"
        assert len(titles) == len(by_code), f"docs/{base}: gleiche Titel in mehreren Sprachen: {titles}"


@pytest.mark.parametrize("code", CODES)
def test_translated_pages_are_written_in_their_script(code):
    """Arabic and Dari/Farsi in Arabic script (Persian with its own letters ی and ک, Arabic with
    ي and ك), Ukrainian and Russian in Cyrillic with their own letters, English in Latin letters."""
    for by_code in _translated_pages().values():
        path = by_code[code]
        _, body = _split(path)
        words = _prose(body)
        letters = [c for c in words if c.isalpha()]
        arabic = sum("\u0600" <= c <= "\u06ff" for c in letters)
        cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
        if code in ("ar", "fa"):
            assert arabic / len(letters) > 0.8, f"{path}: zu wenig arabische Schrift ({arabic}/{len(letters)})"
        elif code in ("uk", "ru"):
            assert cyrillic / len(letters) > 0.8, f"{path}: zu wenig kyrillische Schrift ({cyrillic}/{len(letters)})"
        else:
            assert arabic == cyrillic == 0, path
        if code == "fa":
            assert not re.search("[يك]", body), f"{path}: arabisches ي/ك statt persischem ی/ک"
        if code == "ar":
            assert not re.search("[یکگپچژ]", body), f"{path}: persische Buchstaben im Arabischen"
        if code == "uk":
            assert re.search("[іїєґ]", words) and not re.search("[ыэъё]", words), f"{path}: kein Ukrainisch"
        if code == "ru":
            assert re.search("[ыэ]", words) and not re.search("[іїєґ]", words), f"{path}: kein Russisch"


@pytest.mark.parametrize("code", CODES)
def test_start_page_has_the_finder_where_the_german_one_has_it_and_names_every_help_topic(code):
    _, german = _split(DOCS / "index.md")
    _, body = _split(DOCS / f"index.{code}.md")

    def section_of_finder(text: str) -> int:
        assert text.count("<!-- thinka:finder -->") == 1
        before = text.split("<!-- thinka:finder -->")[0]
        return len(re.findall(r"^## ", before, flags=re.M))

    # Under the first second-level heading, the first thing in it, as on the German start page.
    assert section_of_finder(body) == section_of_finder(german) == 1
    assert re.search(r"^## [^\n]+\n\n<!-- thinka:finder -->", body, flags=re.M)
    names = TOPIC_NAMES[code]
    assert names.keys() == HELP_TOPICS.keys(), "ein Thema des Datenmodells fehlt in TOPIC_NAMES (und auf den Startseiten)"
    items = re.findall(r"^- (.+)$", body, flags=re.M)
    for key, name in names.items():
        assert name in items, f"docs/index.{code}.md nennt das Thema {HELP_TOPICS[key]!r} nicht ({name!r})"
    assert len(set(names.values())) == len(HELP_TOPICS)
    # The start page leads to the lists, the map and the programme summary (German targets; the engine localises them).
    for target in ("standorte/index.md", "anlaufstellen/index.md", "karte/index.md", "programm/index.md"):
        assert f"]({target})" in body, f"docs/index.{code}.md: Link auf {target} fehlt"


@pytest.mark.parametrize("code", CODES)
def test_programme_summary_links_every_german_background_page_as_german(code):
    _, body = _split(DOCS / "programm" / f"index.{code}.md")
    background = sorted(p.name for p in (DOCS / "programm").glob("*.md") if not TRANSLATED.match(p.name))
    linked = re.findall(r"\]\(([a-z-]+\.md)\)\{ hreflang=\"de\" lang=\"de\" \}", body)
    assert sorted(linked) == background
    paragraphs = [p for p in (part.strip() for part in body.split("\n\n")) if p and not p.startswith(("#", "<!--", "-"))]
    assert len(paragraphs[0]) > 600, "die Zusammenfassung ist ein ganzer Absatz"


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("name", sorted(LEGAL))
def test_legal_essentials_name_the_german_page_as_binding_and_draw_their_facts_from_fragments(code, name):
    _, body = _split(DOCS / f"{name}.{code}.md")
    german = f"]({LEGAL[name]}index.md){{ hreflang=\"de\" lang=\"de\" }}"
    assert german in body, f"docs/{name}.{code}.md verlinkt die verbindliche deutsche Seite nicht"
    # The link comes in the first paragraph, before any heading of the second level.
    assert body.index(german) < body.index("\n## ")
    dataset, _ = load_dataset(COMPLETE, today=TODAY)
    assert LEGAL[name] in {view.url for view in legal.legal_pages(dataset)}
    assert MARKER.findall(body) == LEGAL_MARKERS[name]
    assert set(LEGAL_MARKERS[name]) <= FRAGMENT_SOURCES.keys()
    # No operator fact copied by hand: neither the test operator's data nor an e-mail address or phone number.
    assert not re.search(r"@|\btel:|\+49|\b0\d{3,4}[ /]?\d{4,}", body)
    if name == "datenschutz":
        assert LIVE_MAP.consent_key not in body and LIVE_MAP.tiles not in body


def _render(dataset, name: str, code: str, page_url: str = "en/impressum/", used: list[str] | None = None) -> str:
    """The fragment drawn in ``code``; ``used`` collects the catalogue texts the template asked for."""
    fragment = FRAGMENT_SOURCES[name](dataset, None)  # type: ignore[arg-type]
    renderer = Renderer(TEMPLATES, watch=False)
    if used is not None:  # every _() of the template passes through here first
        translate = renderer.env.globals["_"]
        renderer.env.globals["_"] = lambda message, **params: used.append(message) or translate(message, **params)
    return renderer.render_fragment(fragment, page_url, code)  # drawn in the language of the page


def _template_msgids() -> list[str]:
    with (TEMPLATES / "legal-essentials.html").open("rb") as handle:
        return [message for _, message, _, _ in extract(babel_extract, handle, keywords={"_": None})]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def complete():
    return load_dataset(COMPLETE, today=TODAY)[0]


@pytest.fixture(scope="module")
def program_yml():
    return yaml.safe_load((COMPLETE / "program.yml").read_text("utf-8"))


@pytest.mark.parametrize("code", CODES)
def test_fragments_draw_the_operator_data_of_program_yml_with_translated_labels(code, complete, program_yml):
    op, access = program_yml["betreiber"], program_yml["barrierefreiheit"]
    used: dict[str, list[str]] = {name: [] for name in ESSENTIALS}
    html = {name: _render(complete, name, code, used=used[name]) for name in ESSENTIALS}
    text = {name: _text(h) for name, h in html.items()}
    for value in (op["name"], op["vertreten_durch"], op["strasse"], f"{op['plz']} {op['ort']}", str(op["telefon"]), op["email"], op["redaktion"]):
        assert value in text["betreiber"], value
    assert f'href="mailto:{op["email"]}"' in html["betreiber"] and 'href="tel:+493641555000"' in html["betreiber"]
    assert f'<bdi dir="ltr">{op["telefon"]}</bdi>' in html["betreiber"]
    for value in (op["webhoster"], *op["protokolldaten"], op["protokoll_speicherdauer"], op["rechtsgrundlage_protokolle"], op["datenschutz_aufsicht"]):
        assert value in text["webserver-protokoll"], value
    for value in (LIVE_MAP.host, LIVE_MAP.consent_key, LIVE_MAP.consent_value, LIVE_MAP.privacy_policy, LIVE_MAP.operator):
        assert value in html["karte-einwilligung"], value
    assert 'href="../../karte/"' in html["karte-einwilligung"] and 'href="../../datenschutz/#karte" hreflang="de"' in html["karte-einwilligung"]
    reach = html["barriere-melden"]
    assert f'href="mailto:{access.get("kontakt_email", op["email"])}"' in reach
    assert f'href="{access["durchsetzungsstelle_website"]}" hreflang="de" lang="de">{access["durchsetzungsstelle"]}</a>' in reach
    assert f'<time datetime="{access["stand"]}">' in reach and str(access["stand"].year) in reach
    with translation.using(code):
        assert translation.gettext(CONFORMANCE[access["konformitaet"]]) in text["barriere-melden"]
        for name in ESSENTIALS:
            assert used[name], name
            for msgid in used[name]:
                # Every label the template asked for is translated and shown (a label with a
                # placeholder up to it: gettext without parameters keeps it).
                label = translation.gettext(msgid).split("%(")[0]
                assert label != msgid.split("%(")[0] and label in html[name], f"{code}: {msgid!r} in {name}"
    # Nothing the editors wrote is translated: it keeps lang="de".
    assert f'<span lang="de">{op["name"]}</span>' in html["betreiber"]


@pytest.mark.parametrize("code", CODES)
def test_fragments_name_missing_operator_facts_as_missing_in_the_visitors_language(code):
    dataset, _ = load_dataset(REPO / "sites_data", today=TODAY)
    program = yaml.safe_load((REPO / "sites_data" / "program.yml").read_text("utf-8"))
    missing = {name for _, name, _ in missing_legal_facts(dataset.program)}
    drawn = {name: _text(_render(dataset, name, code)) for name in ("betreiber", "webserver-protokoll", "barriere-melden")}
    with translation.using(code):
        nothing = translation.gettext("noch nicht eingetragen")
        assert nothing != "noch nicht eingetragen"
        for section, field, label in LEGAL_FACTS:
            given = (program.get(section) or {}).get(field)
            assert (field in missing) == (given in (None, [])), field
            if field in missing:
                assert any(translation.gettext(label) in text for text in drawn.values()), f"{code}: {label!r} nicht als fehlend genannt"
    for text in drawn.values():
        assert "noch nicht eingetragen" not in text and "Anschrift" not in text
    if not program.get("betreiber"):
        assert drawn["betreiber"].count(nothing) >= 5


def test_fragments_escape_what_the_data_says(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(COMPLETE, data)
    edit(data / "program.yml", "  name: Testbetreiber gGmbH\n", '  name: "Test <b>&</b> Betreiber"\n')
    dataset, problems = load_dataset(data, today=TODAY)
    html = _render(dataset, "betreiber", "ar")
    assert "Test &lt;b&gt;&amp;&lt;/b&gt; Betreiber" in html and "<b>" not in html


@pytest.mark.parametrize("code", CODES)
def test_legal_catalogue_translates_every_label_and_says_it_is_unchecked(code):
    path = translation.catalogue_path(code, "legal")
    assert path.read_text("utf-8").splitlines()[0] == "# Geprüft von Muttersprachler*in: nein"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=code)
    entries = {m.id: m for m in catalogue if m.id}
    needed = set(_template_msgids()) | {label for _, _, label in LEGAL_FACTS} | set(CONFORMANCE.values())
    assert needed <= entries.keys(), f"fehlen in {path.name}: {sorted(needed - entries.keys())}"
    for message in entries.values():
        assert message.string and not message.fuzzy and message.string != message.id, message.id
    assert list(catalogue.check()) == [], "Platzhalter passen nicht"
