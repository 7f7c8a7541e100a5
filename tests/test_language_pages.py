"""The site in every configured language (issue 15): the generated pages residents use again at
/<code>/, hand-written translations named docs/<path>.<code>.md, what every page tells the templates
about its language (page.meta.thinka_lang, thinka_alternates), links in the page's language, a
search index per language, and German messages for bad language input."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import BIN, COMPLETE, REPO, TODAY

ALL = ["de", "en", "uk", "ru", "ar", "fa"]
SLUGS = ["jena-lobeda", "jena-winzerla", "soemmerda"]  # the sites of tests/data/complete
# What the engine gives the templates of every page, printed in the <head> of a copy of the theme
# overrides (the language switch of overrides/partials reads the same two values).
PROBE = (
    '{% if page %}<meta name="thinka-probe" content="{{ page.meta.thinka_lang }}'
    '{% for a in page.meta.thinka_alternates %} {{ a.lang }}={{ a.url }}|{{ a.url | url }}{% endfor %}">'
    '<meta name="thinka-probe-languages" content="{% for l in config.extra.thinka_languages %}{{ l.lang }}:{{ l.dir }}:{{ l.home }}:{{ l.name }};{% endfor %}">'
    '<meta name="thinka-probe-links" content="{{ \'impressum/\' | thinka_localize | url }} {{ \'partner/\' | thinka_localize | url }}">{% endif %}'
)


def project(tmp_path: Path, languages: str | None = "[de, en, uk, ru, ar, fa]", docs: dict[str, str] | None = None) -> Path:
    """A copy of the repository's site (docs/, overrides/, mkdocs.yml) with ``languages`` set
    (None: the option left out) and extra ``docs`` files; returns its mkdocs.yml."""
    root = tmp_path / "project"
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides")
    main = root / "overrides" / "main.html"
    text = main.read_text("utf-8")
    assert "{% block extrahead %}" in text
    main.write_text(text.replace("{% block extrahead %}", "{% block extrahead %}" + PROBE, 1), "utf-8")
    for name, content in (docs or {}).items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(content, "utf-8")
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    line = re.search(r"^ *languages: \[.*\]\n", config, re.M)
    assert line is not None
    config = config.replace(line.group(), "" if languages is None else line.group().split("languages:")[0] + f"languages: {languages}\n")
    if languages is None:
        config = re.sub(r"^  - thinka:\n(?:      #.*\n)*", "  - thinka\n", config, flags=re.M)
    (root / "mkdocs.yml").write_text(config, "utf-8")
    return root / "mkdocs.yml"


def run(config: Path, out: Path, frames: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, THINKA_DATA_DIR=str(COMPLETE), NO_MKDOCS_2_WARNING="1", THINKA_TODAY=TODAY, THINKA_FRAMES="1" if frames else "0")
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(config), "--site-dir", str(out)],
        cwd=config.parent, env=env, capture_output=True, text=True, timeout=300,
    )


def built(config: Path, out: Path, frames: bool = True) -> Path:
    result = run(config, out, frames)
    assert result.returncode == 0, result.stderr
    return out


def probe(page: Path) -> tuple[str, dict[str, str]]:
    """(thinka_lang, {lang: site-root-relative url}) of a built page, checking that the url filter
    made each address relative to the page."""
    content = re.search(r'<meta name="thinka-probe" content="([^"]*)">', page.read_text("utf-8"))
    assert content is not None, page
    lang, *alternates = content.group(1).split(" ")
    found = {}
    for item in alternates:
        code, _, urls = item.partition("=")
        url, relative = urls.split("|")
        found[code] = url
        assert "thinkaFrame" not in relative and not relative.startswith("/"), (page, relative)  # relative to the page (MkDocs url filter)
    return lang, found


@pytest.fixture(scope="module")
def six(tmp_path_factory) -> Path:
    """The complete test data in all six languages, with an English start page and imprint."""
    tmp = tmp_path_factory.mktemp("six")
    config = project(tmp, docs={
        "index.en.md": "# Welcome\n\nThe contact points near you.\n\n<!-- thinka:finder -->\n\n[All places](standorte/index.md)\n[Funding](programm/foerderung.md#woher-das-geld-kommt), [x](standorte/index.md#kreis-16053)\n",
        "impressum.en.md": "# Legal notice\n\nThe German text is the binding one.\n",
    })
    return built(config, tmp / "site")


def test_every_site_page_exists_in_every_language_with_its_alternates(six: Path) -> None:
    for slug in SLUGS:
        expected = {code: ("" if code == "de" else f"{code}/") + f"standorte/{slug}/" for code in ALL}
        for code in ALL:
            page = six / expected[code] / "index.html"
            lang, alternates = probe(page)
            assert lang == code
            assert alternates == expected  # in LANGUAGES order, the page itself included
            assert list(alternates) == ALL
            assert "thinkaFrame" not in page.read_text("utf-8")
            html = page.read_text("utf-8")
            # The same contact card in every language: editors' data is never translated.
            assert html.count('class="thinka-contact') == (six / f"standorte/{slug}/index.html").read_text("utf-8").count('class="thinka-contact')


def test_directories_map_and_topic_lists_exist_in_every_language(six: Path) -> None:
    topics = sorted(p.parent.name for p in (six / "standorte" / "themen").glob("*/index.html"))
    assert topics
    for code in ALL[1:]:
        for path in ["standorte/", "anlaufstellen/", "karte/"] + [f"standorte/themen/{t}/" for t in topics]:
            lang, alternates = probe(six / code / path / "index.html")
            assert (lang, alternates[code], alternates["de"]) == (code, code + "/" + path, path)


def test_pages_that_stay_german_have_only_their_german_alternate(six: Path) -> None:
    for path in ["aktuelles/", "partner/", "programm/foerderung/", "redaktion/"]:
        assert probe(six / path / "index.html") == ("de", {"de": path})
        assert not (six / "en" / path).exists()
    # the programme's start page has a summary in every language (docs/programm/index.<code>.md)
    assert probe(six / "programm" / "index.html") == ("de", {code: ("" if code == "de" else f"{code}/") + "programm/" for code in ALL})


def test_hand_written_translations_by_suffix(six: Path) -> None:
    # docs/index.en.md -> /en/, the German start page names it as its English version
    starts = {code: "" if code == "de" else f"{code}/" for code in ALL}  # every language has its start page (docs/index.<code>.md)
    assert probe(six / "en" / "index.html") == ("en", starts)
    assert probe(six / "index.html") == ("de", starts)
    start = (six / "en" / "index.html").read_text("utf-8")
    start = start[start.index("<article"):start.index("</article>")]
    assert "Welcome" in start and 'class="thinka-finder' in start  # the marker drew the finder
    # its Markdown links name German pages (MkDocs checks them); they lead to the English version
    # where there is one, else to the German page
    assert 'href="standorte/"' in start and 'href="../standorte/"' not in start
    assert 'href="../programm/foerderung/#woher-das-geld-kommt"' in start and 'href="standorte/#kreis-16053"' in start
    # docs/impressum.en.md translates the generated /impressum/
    imprints = {code: ("" if code == "de" else f"{code}/") + "impressum/" for code in ALL}
    assert probe(six / "en" / "impressum" / "index.html") == ("en", imprints)
    assert probe(six / "impressum" / "index.html") == ("de", imprints)
    assert not (six / "index.en").exists() and not (six / "impressum.en").exists()


def test_the_theme_localizes_its_links_with_the_thinka_localize_filter(six: Path) -> None:
    def links(page: Path) -> str:
        return re.search(r'<meta name="thinka-probe-links" content="([^"]*)">', page.read_text("utf-8")).group(1)  # type: ignore[union-attr]

    slug = SLUGS[0]
    assert links(six / "en" / "standorte" / slug / "index.html") == "../../impressum/ ../../../partner/"  # /en/impressum/ exists
    assert links(six / "uk" / "standorte" / slug / "index.html") == "../../impressum/ ../../../partner/"  # /uk/impressum/ exists, /uk/partner/ does not
    assert links(six / "standorte" / slug / "index.html") == "../../impressum/ ../../partner/"
    assert links(six / "en" / "index.html") == "impressum/ ../partner/"


def test_the_language_switch_knows_the_configured_languages_and_their_start_pages(six: Path, tmp_path: Path) -> None:
    def languages(page: Path) -> str:
        return re.search(r'<meta name="thinka-probe-languages" content="([^"]*)">', page.read_text("utf-8")).group(1)  # type: ignore[union-attr]

    expected = "de:ltr::Deutsch;en:ltr:en/:English;uk:ltr:uk/:Українська;ru:ltr:ru/:Русский;ar:rtl:ar/:العربية;fa:rtl:fa/:دری / فارسی;"
    assert languages(six / "index.html") == languages(six / "ar" / "standorte" / SLUGS[0] / "index.html") == expected
    german = built(project(tmp_path, languages="[de, ar]"), tmp_path / "site")
    assert languages(german / "standorte" / SLUGS[0] / "index.html") == "de:ltr::Deutsch;ar:rtl:ar/:العربية;"


def test_links_lead_to_the_page_in_the_same_language_where_it_exists(six: Path) -> None:
    for slug in SLUGS:
        page = six / "en" / "standorte" / slug / "index.html"
        base = "https://x/en/standorte/" + slug + "/"
        html = page.read_text("utf-8")
        content = html[html.index('<article'):html.index('</article>')]
        targets = {urljoin(base, href).removeprefix("https://x/") for href in re.findall(r'href="([^"#:]+)(?:#[^"]*)?"', content)}
        german_only = {t for t in targets if t.startswith(("partner/", "aktuelles/", "veranstaltungen/"))}
        localized = targets - german_only
        assert localized, slug
        for target in localized:  # every other link of the content is to an English page that exists
            assert target.startswith("en/") and (six / target / "index.html").is_file() or (six / target).is_file(), target
        for target in german_only:
            assert (six / target).exists(), target
    directory = (six / "en" / "standorte" / "index.html").read_text("utf-8")
    for slug in SLUGS:
        assert f'href="{slug}/"' in directory  # /en/standorte/ lists /en/standorte/<slug>/


def test_each_language_searches_its_own_index(six: Path) -> None:
    german = json.loads((six / "search" / "search_index.json").read_text("utf-8"))
    assert german["config"]["lang"] == ["de"]
    assert not [d for d in german["docs"] if d["location"].split("/")[0] in ALL[1:]]
    assert {f"standorte/{slug}/" for slug in SLUGS} <= {d["location"] for d in german["docs"]}
    for code, lunr in [("en", "en"), ("uk", "ru"), ("ru", "ru"), ("ar", "ar"), ("fa", "ar")]:
        index = json.loads((six / code / "search" / "search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [lunr]
        locations = {d["location"].partition("#")[0] for d in index["docs"]}
        # relative to /<code>/, where that language's pages tell Material's search to look
        assert {f"standorte/{slug}/" for slug in SLUGS} | {"standorte/", "anlaufstellen/", "karte/"} <= locations
        assert not [loc for loc in locations if (six / code / loc).resolve() != (six / code / loc) or not (six / code / loc).exists()]
        page = (six / code / "standorte" / SLUGS[0] / "index.html").read_text("utf-8")
        assert re.search(r'<script id="__config" type="application/json">[^<]*"base": "\.\./\.\."', page)
    assert [loc for loc in ("en/",) if loc in {d["location"] for d in json.loads((six / "en" / "search" / "search_index.json").read_text("utf-8"))["docs"]}] == []
    assert {d["location"] for d in json.loads((six / "en" / "search" / "search_index.json").read_text("utf-8"))["docs"]} >= {""}  # the English start page


def test_the_sitemap_lists_every_language(six: Path) -> None:
    sitemap = (six / "sitemap.xml").read_text("utf-8")
    for code in ALL[1:]:
        for slug in SLUGS:
            assert sitemap.count(f"<loc>https://thinka.example/{code}/standorte/{slug}/</loc>") == 1
    assert sitemap.count("<loc>https://thinka.example/en/</loc>") == 1
    assert "thinkaFrame" not in sitemap
    entries = {re.search(r"<loc>(.*?)</loc>", e).group(1): e for e in re.findall(r"<url>.*?</url>", sitemap, re.S)}  # type: ignore[union-attr]
    for slug in SLUGS:  # every version of a site page names all six (framed pages each their own), x-default German
        expected = [("de", f"standorte/{slug}/"), ("x-default", f"standorte/{slug}/")] + [(c, f"{c}/standorte/{slug}/") for c in ALL[1:]]
        for code in ALL:
            entry = entries[f"https://thinka.example/{'' if code == 'de' else code + '/'}standorte/{slug}/"]
            assert re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="https://thinka.example/([^"]*)"/>', entry) == expected
    assert "xhtml:link" not in entries["https://thinka.example/aktuelles/"]  # German only
    assert re.findall(r'hreflang="([^"]+)" href="https://thinka.example/([^"]*)"', entries["https://thinka.example/"]) == [("de", ""), ("x-default", "")] + [(c, f"{c}/") for c in ALL[1:]]


def test_framed_pages_in_every_language_equal_the_pages_the_theme_draws(tmp_path: Path) -> None:
    """Frames are per kind and language and fill each page's alternates: the same bytes as when
    the theme draws every page itself (THINKA_FRAMES=0)."""
    config = project(tmp_path, languages="[de, en, ar]")
    language = config.parent / "overrides" / "partials" / "language.html"
    if not language.exists():  # until the theme's chrome follows the page's language on main: the contract's partial
        language.write_text(
            '{% set code = page.meta.thinka_lang if page and page.meta and page.meta.thinka_lang else config.theme.language %}'
            '{% import "partials/languages/" ~ code ~ ".html" as lang %}{% import "partials/languages/en.html" as fallback %}'
            "{% macro t(key) %}{{ lang.t(key) or fallback.t(key) or key }}{% endmacro %}",
            "utf-8",
        )
    framed, drawn = built(config, tmp_path / "framed"), built(config, tmp_path / "drawn", frames=False)
    # Material's chrome in the page's language: one frame per kind and language
    for code, html_tag, placeholder in [("de", '<html lang="de" class="no-js">', "Suche"), ("en", '<html lang="en" class="no-js">', "Search"), ("ar", '<html lang="ar" class="no-js">', "بحث")]:
        for slug in SLUGS:
            page = (framed / ("" if code == "de" else code) / "standorte" / slug / "index.html").read_text("utf-8")
            assert html_tag in page and f'placeholder="{placeholder}"' in page
            assert ('<body dir="rtl"' in page) == (code == "ar")  # (every page's language switch has an Arabic link with dir="rtl")
    files = sorted(p.relative_to(drawn).as_posix() for p in drawn.rglob("*.html"))
    assert files == sorted(p.relative_to(framed).as_posix() for p in framed.rglob("*.html"))
    assert [f for f in files if (framed / f).read_bytes() != (drawn / f).read_bytes()] == []
    arabic = (framed / "ar" / "standorte" / SLUGS[1] / "index.html")
    assert probe(arabic) == ("ar", {"de": f"standorte/{SLUGS[1]}/", "en": f"en/standorte/{SLUGS[1]}/", "ar": f"ar/standorte/{SLUGS[1]}/"})
    assert not (framed / "uk").exists()


def test_a_german_only_build_has_no_other_language(tmp_path: Path) -> None:
    """languages: [de] builds German alone, translations in docs/ left out (checked, not published)."""
    config = project(tmp_path, languages="[de]", docs={"index.en.md": "# Welcome\n", "impressum.ar.md": "# إشعار قانوني\n"})
    result = run(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert "docs/index.en.md: Englisch ist in mkdocs.yml (plugins → thinka → languages) nicht eingeschaltet; die Seite wird nicht gebaut." in result.stderr
    assert [code for code in ALL[1:] if (site / code).exists()] == []
    assert not (site / "index.en").exists() and not list(site.rglob("*.en/index.html"))
    assert [d["location"] for d in json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"] if "Welcome" in d["title"]] == []
    assert probe(site / "standorte" / SLUGS[0] / "index.html") == ("de", {"de": f"standorte/{SLUGS[0]}/"})
    assert probe(site / "index.html") == ("de", {"de": ""})


def test_without_the_option_every_language_is_built(tmp_path: Path) -> None:
    site = built(project(tmp_path, languages=None), tmp_path / "site")
    assert all((site / code / "standorte" / SLUGS[0] / "index.html").is_file() for code in ALL[1:])


def test_bad_translated_pages_are_named_all_at_once(tmp_path: Path) -> None:
    config = project(tmp_path, languages="[de, en, uk]", docs={
        "index.xy.md": "# ?\n",  # no such language
        "index.ar.md": "# مرحبا\n",  # a language of the site this build leaves out: fine
        "karte.ar.md": "# خريطة\n",  # the same, but it would cover the generated /ar/karte/
        "gibt-es-nicht.en.md": "# Nothing\n",  # no German original
        "programm/foerderung.uk.md": "# Фінансування\n",  # fine: its original is docs/programm/foerderung.md
        "en/ueber.md": "# About\n",  # a page inside a language's folder
        "standorte.en.md": "# Places\n",  # would cover the generated /en/standorte/
    })
    result = run(config, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line.split(" -  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert sorted(e.split(": ", 1)[0] for e in errors[:-1]) == [
        "docs/en/ueber.md:1:1", "docs/gibt-es-nicht.en.md:1:1", "docs/index.xy.md:1:1", "docs/karte.ar.md:1:1", "docs/standorte.en.md:1:1"
    ]
    text = "\n".join(errors)
    assert "docs/index.xy.md:1:1: Die Endung „.xy.md“ bezeichnet eine Übersetzung, aber „xy“ ist keine Sprache dieser Website. Möglich sind: en, uk, ru, ar, fa." in text
    assert "docs/gibt-es-nicht.en.md:1:1: Die Übersetzung hat kein deutsches Original: Es gibt weder docs/gibt-es-nicht.md noch eine erzeugte Seite /gibt-es-nicht/." in text
    assert "docs/en/ueber.md:1:1: Der Ordner docs/en/ ist für die Adressen der Sprache Englisch reserviert." in text
    assert "docs/standorte.en.md:1:1: Die Seite /en/standorte/ wird aus den Daten erzeugt" in text
    assert "foerderung" not in text and "index.ar.md" not in text
    assert errors[-1].endswith("5 Fehler in den übersetzten Seiten; die Website wurde nicht gebaut.")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(("languages", "word"), [("[de, en, xx]", "xx"), ("[en, ar]", "languages"), ("de", "languages")])
def test_a_language_mkdocs_yml_does_not_know_is_named_with_its_position(tmp_path: Path, languages: str, word: str) -> None:
    config = project(tmp_path, languages=languages)
    result = run(config, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = config.read_text("utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "languages:" in line)
    column = lines[number - 1].index(word, lines[number - 1].index("languages") if word != "languages" else 0) + 1
    errors = [line.split(" -  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors[0].startswith(f"mkdocs.yml:{number}:{column}: plugins → thinka → languages")
    assert errors[0].endswith("Möglich sind: de, en, uk, ru, ar, fa.")
    assert ("„xx“ ist keine Sprache dieser Website" in errors[0]) == (word == "xx")
    assert ("muss Deutsch („de“) enthalten" in errors[0]) == (languages == "[en, ar]")
    assert ("muss eine Liste von Sprachkürzeln sein" in errors[0]) == (languages == "de")
