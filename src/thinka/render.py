"""Draw page views with the component templates (``overrides/thinka/*.html``).

Our own Jinja environment, with autoescape on: every text from the data is escaped
unless a view marks it as HTML it made itself (rendered Markdown). Engine-independent.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from .pages import PageView


class Renderer:
    def __init__(self, templates_dir: str | Path) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=False,
            lstrip_blocks=False,
        )

    def render(self, view: PageView) -> str:
        return self.env.get_template(view.template).render(**view.context, link=view.link)

    def render_component(self, template: str, context: dict, page_url: str) -> str:
        """A component inside a hand-written page at ``page_url`` (links made relative to it)."""
        here = PageView("", page_url, "", "", template, None)
        return self.env.get_template(template).render(**context, link=here.link)
