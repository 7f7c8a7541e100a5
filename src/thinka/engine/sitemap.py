"""``sitemap.xml`` with the pages drawn from frames: MkDocs lists only each frame's own page."""

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
    path.write_text(text, "utf-8")
    gz = path.with_name("sitemap.xml.gz")
    if gz.is_file():
        mtime = int.from_bytes(gz.read_bytes()[4:8], "little")  # keep MkDocs' build timestamp
        with open(gz, "wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(gz), mode="wb", mtime=mtime) as out:
            out.write(text.encode("utf-8"))
