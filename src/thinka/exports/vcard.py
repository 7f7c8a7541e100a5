"""vCard 3.0 files for contact points, so a resident can save one in the phone's address book."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from thinka.data.hours import summary
from thinka.data.lifecycle import is_current
from thinka.data.model import ContactPoint, Site

VCARD_NAME = "anlaufstelle-{n}.vcf"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 6350 §3.2: lines longer than 75 octets continue on the next line after a space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts, start, limit = [], 0, 75  # a continuation line's leading space counts too
    while start < len(raw):
        end = min(start + limit, len(raw))
        while end < len(raw) and raw[end] & 0xC0 == 0x80:  # never inside a character's UTF-8 bytes
            end -= 1
        parts.append(raw[start:end].decode("utf-8"))
        start, limit = end, 74
    return "\r\n ".join(parts)


def vcard(point: ContactPoint, site: Site, page_url: str) -> str:
    address = point.adresse
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_escape(point.name)}",
        f"ORG:{_escape(site.name)}",
        "ADR;TYPE=WORK:;{};{};{};;{};Deutschland".format(
            _escape(address.ortsteil or ""), _escape(address.strasse or ""), _escape(address.ort), _escape(address.plz or "")
        ),
    ]
    lines += [f"TEL;TYPE=WORK,VOICE:{phone.e164}" for phone in point.telefon]
    if point.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{point.email}")
    if point.website:
        lines.append(f"URL:{_escape(point.website)}")
    elif page_url:
        lines.append(f"URL:{_escape(page_url)}")
    if point.koordinaten:
        lines.append(f"GEO:{point.koordinaten.lat:.5f};{point.koordinaten.lon:.5f}")
    note = []
    if point.oeffnungszeiten:
        note.append("Öffnungszeiten: " + summary(point.oeffnungszeiten))
    if point.nach_vereinbarung:
        note.append("Termine nach Vereinbarung")
    if point.oeffnungszeiten_hinweis:
        note.append(point.oeffnungszeiten_hinweis)
    if note:
        lines.append("NOTE:" + _escape(". ".join(note)))
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines if line) + "\r\n"


def vcard_files(dataset: Any, settings: Any) -> Iterator[tuple[str, str]]:
    for slug, located in dataset.sites.items():
        page_url = settings.absolute(f"standorte/{slug}/")
        for i, point in enumerate(located.record.anlaufstellen):
            if not is_current(located.record, point, settings.today):
                continue  # no card to save for an office that has closed or a site that has ended
            yield f"standorte/{slug}/{VCARD_NAME.format(n=i + 1)}", vcard(point, located.record, page_url)
