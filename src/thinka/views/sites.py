"""The page of one site (``/standorte/<slug>/``) and the contact cards it shows, which the A–Z list
and event pages share."""

from __future__ import annotations

from datetime import date
from functools import cache
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from thinka.data.dataset import Dataset, max_age_months, point_anchor
from thinka.data.districts import District, all_districts
from thinka.data.hours import public_holidays, weekly_ranges
from thinka.data.lifecycle import closure_now, closures_ahead, is_current
from thinka.data.model import Address, ContactPoint, Organisation, Site
from thinka.data.settings import Settings
from thinka.data.text import render_markdown, to_json
from thinka.data.vocabulary import CONTACT_KINDS, HELP_TOPICS, MESSENGERS, MOBILE_KINDS, PRECISION, SITE_STATUS, STEP_FREE, WEEK_RHYTHM
from thinka.exports.jsonld import site_jsonld
from thinka.exports.qr import qr_svg
from thinka.exports.vcard import VCARD_NAME

from .common import SITE_PAGE_BOOST, SITES_URL, PageView, per_dataset, site_url, sort_key
from .partners import partner_url
from .sources import address_age, hours_age, point_sources, sources_view
from .translation import NC_, N_, Text
from .wording import browser_texts_json, capitalized, day_text, district_title, each_and, hours_summary, joined, month_year_text, weekdays_text


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


def address_line(address: Address) -> str:
    place = " ".join(p for p in (address.plz, address.ort) if p)
    return ", ".join(p for p in (address.strasse, place) if p) + (f" ({address.ortsteil})" if address.ortsteil else "")


def topic_views(keys: list[str]) -> list[dict[str, Any]]:
    return [{"key": key, "label": Text(HELP_TOPICS[key]), "url": f"{SITES_URL}themen/{key}/"} for key in keys]


def _closure_view(closure: Any) -> dict[str, Any]:
    return {"from": day_text(closure.von), "until": day_text(closure.bis), "reason": closure.grund}


def _messenger_link(service: str, e164: str) -> str | None:
    """The service's own address that opens a chat with the number (nothing is loaded before a click)."""
    if service == "whatsapp":
        return "https://wa.me/" + e164.lstrip("+")
    if service == "signal":
        return "https://signal.me/#p/" + e164
    if service == "telegram":
        return "https://t.me/" + e164
    return None


