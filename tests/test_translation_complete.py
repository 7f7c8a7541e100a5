"""The interface catalogue (thinka.pot: site pages, contact cards, /standorte/, the A–Z list, the
map) is translated completely into Ukrainian, Russian, Arabic and Dari/Farsi: every German text has
a translation a resident sees instead of German (none empty, none fuzzy, every plural form of the
language), each keeps exactly the placeholders of the German text, each is written in the
language's own script, and each file says it was machine-written and not yet checked by a native
speaker (so the pages say so too)."""

from __future__ import annotations

import dataclasses

import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from conftest import COMPLETE, REPO, TODAY
from thinka.data.settings import Settings
from thinka.data.validate import load_dataset
from thinka.engine.render import Renderer
from thinka.views import translation
from thinka.views.sites import site_page
from thinka.views.translation import ngettext, using

TEMPLATE = translation.LOCALE_DIR / "thinka.pot"
# the language's number of plural forms (Babel's Plural-Forms): Ukrainian and Russian one/few/many,
# Arabic zero/one/two/few/many/other, Persian one/other
FORMS = {"uk": 3, "ru": 3, "ar": 6, "fa": 2}
HEADER = {
    "uk": "# Ukrainisch (uk): die Texte der Seiten der Standorte, der Verzeichnisse und der Karte.",
    "ru": "# Russisch (ru): die Texte der Seiten der Standorte, der Verzeichnisse und der Karte.",
    "ar": "# Arabisch (ar): die Texte der Seiten der Standorte, der Verzeichnisse und der Karte.",
    "fa": "# Dari/Farsi (fa): die Texte der Seiten der Standorte, der Verzeichnisse und der Karte.",
}
PLACEHOLDER = re.compile(r"%\(([a-z_]+)\)s")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")


def _catalogue(path: Path, code: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=code)


def _key(message: Message) -> tuple[str | None, str]:
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


