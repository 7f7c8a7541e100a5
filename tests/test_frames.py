"""Pages drawn from a frame (thinka.engine.frames) are exactly the pages the theme draws itself; the framed
builds also take QR codes and descriptions from the helper that works ahead (thinka.engine.warmup), the
others draw everything themselves."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, COMPLETE, REPO, SAMPLE, SAMPLE_TODAY, TODAY
from thinka.engine.frames import CONTENT, DESCRIPTION, TITLE, Frame, FrameError


def build(data: Path, out: Path, frames: bool, parallel: bool = False) -> None:
    env = dict(os.environ, THINKA_DATA_DIR=str(data), NO_MKDOCS_2_WARNING="1", THINKA_TODAY=SAMPLE_TODAY if data == SAMPLE else TODAY, THINKA_FRAMES="1" if frames else "0", THINKA_WARMUP="1" if frames else "0")
    if parallel:  # worker processes even for these few pages (needs two CPUs; the test says so below)
        env["THINKA_PARALLEL_FROM"] = "1"
    proc = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(out)], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr


def sitemap_entries(site: Path) -> list[str]:
    return sorted(re.findall(r"<url>.*?</url>", (site / "sitemap.xml").read_text("utf-8"), re.S))


@pytest.mark.parametrize(
    ("data", "parallel"), [(COMPLETE, False), (SAMPLE, False), (SAMPLE, True)], ids=["complete", "sample", "sample-in-workers"]
)
def test_framed_pages_equal_the_pages_the_theme_draws(tmp_path: Path, data: Path, parallel: bool) -> None:
    if parallel:
        assert (os.cpu_count() or 1) >= 2, "drawing in worker processes needs two CPUs"
    framed, drawn = tmp_path / "framed", tmp_path / "drawn"
    build(data, framed, frames=True, parallel=parallel)
    build(data, drawn, frames=False)
    files = sorted(p.relative_to(drawn).as_posix() for p in drawn.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(framed).as_posix() for p in framed.rglob("*") if p.is_file())
    site_pages = [f for f in files if re.fullmatch(r"standorte/[^/]+/index\.html", f)]
    assert len(site_pages) >= 3
    different = [
        f for f in files
        if f not in ("sitemap.xml", "sitemap.xml.gz") and (framed / f).read_bytes() != (drawn / f).read_bytes()
    ]
    assert different == []
    assert sitemap_entries(framed) == sitemap_entries(drawn)
    for page in site_pages:
        assert "thinkaFrame" not in (framed / page).read_text("utf-8")


def test_edit_links_of_framed_pages_open_their_own_yaml(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(SAMPLE, out, frames=True)
    for slug in ("gera", "weimar"):
        page = (out / "standorte" / slug / "index.html").read_text("utf-8")
        assert re.findall(r'<a href="([^"]+)" class="md-content__button thinka-edit"', page) == [
            f"https://github.com/thinka-thueringen/website/edit/main/sites_data/sites/{slug}.yml"
        ]


def test_a_frame_fills_each_place_once_and_never_rescans_what_it_put_in() -> None:
    frame = Frame(
        f'<title>{TITLE} - X</title><meta content="{DESCRIPTION}"><link rel="canonical" href="https://a/s/one/"><h2>{TITLE}</h2>{CONTENT}',
        '<link rel="canonical" href="https://a/s/one/">',
    )
    page = frame.fill(title=DESCRIPTION, description="D &amp; E", content=f"<h1>{TITLE}</h1>", canonical='<link rel="canonical" href="https://a/s/two/">')
    assert page == (
        f'<title>{DESCRIPTION} - X</title><meta content="D &amp; E"><link rel="canonical" href="https://a/s/two/">'
        f"<h2>{DESCRIPTION}</h2><h1>{TITLE}</h1>"
    )


def test_a_theme_that_drops_a_placeholder_is_refused() -> None:
    with pytest.raises(FrameError):
        Frame(f"<title>{TITLE}</title>{CONTENT}")
