"""Where a page's facts come from and how old they are: the sources list of a site and of a
contact point, and whether published opening hours or an address are too old to show as simply current."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from thinka.data import freshness
from thinka.data.lifecycle import hours_are_old
from thinka.data.model import ContactPoint, Source

from .translation import N_
from .wording import day_text, month_year_text


def source_view(source: Source) -> dict[str, Any]:
    """One source as a page lists it: its title (or address), the address, and the source's own date."""
    return {
        "url": source.url,
        "title": source.titel or source.url,
        "date": day_text(source.stand) if source.stand else None,
        "date_iso": source.stand.iso() if source.stand else None,
    }


def point_sources(point: ContactPoint) -> list[Source]:
    """Every source a contact point names: its own and the one of its opening hours."""
    return point.quellen + ([point.oeffnungszeiten_quelle] if point.oeffnungszeiten_quelle else [])


def sources_view(sources: Iterable[Source]) -> list[dict[str, Any]]:
    """Each source once (the same page is often named for a site and for its contact points)."""
    best: dict[str, Source] = {}
    for source in sources:
        known = best.get(source.url)
        best[source.url] = source if known is None else known.model_copy(update={"stand": known.stand or source.stand, "titel": known.titel or source.titel})
    return [source_view(s) for s in best.values()]


def hours_age(point: ContactPoint, max_months: int, today: date) -> dict[str, Any] | None:
    """Whether the hours come from a source older than ``max_months`` (or from one without a date).

    ``None`` when the hours are as current as the entry (no source of their own, or a recent one);
    otherwise the words the card shows instead of presenting them as today's hours.
    """
    source = point.oeffnungszeiten_quelle
    if source is None or not hours_are_old(point, max_months, today):
        return None
    # no number to call: ask before going, by any way there is
    if source.stand:
        text = (
            N_("Öffnungszeiten laut Angabe von %(month)s – bitte vorher anrufen.", month=month_year_text(source.stand))
            if point.telefon
            else N_("Öffnungszeiten laut Angabe von %(month)s – bitte vorher nachfragen.", month=month_year_text(source.stand))
        )
    else:
        text = N_("Öffnungszeiten laut Angabe ohne Datum – bitte vorher anrufen.") if point.telefon else N_("Öffnungszeiten laut Angabe ohne Datum – bitte vorher nachfragen.")
    return {"text": text, "source": source_view(source)}


def address_age(point: ContactPoint, max_months: int, today: date) -> Any:
    """The words a card puts under a street address whose newest dated source is older than
    ``max_months``: where the office was then is not proof that it is there now. ``None`` for a
    recent or undated source (the sources line says "ohne Datum") and for points without a street."""
    if not point.adresse.strasse:
        return None
    dated = [q.stand for q in point_sources(point) if q.stand]
    if not dated:
        return None
    newest = max(dated, key=lambda day: day.last)
    if not freshness.is_stale(newest, max_months, today):
        return None
    if point.telefon:
        return N_("Anschrift laut Angabe von %(month)s – ob die Anlaufstelle noch dort ist, bitte vorher anrufen.", month=month_year_text(newest))
    return N_("Anschrift laut Angabe von %(month)s – ob die Anlaufstelle noch dort ist, bitte vorher nachfragen.", month=month_year_text(newest))
