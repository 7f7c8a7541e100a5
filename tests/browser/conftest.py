"""Browser tests: Debian's Chromium driven by Playwright against the built sample site.

In CI (CI=true) a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import COMPLETE, build

CHROMIUM = os.environ.get("THINKA_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _need_browser() -> None:
    missing = not Path(CHROMIUM).exists()
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing = True
    if missing:
        message = f"Browser tests need {CHROMIUM} and the playwright package (.ci/run installs chromium)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def built_site(sample_build: Path) -> Path:
    return sample_build


@contextlib.contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve ``directory`` on a free local port (with extra response headers); yields the base URL."""
    handler_class = type("Handler", (_QuietHandler,), {"extra_headers": dict(headers or {})})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(built_site: Path):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def complete_site(tmp_path_factory) -> Path:
    """The complete test data set (phones, e-mail, opening hours) built once."""
    out = tmp_path_factory.mktemp("browser-complete") / "site"
    result = build(COMPLETE, out, today="2026-11-25")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def complete_url(complete_site: Path):
    with serve(complete_site) as url:
        yield url


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site like a static host: unknown addresses get the site's own 404.html."""

    extra_headers: dict[str, str] = {}

    def log_message(self, *args) -> None:  # keep test output readable
        pass

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None) -> None:  # type: ignore[no-untyped-def]
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def is_forwarding_page(index: Path) -> bool:
    """A page that only sends the visitor on to a moved address (views/moved.py)."""
    return 'http-equiv="refresh"' in index.read_text(encoding="utf-8")


def all_pages(built_site: Path) -> list[str]:
    """Every HTML page of the built site with content of its own, as URL paths
    ("", "standorte/gera/", …). Forwarding pages leave for their target at once, so a
    check on them would check a page in mid-navigation; the target is checked itself and
    test_moved_addresses follows the forwarding."""
    pages = []
    for index in sorted(built_site.rglob("index.html")):
        if is_forwarding_page(index):
            continue
        rel = index.parent.relative_to(built_site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def forwarding_pages(built_site: Path) -> list[str]:
    pages = []
    for index in sorted(built_site.rglob("index.html")):
        if is_forwarding_page(index):
            pages.append(index.parent.relative_to(built_site).as_posix() + "/")
    return pages
