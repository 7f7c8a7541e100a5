"""Our stylesheet and script under content-hashed names (``thinka.<hash>.css``), and the cache
rules a static host reads from ``site/_headers`` (see :mod:`thinka.exports.hosting`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thinka.exports.hosting import hashed_name, with_cache_rules


def hash_assets(config: Any) -> dict[str, tuple[str, bytes]]:
    """Give our own CSS and JavaScript files their content hash in the name, in ``config``, so hosts
    may cache them for a year; Material's are hashed already. Returns docs path -> (hashed path, content)."""
    hashed: dict[str, tuple[str, bytes]] = {}

    def rename(path: str) -> str:
        source = Path(config.docs_dir) / path
        if "://" in path or path.startswith("/") or not source.is_file():
            return path
        content = source.read_bytes()
        hashed[path] = (hashed_name(path, content), content)
        return hashed[path][0]

    config.extra_css = [rename(path) for path in config.extra_css]
    for i, script in enumerate(config.extra_javascript):
        if isinstance(script, str):
            config.extra_javascript[i] = rename(script)
        else:
            script.path = rename(script.path)
    return hashed


def write_cache_rules(config: Any) -> None:
    """site/_headers: the hand-written docs/_headers (if any) plus a year of caching for every
    file with a content hash in its name."""
    site = Path(config.site_dir)
    assets = [p.relative_to(site).as_posix() for p in (site / "assets").rglob("*") if p.is_file()]
    source = Path(config.docs_dir) / "_headers"
    text = source.read_text("utf-8") if source.is_file() else ""
    (site / "_headers").write_text(with_cache_rules(text, assets), "utf-8")
