"""`make serve` while the data is broken: the preview stays alive and shows the problems.

MkDocs' live server keeps every page request waiting after a failed rebuild ("the server will
appear stuck until build errors are resolved"), and a failed first build ends `mkdocs serve`.
Here a failed build of the preview is caught: the server goes on, every page request is answered
at once with a German page listing the problems (with MkDocs' reload script, so the browser
reloads by itself), and the next good save brings the real pages back.

The page is plain HTML made here, not one of our templates: a broken template must show too.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.commands import serve as mkdocs_serve

from thinka.data.diagnostics import file_system_message, one_line

log = logging.getLogger("mkdocs.plugins.thinka")


class Preview:
    def __init__(self) -> None:
        self.problems: list[str] | None = None  # None while the last build was good
        self._reported: list[str] | None = None

    def report(self, lines: list[str]) -> None:
        """The problems that stop this build (the plugin says them before it stops it)."""
        self._reported = [one_line(line) for line in lines]

    def keep_alive(self) -> None:
        """Every build of `mkdocs serve` (the first one too) goes through :meth:`_build`."""
        build = mkdocs_serve.build
        if getattr(build, "thinka_preview", None) is not None:
            build = build.thinka_preview
        wrapped = self._wrap(build)
        wrapped.thinka_preview = build  # type: ignore[attr-defined]
        mkdocs_serve.build = wrapped

    def _wrap(self, build: Callable[..., Any]) -> Callable[..., Any]:
        def build_or_show_problems(*args: Any, **kwargs: Any) -> Any:
            self._reported = None
            try:
                result = build(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - whatever stopped it, the preview shows it
                self.problems = self._reported or [_explained(exc)]
                log.error("Die Vorschau zeigt diese Fehler auf jeder Seite, bis die Daten wieder stimmen; nach dem nächsten Speichern lädt sie neu.")
                return None
            self.problems = None
            return result

        return build_or_show_problems

    def attach(self, server: Any) -> None:
        """Answer page requests with the problems while the last build failed."""
        serve_request = server._serve_request

        def serve_or_show_problems(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes] | None:
            path = environ.get("PATH_INFO", "")
            if not path.startswith("/livereload/"):
                with server._epoch_cond:  # as MkDocs does: a rebuild under way is waited for (it always ends now)
                    server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)
            if self.problems is not None and not path.startswith("/livereload/") and (path.endswith("/") or path.endswith(".html")):
                body = server._inject_js_into_html(self.page(), server._visible_epoch)
                start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
                return [body]
            return serve_request(environ, start_response)

        server._serve_request = serve_or_show_problems

    def page(self) -> bytes:
        items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in self.problems or ())
        count = len(self.problems or ())
        return (
            '<!doctype html>\n<html lang="de">\n<head><meta charset="utf-8"><title>Die Daten enthalten Fehler</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1"></head>\n'
            '<body style="font-family: sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">\n'
            "<h1>Die Daten enthalten Fehler</h1>\n"
            f"<p>Die Vorschau kann die Website nicht bauen ({count} Fehler). "
            "Jede Meldung nennt Datei, Zeile und Spalte. Sobald Sie die Datei korrigiert und gespeichert haben, "
            "lädt diese Seite von selbst neu.</p>\n"
            f'<ul style="overflow-wrap: anywhere">\n{items}\n</ul>\n</body>\n</html>\n'
        ).encode("utf-8")


def _explained(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return file_system_message(exc)
    return one_line(str(exc) or type(exc).__name__)
