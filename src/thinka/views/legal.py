"""The legal pages: Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit.

Every fact comes from ``program.yml`` (sections ``betreiber`` and ``barrierefreiheit``).
A fact that is not given yet is never filled in: the view lists it under ``missing`` and
the page says plainly that it is still missing (``thinka validate`` warns as well).
"""

from __future__ import annotations

from typing import Any, Iterator

from babel.dates import format_date, format_skeleton

from thinka.data.dataset import Dataset, missing_legal_facts
from thinka.data.dates import Day
from thinka.data.program import CONFORMANCE, Program
from thinka.data.settings import Settings

from .common import CONTACT_POINTS_URL, SITES_URL, Fragment, PageView
from .overview_map import LIVE_MAP, MAP_URL
from .translation import current

IMPRINT_URL = "impressum/"
PRIVACY_URL = "datenschutz/"
ACCESSIBILITY_URL = "barrierefreiheit/"
LEGAL_LINKS = [("Impressum", IMPRINT_URL), ("Datenschutz", PRIVACY_URL), ("Barrierefreiheit", ACCESSIBILITY_URL)]

# Which missing facts each page names (by field); the others belong to another page.
_IMPRINT_FIELDS = {"name", "vertreten_durch", "strasse", "plz", "ort", "email", "telefon", "redaktion"}
_PRIVACY_FIELDS = {"name", "strasse", "plz", "ort", "email", "datenschutz_aufsicht", "webhoster", "protokolldaten", "protokoll_speicherdauer", "rechtsgrundlage_protokolle"}
_ACCESSIBILITY_FIELDS = {"konformitaet", "stand", "durchsetzungsstelle"}


def _operator(program: Program) -> dict[str, Any]:
    op = program.betreiber
    place = " ".join(p for p in (op.plz, op.ort) if p)
    return {
        "name": op.name,
        "represented_by": op.vertreten_durch,
        "street": op.strasse,
        "place": place or None,
        "address_complete": bool(op.strasse and op.plz and op.ort),
        "phone": {"display": op.telefon.display, "e164": op.telefon.e164} if op.telefon else None,
        "email": op.email,
        "register": op.registereintrag,
        "vat_id": op.umsatzsteuer_id,
        "authority": op.aufsichtsbehoerde,
        "editor": op.redaktion,
        "editor_address": op.redaktion_anschrift,
        "dpo": op.datenschutzbeauftragte,
        "dp_authority": op.datenschutz_aufsicht,
        "host": op.webhoster,
        "log_fields": op.protokolldaten,
        "log_retention": op.protokoll_speicherdauer,
        "log_basis": op.rechtsgrundlage_protokolle,
    }


def _missing(program: Program, fields: set[str]) -> list[str]:
    return [label for _, name, label in missing_legal_facts(program) if name in fields]


def _view(url: str, title: str, description: str, template: str, dataset: Dataset, context: dict[str, Any]) -> PageView:
    program = dataset.program
    assert program is not None  # validation guarantees program.yml
    context = {"program": program.name, "fund": program.foerderung[-1].fonds, "operator": _operator(program), **context}
    return PageView(url + "index.md", url, title, description, template, dataset.program_doc.path if dataset.program_doc else None, context)


def legal_pages(dataset: Dataset) -> Iterator[PageView]:
    program = dataset.program
    if program is None:
        return
    access = program.barrierefreiheit
    yield _view(
        IMPRINT_URL,
        "Impressum",
        f"Wer die Website von {program.name} betreibt und für ihren Inhalt verantwortlich ist.",
        "imprint.html",
        dataset,
        {"missing": _missing(program, _IMPRINT_FIELDS)},
    )
    yield _view(
        PRIVACY_URL,
        "Datenschutzerklärung",
        "Diese Website setzt keine Cookies, zählt keine Besuche und lädt ohne Ihre Zustimmung nichts von fremden Servern. Was der Webserver speichert und was die Karte nach Ihrer Zustimmung tut, steht hier.",
        "privacy.html",
        dataset,
        # The map's settings come from the same object that the map page hands to its script.
        {"missing": _missing(program, _PRIVACY_FIELDS), "live_map": LIVE_MAP, "map_url": MAP_URL},
    )
    contact_phone = access.kontakt_telefon or program.betreiber.telefon
    yield _view(
        ACCESSIBILITY_URL,
        "Erklärung zur Barrierefreiheit",
        "Wie barrierefrei diese Website ist, welche Barrieren bekannt sind und wie Sie uns eine Barriere melden.",
        "accessibility-statement.html",
        dataset,
        {
            "missing": _missing(program, _ACCESSIBILITY_FIELDS),
            "conformance": CONFORMANCE[access.konformitaet] if access.konformitaet else None,
            "conformance_value": access.konformitaet,
            "reviewed": access.stand.german() if access.stand else None,
            "reviewed_iso": access.stand.iso() if access.stand else None,
            "method": access.bewertung,
            "known_gaps": access.bekannte_maengel,
            "contact_email": access.kontakt_email or program.betreiber.email,
            "contact_phone": {"display": contact_phone.display, "e164": contact_phone.e164} if contact_phone else None,
            "enforcement": access.durchsetzungsstelle,
            "enforcement_url": access.durchsetzungsstelle_website,
        },
    )


