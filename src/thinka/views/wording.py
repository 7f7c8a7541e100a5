"""Words that depend on the page's language beyond the catalogue: dates, weekdays and month names
from Babel's CLDR data (never from lists of our own), lists joined with the language's "und", the
one-line summary of opening hours, and the texts thinka.js writes in the browser.

German keeps the programme's own forms (:mod:`thinka.data.dates`, :mod:`thinka.data.hours`), so
German pages stay exactly as they were; every text here is a :class:`~.translation.Lazy` that is
worded again in each language a page is drawn in.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton, get_day_names

from thinka.data.dates import Day
from thinka.data.districts import District
from thinka.data.hours import WEEKDAY_NAMES, WEEKDAYS, Weekdays
from thinka.data.languages import DEFAULT
from thinka.data.vocabulary import WEEK_RHYTHM_SHORT

from .translation import N_, Lazy, current, gettext, ngettext


def _day_words(day: Day, code: str) -> str:
    if code == DEFAULT:
        return day.german()
    if day.day:
        return format_date(day.first, "long", locale=code)
    if day.month:
        return format_skeleton("yMMMM", day.first, locale=code)
    return str(day.year)


def day_text(day: Day) -> Lazy:
    """``7. März 2019`` / ``März 2019`` / ``2019`` as precise as the date is known, in the page's language."""
    return Lazy(functools.partial(_day_words, day))


def _month_year_words(day: Day, code: str) -> str:
    if code == DEFAULT:
        return day.month_year()
    return format_skeleton("yMMMM", day.first, locale=code) if day.month else str(day.year)


def month_year_text(day: Day) -> Lazy:
    """``März 2019`` (or the year alone), in the page's language."""
    return Lazy(functools.partial(_month_year_words, day))


@functools.cache
def weekday_names(code: str, width: str = "abbreviated") -> tuple[str, ...]:
    """Monday first: German ``Mo``…``So`` / ``Montag``…; other languages from CLDR."""
    if code == DEFAULT:
        return tuple(WEEKDAYS if width == "abbreviated" else WEEKDAY_NAMES)
    names = get_day_names(width, context="stand-alone" if width == "wide" else "format", locale=code)
    return tuple(names[i] for i in range(7))


