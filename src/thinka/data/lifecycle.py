"""A site's and a contact point's time: status against dates, successors, opening and closing,
former Träger, and the dates of sources. Rules that need today's date and every site's name."""

from __future__ import annotations

from datetime import date
from typing import Any

from . import freshness
from .checking import error_at
from .dataset import Dataset, Located
from .diagnostics import Problems
from .model import ContactPoint, Site


def is_current(site: Site, point: ContactPoint, today: date) -> bool:
    """Whether a contact point is open to visitors today: its site has not ended and the point has not closed."""
    return site.status != "beendet" and (point.bis is None or point.bis.last >= today)


def closure_now(point: ContactPoint, today: date) -> Any:
    """The temporary closure ('geschlossen') that holds today, or None."""
    return next((c for c in point.geschlossen if c.von.first <= today <= c.bis.last), None)


def closures_ahead(point: ContactPoint, today: date) -> list[Any]:
    """Closures that have not begun yet, soonest first (past ones are no longer news)."""
    return sorted((c for c in point.geschlossen if c.von.first > today), key=lambda c: c.von.first)


def hours_are_old(point: ContactPoint, max_months: int, today: date) -> bool:
    """Whether a contact point's hours come from a source older than ``max_months`` or without a date:
    such hours are shown with their date and never as "open now"."""
    source = point.oeffnungszeiten_quelle
    return bool(point.oeffnungszeiten) and source is not None and (source.stand is None or freshness.is_stale(source.stand, max_months, today))


def check(dataset: Dataset, problems: Problems, today: date) -> None:
    names = set(dataset.sites) | dataset.broken_sites
    for slug, located in dataset.sites.items():
        _status(located, problems, today)
        _successor(dataset, slug, located, names, problems)
        _times(located, problems, today)


def _warn(problems: Problems, located: Located, rest: tuple[Any, ...], message: str) -> None:
    line, column = located.where(*rest)
    problems.warning(str(located.doc.path), line, column, message)


def _status(located: Located, problems: Problems, today: date) -> None:
    site: Site = located.record
    if site.status == "aktiv" and site.ende and site.ende.last < today:
        error_at(problems, located, ("status",), f"Der Standort ist als 'aktiv' eingetragen, aber sein Ende ({site.ende.german()}) liegt in der Vergangenheit: 'status: beendet' eintragen oder das Ende berichtigen.")
    if site.status == "aktiv" and site.beginn and site.beginn.first > today:
        _warn(problems, located, ("status",), f"Der Standort ist als 'aktiv' eingetragen, beginnt aber erst {_on(site.beginn)}: bis dahin ist 'status: geplant' richtig.")
    if site.status == "geplant" and site.beginn and site.beginn.last < today:
        error_at(problems, located, ("status",), f"Der Standort ist als 'geplant' eingetragen, hat aber schon {_on(site.beginn)} begonnen: 'status: aktiv' eintragen oder den Beginn berichtigen.")
    if site.status == "beendet" and site.ende and site.ende.first > today:
        error_at(problems, located, ("status",), f"Der Standort ist als 'beendet' eingetragen, sein Ende ({site.ende.german()}) liegt aber in der Zukunft: bis dahin ist 'status: aktiv' richtig.")
    if site.status == "beendet" and not site.ende and not site.ende_hinweis:
        message = "Ein beendeter Standort braucht ein 'ende'-Datum oder, wenn es nicht bekannt ist, einen 'ende_hinweis' (woran man sieht, dass die Arbeit endete)."
        if site.nachfolger:
            _warn(problems, located, ("status",), message)
        else:
            error_at(problems, located, ("status",), message)
    if site.ende_hinweis and site.status != "beendet":
        error_at(problems, located, ("ende_hinweis",), "'ende_hinweis' gehört nur zu einem beendeten Standort ('status: beendet').")
    if site.beginn and site.eroeffnung and site.eroeffnung.last < site.beginn.first:
        error_at(problems, located, ("eroeffnung",), f"Die Eröffnung ({site.eroeffnung.german()}) liegt vor dem Beginn der Arbeit ({site.beginn.german()}).")


def _on(day: Any) -> str:
    return f"am {day.german()}" if day.day else f"im {day.german()}" if day.month else day.german()


