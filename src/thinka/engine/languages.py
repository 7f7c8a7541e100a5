"""The languages of a build (issue 15): which ones ``mkdocs.yml`` configures, which pages exist in
which language, hand-written translations named by suffix (``docs/<path>.<code>.md`` →
``/<code>/<path>/``), links in a page's own language, and what every page tells the templates:
``page.meta.thinka_lang`` and ``page.meta.thinka_alternates``.

For the theme's templates (overrides/main.html, overrides/partials/*): read only
``page.meta.thinka_lang`` (the page's language code) and ``page.meta.thinka_alternates`` (a list of
``{"lang": code, "url": site-root-relative address}``, LANGUAGES order, the page itself included).
Print an address with ``{{ a.url | url }}`` (relative) or ``{{ config.site_url ~ a.url }}``
(absolute) and treat it as opaque: on pages drawn from a frame (:mod:`.frames`) it is a placeholder
the engine replaces per page after drawing, so find the current language by
``a.lang == page.meta.thinka_lang``, never by comparing ``a.url`` with ``page.url``. For a German
address in the page's language (tabs, footer): ``{{ 'impressum/' | thinka_localize | url }}``. The
build's languages (a language the page does not exist in: the switch leads to its start page):
``config.extra.thinka_languages``, a list of ``{"lang", "name", "dir", "home"}``.

Why our own suffix handling and not mkdocs-static-i18n (1.3.1, read in its source): it builds the
site once per language. Its ``on_post_build`` calls MkDocs' ``build(config)`` again for every other
language (``for locale in self.build_languages: … build(config, dirty=dirty)``), and each of those
builds runs every plugin's ``on_config``, ``on_pre_build`` and ``on_files`` again: our plugin would
load and check the data and draw every generated page and frame six times (a six-language build
about six German builds, against a budget of two), and with ``fallback_to_default`` (on by default)
every German-only page (news, events, partners) would be published again below each language. It
knows only the files in ``docs/``, not the pages our plugin generates, and merges its languages'
search entries into one index. Here the data is read once, a generated page's context is worked out
once and drawn in each language (:mod:`thinka.views.translation`), and a hand-written translation is
one more MkDocs page with another address.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from thinka.data.languages import DEFAULT, LANGUAGES, url_prefix
from thinka.views.common import PageView, relative_link

log = logging.getLogger("mkdocs.plugins.thinka")

# docs/<path>.<code>.md: only two lowercase letters count as a language suffix (index.en.md, not foo.min.md).
SUFFIX = re.compile(r"(?P<stem>.+)\.(?P<code>[a-z]{2})\.md")

# The generated pages every configured language gets (LANGUAGES.md): each site page, /standorte/
# with its topic lists, /anlaufstellen/ and /karte/. News, events, partners, the district lists and
# the editors' area stay German.
TRANSLATED_TEMPLATES = frozenset({"site.html", "site-directory.html", "topic-sites.html", "contact-point-directory.html"})
TRANSLATED_URLS = frozenset({"karte/"})

# Material's bundle finds the search index (and makes the addresses of search results) relative to
# "base" in its __config script: on a page in another language, base is that language's root, so
# search loads /<code>/search/search_index.json, holding only that language's pages.
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)(")')

# A relative link in a page's HTML: href without scheme, query or anchor (kept after it).
_HREF = re.compile(r'(<a\s[^>]*?href=")((?!/)[^"#?:]+)([#?][^"]*"|")')

# The lunr language Material's search worker uses for each index (Material ships no Ukrainian or
# Persian stemmer; the Russian and Arabic ones know their letters, so words are found, unstemmed).
SEARCH_LANG = {"de": "de", "en": "en", "uk": "ru", "ru": "ru", "ar": "ar", "fa": "ar"}


class LanguageError(Exception):
    """Bad language configuration or translated pages: German messages, one per problem."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def configured(codes: Any, config_file: str | None) -> tuple[str, ...]:
    """The configured languages in LANGUAGES order, German first; raises LanguageError naming
    mkdocs.yml (with line and column where the code is written) and the allowed codes."""
    if codes is None:
        return tuple(LANGUAGES)
    allowed = ", ".join(LANGUAGES)
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        raise LanguageError([f"{_position(config_file, 'languages')}: plugins → thinka → languages muss eine Liste von Sprachkürzeln sein, z. B. [de, en]. Möglich sind: {allowed}."])
    problems = [
        f"{_position(config_file, code)}: plugins → thinka → languages: „{code}“ ist keine Sprache dieser Website. Möglich sind: {allowed}."
        for code in codes
        if code not in LANGUAGES
    ]
    if DEFAULT not in codes:
        problems.append(f"{_position(config_file, 'languages')}: plugins → thinka → languages muss Deutsch („{DEFAULT}“) enthalten: die deutschen Seiten sind das Original. Möglich sind: {allowed}.")
    if problems:
        raise LanguageError(problems)
    return tuple(code for code in LANGUAGES if code in codes)


