"""How old a site's data is: the 'stand' date against the configured maximum age.

Old data is a warning, never an error: the site stays online, the build and
``thinka validate`` pass, and ``thinka report`` lists it for the coordination office.
"""

from __future__ import annotations

import calendar
from datetime import date

from .dates import Day

DEFAULT_MAX_MONTHS = 12
CHECKED_STATUSES = ("aktiv", "geplant")  # an ended site's page is history; nobody keeps it current


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_stale(stand: Day, max_months: int, today: date) -> bool:
    """Older than ``max_months``, counted from the last day ``stand`` can mean (2025-03 → 31 March)."""
    return today > add_months(stand.last, max_months)


def months_old(stand: Day, today: date) -> int:
    """Whole months since the first day ``stand`` can mean."""
    first = stand.first
    return max(0, (today.year - first.year) * 12 + today.month - first.month - (today.day < first.day))


def message(stand: Day, max_months: int, today: date) -> str:
    return (
        f"Die Angaben sind vom {stand.german()} und damit älter als {max_months} Monate. "
        "Bitte prüfen und bei 'stand' das Datum der Prüfung eintragen."
    )
