"""What a static host gets from the build: hashed asset names, cache rules, robots.txt.

A returning visitor's browser keeps files whose name carries their content hash for a year; it
asks again for pages, indexes and feeds (see README, "Performance budget").
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from thinka.exports.hosting import BLOCK_START, IMMUTABLE, cache_rules, hashed_name, with_cache_rules

from conftest import REPO

ASSET_LINK = re.compile(r'(?:href|src)="((?:\.\./|/)*assets/[^"]+)"')


@pytest.fixture(scope="session")
def site(complete_build: Path) -> Path:
    return complete_build


def assets_of(page: Path) -> set[str]:
    """Site-relative paths of the stylesheets and scripts a page loads."""
    return {re.sub(r"^(\.\./|/)+", "", link) for link in ASSET_LINK.findall(page.read_text("utf-8"))}


def test_our_stylesheet_and_script_are_published_under_their_content_hash(site: Path):
    css = (REPO / "docs" / "assets" / "stylesheets" / "thinka.css").read_bytes()
    js = (REPO / "docs" / "assets" / "javascripts" / "thinka.js").read_bytes()
    expected = {hashed_name("assets/stylesheets/thinka.css", css), hashed_name("assets/javascripts/thinka.js", js)}
    for page in (site / "index.html", site / "standorte" / "jena-lobeda" / "index.html", site / "404.html"):
        loaded = assets_of(page)
        assert expected <= loaded, page
        assert not {"assets/stylesheets/thinka.css", "assets/javascripts/thinka.js"} & loaded
    for path in expected:
        assert (site / path).read_bytes() in (css, js)
    # Only the hashed copies are published, so no page can load a stale unhashed one.
    assert not (site / "assets" / "stylesheets" / "thinka.css").exists()
    assert not (site / "assets" / "javascripts" / "thinka.js").exists()


def test_a_changed_file_gets_a_new_name():
    assert hashed_name("assets/stylesheets/thinka.css", b"a{}") == f"assets/stylesheets/thinka.{hashlib.sha256(b'a{}').hexdigest()[:8]}.css"
    assert hashed_name("assets/x.css", b"a{}") != hashed_name("assets/x.css", b"b{}")


def test_headers_file_caches_every_hashed_asset_a_page_loads_for_a_year(site: Path):
    rules = (site / "_headers").read_text("utf-8")
    loaded = assets_of(site / "standorte" / "jena-lobeda" / "index.html")
    hashed = {path for path in loaded if re.search(r"\.[0-9a-f]{8}\.(min\.)?(css|js)$", path)}
    # Material's bundle, main and palette stylesheets and our three files (thinka.css, thinka.js, header-buttons.js).
    assert len(hashed) == 6, loaded
    for path in hashed:
        assert f"/{path}\n  Cache-Control: {IMMUTABLE}\n" in rules
    # Pages, indexes, feeds keep the host's default (revalidate): apart from the hand-written
    # security headers for "/*" (docs/_headers, no Cache-Control), every rule names a hashed file.
    paths = [line for line in rules.splitlines() if line.startswith("/") and line != "/*"]
    assert all("*" not in p and re.search(r"\.[0-9a-f]{8}\.", p) for p in paths), paths
    everything = rules.split("\n/*\n", 1)[1].split("\n\n", 1)[0] if "\n/*\n" in rules or rules.startswith("/*") else ""
    assert "Cache-Control" not in everything


def test_cache_rules_keep_a_hand_written_headers_file_and_replace_an_older_block():
    hand = "/*\n  X-Content-Type-Options: nosniff\n"
    first = with_cache_rules(hand, ["assets/javascripts/bundle.a5f9d56c.min.js", "assets/images/favicon.png"])
    assert first == hand + "\n" + cache_rules(["assets/javascripts/bundle.a5f9d56c.min.js"])
    assert "favicon" not in first
    again = with_cache_rules(first, ["assets/javascripts/bundle.0123abcd.min.js"])
    assert again.count(BLOCK_START) == 1
    assert "bundle.a5f9d56c" not in again and "/assets/javascripts/bundle.0123abcd.min.js" in again
    assert again.startswith(hand)


def test_robots_txt_allows_crawling_and_names_the_sitemap_at_the_site_address(site: Path):
    assert (site / "robots.txt").read_text("utf-8") == "User-agent: *\nAllow: /\n\nSitemap: https://thinka.example/sitemap.xml\n"
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://thinka.example/standorte/jena-lobeda/</loc>" in sitemap