def _position(config_file: str | None, word: str) -> str:
    """``mkdocs.yml:line:column`` of ``word`` after the ``languages:`` key (or just the file)."""
    name = os.path.relpath(config_file) if config_file else "mkdocs.yml"
    try:
        text = Path(config_file).read_text("utf-8") if config_file else ""
    except OSError:
        return name
    key = re.search(r"^\s*languages\s*:", text, re.M)
    if key is None:
        return name
    found = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])").search(text, key.start())
    if found is None:
        return name
    line = text.count("\n", 0, found.start()) + 1
    return f"{name}:{line}:{found.start() - text.rfind(chr(10), 0, found.start())}"


def is_translated(view: PageView) -> bool:
    """Whether a German generated page is published in every configured language."""
    return view.template in TRANSLATED_TEMPLATES or view.url in TRANSLATED_URLS


def in_language(view: PageView, code: str) -> PageView:
    """The ``code`` version of a German view: the same context (worked out once for all languages),
    at ``/<code>/<same path>``."""
    prefix = url_prefix(code)
    return PageView(
        src_uri=prefix + view.src_uri,
        url=prefix + view.url,
        title=view.title,
        description=view.description,
        template=view.template,
        source=view.source,
        context=view.context,
        search_text=view.search_text,
        meta=view.meta,
        search_boost=view.search_boost,
        lang=code,
    )


