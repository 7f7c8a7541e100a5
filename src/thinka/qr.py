"""QR codes (inline SVG) so a printed site page leads back to the page."""

from __future__ import annotations

import segno


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, dark="#000", light="#fff", title=None, omitsize=False)
