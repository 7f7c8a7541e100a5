"""The interface texts of the translated pages (site pages, contact cards, /standorte/ and its lists,
the A–Z list, the map) come from the gettext catalogues: a site page drawn in English speaks
English (labels, weekday names from CLDR, the "open now" words thinka.js writes), Ukrainian
counts with its three plural forms, a missing translation shows the German text marked
``lang="de"``, a catalogue with a broken placeholder is refused with a German ``path:line``
message, and German pages stay exactly as they were."""

from __future__ import annotations

import dataclasses

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from conftest import COMPLETE, REPO, TODAY
from thinka.data.settings import Settings
from thinka.data.validate import load_dataset
from thinka.engine.render import Renderer
from thinka.views import translation
from thinka.views.directories import contact_point_directory
from thinka.views.sites import site_page
from thinka.views.translation import N_, NP_, using

TEMPLATE = translation.LOCALE_DIR / "thinka.pot"


@pytest.fixture(scope="module")
def lobeda():
    """The complete test data's Jena-Lobeda: Mo–Fr and Do hours, two phones, step-free, since 2016."""
    today = date.fromisoformat(TODAY)
    dataset, problems = load_dataset(COMPLETE, today=today)
    assert problems.errors == []
    return dataset, site_page(dataset, "jena-lobeda", Settings.fixed(today)), today


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(REPO / "overrides" / "thinka", watch=False)


def drawn(renderer: Renderer, view, code: str) -> str:
    """The view drawn as its ``code`` version (the engine draws each page in its own language)."""
    context = view.drawn_context()
    return renderer.render(dataclasses.replace(view, lang=code), context)


@pytest.fixture
def catalogues(tmp_path, monkeypatch):
    """A locale folder of our own: write .po files into it; the caches are emptied around the test."""
    monkeypatch.setattr(translation, "LOCALE_DIR", tmp_path)
    translation.messages.cache_clear()
    yield tmp_path
    translation.messages.cache_clear()


def write_po(folder: Path, code: str, body: str, name: str = "thinka.po") -> Path:
    path = folder / code / "LC_MESSAGES" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Geprüft von Muttersprachler*in: nein\n"
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n' + body,
        "utf-8",
    )
    return path


# ---------------------------------------------------------------- a site page in English


def test_site_page_in_english_has_english_labels_weekdays_status_and_actions(lobeda, renderer):
    _, view, _ = lobeda
    html = drawn(renderer, view, "en")
    card = html[html.index('id="anlaufstelle-1"') : html.index("</article>")]
    assert '<span class="thinka-status thinka-status--aktiv">active since January 2016</span>' in html
    assert '<h2 id="anlaufstellen">Contact point</h2>' in html
    assert '<span class="thinka-action__label">Call</span>' in card
    assert '<span class="thinka-action__label">Write an e-mail</span>' in card
    assert '<span class="thinka-action__label">Plan a route</span>' in card
    # weekdays from CLDR: short for the eye, written out for screen readers
    assert '<span aria-hidden="true">Mon–Fri</span><span class="thinka-visually-hidden">Monday to Friday</span>' in card
    assert '<span aria-hidden="true">Thu</span><span class="thinka-visually-hidden">Thursday</span>' in card
    assert '<td class="thinka-hours__times"><span class="thinka-hours__range" dir="ltr">09:00–12:00</span>' in card
    assert " Uhr" not in card
    assert '<h4 class="thinka-contact__label" id="anlaufstelle-1-zeiten">Opening hours</h4>' in card
    assert "Also by appointment." in card
    assert "Step-free access</li>" in card
    assert 'aria-label="Contact Stadtteilbüro Lobeda"' in card
    assert "Last checked by the editors:" in html
    # what the editors wrote stays German and says so
    assert '<div class="thinka-site__description" lang="de">' in html
    assert '<p class="thinka-site__language-note">Descriptions, notes, news and events on this page are in German, as the editors wrote them.</p>' in html
    assert '<h1 lang="de">ThINKA Jena-Lobeda</h1>' in html
    assert '<address class="thinka-contact__address" lang="de">' in card
    # no German interface word is left on the page outside what is marked German
    visible = re.sub(r"<[^>]*lang=\"de\"[^>]*>[^<]*<", "<", re.sub(r"<script.*?</script>", "", html, flags=re.S))
    for german in ("Anrufen", "Öffnungszeiten", "Außerdem", "aktiv seit", "Quelle:", "Mo–Fr", "Uhrzeit", "Zuletzt", "Träger"):
        assert german not in visible, german


