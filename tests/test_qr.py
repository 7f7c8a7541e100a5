"""The QR code on a printed site page is segno's code for the page address, drawn by our own path writer."""

import pytest
import segno

from thinka.exports.qr import MASK, draw, qr_svg

ADDRESSES = [
    "https://www.thinka-thueringen.de/standorte/gera-lusan/",
    "http://127.0.0.1/standorte/site-1/",
    "https://beispiel.de/standorte/" + "sehr-langer-name-" * 12 + "/",  # a large version
    "https://bücher.example/ä?x=1&y=<z>",  # not ASCII, with a query
]


@pytest.mark.parametrize("url", ADDRESSES)
def test_qr_svg_is_exactly_what_segno_draws_for_the_same_code(url):
    expected = segno.make_qr(url, error="m", mask=MASK).svg_inline(scale=3, dark="#000", light="#fff", title=None, omitsize=False)
    assert draw(url) == expected


def test_qr_svg_has_the_quiet_zone_and_scale():
    svg = qr_svg("https://www.thinka-thueringen.de/standorte/gera-lusan/")
    modules = len(segno.make_qr("https://www.thinka-thueringen.de/standorte/gera-lusan/", error="m", mask=MASK).matrix)
    side = modules + 8
    assert svg.startswith(f'<svg width="{side * 3}" height="{side * 3}" class="segno"><g transform="scale(3)"><path fill="#fff" d="M0 0h{side}v{side}h-{side}z"/>')
