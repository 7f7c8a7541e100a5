"""``sitemap.xml`` with the pages drawn from frames (MkDocs lists only each frame's own page), split
into parts below a sitemap index where it would pass the protocol's limits."""

from __future__ import annotations

import gzip
import html
import re
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urljoin

from . import frames


def add_framed_pages(config: Any, groups: Iterable[list[tuple[str, dict[str, str]]]]) -> None:
    """Each group: the site-relative URLs of one frame's pages, the frame page first, each with its
    versions in the languages it exists in. The others go right after the frame page's entry, with
    the same fields; every entry gets its own language versions (the frame page's entry holds the
    placeholders of :func:`.frames.alternate`)."""
    path = Path(config.site_dir) / "sitemap.xml"
    if not path.is_file() or not config.site_url:
        return
    text = path.read_text("utf-8")
    base = config.site_url

    def absolute(url: str) -> str:  # urljoin for relative paths, a tenth of its cost (tens of thousands of calls)
        return html.escape(base + url if base.endswith("/") else urljoin(base, url))

    # One pass over the sitemap: each frame page's entry, found by its address, is replaced by the
    # entries of all its frame's pages (at 10,000 sites in six languages the file has 60,000).
    entries = {m.group(1): m for m in re.finditer(r"\n\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", text, re.S)}
    replaced: list[tuple[int, int, str]] = []
    for pages in groups:
        first = absolute(pages[0][0])
        match = entries.get(first)
        if match is None or (len(pages) == 1 and frames.alternate("de") not in match.group()):
            continue
        entry = match.group()
        loc = f"<loc>{first}</loc>"
        placeholders = {code: absolute(frames.alternate(code)) for code in pages[0][1]}
        filled = []
        for url, versions in pages:
            own = entry.replace(loc, f"<loc>{absolute(url)}</loc>")
            for code, version in versions.items():
                own = own.replace(placeholders.get(code) or absolute(frames.alternate(code)), absolute(version))
            filled.append(own)
        replaced.append((match.start(), match.end(), "".join(filled)))
    parts, position = [], 0
    for start, end, new in sorted(replaced):
        parts += [text[position:start], new]
        position = end
    text = "".join(parts) + text[position:]
    text = split(path.parent, text, base)
    path.write_text(text, "utf-8")
    gz = path.with_name("sitemap.xml.gz")
    if gz.is_file():
        mtime = int.from_bytes(gz.read_bytes()[4:8], "little")  # keep MkDocs' build timestamp
        with open(gz, "wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(gz), mode="wb", mtime=mtime) as out:
            out.write(text.encode("utf-8"))


# The sitemap protocol's limits for one file (sitemaps.org): 50,000 addresses and 50 MB uncompressed.
# Six languages of 10,000 sites are about 63,000 addresses and 55 MB.
MAX_URLS = 50_000
MAX_BYTES = 50 * 1024 * 1024
PART_NAME = "sitemap-{n}.xml"


def split(site_dir: Path, text: str, base: str, max_urls: int = MAX_URLS, max_bytes: int = MAX_BYTES) -> str:
    """``text`` itself when it keeps within the limits; otherwise its entries are written to
    ``sitemap-1.xml``, ``sitemap-2.xml`` … (each within the limits) and a sitemap index listing
    them is returned, to stand at ``sitemap.xml`` (the address robots.txt gives)."""
    if len(text.encode("utf-8")) <= max_bytes and text.count("<url>") <= max_urls:
        return text
    head, _, rest = text.partition("<url>")
    entries = ["<url>" + e for e in rest.rsplit("</urlset>", 1)[0].split("<url>")]
    entries[-1] = entries[-1].rstrip() + "\n"
    tail = "</urlset>\n"
    room = max_bytes - len(head.encode("utf-8")) - len(tail)
    parts: list[list[str]] = [[]]
    size = 0
    for entry in entries:
        length = len(entry.encode("utf-8"))
        if parts[-1] and (len(parts[-1]) >= max_urls or size + length > room):
            parts.append([])
            size = 0
        parts[-1].append(entry)
        size += length
    index = ['<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for n, part in enumerate(parts, start=1):
        name = PART_NAME.format(n=n)
        (site_dir / name).write_text(head + "".join(part) + tail, "utf-8")
        location = base + name if base.endswith("/") else urljoin(base, name)
        index.append(f"    <sitemap><loc>{html.escape(location)}</loc></sitemap>\n")
    index.append("</sitemapindex>\n")
    return "".join(index)
