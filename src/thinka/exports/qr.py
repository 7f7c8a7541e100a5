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


# Codes drawn ahead of the pages, by address (thinka.warmup fills it during a build).
READY: dict[str, str] = {}


def qr_svg(url: str) -> str:
    """The page's QR code as inline SVG."""
    svg = READY.get(url)
    return svg if svg is not None else _remembered(url)


# `mkdocs serve` rebuilds ask again for the same addresses. Bounded, so a 10,000-site build does
# not keep every code.
@functools.lru_cache(maxsize=4096)
def _remembered(url: str) -> str:
    return draw(url)


def draw(url: str) -> str:
    """The code as segno's ``svg_inline(scale=3, dark="#000", light="#fff")`` draws it: one path
    with a horizontal line per run of dark modules. Written here from the matrix, because segno's
    writer takes half as long again as encoding (0.3 ms a code; tests compare the two)."""
    matrix = segno.make_qr(url, error="m", mask=MASK).matrix
    side = len(matrix) + 2 * BORDER
    moves = []
    end, last_row = 0, -1  # where the previous line ended; each move after the first is relative to it
    for row_number, row in enumerate(matrix):
        for run in _DARK_RUN.finditer(row):
            start, stop = run.span()
            if last_row < 0:  # lines run through the middle of their modules
                moves.append(f"M{BORDER + start} {BORDER + row_number}.5h{stop - start}")
            else:
                moves.append(f"m{BORDER + start - end} {row_number - last_row}h{stop - start}")
            end, last_row = BORDER + stop, row_number
    return (
        f'<svg width="{side * SCALE}" height="{side * SCALE}" class="segno"><g transform="scale({SCALE})">'
        f'<path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/><path class="qrline" stroke="#000" d="{"".join(moves)}"/></g></svg>'
    )