def contact_point_view(
    point: ContactPoint,
    slug: str,
    index: int,
    holidays: str = "[]",
    *,
    current: bool = True,
    hours_old: dict[str, Any] | None = None,
    address_old: str | None = None,
    carrier: dict[str, Any] | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """One contact point as the templates show it; ``holidays`` (JSON) feeds the open-now state.

    A former contact point (``current=False``) is history: no open-now state, no actions. Hours from an
    old source (``hours_old``, see :func:`thinka.views.sources.hours_age`) are shown with their date and
    never as open now.
    """
    address = point.adresse
    place = " ".join(p for p in (address.plz, address.ort) if p)
    today = today or date.today()
    closed = closure_now(point, today) if current else None
    live = current and hours_old is None and closed is None
    weekly = [row for row in point.oeffnungszeiten if row.wochen is None]  # only every-week rows can say "open now"
    return {
        "hours_json": to_json(weekly_ranges(weekly)) if weekly and live else None,
        "holidays_json": holidays,
        "route_url": route_url(point),
        "vcard_url": site_url(slug) + VCARD_NAME.format(n=index + 1),
        "id": point_anchor(index),
        "name": point.name,
        "kind": Text(CONTACT_KINDS[point.art]),
        "mobile": point.art in MOBILE_KINDS,
        "on_the_road": point.unterwegs,
        "current": current,
        "until": day_text(point.bis) if point.bis else None,
        "street": address.strasse,
        "place": place,
        "town": address.ort,
        "district_part": address.ortsteil,
        "address_note": address.hinweis,
        # an address from an old source says so (once: old hours already ask to call first)
        "address_old": address_old if current and hours_old is None else None,
        "address_line": address_line(address),
        "hours": [
            {
                "days": weekdays_text(row.tage),
                "days_spoken": weekdays_text(row.tage, spoken=True),
                "day_numbers": list(row.tage.days),  # 0 = Monday: the browser marks today's row
                "times": [r.label for r in row.zeiten],
                "where": address_line(row.adresse) if row.adresse else None,
                "where_note": row.adresse.hinweis if row.adresse else None,
                "note": row.hinweis,
                "weeks": Text(WEEK_RHYTHM[row.wochen]) if row.wochen else None,
                "every_week": row.wochen is None,
            }
            for row in point.oeffnungszeiten
        ],
        "hours_summary": hours_summary(point.oeffnungszeiten) if point.oeffnungszeiten else "",
        "hours_old": hours_old,
        "by_appointment": point.nach_vereinbarung,
        "hours_note": point.oeffnungszeiten_hinweis,
        "phones": [{"display": p.display, "e164": p.e164} for p in point.telefon],
        "email": point.email,
        "website": point.website,
        "step_free": capitalized(STEP_FREE[point.stufenlos]) if point.stufenlos else None,
        "step_free_value": point.stufenlos,
        "languages": point.sprachen,
        "interpreting": point.dolmetschen,
        "lift": point.aufzug,
        "accessible_wc": point.wc_barrierefrei,
        "access_note": point.zugang_hinweis,
        "phone_hours": [
            {"days": weekdays_text(r.tage), "days_spoken": weekdays_text(r.tage, spoken=True), "times": [t.label for t in r.zeiten]} for r in point.telefonzeiten
        ],
        "messengers": [
            {"service": MESSENGERS[m.dienst], "display": m.nummer.display, "url": _messenger_link(m.dienst, m.nummer.e164)} for m in point.messenger
        ],
        "contact_form": point.kontaktformular,
        "closed_now": _closure_view(closed) if closed else None,
        "closures_ahead": [_closure_view(c) for c in closures_ahead(point, today)] if current else [],
        "persons": [
            {
                "role": person.rolle,
                "name": person.name,
                "phones": [{"display": p.display, "e164": p.e164} for p in person.telefon],
                "email": person.email,
            }
            for person in point.ansprechpersonen
        ],
        "since": day_text(point.seit) if point.seit else None,
        "carrier": carrier,
        "topics": topic_views(point.themen),
        "home_visits": point.hausbesuche,
        "sources": sources_view(point_sources(point)),
        "coordinates": (
            {"lat": point.koordinaten.lat, "lon": point.koordinaten.lon, "precision": Text(PRECISION[point.koordinaten.genauigkeit])}
            if point.koordinaten
            else None
        ),
        "has_contact": current and bool(point.telefon or point.email or point.website or point.messenger or point.kontaktformular),
        # "Als Kontakt speichern" only when the saved card holds a way to reach the place again
        "can_save": current and bool(point.telefon or point.email),
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


def _on(day: Any) -> Text:
    """'am 7. Juli 2015', 'im Juni 2025' or 'im Jahr 2015', as a sentence needs it."""
    if day.day:
        return N_("am %(date)s", date=day_text(day))
    if day.month:
        return N_("im %(month)s", month=day_text(day))
    return N_("im Jahr %(year)s", year=day.year)


def status_view(site: Site) -> dict[str, Any]:
    if site.status == "beendet":
        text = N_("beendet %(month)s", month=month_year_text(site.ende)) if site.ende else N_("beendet")
    elif site.status == "geplant":
        text = N_("geplant ab %(month)s", month=month_year_text(site.beginn)) if site.beginn else N_("in Planung")
    else:
        text = N_("aktiv seit %(month)s", month=month_year_text(site.beginn)) if site.beginn else N_("aktiv")
    return {"value": site.status, "label": Text(SITE_STATUS[site.status]), "text": text}


@per_dataset
def predecessors(dataset: Dataset) -> dict[str, list[str]]:
    """successor slug → the slugs of the ended sites it continues (worked out once per build)."""
    found: dict[str, list[str]] = {}
    for slug, located in sorted(dataset.sites.items()):
        if located.record.nachfolger:
            found.setdefault(located.record.nachfolger, []).append(slug)
    return found


def _site_link(dataset: Dataset, slug: str) -> dict[str, Any] | None:
    located = dataset.sites.get(slug)
    if located is None:
        return None
    site: Site = located.record
    return {"name": site.name, "url": site_url(slug), "end": _on(site.ende) if site.ende else None, "start": _on(site.beginn) if site.beginn else None}


def _org_link(dataset: Dataset, ident: str) -> dict[str, Any]:
    org = _org(dataset, ident)
    return {"name": org.name, "url": partner_url(dataset, ident), "website": org.website}


def _ways_instead(dataset: Dataset, site: Site) -> list[dict[str, str]]:
    """Real places to ask when a site publishes no phone, e-mail or address: its own website, its
    Träger's and its Kommune's websites (each once)."""
    ways: list[dict[str, str]] = []
    if site.website:
        ways.append({"name": N_("Internetseite von %(name)s", name=site.name), "url": site.website})
    idents = list(site.traeger) + [m.organisation for m in site.steuerungsgruppe if _org(dataset, m.organisation).typ == "kommune"]
    for ident in dict.fromkeys(idents):
        org = _org(dataset, ident)
        if org.website:
            ways.append({"name": N_("Internetseite von %(name)s", name=org.name), "url": org.website})
    return ways


def reachable_by_district(dataset: Dataset, today: date) -> dict[str, list[dict[str, Any]]]:
    """district key → the sites there with a current contact point that has a phone (worked out once per build)."""
    key = f"reachable:{today.isoformat()}"
    if key not in dataset.memo:
        found: dict[str, list[dict[str, Any]]] = {}
        for slug, located in sorted(dataset.sites.items(), key=lambda kv: sort_key(kv[1].record.name)):
            site: Site = located.record
            phoned = [(i, p) for i, p in enumerate(site.anlaufstellen) if p.telefon and is_current(site, p, today)]
            if not phoned:
                continue
            i, point = phoned[0]
            entry = {"slug": slug, "name": site.name, "url": f"{site_url(slug)}#{point_anchor(i)}", "phone": {"display": point.telefon[0].display, "e164": point.telefon[0].e164}}
            for district in site.kreise:
                found.setdefault(district, []).append(entry)
        dataset.memo[key] = found
    return dataset.memo[key]


def _neighbours(dataset: Dataset, slug: str, site: Site, today: date) -> list[dict[str, Any]]:
    """Up to three other sites of the same district(s) that can be phoned: a real next step when this one publishes no way to reach it."""
    table = reachable_by_district(dataset, today)
    seen: dict[str, dict[str, Any]] = {}
    for district in site.kreise:
        for entry in table.get(district, []):
            if entry["slug"] != slug:
                seen.setdefault(entry["slug"], entry)
    return list(seen.values())[:3]


def _description(site: Site, districts: list[District], current: list[ContactPoint]) -> Text:
    where = each_and([district_title(d) for d in districts])
    if site.status == "beendet":
        return N_("%(name)s (%(where)s): Die Arbeit ist beendet. Was der Standort tat und wer ihn trug.", name=site.name, where=where)
    towns = sorted({p.adresse.ort for p in current}, key=sort_key)
    if not towns:
        return N_("%(name)s (%(where)s): wo ThINKA arbeitet, wer den Standort trägt und wie Sie weiterkommen.", name=site.name, where=where)
    offers = [label for label, present in (
        (NC_("Beschreibung", "Adresse"), any(p.adresse.strasse for p in current)),
        (NC_("Beschreibung", "Öffnungszeiten"), any(p.oeffnungszeiten for p in current)),
        (NC_("Beschreibung", "Telefon"), any(p.telefon for p in current)),
        (NC_("Beschreibung", "E-Mail"), any(p.email for p in current)),
    ) if present]
    if not offers:
        return N_("%(name)s (%(where)s): Anlaufstellen in %(towns)s.", name=site.name, where=where, towns=", ".join(towns))
    return N_("%(name)s (%(where)s): Anlaufstellen in %(towns)s mit %(offers)s.", name=site.name, where=where, towns=", ".join(towns), offers=joined(offers))


def site_page(
    dataset: Dataset, slug: str, settings: Settings, *, news: dict[str, Any] | None = None, events: dict[str, Any] | None = None
) -> PageView:
    """The page of one site; ``news`` and ``events`` are its sections from :mod:`thinka.views.news` and :mod:`thinka.views.events`."""
    located = dataset.sites[slug]
    site: Site = located.record
    districts = _districts(site)
    today = settings.today
    current = [p for p in site.anlaufstellen if is_current(site, p, today)]
    description = _description(site, districts, current)
    coordination = dataset.program.koordinierungsstelle if dataset.program else None

    def context() -> dict[str, Any]:
        holidays = holidays_json(today.year)
        max_months = max_age_months(dataset)
        points = [
            contact_point_view(
                p, slug, i, holidays,
                current=is_current(site, p, today),
                hours_old=hours_age(p, max_months, today),
                address_old=address_age(p, max_months, today),
                carrier=_org_link(dataset, p.traeger) if p.traeger else None,
                today=today,
            )
            for i, p in enumerate(site.anlaufstellen)
        ]
        # A contact point's source is often a page the site already names with its title.
        titles = {q.url: q.titel for q in site.quellen if q.titel}
        for view in points:
            for q in view["sources"]:
                if q["title"] == q["url"] and q["url"] in titles:
                    q["title"] = titles[q["url"]]
        ended = site.status == "beendet"
        return {
            "slug": slug,
            "name": site.name,
            "districts": [{"title": district_title(d), "anchor": d.key} for d in districts],
            "status": status_view(site),
            "ended": ended,
            "end_text": N_("Die Arbeit endete %(when)s.", when=_on(site.ende)) if site.ende else site.ende_hinweis,
            "end_text_german": not site.ende and bool(site.ende_hinweis),  # the editors' words
            "successor": _site_link(dataset, site.nachfolger) if site.nachfolger else None,
            "predecessors": [v for v in (_site_link(dataset, p) for p in predecessors(dataset).get(slug, [])) if v],
            "start": day_text(site.beginn) if site.beginn else None,
            "opening": day_text(site.eroeffnung) if site.eroeffnung else None,
            "end": day_text(site.ende) if site.ende else None,
            "description_html": render_markdown(site.beschreibung),
            "contact_points": [p for p in points if p["current"]],
            "former_points": [p for p in points if not p["current"]],
            "carriers": [_org_link(dataset, t) for t in site.traeger],
            "former_carriers": [
                dict(_org_link(dataset, f.organisation), since=day_text(f.seit) if f.seit else None, until=day_text(f.bis) if f.bis else None)
                for f in site.fruehere_traeger
            ],
            "commissioned_by": _org_link(dataset, site.im_auftrag_von) if site.im_auftrag_von else None,
            "steering_group": _member_views(dataset, site.steuerungsgruppe),
            "partners": _member_views(dataset, site.partner),
            "topics": topic_views(site.themen),
            "home_visits": site.hausbesuche,
            "website": site.website,
            "publications": [{"title": p.titel, "url": p.url, "note": p.hinweis} for p in site.veroeffentlichungen],
            "ways_instead": _ways_instead(dataset, site),
            "neighbours": [] if ended or any(p["has_contact"] for p in points if p["current"]) else _neighbours(dataset, slug, site, today),
            "sources": sources_view(site.quellen + [q for p in site.anlaufstellen for q in point_sources(p)]),
            "service_area": (
                {"towns": site.einzugsgebiet.orte, "parts": site.einzugsgebiet.ortsteile, "postal_codes": site.einzugsgebiet.plz}
                if site.einzugsgebiet
                else None
            ),
            "reviewed": day_text(site.stand),
            "reviewed_iso": site.stand.iso(),
            "coordination": (
                {"name": _org(dataset, coordination).name, "url": partner_url(dataset, coordination)} if coordination else None
            ),
            "directory_url": SITES_URL,
            "jsonld": site_jsonld(site, settings.absolute(site_url(slug)), today),
            "qr_svg": qr_svg(settings.absolute(site_url(slug))),
            "page_url": settings.absolute(site_url(slug)),
            "news": news,
            "events": None if ended else events,
            "browser_texts": browser_texts_json(),  # what thinka.js writes, in the page's language
        }

    search_text = " ".join(dict.fromkeys(_search_words(dataset, site, districts)))
    return PageView(
        f"standorte/{slug}.md", site_url(slug), site.name, description, "site.html", located.doc.path, context, search_text,
        search_boost=1.0 if site.status == "beendet" else SITE_PAGE_BOOST,  # the successor ranks first
    )


def _search_words(dataset: Dataset, site: Any, districts: list[Any]) -> Iterator[str]:
    """What a resident may type to find this site: places, streets, topics and every organisation
    it works with (full and short name, e.g. "KoWo")."""
    yield from (d.title for d in districts)
    for point in site.anlaufstellen:
        address = point.adresse
        yield from (v for v in (point.name, point.art, address.strasse, address.plz, address.ort, address.ortsteil) if v)
    yield from (HELP_TOPICS[t] for t in site.themen + [t for p in site.anlaufstellen for t in p.themen])
    idents = [*site.traeger, *([site.im_auftrag_von] if site.im_auftrag_von else []),
              *(m.organisation for m in site.steuerungsgruppe + site.partner),
              *(p.traeger for p in site.anlaufstellen if p.traeger)]
    for ident in idents:
        organisation = _org(dataset, ident)
        yield organisation.name
        if organisation.kurzname:
            yield organisation.kurzname
    yield from site.einzugsgebiet.orte + site.einzugsgebiet.ortsteile + site.einzugsgebiet.plz