def test_site_page_in_english_hands_thinka_js_the_open_now_words(lobeda, renderer):
    """thinka.js writes "open now" in the browser: the page carries those words, translated, for
    every key the script uses, with the weekday names of the language."""
    _, view, _ = lobeda
    html = drawn(renderer, view, "en")
    found = re.search(r'<script type="application/json" id="thinka-texts">(.*?)</script>', html)
    assert found
    words = json.loads(found.group(1))
    assert words["open"] == "Open now, until {time}"
    assert words["day"] == "Closed, opens on {day} at {time}"
    assert words["tomorrow"] == "Closed, opens tomorrow at {time}"
    assert words["closed"] == "Closed"
    assert words["today"] == "today"
    assert words["days"] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    script = (REPO / "docs" / "assets" / "javascripts" / "thinka.js").read_text("utf-8")
    german = re.search(r"var WORDS = \{(.*?)map: \{", script, re.S)
    assert german
    assert set(re.findall(r"(\w+): ", re.sub(r'"[^"]*"', '""', german.group(1)))) == set(words)


def test_dates_and_weekdays_come_from_cldr_in_every_language(lobeda, renderer):
    _, view, _ = lobeda
    context = view.drawn_context()
    status = context["status"]["text"]
    hours = context["contact_points"][0]["hours"][0]
    expected = {
        "de": ("aktiv seit Januar 2016", "Mo–Fr", "Montag bis Freitag"),
        "uk": ("січень 2016\u202fр.", "пн–пт", "понеділок"),
        "ru": ("январь 2016\u202fг.", "пн–пт", "понедельник"),
        "ar": ("يناير 2016", "الاثنين–الجمعة", "الاثنين"),
    }
    for code, (month, short, spoken) in expected.items():
        with using(code):
            assert month in str(status), code
            assert str(hours["days"]) == short, code
            assert str(hours["days_spoken"]).startswith(spoken), code


def test_a_z_list_in_english(lobeda, renderer):
    dataset, _, today = lobeda
    view = next(iter(contact_point_directory(dataset, today)))
    html = drawn(renderer, view, "en")
    assert "<h1>Contact points A–Z</h1>" in html
    assert "Open: Mon–Fri 09:00–12:00, Thu 14:00–18:00 and by appointment" in html
    with using("en"):
        assert str(view.title) == "Contact points A–Z"


# ---------------------------------------------------------------- German stays as it was


def test_german_output_is_unchanged(lobeda, renderer):
    """German is the msgid: drawn in German, a page is what it was before the catalogue (no marks,
    no words for the script, German dates and weekdays, "Uhr")."""
    _, view, _ = lobeda
    html = drawn(renderer, view, "de")
    assert html == renderer.render(view)  # outside any language: German
    assert 'lang="de"' not in html
    assert "thinka-texts" not in html
    assert '<span class="thinka-status thinka-status--aktiv">aktiv seit Januar 2016</span>' in html
    assert '<span aria-hidden="true">Mo–Fr</span><span class="thinka-visually-hidden">Montag bis Freitag</span>' in html
    assert '<span class="thinka-hours__range" dir="ltr">09:00–12:00</span> Uhr' in html
    assert '<span class="thinka-action__label">Anrufen</span>' in html
    assert "Stufenlos erreichbar</li>" in html
    assert '<p class="thinka-site__reviewed">Von der Redaktion zuletzt geprüft: <time datetime="2026-10-01">1. Oktober 2026</time></p>' in html


