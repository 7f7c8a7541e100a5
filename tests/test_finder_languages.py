"""The finder in every language: what residents of the Ukrainian, Russian, Arabic and Persian pages
type (their own script, their digits) is matched, the towns' spellings come from a checked table,
and the finder's texts come from its catalogue (finder.po) in the page's language."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.checkers import python_format
from babel.messages.pofile import read_po
from jinja2.ext import babel_extract

from thinka.data.districts import all_districts
from thinka.data.gazetteer import SPELLINGS_FILE, gazetteer, read_spellings, spellings
from thinka.data.validate import load_dataset
from thinka.engine.render import Renderer
from thinka.exports.finder import SOURCES, build_index, gazetteer_part, normalize, place_keys
from thinka.views import translation
from thinka.views.common import Fragment

from conftest import REPO, SAMPLE

LANGUAGES = ["en", "uk", "ru", "ar", "fa"]
TEMPLATE = REPO / "overrides" / "thinka" / "finder.html"
TABLE = REPO / "src" / "thinka" / "data" / SPELLINGS_FILE


# ---------------------------------------------------------------- normalize
@pytest.mark.parametrize(
    "typed, key",
    [
        ("Sömmerda", "sommerda"),  # German stays as it was
        ("Soemmerda", "sommerda"),
        ("Straße am Anger", "strasse am anger"),
        ("Эрфурт", "ерфурт"),  # Russian э and Ukrainian е
        ("Ерфурт", "ерфурт"),
        ("ЕРФУРТ", "ерфурт"),
        ("Йена", "иена"),  # й, и, і, ї, ы are one letter
        ("Ільменау", "илменау"),  # and the soft sign goes
        ("Ильменау", "илменау"),
        ("Їна", "ина"),
        ("Зёммерда", "земмерда"),  # ё is е
        ("Єна", "ена"),
        ("Ґера", "гера"),
        ("Гера-Лусан", "гера лусан"),
        ("إرفورت", "ارفورت"),  # the forms of alef
        ("أرفورت", "ارفورت"),
        ("آرفورت", "ارفورت"),
        ("ٱرفورت", "ارفورت"),
        ("إِرْفُورْت", "ارفورت"),  # vowel signs
        ("إرفـــورت", "ارفورت"),  # tatweel
        ("ﺇﺭﻓﻮﺭﺕ", "ارفورت"),  # presentation forms
        ("ینا", "ينا"),  # Persian and Arabic yeh, alef maksura
        ("ىنا", "ينا"),
        ("شمالکالدن", "شمالكالدن"),  # Persian and Arabic kaf
        ("بلايشرودة", "بلايشروده"),  # taa marbuta
        ("زوندرس\u200cهاوزن", "زوندرسهاوزن"),  # zero-width non-joiner
        ("٩٩٠٨٩", "99089"),  # Arabic-Indic digits
        ("۹۹۰۸۹", "99089"),  # Persian digits
        ("９９０８９", "99089"),  # full-width digits
        ("۹۹۰۸۹ إرفورت", "99089 ارفورت"),
        ("Гера 🙂 <b>", "гера b"),
    ],
)
def test_what_is_typed_in_any_script_normalizes_to_one_key(typed, key):
    assert normalize(typed) == key


# ---------------------------------------------------------------- the table
def test_every_kreisfreie_stadt_and_grosse_kreisstadt_has_its_spellings_in_all_four_languages():
    table = spellings()
    cities = {d.name for d in all_districts().values() if d.kind == "kreisfreie Stadt" and not d.now_in}
    assert cities == {"Erfurt", "Gera", "Jena", "Suhl", "Weimar"}
    big_towns = {
        "Altenburg", "Apolda", "Arnstadt", "Bad Langensalza", "Bad Salzungen", "Eisenach", "Gotha", "Greiz",
        "Heilbad Heiligenstadt", "Ilmenau", "Leinefelde-Worbis", "Meiningen", "Mühlhausen/Thüringen", "Nordhausen",
        "Rudolstadt", "Saalfeld/Saale", "Schmalkalden", "Sömmerda", "Sondershausen", "Sonneberg", "Zeulenroda-Triebes",
    }
    for town in cities | big_towns:
        assert town in table, town
        assert all(table[town][language] for language in ("uk", "ru", "ar", "fa")), town


def test_every_town_with_a_thinka_site_has_its_spellings():
    dataset, _ = load_dataset(SAMPLE)
    index = build_index(dataset, date(2026, 12, 3))
    towns = {key for key, _label, kind, _sites in index["terms"] if kind == "Ort"}
    keyed = {key: place for place in spellings() for key in place_keys(place)}
    # a site's town is a Gemeinde of the table, or the first part of one ("Leinefelde": Leinefelde-Worbis)
    missing = [t for t in towns if t not in keyed and not any(k.startswith(t + " ") for k in keyed)]
    assert missing == []


def test_the_table_says_where_its_spellings_come_from_and_that_nobody_has_checked_them():
    text = TABLE.read_text("utf-8")
    assert "Wikipedia" in text and "geprueft: nein" in text
    assert re.search(r"unsicher: \[", text)


def test_the_index_carries_the_spellings_normalized():
    spelled = {place: keys.split("|") for place, keys in gazetteer_part()["spellings"].items()}
    assert {"ерфурт", "ارفورت"} <= set(spelled["Erfurt"])  # Эрфурт and Ерфурт are one key
    assert {"гера", "غيرا", "گرا"} <= set(spelled["Gera"])
    assert {"ена", "иена"} <= set(spelled["Jena"])
    assert all(key == normalize(key) and key for keys in spelled.values() for key in keys)
    names = {p.name for p in gazetteer().places}
    assert set(spelled) <= names


@pytest.mark.parametrize(
    "entry, message",
    [
        ("- ort: Atlantis\n  uk: [Атлантида]", "Eintrag 1 (Atlantis): keine Gemeinde des Ortsverzeichnisses"),
        ("- ort: Gera\n  ar: [Gera]", "Eintrag 1 (Gera): 'Gera' ist nicht in der Schrift der Sprache ar"),
        ("- ort: Gera\n  ru: [غيرا]", "Eintrag 1 (Gera): 'غيرا' ist nicht in der Schrift der Sprache ru"),
        ("- ort: Gera\n  de: [Gera]", "Eintrag 1 (Gera): unbekannte Angabe ['de']"),
        ("- ort: Gera\n  uk: [Гера]\n- ort: Gera\n  uk: [Гера]", "Eintrag 2 (Gera): steht zweimal in der Liste"),
    ],
)
def test_a_broken_table_entry_stops_the_build_with_a_german_message(entry, message):
    with pytest.raises(ValueError) as problem:
        read_spellings("orte:\n" + entry, {"Gera", "Erfurt"})
    assert message in str(problem.value)


def test_every_problem_of_the_table_is_reported_at_once():
    with pytest.raises(ValueError) as problem:
        read_spellings("orte:\n- ort: Atlantis\n- ort: Gera\n  fa: [Gera]", {"Gera"})
    assert len(str(problem.value).splitlines()) == 2


# ---------------------------------------------------------------- the catalogue
def _msgids() -> list[str]:
    with TEMPLATE.open("rb") as handle:
        found = [m[0] if isinstance(m, tuple) else m for _, _, m, _ in babel_extract(handle, ["_"], [], {"extensions": "jinja2.ext.i18n"})]
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_finder_text_is_translated_with_its_placeholders(code):
    path = translation.catalogue_path(code, "finder")
    assert path.read_text("utf-8").splitlines()[0] == "# Geprüft von Muttersprachler*in: nein"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=code)
    entries = {m.id: m for m in catalogue if m.id}
    msgids = _msgids()
    assert len(msgids) > 60 and set(msgids) == set(entries)
    for msgid in msgids:
        message = entries[msgid]
        assert message.string and not message.fuzzy, msgid
        python_format(catalogue, message)  # raises on a missing or foreign placeholder
        assert set(re.findall(r"%\((\w+)\)s", message.string)) == set(re.findall(r"%\((\w+)\)s", msgid)), msgid


def _drawn(code: str) -> tuple[str, dict[str, str]]:
    renderer = Renderer(REPO / "overrides" / "thinka", watch=False)
    html = renderer.render_fragment(Fragment("finder.html", {"finder_sources": SOURCES}), "index.html", code)  # drawn in the page's language
    texts = json.loads(re.search(r'<script type="application/json" class="thinka-finder__texts">(.*?)</script>', html, re.S).group(1))
    return html, texts


def test_the_finder_drawn_in_ukrainian_speaks_ukrainian():
    html, texts = _drawn("uk")
    assert '<label class="thinka-finder__label" for="thinka-finder-q">Місто, район або поштовий індекс</label>' in html
    assert ">Шукати</button>" in html and 'aria-label="Результати пошуку"' in html
    assert ">Шукати поруч зі мною</button>" in html
    assert 'Джерела довідника населених пунктів: <span lang="de">Orte und Postleitzahlen:' in html
    assert texts["nonePlace"] == "У %(place)s немає пункту звернення ThINKA."
    assert texts["openUntil"] == "Зараз відчинено, до %(time)s"
    assert texts["foundOne"] == "Знайдено 1 місце:"
    assert texts["Ortsteil"] == "Район"


def test_the_finder_drawn_in_german_is_unchanged():
    html, texts = _drawn("de")
    assert ">Ort, Ortsteil oder PLZ</label>" in html and ">Suchen</button>" in html
    assert texts["nonePlace"] == "In %(place)s gibt es keine ThINKA-Anlaufstelle."
    assert texts["opensOn"] == "Geschlossen, öffnet am %(day)s um %(time)s Uhr"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_gets_every_text_of_the_script_translated(code):
    _, german = _drawn("de")
    _, texts = _drawn(code)
    assert set(texts) == set(german)
    same = [key for key in texts if texts[key] == german[key]]
    assert same == []
    for key, text in texts.items():  # the script fills these names; the others stay as they are
        assert set(re.findall(r"%\((\w+)\)s", text)) == set(re.findall(r"%\((\w+)\)s", german[key])), key
