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
# Entries of one list (organisations.yml of a programme with 10,000 sites holds about 10,000).
MAX_LIST_ENTRIES = 20_000
# Entries of one list field of a site, post or event (contact points, phone numbers, sources …):
# real sites have a handful; each contact point costs build time and page size.
MAX_ITEMS = 100
# Places, Ortsteile and postal codes of one service area.
MAX_PLACES = 1_000
# Values in one file (organisations.yml of 10,000 sites holds about 40,000): each phone number,
# date or address is checked, and a file of 130,000 phone numbers took half a minute.
MAX_VALUES = 50_000
# Fields of one section (the largest section of the model has about 30).
MAX_FIELDS = 200
# Characters of a field name.
MAX_KEY_CHARS = 100
# Problems reported per file: a file with more needs its first ones fixed (often one mistake
# repeated), and a hostile file could otherwise print millions of lines.
MAX_PROBLEMS_PER_FILE = 100

# Years a date may name (sites, sources, posts, events, THINKA_TODAY): the programme began in 2012;
# a year like 0001 or 9999 is a typo, and the calendar's edge (year 10000) cannot be computed.
MIN_YEAR = 1900
MAX_YEAR = 2100


def years_message(text: str) -> str:
    return f"Das Datum '{text}' liegt außerhalb der möglichen Jahre {MIN_YEAR} bis {MAX_YEAR}: bitte das Jahr prüfen."


def german_number(number: int) -> str:
    """``20000`` → ``20.000``."""
    return f"{number:,}".replace(",", ".")

# An image of a post or event: its file size and its pixels (a photo from a phone has about 12
# million; a small PNG can claim 30,000 × 30,000 pixels and make every browser that opens it stall).
MAX_IMAGE_BYTES = 10_000_000
MAX_IMAGE_SIDE = 10_000
MAX_IMAGE_PIXELS = 50_000_000