def test_a_lazy_text_is_german_to_code_and_translated_when_printed():
    text = N_("aktiv seit %(month)s", month="Mai 2020")
    assert text == "aktiv seit Mai 2020"  # sorting, comparisons and the search index see German
    assert f"{text}" == "aktiv seit Mai 2020"
    with using("en"):
        assert str(text) == "active since Mai 2020"
        assert f"{text}" == "active since Mai 2020"
        assert text.__html__() == "active since Mai 2020"


# ---------------------------------------------------------------- plural forms


def test_ukrainian_counts_with_its_three_plural_forms(catalogues):
    write_po(
        catalogues, "uk",
        'msgid "%(num)s Anlaufstelle"\nmsgid_plural "%(num)s Anlaufstellen"\n'
        'msgstr[0] "%(num)s пункт"\nmsgstr[1] "%(num)s пункти"\nmsgstr[2] "%(num)s пунктів"\n',
    )
    with using("uk"):
        said = {n: str(NP_("%(num)s Anlaufstelle", "%(num)s Anlaufstellen", n)) for n in (1, 2, 4, 5, 11, 21, 22, 25, 111)}
    assert said == {
        1: "1 пункт", 2: "2 пункти", 4: "4 пункти", 5: "5 пунктів", 11: "11 пунктів",
        21: "21 пункт", 22: "22 пункти", 25: "25 пунктів", 111: "111 пунктів",
    }
    with using("de"):
        assert [str(NP_("%(num)s Anlaufstelle", "%(num)s Anlaufstellen", n)) for n in (1, 2)] == ["1 Anlaufstelle", "2 Anlaufstellen"]


def test_arabic_takes_six_plural_forms_from_babel():
    assert [translation.plural_index("ar")(n) for n in (0, 1, 2, 3, 11, 100)] == [0, 1, 2, 3, 4, 5]
    assert [translation.plural_index("ru")(n) for n in (1, 3, 5, 21)] == [0, 1, 2, 0]


def test_plural_in_a_template_uses_the_language_forms(catalogues, renderer):
    write_po(
        catalogues, "uk",
        'msgid "%(num)s Anlaufstelle auf der Karte"\nmsgid_plural "%(num)s Anlaufstellen auf der Karte"\n'
        'msgstr[0] "%(num)s пункт на мапі"\nmsgstr[1] "%(num)s пункти на мапі"\nmsgstr[2] "%(num)s пунктів на мапі"\n',
    )
    template = renderer.env.from_string('{{ ngettext("%(num)s Anlaufstelle auf der Karte", "%(num)s Anlaufstellen auf der Karte", n) }}')
    with using("uk"):
        assert [template.render(n=n) for n in (3, 7)] == ["3 пункти на мапі", "7 пунктів на мапі"]


# ---------------------------------------------------------------- missing and broken translations


def test_a_missing_translation_shows_german_marked_as_german(catalogues, renderer, lobeda):
    """An English catalogue without "Anrufen" and with "Route planen" only fuzzy: the card shows
    the German words inside lang="de", never an empty label; translated words are not marked."""
    write_po(
        catalogues, "en",
        'msgid "E-Mail schreiben"\nmsgstr "Write an e-mail"\n\n'
        '#, fuzzy\nmsgid "Route planen"\nmsgstr "Plan route"\n\n'
        'msgid "Anrufen"\nmsgstr ""\n',
    )
    _, view, _ = lobeda
    html = drawn(renderer, view, "en")
    assert '<span class="thinka-action__label"><span lang="de">Anrufen</span></span>' in html
    assert '<span class="thinka-action__label"><span lang="de">Route planen</span></span>' in html
    assert '<span class="thinka-action__label">Write an e-mail</span>' in html
    # in an attribute the German text stands without markup
    assert 'aria-label="Kontakt zu Stadtteilbüro Lobeda"' in html
    # a lazy text from a view: German, marked, in element content
    assert '<span class="thinka-status thinka-status--aktiv"><span lang="de">aktiv seit January 2016</span></span>' in html


