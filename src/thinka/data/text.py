"""Markdown from the data, rendered without raw HTML and with only safe link targets."""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable
from html import escape, unescape
from typing import Any
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import IMAGE_LINK_RE, LINK_RE, ImageInlineProcessor, InlineProcessor, LinkInlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

SAFE_SCHEMES = {"http", "https", "mailto", "tel", ""}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]")


def link_scheme(value: str) -> str:
    """The scheme a browser will see: after decoding entities (``&#58;``) and dropping
    the whitespace and control characters it ignores (``java\tscript:``)."""
    return urlsplit(_INVISIBLE.sub("", html.unescape(value))).scheme.lower()


def _hidden_mail_fields(value: str) -> bool:
    """``mailto:a@b.de?bcc=…``: the visitor's mail program would add recipients (or a text) the
    page does not show; such a link stays text, like a ``javascript:`` one."""
    return link_scheme(value) == "mailto" and "?" in html.unescape(value)


class _SafeLinks(Treeprocessor):
    def __init__(self, md, link: Callable[[str], str] | None = None):  # type: ignore[no-untyped-def]
        super().__init__(md)
        self.link = link

    def run(self, root):  # type: ignore[no-untyped-def]
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and (link_scheme(value) not in SAFE_SCHEMES or _hidden_mail_fields(value)):
                    del element.attrib[attribute]
                elif value is not None and self.link and value.startswith("/") and not value.startswith("//"):
                    element.set(attribute, self.link(value[1:]))  # "/standorte/gera/": from the site root
            if element.tag == "img":  # images come from the theme, never from data text
                element.tag = "span"
                element.text = element.get("alt", "")
                element.attrib.clear()


# How far a link's text ('[…]') or address ('(…)') may reach. Python-Markdown looks for the
# closing bracket character by character from every '[' and from every '(' after a ']': a text of
# thousands of '![' took 88 s (each search ran to the end of the paragraph). Brackets that
# cannot start a link are turned into plain text first, in one pass, so every search stays short.
_REACH = 1000
_NESTED = 8  # links or images inside one link's text, at most
_BRACKETS = re.compile(r"[\[\]()]")


def _bracket_fates(text: str) -> tuple[set[int], set[int]]:
    """The '[' and the '(' of ``text`` that may start a link's text or address, as distances from
    the end of ``text`` (what follows a bracket decides, so these stay right while Python-Markdown
    replaces what lies before it)."""
    size = len(text)
    squares: list[tuple[int, int]] = []
    rounds: list[int] = []
    opened = 0
    keep_square: set[int] = set()
    keep_round: set[int] = set()
    for match in _BRACKETS.finditer(text):
        at, char = match.start(), match.group()
        if char == "[":
            squares.append((at, opened))
            opened += 1
        elif char == "]":
            if squares:
                start, before = squares.pop()
                if at - start <= _REACH and opened - before - 1 <= _NESTED:
                    keep_square.add(size - start)
        elif char == "(":
            rounds.append(at)
        elif rounds:
            start = rounds.pop()
            if at - start <= _REACH:
                keep_round.add(size - start)
    return keep_square, keep_round


class _HopelessBrackets(InlineProcessor):
    """A '[' without its ']' close by, or a '(' after ']' without its ')', becomes plain text
    (as if written '\\[') before the link patterns see it."""

    def __init__(self, md) -> None:  # type: ignore[no-untyped-def]
        super().__init__(r"\[|(?<=\])\(", md)
        self.source = ""
        self.fates: tuple[set[int], set[int]] = (set(), set())

    def handleMatch(self, m, data):  # type: ignore[no-untyped-def]  # noqa: N802 - Markdown's API
        start = m.start(0)
        rest = data[start:]
        if not self.source.endswith(rest):
            self.source, self.fates = data, _bracket_fates(data)
        square, round_ = self.fates
        if len(rest) in (square if m.group(0) == "[" else round_):
            return None, None, None
        return f"{STX}{ord(m.group(0))}{ETX}", start, start + 1


class _ShortLink(LinkInlineProcessor):
    def getLink(self, data, index):  # type: ignore[no-untyped-def]  # noqa: N802 - Markdown's API
        return super().getLink(data[: index + _REACH], index)


class _ShortImage(ImageInlineProcessor):
    def getLink(self, data, index):  # type: ignore[no-untyped-def]  # noqa: N802 - Markdown's API
        return super().getLink(data[: index + _REACH], index)


class _NoHtml(Extension):
    def __init__(self, link: Callable[[str], str] | None = None) -> None:
        super().__init__()
        self.link = link

    def extendMarkdown(self, md):  # type: ignore[no-untyped-def]  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(_HopelessBrackets(md), "thinka_hopeless_brackets", 175)  # after code and escapes
        md.inlinePatterns.register(_ShortLink(LINK_RE, md), "link", 160)
        md.inlinePatterns.register(_ShortImage(IMAGE_LINK_RE, md), "image_link", 150)
        md.treeprocessors.register(_SafeLinks(md, self.link), "thinka_safe_links", 0)


@functools.lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One Markdown instance, reset for each text: setting up its parser took a third of the time."""
    return markdown.Markdown(extensions=[_NoHtml()], output_format="html")


def render_markdown(text: str, *, shift_headings: int = 1, link: Callable[[str], str] | None = None) -> str:
    """Markdown → HTML; raw HTML is shown as text, unsafe links lose their target.

    With ``link``, addresses from the site root (``/standorte/gera/``) become links relative to
    the page, so they work wherever the site is published.
    """
    if link is None:
        ready = READY.get(text) if shift_headings == 1 else None
        return ready if ready is not None else _render_unlinked(text, shift_headings)
    return _render(text, shift_headings, link)


# Texts rendered ahead of the pages (headings shifted by one, no link function), by their
# Markdown: thinka.warmup fills it during a build.
READY: dict[str, str] = {}


# `mkdocs serve` rebuilds render every site description again; most have not changed.
@functools.lru_cache(maxsize=4096)
def _render_unlinked(text: str, shift_headings: int) -> str:
    return _render(text, shift_headings, None)


def _render(text: str, shift_headings: int, link: Callable[[str], str] | None) -> str:
    converter = _converter()
    converter.treeprocessors["thinka_safe_links"].link = link  # type: ignore[attr-defined]
    # Python-Markdown can leave a placeholder of its own half-replaced when '_' emphasis crosses
    # an escaped character; its marker characters never belong in a page.
    try:
        html = converter.reset().convert(text).replace(STX, "").replace(ETX, "")
    except RecursionError:  # lists or quotes nested hundreds deep ('- - - - …'): shown as plain text
        converter.reset()
        return "\n".join(f"<p>{escape(part.strip())}</p>" for part in re.split(r"\n\s*\n", text) if part.strip())
    for level in range(6 - shift_headings, 0, -1):  # data headings sit below the page's own h1/h2
        html = html.replace(f"<h{level}", f"<h{min(level + shift_headings, 6)}").replace(
            f"</h{level}>", f"</h{min(level + shift_headings, 6)}>"
        )
    return html


def to_json(data: Any) -> str:
    """Compact JSON that is also safe inside HTML (no ``</script>`` can end a script block)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def plain_summary(html: str, limit: int = 240) -> str:
    """The first paragraph of rendered HTML as plain text, cut at a word boundary."""
    start = html.find("<p>")
    if start < 0:
        return ""
    paragraph = html[start + 3 : html.find("</p>", start)]
    text = " ".join(unescape(re.sub(r"<[^>]+>", "", paragraph)).split())
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit)].rstrip(",;:–- ") + " …"
