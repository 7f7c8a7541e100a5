"""What a build needs beyond the data: the site's address and name, and what day it is.

"Today" decides which events are upcoming. Builds take it from the clock in Europe/Berlin;
``THINKA_TODAY=JJJJ-MM-TT`` fixes it (tests, reproducible builds). Nothing here knows MkDocs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from .dates import BERLIN
from .diagnostics import one_line
from .limits import MAX_YEAR, MIN_YEAR, years_message

TODAY_VARIABLE = "THINKA_TODAY"


def fixed_today(environ: Mapping[str, str] = os.environ) -> date | None:
    """The day THINKA_TODAY fixes, None when it is not set; raises ValueError with a German
    message when it is not a day of the possible years (``thinka validate`` and the build alike)."""
    fixed = environ.get(TODAY_VARIABLE, "").strip()
    if not fixed:
        return None
    shown = one_line(fixed[:40])
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fixed):
        raise ValueError(f"{TODAY_VARIABLE}='{shown}' ist kein Datum; bitte JJJJ-MM-TT schreiben.")
    if not MIN_YEAR <= int(fixed[:4]) <= MAX_YEAR:
        raise ValueError(f"{TODAY_VARIABLE}='{shown}': {years_message(fixed)}")
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        raise ValueError(f"{TODAY_VARIABLE}='{shown}': Das Datum gibt es nicht.") from None


def today_from_environment(environ: Mapping[str, str] = os.environ) -> date:
    """Today in Thuringia, or the day THINKA_TODAY fixes (see :func:`fixed_today`)."""
    return fixed_today(environ) or datetime.now(timezone.utc).astimezone(BERLIN).date()


@dataclass(frozen=True)
class Settings:
    site_url: str  # absolute, ends with "/": feeds and calendars need absolute addresses
    site_name: str
    today: date  # in Europe/Berlin
    now: datetime  # aware; stamps calendar entries (DTSTAMP)

    def absolute(self, url: str) -> str:
        """``url`` relative to the site root (``aktuelles/``) as an absolute address."""
        return self.site_url + url

    @classmethod
    def fixed(cls, today: date, site_url: str = "https://thinka.example/", site_name: str = "ThINKA Thüringen") -> "Settings":
        """Settings for a given day, as at midnight in Thuringia (tests and reproducible builds)."""
        now = datetime.combine(today, time(0, 0), tzinfo=BERLIN).astimezone(timezone.utc)
        return cls(_with_slash(site_url), site_name, today, now)

    @classmethod
    def from_environment(cls, site_url: str | None, site_name: str, environ: Mapping[str, str] = os.environ) -> "Settings":
        """Raises ValueError with a German message when the setting cannot be used."""
        if not site_url or not site_url.startswith(("https://", "http://")):
            raise ValueError("In mkdocs.yml fehlt 'site_url' (z. B. https://www.thinka.de/); Feeds und Kalender brauchen die volle Adresse.")
        fixed = fixed_today(environ)
        if fixed is not None:
            return cls.fixed(fixed, site_url, site_name)
        now = datetime.now(timezone.utc)
        return cls(_with_slash(site_url), site_name, now.astimezone(BERLIN).date(), now)


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
