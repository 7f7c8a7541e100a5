"""The build's "today": the real date, or THINKA_TODAY=YYYY-MM-DD for reproducible builds and tests."""

from __future__ import annotations

import os
from datetime import date


def today() -> date:
    fixed = os.environ.get("THINKA_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()