# The legal pages' essentials in the visitors' languages (docs/impressum.en.md …): the Markdown says
# in words what the German page says; the facts from program.yml and LIVE_MAP come from these
# fragments, so no address, e-mail or storage key is copied by hand into a translation.
ESSENTIALS_TEMPLATE = "legal-essentials.html"


class _LocalDay:
    """A date of program.yml as the language of the page being drawn writes it (Babel)."""

    def __init__(self, day: Day) -> None:
        self.day = day

    def __str__(self) -> str:
        locale, first = current(), self.day.first
        if self.day.day:
            return format_date(first, "long", locale=locale)
        return format_skeleton("yMMMM", first, locale=locale) if self.day.month else str(self.day.year)

    def __html__(self) -> str:
        return str(self)


def operator_fragment(dataset: Dataset, settings: Settings) -> Fragment:
    """<!-- thinka:betreiber -->: who runs the site, how to reach them, who is responsible for the content."""
    program = dataset.program
    assert program is not None  # validation guarantees program.yml
    return Fragment(ESSENTIALS_TEMPLATE, {"part": "betreiber", "operator": _operator(program), "missing": _missing(program, _IMPRINT_FIELDS)})


def server_log_fragment(dataset: Dataset, settings: Settings) -> Fragment:
    """<!-- thinka:webserver-protokoll -->: what the web server keeps, how long and why, and the data
    protection authority to complain to."""
    program = dataset.program
    assert program is not None
    fields = _PRIVACY_FIELDS - {"name", "strasse", "plz", "ort", "email"}  # those are named by <!-- thinka:betreiber -->
    return Fragment(ESSENTIALS_TEMPLATE, {"part": "webserver-protokoll", "operator": _operator(program), "missing": _missing(program, fields), "privacy_url": PRIVACY_URL})


def map_consent_fragment(dataset: Dataset, settings: Settings) -> Fragment:
    """<!-- thinka:karte-einwilligung -->: where the live map's tiles come from after consent and
    what the consent stores in the browser, from the object the map page's script reads."""
    return Fragment(ESSENTIALS_TEMPLATE, {"part": "karte-einwilligung", "live_map": LIVE_MAP, "map_url": MAP_URL, "privacy_url": PRIVACY_URL})


def accessibility_contact_fragment(dataset: Dataset, settings: Settings) -> Fragment:
    """<!-- thinka:barriere-melden -->: the state of conformance, whom to tell about a barrier, the enforcement body."""
    program = dataset.program
    assert program is not None
    access = program.barrierefreiheit
    phone = access.kontakt_telefon or program.betreiber.telefon
    return Fragment(
        ESSENTIALS_TEMPLATE,
        {
            "part": "barriere-melden",
            "missing": _missing(program, _ACCESSIBILITY_FIELDS),
            "conformance": CONFORMANCE[access.konformitaet] if access.konformitaet else None,
            "reviewed": _LocalDay(access.stand) if access.stand else None,
            "reviewed_iso": access.stand.iso() if access.stand else None,
            "contact_email": access.kontakt_email or program.betreiber.email,
            "contact_phone": {"display": phone.display, "e164": phone.e164} if phone else None,
            "enforcement": access.durchsetzungsstelle,
            "enforcement_url": access.durchsetzungsstelle_website,
        },
    )


EASY_LANGUAGE_URL = "leichte-sprache/"


def easy_language_page(dataset: Dataset) -> Iterator[PageView]:
    """ThINKA in Leichter Sprache: what it is, who it helps, that it is free, how to find a contact point."""
    yield PageView(
        EASY_LANGUAGE_URL + "index.md",
        EASY_LANGUAGE_URL,
        "Leichte Sprache",
        "ThINKA in Leichter Sprache: was ThINKA ist, wem ThINKA hilft und wie Sie eine Anlauf·stelle in Ihrer Nähe finden.",
        "easy-language.html",
        None,
        {"sites_url": SITES_URL, "contact_points_url": CONTACT_POINTS_URL},
    )
