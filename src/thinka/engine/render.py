"""Draw page views and fragments with the component templates (``overrides/thinka/*.html``).

Our own Jinja environment, with autoescape on: every text from the data is escaped
unless a view marks it as HTML it made itself (rendered Markdown). Engine-independent.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jinja2

from thinka.views import translation
from thinka.views.common import Fragment, PageView, relative_link

# A marker a hand-written page uses to ask for generated content: <!-- thinka:aktuelles -->
MARKER = re.compile(r"<!--\s*thinka:([a-z0-9-]+)\s*-->")


class UnknownMarker(KeyError):
    """A page asks for a fragment that no source provides."""


class Renderer:
    def __init__(self, templates_dir: str | Path, *, watch: bool = True) -> None:
        """``watch``: look whether a template file changed each time it is used (a live preview);
        a one-off build loads each template once (a site page uses ten)."""
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            auto_reload=watch,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=False,
            lstrip_blocks=False,
        )
        translation.install(self.env)  # _() and {% trans %} in the language of the page being drawn

    def render(self, view: PageView, context: dict[str, Any] | None = None) -> str:
        """The page's content; ``context`` if the caller has computed the view's context already."""
        context = view.drawn_context() if context is None else context
        return self.env.get_template(view.template).render(**context, link=view.link)

    def render_fragment(self, fragment: Fragment, page_url: str) -> str:
        return self.env.get_template(fragment.template).render(**fragment.context, link=functools.partial(relative_link, page_url))

    def fill_markers(self, html: str, fragments: dict[str, Fragment], page_url: str) -> str:
        """Replace each ``<!-- thinka:NAME -->`` in ``html``; raises UnknownMarker for names without a source."""

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in fragments:
                known = ", ".join(f"<!-- thinka:{n} -->" for n in sorted(fragments))
                raise UnknownMarker(f"Unbekannte Markierung '<!-- thinka:{name} -->'. Möglich sind: {known}.")
            return self.render_fragment(fragments[name], page_url)

        return MARKER.sub(replace, html)
