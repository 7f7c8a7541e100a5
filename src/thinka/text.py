"""Markdown from the data, rendered without raw HTML and with only safe link targets."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = {"http", "https", "mailto", "tel", ""}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]")


def link_scheme(value: str) -> str:
    """The scheme a browser will see: after decoding entities (``&#58;``) and dropping
    the whitespace and control characters it ignores (``java\tscript:``)."""
    return urlsplit(_INVISIBLE.sub("", html.unescape(value))).scheme.lower()


class _SafeLinks(Treeprocessor):
    def run(self, root):  # type: ignore[no-untyped-def]
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and link_scheme(value) not in SAFE_SCHEMES:
                    del element.attrib[attribute]
            if element.tag == "img":  # images come from the theme, never from data text
                element.tag = "span"
                element.text = element.get("alt", "")
                element.attrib.clear()


class _NoHtml(Extension):
    def extendMarkdown(self, md):  # type: ignore[no-untyped-def]  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "thinka_safe_links", 0)


def render_markdown(text: str, *, shift_headings: int = 1) -> str:
    """Markdown → HTML; raw HTML is shown as text, unsafe links lose their target."""
    html = markdown.markdown(text, extensions=[_NoHtml()], output_format="html")
    for level in range(6 - shift_headings, 0, -1):  # data headings sit below the page's own h1/h2
        html = html.replace(f"<h{level}", f"<h{min(level + shift_headings, 6)}").replace(
            f"</h{level}>", f"</h{min(level + shift_headings, 6)}>"
        )
    return html
