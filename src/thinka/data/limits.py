"""The limits of what a data file may hold, declared once: reading, checking, the editors' guide
and the messages take them from here. Real data stays far below each (the largest site file is
about 10 KB); they keep a hostile or broken file from costing minutes or gigabytes."""

from __future__ import annotations

# A data file (site, organisations, programme, event, post) in bytes, checked before reading.
MAX_BYTES = 2_000_000
# Levels of nesting (sections in sections, lists in lists).
MAX_DEPTH = 40
# Characters of a one-line value (a name, a street, a hint).
MAX_LINE_CHARS = 500
# Characters of a description or a post's text (Markdown).
MAX_MARKDOWN_CHARS = 20_000
# Entries of one list or fields of one section.
MAX_ENTRIES = 1_000


def german_number(number: int) -> str:
    """``20000`` → ``20.000``."""
    return f"{number:,}".replace(",", ".")
