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
    for pages in groups:
        (first_url, _), *_ = pages
        first = urljoin(config.site_url, first_url)
        match = re.search(r"\n\s*<url>\s*<loc>" + re.escape(html.escape(first)) + r"</loc>.*?</url>", text, re.S)
        if match is None or (len(pages) == 1 and frames.alternate("de") not in match.group()):
            continue
        entry = match.group()
        filled = []
        for url, versions in pages:
            own = entry.replace(f"<loc>{html.escape(first)}</loc>", f"<loc>{html.escape(urljoin(config.site_url, url))}</loc>")
            for code, version in versions.items():
                own = own.replace(html.escape(urljoin(config.site_url, frames.alternate(code))), html.escape(urljoin(config.site_url, version)))
            filled.append(own)
        text = text[: match.start()] + "".join(filled) + text[match.end() :]
    path.write_text(text, "utf-8")
    gz = path.with_name("sitemap.xml.gz")
    if gz.is_file():
        mtime = int.from_bytes(gz.read_bytes()[4:8], "little")  # keep MkDocs' build timestamp
        with open(gz, "wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(gz), mode="wb", mtime=mtime) as out:
            out.write(text.encode("utf-8"))
