"""Many pages of one kind from one frame, so that a page per site costs what our own template
costs, not what a full theme render costs.

The engine draws the first page of a kind (every site page, say) as usual, but with placeholders
where the page's own title, description, edit link and content go. The result is the kind's
*frame*: the theme's header, navigation and footer, identical for every page of the kind at the
same folder depth. Each other page of the kind is that frame with its own values put in.

Which pages share a frame (``frame_key``): pages the navigation does not list, of the same
template, at the same depth (relative links to the theme's assets are the same), with the same
extra metadata and both with or both without an edit link, in the same language (the theme's
chrome is in the page's language) and existing in the same languages. A page's addresses in the
other languages (``page.meta.thinka_alternates``: hreflang links, the language switch) are
placeholders in the frame (:func:`alternate`), filled per page like its title. Engine-independent: the adapter
(``mkdocs_plugin``) says which pages are in the navigation and where the engine writes the
canonical address.
"""

from __future__ import annotations

import json
import re

from thinka.data.languages import LANGUAGES
from thinka.views.common import PageView

# Placeholders: letters only, so that escaping leaves them as they are. The content placeholder
# holds an <h1>, as every generated page does: themes add a heading to pages without one.
TITLE = "thinkaFrameTitle"
DESCRIPTION = "thinkaFrameDescription"
EDIT_URL = "thinkaFrameEditUrl"
CONTENT = "<h1>thinkaFrameContent</h1>"


def alternate(code: str) -> str:
    """The frame page's ``thinka_alternates`` url for language ``code``: each page of the frame puts
    its own address in that language there (the hreflang links and the language switch). A relative
    placeholder, so that MkDocs' ``url`` filter makes it relative to the page like the real address
    (all pages of a frame are at the same depth), and ``site_url ~ url`` works as well."""
    return f"thinkaFrameAlternate{code.upper()}"


class FrameError(Exception):
    """The engine's page did not keep a placeholder: the frame cannot be filled safely."""


def frame_key(view: PageView, has_edit_url: bool, languages: tuple[str, ...] = ()) -> str:
    """``languages``: the languages the page exists in. The theme draws a frame per language (its
    chrome is in the page's language) and per set of alternates (the language switch)."""
    depth = view.url.strip("/").count("/") + 1 if view.url.strip("/") else 0
    return json.dumps([view.template, depth, view.meta, has_edit_url, view.lang, languages], sort_keys=True, default=str)


class Frame:
    """A drawn page with placeholders; ``canonical`` is the frame page's own canonical-link tag
    (e.g. ``<link rel="canonical" href="https://…/standorte/gera/">``; "" when the site has no address)."""

    def __init__(self, html: str, canonical: str = "", lang: str = "de") -> None:
        """``lang``: the language of the frame's pages."""
        self.html = html
        slots = {TITLE: "title", DESCRIPTION: "description", EDIT_URL: "edit_url", CONTENT: "content"}
        if canonical:
            if html.count(canonical) != 1:
                raise FrameError("Der Seitenrahmen enthält die kanonische Adresse nicht genau einmal.")
            slots[canonical] = "canonical"
        patterns = [re.escape(p) for p in slots]
        if alternate(lang) in html:
            # MkDocs' url filter writes a page's own address as "./", so the page's own alternate,
            # made relative ("../../thinkaFrameAlternateDE"), is "./" on every page of the frame.
            patterns.append(r"(?:\.\./)+" + alternate(lang))
        for code in LANGUAGES:
            if alternate(code) in html:
                slots[alternate(code)] = f"alternate:{code}"
                patterns.append(alternate(code))
        for placeholder in (TITLE, DESCRIPTION, CONTENT):
            if placeholder not in html:
                raise FrameError(f"Der Seitenrahmen enthält den Platzhalter {placeholder!r} nicht.")
        # Split once: literal text at even positions, slot names at odd ones. Filling joins the
        # parts, so text put into one slot is never mistaken for another slot.
        parts = re.split("(" + "|".join(patterns) + ")", html)
        self.parts = [(slots.get(part) or "self") if i % 2 else part for i, part in enumerate(parts)]

    def fill(self, *, title: str, description: str, content: str, canonical: str = "", edit_url: str = "", alternates: dict[str, str] | None = None) -> str:
        """The page: ``title`` and ``description`` as the engine prints them (already escaped),
        ``canonical`` the page's canonical-link tag, ``content`` its drawn HTML, ``alternates`` its
        address in each language it exists in (language code -> site-root-relative url)."""
        values = {"title": title, "description": description, "content": content, "canonical": canonical, "edit_url": edit_url, "self": "./"}
        for code, url in (alternates or {}).items():
            values[f"alternate:{code}"] = url
        return "".join(values[part] if i % 2 else part for i, part in enumerate(self.parts))