class SiteLanguages:
    """Which page exists in which language, for one build."""

    def __init__(self, codes: tuple[str, ...]) -> None:
        self.codes = codes
        self.versions: dict[str, dict[str, str]] = {}  # German url -> {code: url} of its translations
        self.hand_written: dict[str, tuple[str, str]] = {}  # src_uri of a translated docs page -> (code, German url)

    def add(self, german_url: str, code: str, url: str) -> None:
        self.versions.setdefault(german_url, {})[code] = url

    def localize(self, code: str, target: str) -> str:
        """``target`` (a German site-root-relative address, maybe with #anchor) in language ``code``
        where the page exists in it; else the German address."""
        if code == DEFAULT:
            return target
        path, sep, anchor = target.partition("#")
        url = self.versions.get(path, {}).get(code)
        return url + sep + anchor if url is not None else target

    def link(self, page_url: str, code: str) -> Any:
        """The ``link(target)`` of templates drawing a page in ``code`` at ``page_url``."""
        return lambda target: relative_link(page_url, self.localize(code, target))

    def localize_links(self, html: str, page_url: str, code: str) -> str:
        """A hand-written page in ``code``: its links (written to the German pages, so that MkDocs
        checks them) lead to the ``code`` version where there is one (docs/index.en.md's link to
        standorte/index.md leads to /en/standorte/)."""

        def replace(match: re.Match[str]) -> str:
            href = match.group(2)
            target = posixpath.normpath(posixpath.join(page_url, href))
            target = "" if target == "." else target + ("/" if href.endswith("/") else "")
            localized = self.localize(code, target)
            return match.group(1) + relative_link(page_url, localized) + match.group(3) if localized != target else match.group(0)

        return _HREF.sub(replace, html) if code != DEFAULT else html

    def configured(self) -> list[dict[str, str]]:
        """The build's languages for the language switch (``config.extra.thinka_languages``): code,
        own name, direction and the start page in that language ("" for German; the German start
        page where the language has none, i.e. no docs/index.<code>.md)."""
        homes = self.versions.get("", {})
        return [
            {"lang": code, "name": LANGUAGES[code].name, "dir": LANGUAGES[code].direction, "home": homes.get(code, "") if code != DEFAULT else ""}
            for code in self.codes
        ]

    def alternates(self, german_url: str) -> list[dict[str, str]]:
        """Every language the page exists in (itself included), in LANGUAGES order."""
        versions = self.versions.get(german_url, {})
        return [{"lang": code, "url": german_url if code == DEFAULT else versions[code]} for code in self.codes if code == DEFAULT or code in versions]

    def page_language(self, src_uri: str, url: str, view: PageView | None) -> tuple[str, str]:
        """(language, German url) of a page."""
        if view is not None:
            return view.lang, url.removeprefix(url_prefix(view.lang))
        return self.hand_written.get(src_uri, (DEFAULT, url))

    def move_translations(self, files: Files, config: Any, german_urls: set[str], generated: set[str]) -> None:
        """Give each ``docs/<path>.<code>.md`` the address ``/<code>/<path>/`` (and leave out those
        of a language of the site that this build does not publish); raises LanguageError for every
        suffix that is not a language of the site, every translation without its German original (a
        docs page or a generated page: ``german_urls``), every translation that would cover a
        generated translated page (``generated``: the German addresses of those) and every page
        inside a language folder."""
        problems: list[str] = []
        for file in list(files.documentation_pages()):
            where = f"{_shown(file)}:1:1"
            first = file.src_uri.split("/", 1)[0]
            if first in LANGUAGES and "/" in file.src_uri:
                problems.append(f"{where}: Der Ordner docs/{first}/ ist für die Adressen der Sprache {LANGUAGES[first].name_de} reserviert. Eine Übersetzung liegt neben ihrem deutschen Original und trägt das Sprachkürzel im Namen, z. B. docs/index.{first}.md für /{first}/.")
                continue
            match = SUFFIX.fullmatch(file.src_uri)
            if match is None:
                continue
            code, stem = match["code"], match["stem"]
            if code == DEFAULT:
                problems.append(f"{where}: Deutsche Seiten tragen kein Sprachkürzel im Namen: bitte in {stem}.md umbenennen.")
                continue
            if code not in LANGUAGES:
                problems.append(f"{where}: Die Endung „.{code}.md“ bezeichnet eine Übersetzung, aber „{code}“ ist keine Sprache dieser Website. Möglich sind: {', '.join(c for c in LANGUAGES if c != DEFAULT)}.")
                continue
            german = File(f"{stem}.md", config.docs_dir, config.site_dir, config.use_directory_urls)
            german.url = _page_url(german.url)
            if german.url not in german_urls:
                problems.append(f"{where}: Die Übersetzung hat kein deutsches Original: Es gibt weder docs/{stem}.md noch eine erzeugte Seite /{german.url}.")
                continue
            if german.url in generated:
                problems.append(f"{where}: Die Seite /{url_prefix(code)}{german.url} wird aus den Daten erzeugt; eine Übersetzung von Hand würde sie überdecken. Bitte die Datei entfernen.")
                continue
            if code not in self.codes:
                # A language of the site this build leaves out (languages: [de] builds German alone):
                # its pages are checked like the others, and not published.
                log.info(f"{_shown(file)}: {LANGUAGES[code].name_de} ist in mkdocs.yml (plugins → thinka → languages) nicht eingeschaltet; die Seite wird nicht gebaut.")
                files.remove(file)
                continue
            moved = File(file.src_uri, file.src_dir, file.dest_dir, config.use_directory_urls, dest_uri=url_prefix(code) + german.dest_uri)
            files.remove(file)
            files.append(moved)
            self.hand_written[file.src_uri] = (code, german.url)
            self.add(german.url, code, moved.url)
        if problems:
            raise LanguageError(problems)

    def search_base(self, output: str, page_url: str, code: str) -> str:
        """A page in another language: Material's search reads that language's index."""
        base = relative_link(page_url, url_prefix(code))
        return _CONFIG_BASE.sub(lambda m: m.group(1) + base.rstrip("/") + m.group(3), output, count=1)


def _shown(file: File) -> str:
    return os.path.relpath(file.abs_src_path) if file.abs_src_path else f"docs/{file.src_uri}"


def _page_url(url: str) -> str:
    """A page's address as MkDocs' Page.url has it: "" for the start page (its File says "./")."""
    return "" if url in (".", "./") else url


def german_page_urls(files: Files, views: Iterable[PageView]) -> set[str]:
    return {_page_url(file.url) for file in files.documentation_pages() if not SUFFIX.fullmatch(file.src_uri)} | {view.url for view in views}
