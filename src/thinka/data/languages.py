"""The languages the public site speaks: German (the default, at ``/``) and the translations at
``/<code>/``. One definition, read by the views (catalogues), the engine (addresses, ``lang`` and
``dir``, the language switch) and the checks of hand-written pages (``docs/<name>.<code>.md``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1: the folder /<code>/, the suffix of a page's Markdown file, hreflang, lang
    name: str  # its own name, as the language switch offers it
    name_de: str  # its German name, for editors' messages
    direction: str = "ltr"  # "rtl": Arabic script, Material's direction: rtl


DEFAULT = "de"
LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("de", "Deutsch", "Deutsch"),
        Language("en", "English", "Englisch"),
        Language("uk", "Українська", "Ukrainisch"),
        Language("ru", "Русский", "Russisch"),
        Language("ar", "العربية", "Arabisch", "rtl"),
        Language("fa", "دری / فارسی", "Dari/Farsi", "rtl"),
    )
}


def url_prefix(code: str) -> str:
    """Where a language's pages live below the site root: "" for German, "en/" for English."""
    return "" if code == DEFAULT else f"{code}/"
