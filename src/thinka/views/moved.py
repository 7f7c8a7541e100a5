"""Pages that moved keep their old address: a small German page there sends the visitor on
(meta refresh, a link, canonical to the new place, no script, so the site's CSP holds)."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from .common import relative_link

# Old address -> new address (site-relative directory URLs). The editors' guide was /mitmachen/,
# which residents read as volunteering; it is now /redaktion/, linked as "Für Redaktionen".
MOVED = {
    "mitmachen/": "redaktion/",
    "mitmachen/neuer-standort/": "redaktion/neuer-standort/",
    "mitmachen/veraenderungen/": "redaktion/veraenderungen/",
    "mitmachen/fehler/": "redaktion/fehler/",
    "mitmachen/felder/": "redaktion/felder/",
}

PAGE = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<meta name="description" content="Diese Seite ist umgezogen und steht jetzt unter {label}.">
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
<title>Diese Seite ist umgezogen – ThINKA Thüringen</title>
</head>
<body>
<main>
<h1>Diese Seite ist umgezogen</h1>
<p>Sie finden sie jetzt unter <a href="{target}">{label}</a>.</p>
</main>
</body>
</html>
"""


def moved_files() -> Iterator[tuple[str, str]]:
    for old, new in MOVED.items():
        target = escape(relative_link(old, new))
        yield old + "index.html", PAGE.format(target=target, label=escape("/" + new))
