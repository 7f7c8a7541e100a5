"""QR codes (inline SVG) so a printed site page leads back to the page."""

from __future__ import annotations

import functools
import re

import segno

# Any of the eight masks gives a valid code that scanners read. Left to choose, segno scores all
# eight (about 5 ms a code, most of a 10,000-site build's page work); one fixed mask takes 1 ms.
MASK = 2
SCALE = 3  # pixels per module on screen; print scales the SVG anyway
BORDER = 4  # the quiet zone the standard asks for, in modules
_DARK_RUN = re.compile(b"\x01+")


# `mkdocs serve` rebuilds ask again for the same addresses. Bounded, so a 10,000-site build does
# not keep every code.
@functools.lru_cache(maxsize=4096)
def qr_svg(url: str) -> str:
    """The code as segno's ``svg_inline(scale=3, dark="#000", light="#fff")`` draws it: one path
    with a horizontal line per run of dark modules. Written here from the matrix, because segno's
    writer takes half as long again as encoding (0.3 ms a code; tests compare the two)."""
    matrix = segno.make_qr(url, error="m", mask=MASK).matrix
    side = len(matrix) + 2 * BORDER
    moves = []
    x0, y0 = 0, 0.0  # where the previous line ended; each move is relative to it
    for row_number, row in enumerate(matrix):
        y = BORDER + row_number + 0.5
        for run in _DARK_RUN.finditer(row):
            x, length = BORDER + run.start(), run.end() - run.start()
            dy = y - y0
            moves.append(f"{'m' if moves else 'M'}{x - x0} {int(dy) if dy == int(dy) else dy}h{length}")
            x0, y0 = x + length, y
    return (
        f'<svg width="{side * SCALE}" height="{side * SCALE}" class="segno"><g transform="scale({SCALE})">'
        f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/><path class="qrline" stroke="#000" d="{"".join(moves)}"/></g></svg>'
    )
