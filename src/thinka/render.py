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
