"""QR codes (inline SVG) so a printed site page leads back to the page."""

from __future__ import annotations

import functools

import segno

# Any of the eight masks gives a valid code that scanners read. Left to choose, segno scores all
# eight (about 5 ms a code, most of a 10,000-site build's page work); one fixed mask takes 1 ms.
MASK = 2


# `mkdocs serve` rebuilds ask again for the same addresses. Bounded, so a 10,000-site build does
# not keep every code.
@functools.lru_cache(maxsize=4096)
def qr_svg(url: str) -> str:
    return segno.make_qr(url, error="m", mask=MASK).svg_inline(scale=3, dark="#000", light="#fff", title=None, omitsize=False)
