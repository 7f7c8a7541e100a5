"""QR codes (inline SVG) so a printed site page leads back to the page."""

from __future__ import annotations

import functools

import segno


# A code takes about 3 ms (segno tries all eight masks); `mkdocs serve` rebuilds ask again for
# the same addresses. Bounded, so a 10,000-site build does not keep every code.
@functools.lru_cache(maxsize=4096)
def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, dark="#000", light="#fff", title=None, omitsize=False)
