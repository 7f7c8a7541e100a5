"""The theme's chrome in the page's language: what Material's templates (header, language switch,
tabs, menu drawer, footer, 404 page; ``overrides/partials/``) need from us, put into the Jinja
environment MkDocs renders them with. That environment is MkDocs' own, not the views' one
(``views.translation.install``), and a page's language is known only while it is drawn, so:

- ``_("…")``: the German text in the language of the page being drawn (``page.meta.thinka_lang``),
  or of ``chrome_lang`` where a template sets one (the 404 page speaks every language); German
  where the catalogues (``locale/<code>/LC_MESSAGES/chrome.po`` and the rest) have no translation.
- ``thinka_languages``: the configured languages in order: code, own name, direction, URL prefix.
- ``thinka_reviewed(code)``: whether a native speaker has checked the language.

The plugin calls :func:`install` from its ``on_env`` event.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context

from thinka.data.languages import DEFAULT, LANGUAGES, url_prefix
from thinka.views.translation import gettext, reviewed, using


def page_language(context: Any) -> str:
    """The language a template draws in: ``chrome_lang`` if set, else the page's, else German."""
    code = context.get("chrome_lang")
    if not code:
        page = context.get("page")
        meta = getattr(page, "meta", None) or {}
        code = meta.get("thinka_lang") if isinstance(meta, dict) else None
    return code if code in LANGUAGES else DEFAULT


@pass_context
def chrome_gettext(context: Any, message: str, **params: Any) -> str:
    with using(page_language(context)):
        return gettext(message, **params)


def languages(codes: list[str] | None = None) -> list[dict[str, str]]:
    """The languages (all of LANGUAGES, or ``codes`` in LANGUAGES order) as the templates read them."""
    chosen = [code for code in LANGUAGES if codes is None or code in codes]
    return [
        {"code": code, "name": LANGUAGES[code].name, "dir": LANGUAGES[code].direction, "prefix": url_prefix(code)}
        for code in chosen
    ]


def install(env: Any, codes: list[str] | None = None) -> Any:
    """Give MkDocs' theme environment the chrome's texts and languages; returns ``env``
    (``codes``: the languages the build publishes, default all)."""
    env.globals["_"] = chrome_gettext
    env.globals["thinka_languages"] = languages(codes)
    env.globals["thinka_reviewed"] = reviewed
    return env
