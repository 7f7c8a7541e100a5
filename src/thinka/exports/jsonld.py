"""schema.org structured data for a site page: the site as an organisation, each contact
point as a local place with address, coordinates, opening hours, phone and e-mail."""

from __future__ import annotations

from datetime import date
from typing import Any

from thinka.data.dataset import point_anchor
from thinka.data.lifecycle import is_current
from thinka.data.model import ContactPoint, Site
from thinka.data.text import to_json

DAY_URIS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _place(point: ContactPoint, anchor_url: str) -> dict[str, Any]:
    address = point.adresse
    data: dict[str, Any] = {
        "@type": "LocalBusiness",
        "@id": anchor_url,
        "name": point.name,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": address.ort,
            "addressRegion": "Thüringen",
            "addressCountry": "DE",
        },
    }
    if address.strasse:
        data["address"]["streetAddress"] = address.strasse
    if address.plz:
        data["address"]["postalCode"] = address.plz
    if point.koordinaten and point.koordinaten.genauigkeit == "adresse":
        data["geo"] = {"@type": "GeoCoordinates", "latitude": point.koordinaten.lat, "longitude": point.koordinaten.lon}
    if point.oeffnungszeiten:
        data["openingHoursSpecification"] = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"https://schema.org/{DAY_URIS[d]}" for d in row.tage.days],
                "opens": span.label.split("–")[0],
                "closes": span.label.split("–")[1],
            }
            for row in point.oeffnungszeiten
            if row.adresse is None and row.wochen is None  # hours held elsewhere or not every week are not this place's weekly hours
            for span in row.zeiten
        ] or None
        if data["openingHoursSpecification"] is None:
            del data["openingHoursSpecification"]
    if point.geschlossen:  # schema.org: opens and closes at 00:00 means closed on those days
        data["specialOpeningHoursSpecification"] = [
            {"@type": "OpeningHoursSpecification", "validFrom": c.von.first.isoformat(), "validThrough": c.bis.last.isoformat(), "opens": "00:00", "closes": "00:00"}
            for c in point.geschlossen
        ]
    features = [(name, value) for name, value in (
        ("Stufenloser Zugang", {"ja": True, "nein": False}.get(point.stufenlos or "")),
        ("Aufzug", point.aufzug),
        ("Barrierefreie Toilette", point.wc_barrierefrei),
    ) if value is not None]
    if features:
        data["amenityFeature"] = [{"@type": "LocationFeatureSpecification", "name": n, "value": v} for n, v in features]
    if point.telefon and (point.telefonzeiten or point.sprachen):
        contact: dict[str, Any] = {"@type": "ContactPoint", "telephone": point.telefon[0].e164}
        if point.telefonzeiten:
            contact["hoursAvailable"] = [
                {"@type": "OpeningHoursSpecification", "dayOfWeek": [f"https://schema.org/{DAY_URIS[d]}" for d in row.tage.days],
                 "opens": span.label.split("–")[0], "closes": span.label.split("–")[1]}
                for row in point.telefonzeiten for span in row.zeiten
            ]
        if point.sprachen:
            contact["availableLanguage"] = list(point.sprachen)
        data["contactPoint"] = contact
    if point.telefon:
        data["telephone"] = point.telefon[0].e164
    if point.email:
        data["email"] = point.email
    if point.website:
        data["url"] = point.website
    return data


def site_jsonld(site: Site, page_url: str, today: date | None = None) -> str:
    """JSON-LD text, safe to place inside ``<script type="application/ld+json">``; only contact
    points open today (``today``: default, all) are departments, and an ended site has its dissolution date."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": site.name,
        "areaServed": [{"@type": "Place", "name": name} for name in site.einzugsgebiet.orte + site.einzugsgebiet.ortsteile],
        "department": [
            _place(p, f"{page_url}#{point_anchor(i)}") for i, p in enumerate(site.anlaufstellen) if today is None or is_current(site, p, today)
        ],
    }
    if site.beginn:
        data["foundingDate"] = site.beginn.iso()
    if site.ende:
        data["dissolutionDate"] = site.ende.iso()
    if site.website:
        data["sameAs"] = site.website
    if page_url:
        data["url"] = page_url
    return to_json(data)