def _successor(dataset: Dataset, slug: str, located: Located, names: set[str], problems: Problems) -> None:
    site: Site = located.record
    successor = site.nachfolger
    if successor is None:
        return
    if site.status != "beendet":
        error_at(problems, located, ("nachfolger",), "Einen Nachfolger hat nur ein beendeter Standort: 'status: beendet' eintragen oder 'nachfolger' entfernen.")
    if successor == slug:
        error_at(problems, located, ("nachfolger",), "Ein Standort kann nicht sein eigener Nachfolger sein.")
    elif successor not in names and not dataset.sites_unread:
        error_at(problems, located, ("nachfolger",), f"Den Standort '{successor}' gibt es nicht: erwartet wird der Dateiname in sites/ ohne .yml.")
    else:
        seen = {slug}
        current = successor
        while current in dataset.sites and current not in seen:
            seen.add(current)
            current = dataset.sites[current].record.nachfolger
        if current == slug:
            error_at(problems, located, ("nachfolger",), f"Die Nachfolger bilden einen Kreis: '{successor}' führt zurück zu '{slug}'.")


def _times(located: Located, problems: Problems, today: date) -> None:
    site: Site = located.record
    for i, former in enumerate(site.fruehere_traeger):
        if former.seit and former.bis and former.bis.last < former.seit.first:
            error_at(problems, located, ("fruehere_traeger", i, "bis"), f"'bis' ({former.bis.german()}) liegt vor 'seit' ({former.seit.german()}).")
    for i, point in enumerate(site.anlaufstellen):
        if point.seit and point.bis and point.bis.last < point.seit.first:
            error_at(problems, located, ("anlaufstellen", i, "bis"), f"Die Anlaufstelle '{point.name}' schließt ({point.bis.german()}) vor ihrer Eröffnung ({point.seit.german()}).")
        for j, closure in enumerate(point.geschlossen):
            if closure.bis.last < closure.von.first:
                error_at(problems, located, ("anlaufstellen", i, "geschlossen", j, "bis"), f"Die Schließzeit endet ({closure.bis.german()}) vor ihrem Beginn ({closure.von.german()}): 'von' ist der erste, 'bis' der letzte geschlossene Tag.")
            if closure.bis.last < today:
                _warn(problems, located, ("anlaufstellen", i, "geschlossen", j), f"Diese Schließzeit ist seit {closure.bis.german()} vorbei und erscheint nicht mehr auf der Seite: den Eintrag löschen.")
        if point.telefonzeiten and not point.telefon:
            error_at(problems, located, ("anlaufstellen", i, "telefonzeiten"), f"'telefonzeiten' ohne 'telefon': bei der Anlaufstelle '{point.name}' fehlt die Nummer, zu der die Zeiten gehören.")
        for j, row in enumerate(point.oeffnungszeiten):
            if row.wochen and row.wochen not in ("gerade", "ungerade") and len(row.tage.days) > 1:
                _warn(problems, located, ("anlaufstellen", i, "oeffnungszeiten", j, "wochen"), f"'wochen: {row.wochen}' mit mehreren Tagen ({row.tage.label}) heißt: an jedem dieser Tage in dieser Woche des Monats. Für den ersten Montag im Monat 'tage: Mo' mit 'wochen: 1' eintragen.")
    for rest, source in sources_of(site):
        if source.stand and source.stand.first > today:
            error_at(problems, located, rest + ("stand",), f"Der Stand der Quelle ({source.stand.german()}) liegt in der Zukunft: gemeint ist das Datum der Seite oder des Artikels.")


def sources_of(site: Site) -> list[tuple[tuple[Any, ...], Any]]:
    """Every source a site names, with its path in the file: the site's, each contact point's and their hours'."""
    found: list[tuple[tuple[Any, ...], Any]] = [(("quellen", i), s) for i, s in enumerate(site.quellen)]
    for i, point in enumerate(site.anlaufstellen):
        found += [(("anlaufstellen", i, "quellen", j), s) for j, s in enumerate(point.quellen)]
        if point.oeffnungszeiten_quelle is not None:
            found.append((("anlaufstellen", i, "oeffnungszeiten_quelle"), point.oeffnungszeiten_quelle))
    return found