def test_a_broken_placeholder_is_refused_with_a_german_message_naming_file_and_line(catalogues):
    path = write_po(
        catalogues, "uk",
        'msgid "Anrufen"\nmsgstr "Зателефонувати"\n\n'
        'msgid "Kontakt zu %(name)s"\nmsgstr "Контакт з %(nme)s"\n',
    )
    problems = translation.check_catalogue(path)
    assert translation.check_catalogues() == problems  # every file of every language is checked
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:9:1: Die Übersetzung von „Kontakt zu %(name)s“ passt nicht zu dessen Platzhaltern")
    # what Babel lets pass but would break the page: a lone % and a placeholder the German text has not
    with path.open("a", encoding="utf-8") as handle:
        handle.write('\nmsgid "Alle %(num)s Anlaufstellen, nach Ort sortiert."\nmsgstr "Усі 100% %(num)s пунктів"\n\n'
                     'msgid "Tage"\nmsgstr "Дні %(name)s"\n')
    translation.messages.cache_clear()
    more = translation.check_catalogue(path)
    assert [p.split(": ", 1)[0] for p in more] == [f"{path}:9:1", f"{path}:12:1", f"{path}:15:1"]
    assert "ein Prozentzeichen allein schreiben Sie %%" in more[1]
    assert "hat einen Platzhalter, den der deutsche Text nicht hat" in more[2]
    # the page never breaks on them: a broken entry counts as missing, the good one is used
    with using("uk"):
        assert str(N_("Alle %(num)s Anlaufstellen, nach Ort sortiert.", num=3)) == "Alle 3 Anlaufstellen, nach Ort sortiert."
        assert str(N_("Tage")) == "Tage"
    with using("uk"):
        assert str(N_("Kontakt zu %(name)s", name="Treff")) == "Kontakt zu Treff"
        assert str(N_("Anrufen")) == "Зателефонувати"


def test_every_catalogue_of_the_site_has_fitting_placeholders():
    """``make test`` fails on a catalogue with a broken placeholder (every language, every part)."""
    assert translation.check_catalogues() == []


# ---------------------------------------------------------------- the catalogue is current


def _ids(path: Path) -> set[tuple[str | None, str]]:
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalogue if m.id}


def test_thinka_pot_holds_exactly_the_texts_of_the_code(tmp_path):
    """After a German text changes in a template or view, `make messages` must be run: the
    committed thinka.pot is compared with a fresh extraction."""
    fresh = tmp_path / "thinka.pot"
    subprocess.run(
        [str(Path(sys.executable).with_name("pybabel")), "--quiet", "extract", "--mapping-file", "babel.cfg",
         "--keywords", "NP_:1,2", "--keywords", "NC_:1c,2", "--output-file", str(fresh), "."],
        cwd=REPO, check=True,
    )
    assert _ids(TEMPLATE) == _ids(fresh), "thinka.pot ist veraltet: bitte `make messages` ausführen"


def test_no_catalogue_holds_a_stale_text():
    """A thinka.po entry whose German text is no longer in thinka.pot is stale (the test fails;
    `make messages` moves it to the obsolete #~ entries, where it no longer counts)."""
    current = _ids(TEMPLATE)
    stale = {
        str(path.relative_to(REPO)): sorted(text for _, text in _ids(path) - current)
        for path in sorted(translation.LOCALE_DIR.glob("*/LC_MESSAGES/thinka.po"))
    }
    assert {k: v for k, v in stale.items() if v} == {}


