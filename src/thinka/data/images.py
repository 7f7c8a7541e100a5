"""What an image file really is, read from its first bytes: JPEG, PNG or WebP, its size in pixels,
and whether it is whole. A file named ``.png`` that holds HTML or SVG (script in the page's
address space), a truncated file or a tiny file that claims billions of pixels is refused before
anything is published. The formats' own headers (JPEG's frame marker, PNG's IHDR and IEND,
WebP's RIFF size and VP8/VP8L/VP8X header), about 60 lines instead of Pillow and its C libraries."""

from __future__ import annotations

import os
import struct
from pathlib import Path

from .limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, german_number

# File name ending → the format its content must have.
FORMAT_OF_SUFFIX = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WebP"}
_HEAD = 64 * 1024  # a JPEG's frame header may stand behind large metadata blocks


class ImageProblem(ValueError):
    """A German sentence saying what is wrong with the image."""


def _format(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return None


def _png(head: bytes, tail: bytes) -> tuple[int, int] | None:
    if head[12:16] != b"IHDR" or len(head) < 24 or not tail.endswith(b"IEND\xaeB`\x82"):
        return None
    return struct.unpack(">II", head[16:24])


def _jpeg(head: bytes, tail: bytes) -> tuple[int, int] | None:
    if b"\xff\xd9" not in tail:
        return None  # no end-of-image marker: cut off
    i = 2
    while i + 9 <= len(head):
        if head[i] != 0xFF:
            return None
        marker = head[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        length = struct.unpack(">H", head[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # a start-of-frame marker
            height, width = struct.unpack(">HH", head[i + 5:i + 9])
            return width, height
        i += 2 + length
    return None


def _webp(head: bytes, size: int) -> tuple[int, int] | None:
    if struct.unpack("<I", head[4:8])[0] + 8 > size or len(head) < 30:
        return None  # shorter than its own header says
    kind = head[12:16]
    if kind == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if kind == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if kind == b"VP8X":
        return int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
    return None


def check(path: Path, suffix: str) -> tuple[int, int]:
    """Width and height of the image at ``path`` (a regular file); ImageProblem otherwise."""
    size = os.stat(path).st_size
    if size > MAX_IMAGE_BYTES:
        megabytes = f"{size / 1e6:.1f}".replace(".", ",")
        raise ImageProblem(
            f"Das Bild ist zu groß: {megabytes} MB; erlaubt sind höchstens {MAX_IMAGE_BYTES // 1_000_000} MB. "
            "Bitte verkleinert speichern (z. B. 1.600 Pixel breit)."
        )
    with open(path, "rb") as file:
        head = file.read(_HEAD)
        file.seek(max(0, size - 1024))
        tail = file.read(1024)
    found = _format(head)
    wanted = FORMAT_OF_SUFFIX[suffix.lower()]
    if found is None:
        raise ImageProblem(f"Die Datei ist kein Bild im Format {wanted}, obwohl sie auf {suffix} endet. Bitte das Bild als JPEG, PNG oder WebP speichern.")
    if found != wanted:
        raise ImageProblem(f"Die Datei ist ein {found}-Bild, endet aber auf {suffix}. Bitte passend umbenennen.")
    dimensions = _png(head, tail) if found == "PNG" else _jpeg(head, tail) if found == "JPEG" else _webp(head, size)
    if dimensions is None:
        raise ImageProblem(f"Das {found}-Bild ist beschädigt oder unvollständig. Bitte neu speichern.")
    width, height = dimensions
    if width == 0 or height == 0 or max(width, height) > MAX_IMAGE_SIDE or width * height > MAX_IMAGE_PIXELS:
        raise ImageProblem(
            f"Das Bild hat {german_number(width)} × {german_number(height)} Pixel; erlaubt sind höchstens {german_number(MAX_IMAGE_SIDE)} Pixel je Seite "
            f"und {german_number(MAX_IMAGE_PIXELS // 1_000_000)} Millionen insgesamt. Bitte verkleinert speichern."
        )
    return width, height
