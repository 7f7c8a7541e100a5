"""A sitemap past the protocol's limits (50,000 addresses or 50 MB, sitemaps.org) is split into
parts below a sitemap index at /sitemap.xml: six languages of 10,000 sites are about 63,000
addresses. Each part and the index are valid XML, and every address is listed exactly once."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from thinka.engine import sitemap

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BASE = "https://thinka.example/"


def _sitemap(n: int) -> str:
    entries = "".join(
        f'\n    <url>\n         <loc>{BASE}standorte/s{i}/</loc>\n'
        f'         <xhtml:link rel="alternate" hreflang="de" href="{BASE}standorte/s{i}/"/>\n    </url>'
        for i in range(n)
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:xhtml="http://www.w3.org/1999/xhtml">{entries}\n</urlset>\n')


def test_a_sitemap_within_the_limits_stays_one_file(tmp_path: Path):
    text = _sitemap(5)
    assert sitemap.split(tmp_path, text, BASE, max_urls=5) == text
    assert list(tmp_path.iterdir()) == []


def test_too_many_addresses_become_parts_below_an_index(tmp_path: Path):
    index = sitemap.split(tmp_path, _sitemap(7), BASE, max_urls=3)
    root = ET.fromstring(index)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert [e.text for e in root.findall("s:sitemap/s:loc", NS)] == [f"{BASE}sitemap-{n}.xml" for n in (1, 2, 3)]
    seen = []
    for n in (1, 2, 3):
        part = ET.parse(tmp_path / f"sitemap-{n}.xml").getroot()
        locs = [e.text for e in part.findall("s:url/s:loc", NS)]
        assert len(locs) == (3 if n < 3 else 1)
        assert len(part.findall("s:url/{http://www.w3.org/1999/xhtml}link", NS)) == len(locs)  # alternates kept
        seen += locs
    assert seen == [f"{BASE}standorte/s{i}/" for i in range(7)]


def test_too_many_bytes_become_parts_each_within_the_byte_limit(tmp_path: Path):
    text = _sitemap(10)
    limit = len(text.encode()) // 3
    sitemap.split(tmp_path, text, BASE, max_bytes=limit)
    parts = sorted(tmp_path.glob("sitemap-*.xml"))
    assert len(parts) >= 3
    assert all(len(p.read_bytes()) <= limit for p in parts)
    assert sum(len(ET.parse(p).getroot().findall("s:url", NS)) for p in parts) == 10
