"""``sitemap.xml`` with the pages drawn from frames: MkDocs lists only each frame's own page."""

from __future__ import annotations

import gzip
import html
import re
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urljoin


def add_framed_pages(config: Any, groups: Iterable[list[str]]) -> None:
    """Each group: the site-relative URLs of one frame's pages, the frame page first. The others
    go right after the frame page's entry, with the same fields."""
    path = Path(config.site_dir) / "sitemap.xml"
    if not path.is_file() or not config.site_url:
        return
    text = path.read_text("utf-8")
    for urls in groups:
        first, *others = [urljoin(config.site_url, url) for url in urls]
        match = re.search(r"\n\s*<url>\s*<loc>" + re.escape(html.escape(first)) + r"</loc>.*?</url>", text, re.S)
        if match is None or not others:
            continue
        entry = match.group()
        added = "".join(entry.replace(f"<loc>{html.escape(first)}</loc>", f"<loc>{html.escape(url)}</loc>") for url in others)
        text = text[: match.end()] + added + text[match.end() :]
    path.write_text(text, "utf-8")
    gz = path.with_name("sitemap.xml.gz")
    if gz.is_file():
        mtime = int.from_bytes(gz.read_bytes()[4:8], "little")  # keep MkDocs' build timestamp
        with open(gz, "wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(gz), mode="wb", mtime=mtime) as out:
            out.write(text.encode("utf-8"))
