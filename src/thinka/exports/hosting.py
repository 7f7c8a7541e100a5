"""What a static host needs beyond the pages: content-hashed asset names, cache rules, robots.txt.

A file whose name carries a hash of its content (``thinka.3f2a9c1e.css``, Material's
``bundle.a5f9d56c.min.js``) never changes under that name, so browsers may keep it for a year;
a new version gets a new name, and the pages (never cached without asking) point to it.
Pages, the search and finder indexes, feeds and calendars keep the same address when their
content changes, so they are revalidated on every visit. Nothing here knows MkDocs.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable, Iterator

from thinka.data.dataset import Dataset
from thinka.data.settings import Settings

# "name.<8 hex>.ext", "name.<8 hex>.min.ext" and their source maps.
HASHED = re.compile(r"\.[0-9a-f]{8}\.(?:min\.)?(?:css|js)(?:\.map)?$")
IMMUTABLE = "public, max-age=31536000, immutable"
BLOCK_START = "# ---- cache rules (written by the build, thinka.hosting) ----"


def hashed_name(path: str, content: bytes) -> str:
    """``assets/stylesheets/thinka.css`` → ``assets/stylesheets/thinka.<first 8 hex of SHA-256>.css``."""
    stem, ext = posixpath.splitext(path)
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:8]}{ext}"


def cache_rules(paths: Iterable[str]) -> str:
    """A ``_headers`` block (Netlify, Cloudflare Pages) giving every hashed file a year of caching.

    One exact rule per file: those hosts join the values of a header that several matching
    rules set, so a pattern rule for ``/*`` or ``/assets/*`` would spoil these. Every other
    file keeps the host's default, ``public, max-age=0, must-revalidate``: pages, indexes,
    feeds and calendars are revalidated (a cheap 304 when unchanged).
    """
    lines = [
        BLOCK_START,
        "# File names with a content hash never change: browsers may keep them for a year.",
        "# Everything else keeps the host's default (revalidate on every visit): pages, search and",
        "# finder index, feeds, calendars. Set no Cache-Control in a rule for /* or /assets/*.",
    ]
    for path in sorted(p for p in paths if HASHED.search(p)):
        lines += [f"/{path}", f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def with_cache_rules(headers_file: str, paths: Iterable[str]) -> str:
    """The hand-written ``_headers`` (may be empty) followed by the generated cache block."""
    text = headers_file.split(BLOCK_START, 1)[0].rstrip("\n")
    return (text + "\n\n" if text else "") + cache_rules(paths)


def robots_files(dataset: Dataset, settings: Settings) -> Iterator[tuple[str, str]]:
    """robots.txt: everything may be crawled; the sitemap MkDocs writes is at the site's address."""
    yield "robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {settings.absolute('sitemap.xml')}\n"