def test_the_english_catalogue_is_complete():
    with translation.catalogue_path("en").open("rb") as handle:
        english = read_po(handle, locale="en")
    untranslated = [m.id for m in english if m.id and (m.fuzzy or not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    assert untranslated == []
    assert _ids(translation.catalogue_path("en")) == _ids(TEMPLATE)
    assert translation.catalogue_path("en").read_text("utf-8").startswith("# Geprüft von Muttersprachler*in: nein\n")


def test_the_map_page_hands_the_live_map_its_words_in_every_plural_category(catalogues, renderer):
    """The live map (after consent) names its groups in the browser: it gets the name in each of
    the language's CLDR plural categories (the ones Intl.PluralRules gives), here Ukrainian's."""
    write_po(
        catalogues, "uk",
        'msgid "%(towns)s: %(num)s Anlaufstelle"\nmsgid_plural "%(towns)s: %(num)s Anlaufstellen"\n'
        'msgstr[0] "%(towns)s: %(num)s пункт"\nmsgstr[1] "%(towns)s: %(num)s пункти"\nmsgstr[2] "%(towns)s: %(num)s пунктів"\n\n'
        'msgid "Schließen"\nmsgstr "Закрити"\n',
    )
    today = date.fromisoformat(TODAY)
    dataset, _ = load_dataset(COMPLETE, today=today)
    from thinka.views.overview_map import map_pages

    view = next(iter(map_pages(dataset, Settings.fixed(today))))
    html = drawn(renderer, view, "uk")
    found = re.search(r'<script type="application/json" id="thinka-texts">(.*?)</script>', html)
    assert found
    words = json.loads(found.group(1))["map"]
    assert words["group"] == {"one": "{towns}: {num} пункт", "few": "{towns}: {num} пункти", "many": "{towns}: {num} пунктів"}
    assert words["close"] == "Закрити"
    assert words["where"] == ", ungefähre Lage"  # missing in this catalogue: German, never empty
    assert "thinka-texts" not in drawn(renderer, view, "de")
    script = (REPO / "docs" / "assets" / "javascripts" / "thinka.js").read_text("utf-8")
    german = re.search(r"map: \{ and: .*?close: \"Schließen\" \}", script, re.S)
    assert german
    assert set(re.findall(r"(\w+): ", re.sub(r'"[^"]*"', '""', german.group(0)))) - {"map", "one", "other"} == set(words)


def test_an_environment_without_autoescape_gets_the_same_words_and_marks(catalogues):
    """Material's own templates (autoescape off) use Jinja's newstyle gettext with our catalogue:
    the same translation, the same lang="de" mark for a missing one, none in an attribute."""
    import jinja2

    write_po(catalogues, "en", 'msgid "Anrufen"\nmsgstr "Call"\n\nmsgid "%(num)s Ort"\nmsgid_plural "%(num)s Orten"\nmsgstr[0] "%(num)s town"\nmsgstr[1] "%(num)s towns"\n')
    env = jinja2.Environment(autoescape=False)
    translation.install(env)
    template = env.from_string('<a title="{{ _("Anrufen") | plain }}">{{ _("Anrufen") }}</a> {{ ngettext("%(num)s Ort", "%(num)s Orten", 3) }}')
    assert template.render() == '<a title="Anrufen">Anrufen</a> 3 Orten'
    with using("en"):
        assert template.render() == '<a title="Call">Call</a> 3 towns'
    with using("uk"):  # no Ukrainian catalogue here
        assert template.render() == '<a title="Anrufen"><span lang="de">Anrufen</span></a> <span lang="de">3 Orten</span>'


def test_a_german_text_has_one_translation_per_language_across_its_catalogue_files():
    """The chrome, the finder, the legal texts and the pages have catalogue files of their own; a
    German text they share ("Standorte", "Geschlossen, öffnet morgen um %(time)s Uhr") must read
    the same in all of them, or the tab and the page's heading, the finder and the card would say
    it differently (the site takes the last file's)."""
    from babel.messages.pofile import read_po

    differing = []
    for code in ["en", "uk", "ru", "ar", "fa"]:
        said: dict[tuple[str | None, str], tuple[str, object]] = {}
        for path in translation.catalogue_files(code):
            with path.open("rb") as handle:
                for m in read_po(handle, locale=code):
                    if not m.id or not m.string:
                        continue
                    key = (m.context, m.id if isinstance(m.id, str) else m.id[0])
                    if key in said and said[key][1] != m.string:
                        differing.append(f"{code}: {key[1]!r} in {said[key][0]} and {path.name}")
                    said[key] = (path.name, m.string)
    assert differing == []