def _runs(days: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Days in runs: three or more days in a row are one range (``Mo–Fr``), shorter runs single days."""
    parts: list[tuple[int, ...]] = []
    run = [days[0]]
    for day in days[1:] + (99,):
        if day == run[-1] + 1:
            run.append(day)
            continue
        parts.extend([(run[0], run[-1])] if len(run) >= 3 else [(d,) for d in run])
        run = [day]
    return parts


def _weekday_words(days: Weekdays, spoken: bool, code: str) -> str:
    if code == DEFAULT:
        return days.spoken if spoken else days.label
    names = weekday_names(code, "wide" if spoken else "abbreviated")
    parts = []
    for part in _runs(days.days):
        if len(part) == 1:
            parts.append(names[part[0]])
        elif spoken:
            parts.append(gettext("%(first)s bis %(last)s", first=names[part[0]], last=names[part[1]]))
        else:
            parts.append(f"{names[part[0]]}–{names[part[1]]}")
    return ", ".join(parts)


def weekdays_text(days: Weekdays, *, spoken: bool = False) -> Lazy:
    """``Mo–Fr`` (``spoken``: ``Montag bis Freitag``, for screen readers) in the page's language."""
    return Lazy(functools.partial(_weekday_words, days, spoken))


def _joined_words(items: tuple[Any, ...], code: str) -> str:
    words = [str(item) for item in items]
    if len(words) < 2:
        return "".join(words)
    return gettext("%(first)s und %(last)s", first=", ".join(words[:-1]), last=words[-1])


def joined(items: Iterable[Any]) -> Lazy:
    """``A``, ``A und B``, ``A, B und C`` with the page's language's word for "und"."""
    return Lazy(functools.partial(_joined_words, tuple(items)))


# Texts that only the browser writes (thinka.js: whether a contact point is open now): German is
# built into the script; a page in another language hands it these, translated, as JSON.
def browser_texts() -> dict[str, Any]:
    """thinka.js's words in the page's language ({time} and {day} are filled in by the script)."""
    code = current()
    return {
        "open": gettext("Jetzt geöffnet, bis %(time)s Uhr", time="{time}"),
        "later": gettext("Geschlossen, öffnet heute um %(time)s Uhr", time="{time}"),
        "tomorrow": gettext("Geschlossen, öffnet morgen um %(time)s Uhr", time="{time}"),
        "day": gettext("Geschlossen, öffnet am %(day)s um %(time)s Uhr", day="{day}", time="{time}"),
        "holidayTomorrow": gettext("Heute Feiertag, geschlossen, öffnet morgen um %(time)s Uhr", time="{time}"),
        "holidayDay": gettext("Heute Feiertag, geschlossen, öffnet am %(day)s um %(time)s Uhr", day="{day}", time="{time}"),
        "closed": gettext("Geschlossen"),
        "today": gettext("heute"),
        "days": list(weekday_names(code, "wide")),
    }


def district_title(district: District) -> str:
    """``Landkreis Gotha``, ``Stadt Gera``, ``Ilm-Kreis`` (:attr:`District.title`), with "Landkreis"
    and "Stadt" in the page's language; a name that already says "Kreis" is the name alone."""
    if district.kind == "kreisfreie Stadt":
        return N_("Stadt %(name)s", name=district.name)
    return district.name if district.title == district.name else N_("Landkreis %(name)s", name=district.name)


def each_and(items: list[str]) -> Lazy:
    """``A und B und C`` (each joined by the page's language's "und")."""

    def words(code: str) -> str:
        text = items[0] if items else ""
        for item in items[1:]:
            text = gettext("%(first)s und %(last)s", first=text, last=item)
        return text

    return Lazy(words)


def capitalized(label: str) -> Lazy:
    """A vocabulary label at the start of a line (as Jinja's ``capitalize``), in the page's language."""
    return Lazy(lambda code: (lambda t: t[:1].upper() + t[1:].lower())(gettext(label)))


def hours_summary(rows: list[Any]) -> Lazy:
    """``Mo–Fr 09:00–12:00, Do 14:00–18:00 (ungerade Wochen)`` in the page's language
    (German: exactly :func:`thinka.data.hours.summary`)."""

    def words(code: str) -> str:
        return ", ".join(
            f"{weekdays_text(row.tage)} {', '.join(r.label for r in row.zeiten)}"
            + (f" ({gettext(WEEK_RHYTHM_SHORT[row.wochen])})" if row.wochen else "")
            for row in rows
        )

    return Lazy(words)


def map_texts() -> dict[str, Any]:
    """The live map's words (thinka.js, after consent): its groups are counted in the browser, so
    it gets the group name in every plural category of the language (CLDR's, as Intl.PluralRules)."""
    rule = Locale.parse(current()).plural_form
    samples: dict[str, int] = {}
    for n in range(200):
        samples.setdefault(rule(n), n)
    group = {
        tag: ngettext("%(towns)s: %(num)s Anlaufstelle", "%(towns)s: %(num)s Anlaufstellen", n, towns="{towns}", num="{num}")
        for tag, n in samples.items()
    }
    return {
        "and": gettext("%(first)s und %(last)s", first="{first}", last="{last}"),
        "group": group,
        "where": gettext(", ungefähre Lage"),
        "list": gettext("%(name)s%(where)s. Liste zeigen", name="{name}", where="{where}"),
        "centre": " " + gettext("(Lage: Ortsmitte)"),
        "close": gettext("Schließen"),
    }


class _Json(Lazy):
    """JSON printed as it is: ``<`` is written ``\\u003c``, so it cannot end its script element."""

    def __html__(self) -> str:
        return str(self)


def browser_texts_json(*, live_map: bool = False) -> Lazy:
    """:func:`browser_texts` (the map page: :func:`map_texts`) as JSON for a
    ``<script type="application/json" id="thinka-texts">`` of the page."""

    def text(code: str) -> str:
        words = {"map": map_texts()} if live_map else browser_texts()
        return json.dumps(words, ensure_ascii=False).replace("<", "\\u003c")

    return _Json(text)
