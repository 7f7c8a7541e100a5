"""The page of one site (``/standorte/<slug>/``) and the contact cards it shows, which the A–Z list
and event pages share."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import quote

from thinka.data.dataset import Dataset
from thinka.data.districts import District, all_districts
from thinka.data.hours import public_holidays, summary, weekly_ranges
from thinka.data.model import ContactPoint, Organisation, Site
from thinka.data.settings import Settings
from thinka.data.text import render_markdown, to_json
from thinka.data.vocabulary import CONTACT_KINDS, PRECISION, SITE_STATUS, STEP_FREE
from thinka.exports.jsonld import site_jsonld
from thinka.exports.qr import qr_svg
from thinka.exports.vcard import VCARD_NAME

from .common import SITES_URL, PageView, site_url, sort_key
from .partners import partner_url


@cache
def holidays_json(year: int) -> str:
    return to_json(public_holidays(year))


def route_url(point: ContactPoint) -> str:
    """OpenStreetMap directions to the contact point (coordinates if known, else the address)."""
    if point.koordinaten and point.koordinaten.genauigkeit == "adresse":
        target = f"{point.koordinaten.lat:.5f},{point.koordinaten.lon:.5f}"
    else:
        address = point.adresse
        target = ", ".join(p for p in (address.strasse, " ".join(x for x in (address.plz, address.ort) if x)) if p)
    return "https://www.openstreetmap.org/directions?from=&to=" + quote(target, safe=",")


def contact_point_view(point: ContactPoint, slug: str, index: int, holidays: str = "[]") -> dict[str, Any]:
    """One contact point as the templates show it; ``holidays`` (JSON) feeds the open-now state."""
    address = point.adresse
    place = " ".join(p for p in (address.plz, address.ort) if p)
    return {
        "hours_json": to_json(weekly_ranges(point.oeffnungszeiten)) if point.oeffnungszeiten else None,
        "holidays_json": holidays,
        "route_url": route_url(point),
        "vcard_url": site_url(slug) + VCARD_NAME.format(n=index + 1),
        "id": f"anlaufstelle-{index + 1}",
        "name": point.name,
        "kind": CONTACT_KINDS[point.art],
        "street": address.strasse,
        "place": place,
        "town": address.ort,
        "district_part": address.ortsteil,
        "address_line": ", ".join(p for p in (address.strasse, place) if p) + (f" ({address.ortsteil})" if address.ortsteil else ""),
        "hours": [
            {"days": row.tage.label, "days_spoken": row.tage.spoken, "times": [r.label for r in row.zeiten]}
            for row in point.oeffnungszeiten
        ],
        "hours_summary": summary(point.oeffnungszeiten),
        "by_appointment": point.nach_vereinbarung,
        "hours_note": point.oeffnungszeiten_hinweis,
        "phones": [{"display": p.display, "e164": p.e164} for p in point.telefon],
        "email": point.email,
        "website": point.website,
        "step_free": STEP_FREE[point.stufenlos] if point.stufenlos else None,
        "step_free_value": point.stufenlos,
        "languages": point.sprachen,
        "persons": [
            {
                "role": person.rolle,
                "name": person.name,
                "phones": [{"display": p.display, "e164": p.e164} for p in person.telefon],
                "email": person.email,
            }
            for person in point.ansprechpersonen
        ],
        "since": point.seit.german() if point.seit else None,
        "coordinates": (
            {"lat": point.koordinaten.lat, "lon": point.koordinaten.lon, "precision": PRECISION[point.koordinaten.genauigkeit]}
            if point.koordinaten
            else None
        ),
        "has_contact": bool(point.telefon or point.email or point.website),
        "site_url": site_url(slug),
    }


def _org(dataset: Dataset, ident: str) -> Organisation:
    return dataset.organisation(ident)


def _member_views(dataset: Dataset, members: list[Any]) -> list[dict[str, Any]]:
    return [
        {"name": _org(dataset, m.organisation).name, "role": m.rolle, "url": partner_url(dataset, m.organisation)}
        for m in members
    ]


def _districts(site: Site) -> list[District]:
    table = all_districts()
    return [table[key] for key in site.kreise]


def status_view(site: Site) -> dict[str, Any]:
    if site.status == "beendet":
        text = f"beendet {site.ende.month_year()}" if site.ende else "beendet"
    elif site.status == "geplant":
        text = f"geplant ab {site.beginn.month_year()}" if site.beginn else "in Planung"
    else:
        text = f"aktiv seit {site.beginn.month_year()}" if site.beginn else "aktiv"
    return {"value": site.status, "label": SITE_STATUS[site.status], "text": text}


def site_page(
    dataset: Dataset, slug: str, settings: Settings, *, news: dict[str, Any] | None = None, events: dict[str, Any] | None = None
) -> PageView:
    """The page of one site; ``news`` and ``events`` are its sections from :mod:`thinka.views.news` and :mod:`thinka.views.events`."""
    located = dataset.sites[slug]
    site: Site = located.record
    districts = _districts(site)
    towns = sorted({p.adresse.ort for p in site.anlaufstellen}, key=sort_key)
    where = " und ".join(d.title for d in districts)
    description = f"{site.name} ({where}): " + (
        f"Anlaufstellen in {', '.join(towns)} mit Adresse, Öffnungszeiten und Kontakt."
        if towns
        else "Träger, Steuerungsgruppe, Partner und wie Sie Kontakt aufnehmen."
    )
    coordination = dataset.program.koordinierungsstelle if dataset.program else None

    def context() -> dict[str, Any]:
        return {
            "slug": slug,
            "name": site.name,
            "districts": [{"title": d.title, "anchor": d.key} for d in districts],
            "status": status_view(site),
            "start": site.beginn.german() if site.beginn else None,
            "end": site.ende.german() if site.ende else None,
            "description_html": render_markdown(site.beschreibung),
            "contact_points": [contact_point_view(p, slug, i, holidays_json(settings.today.year)) for i, p in enumerate(site.anlaufstellen)],
            "carriers": [
                {"name": _org(dataset, t).name, "url": partner_url(dataset, t), "website": _org(dataset, t).website}
                for t in site.traeger
            ],
            "steering_group": _member_views(dataset, site.steuerungsgruppe),
            "partners": _member_views(dataset, site.partner),
            "service_area": (
                {"towns": site.einzugsgebiet.orte, "parts": site.einzugsgebiet.ortsteile, "postal_codes": site.einzugsgebiet.plz}
                if site.einzugsgebiet
                else None
            ),
            "reviewed": site.stand.month_year(),
            "reviewed_iso": site.stand.iso(),
            "coordination": (
                {"name": _org(dataset, coordination).name, "url": partner_url(dataset, coordination)} if coordination else None
            ),
            "directory_url": SITES_URL,
            "jsonld": site_jsonld(site, settings.absolute(site_url(slug))),
            "qr_svg": qr_svg(settings.absolute(site_url(slug))),
            "page_url": settings.absolute(site_url(slug)),
            "news": news,
            "events": events,
        }

    search_text = " ".join(
        [d.title for d in districts]
        + [p.name for p in site.anlaufstellen]
        + site.einzugsgebiet.orte
        + site.einzugsgebiet.ortsteile
        + site.einzugsgebiet.plz
    )
    return PageView(f"standorte/{slug}.md", site_url(slug), site.name, description, "site.html", located.doc.path, context, search_text)