def _forms(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _german(message: Message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _entries(code: str) -> list[tuple[Message, Message]]:
    """Every text of thinka.pot with its entry in the language's thinka.po."""
    catalogue = _catalogue(translation.catalogue_path(code), code)
    found = {_key(m): m for m in catalogue if m.id}
    return [(german, found.get(_key(german))) for german in _catalogue(TEMPLATE) if german.id]


def _words(text: str) -> str:
    """What a text says in letters: without placeholders and HTML tags."""
    return re.sub(r"<[^>]*>", "", PLACEHOLDER.sub("", text))


@pytest.mark.parametrize("code", FORMS)
def test_every_text_of_thinka_pot_is_translated(code):
    untranslated = []
    for german, entry in _entries(code):
        forms = _forms(entry) if entry else ()
        if entry is None or entry.fuzzy or len(forms) != (FORMS[code] if entry.pluralizable else 1) or not all(f.strip() for f in forms):
            untranslated.append(_key(german)[1])
    assert untranslated == []
    # nothing more in the file than the template holds (a stale text would only sit there unused)
    catalogue = _catalogue(translation.catalogue_path(code), code)
    assert catalogue.num_plurals == FORMS[code]
    assert len([m for m in catalogue if m.id]) == len([m for m in _catalogue(TEMPLATE) if m.id]) == len(_entries(code))
    # the site takes every entry as it is: none counts as missing (fuzzy, empty, broken); the
    # language's other catalogue files (chrome, finder, legal texts) add their own texts to these
    taken = translation.messages(code)
    assert [g for g, _ in _entries(code) if translation._key(_key(g)[1], g.context) not in taken] == []


@pytest.mark.parametrize("code", FORMS)
def test_every_translation_keeps_exactly_the_placeholders_of_the_german_text(code):
    """A name dropped, added or misspelt would print the wrong words or break the page: every form
    has exactly the German text's %(name)s, and no other % sign."""
    wrong = []
    for german, entry in _entries(code):
        expected = sorted(set().union(*(PLACEHOLDER.findall(text) for text in _german(german))))
        for form in _forms(entry):
            if sorted(set(PLACEHOLDER.findall(form))) != expected or form.count("%") != len(PLACEHOLDER.findall(form)):
                wrong.append((_key(german)[1], form))
            # a text that begins with a space is glued to the one before it (map captions)
            if form.startswith(" ") != _german(german)[0].startswith(" "):
                wrong.append((_key(german)[1], form))
    assert wrong == []
    assert translation.check_catalogue(translation.catalogue_path(code)) == []


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_arabic_and_persian_texts_are_written_in_arabic_script(code):
    """Every translation of a German text with words has Arabic-script letters; Persian uses the
    Persian ی and ک, Arabic the Arabic ي and ك (a keyboard mix-up shows wrong letters and breaks
    search)."""
    latin_only = [
        form for german, entry in _entries(code) for form in _forms(entry)
        if re.search(r"[A-Za-zÄÖÜäöüß]{2}", _words(_german(german)[0]))
        and not ARABIC_LETTER.search(_words(form))
    ]
    assert latin_only == []
    text = "".join(form for _, entry in _entries(code) for form in _forms(entry))
    if code == "fa":
        assert "ی" in text and "ک" in text
        assert "ي" not in text and "ك" not in text
    else:
        assert "ي" in text and "ك" in text
        assert "ی" not in text and "ک" not in text


def test_ukrainian_and_russian_are_not_mixed():
    """Ukrainian has its own letters (і, ї, є); Russian has ы, э, ё and none of Ukraine's."""
    ukrainian = "".join(form for _, entry in _entries("uk") for form in _forms(entry))
    russian = "".join(form for _, entry in _entries("ru") for form in _forms(entry))
    assert {"і", "ї", "є"} <= set(ukrainian)
    assert not {"ы", "э", "ё", "ъ"} & set(ukrainian)
    assert {"ы", "э", "ё"} <= set(russian)
    assert not {"і", "ї", "є", "ґ"} & set(russian)


@pytest.mark.parametrize("code", FORMS)
def test_no_translation_is_a_copy_of_the_german_text(code):
    copies = [
        _key(german)[1] for german, entry in _entries(code)
        if re.search(r"[A-Za-zÄÖÜäöüß]{2}", _words(_key(german)[1])) and any(form in _german(german) for form in _forms(entry))
    ]
    assert copies == []


@pytest.mark.parametrize("code", FORMS)
def test_each_file_says_it_is_machine_written_and_not_yet_checked(code):
    lines = translation.catalogue_path(code).read_text("utf-8").splitlines()
    assert lines[:2] == ["# Geprüft von Muttersprachler*in: nein", HEADER[code]]
    assert translation.reviewed(code) is False


COUNTS = {
    "uk": {1: "1 пункт звернення", 3: "3 пункти звернення", 5: "5 пунктів звернення", 11: "11 пунктів звернення",
           21: "21 пункт звернення", 24: "24 пункти звернення"},
    "ru": {1: "1 пункт обращения", 3: "3 пункта обращения", 5: "5 пунктов обращения", 11: "11 пунктов обращения",
           21: "21 пункт обращения", 24: "24 пункта обращения"},
    "ar": {0: "0 مراكز استشارة", 1: "1 مركز استشارة", 2: "2 مركزا استشارة", 3: "3 مراكز استشارة",
           11: "11 مركز استشارة", 100: "100 مركز استشارة"},
    "fa": {0: "0 مرکز مشاوره", 1: "1 مرکز مشاوره", 2: "2 مرکز مشاوره", 100: "100 مرکز مشاوره"},
}


@pytest.mark.parametrize("code", FORMS)
def test_counts_take_the_form_the_number_needs(code):
    """Babel's plural rule picks a form by its place in the entry: the forms must be in the
    language's order (Arabic: zero, one, two, few, many, other)."""
    with using(code):
        said = {n: ngettext("%(num)s Anlaufstelle", "%(num)s Anlaufstellen", n) for n in COUNTS[code]}
    assert said == COUNTS[code]


# a site page (the complete test data's Jena-Lobeda) drawn in each language: its status, the
# heading of its contact point, the card's hours heading, call button and a feature, exactly
PAGE = {
    "uk": ("працює, початок: січень 2016\u202fр.", "Пункт звернення", "Години роботи", "Зателефонувати", "Можна пройти без сходинок"),
    "ru": ("работает, начало: январь 2016\u202fг.", "Пункт обращения", "Часы работы", "Позвонить", "Можно пройти без ступенек"),
    "ar": ("نشط منذ يناير 2016", "مركز الاستشارة", "أوقات الدوام", "اتصال هاتفي", "يمكن الوصول دون درج"),
    "fa": ("فعال از ژانویه 2016", "مرکز مشاوره", "ساعت کاری", "تماس تلفنی", "بدون پله قابل دسترسی"),
}


@pytest.fixture(scope="module")
def lobeda():
    today = date.fromisoformat(TODAY)
    dataset, problems = load_dataset(COMPLETE, today=today)
    assert problems.errors == []
    return site_page(dataset, "jena-lobeda", Settings.fixed(today))


@pytest.mark.parametrize("code", FORMS)
def test_a_site_page_in_the_language_has_no_german_interface_word_left(lobeda, code):
    renderer = Renderer(REPO / "overrides" / "thinka", watch=False)
    context = lobeda.drawn_context()
    html = renderer.render(dataclasses.replace(lobeda, lang=code), context)  # the page's own language, as the engine draws it
    status, heading, hours, call, feature = PAGE[code]
    assert f'<span class="thinka-status thinka-status--aktiv">{status}</span>' in html
    assert f'<h2 id="anlaufstellen">{heading}</h2>' in html
    assert f'<h4 class="thinka-contact__label" id="anlaufstelle-1-zeiten">{hours}</h4>' in html
    assert f'<span class="thinka-action__label">{call}</span>' in html
    assert f"{feature}</li>" in html
    # what the editors wrote stays German, marked lang="de"; no interface word is German
    visible = re.sub(r"<[^>]*lang=\"de\"[^>]*>[^<]*<", "<", re.sub(r"<script.*?</script>", "", html, flags=re.S))
    for german in ("Anrufen", "Öffnungszeiten", "Außerdem", "aktiv seit", "Quelle", "Mo–Fr", "Uhr", "Zuletzt", "Adresse",
                   "Stufenlos", "Ansprechpersonen", "Zuständig", "Beschreibung", "Redaktion", "Seite im Internet", "Vereinbarung"):
        assert german not in visible, german
