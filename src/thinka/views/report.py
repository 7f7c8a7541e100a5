"""The coordination office's report: old data, gaps in contact points, sites per district.

One computation, two outputs: ``thinka report`` prints it as text; the build adds it as the
page /intern/bericht/ (kept out of the navigation and out of search engines).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from thinka.data import freshness
from thinka.data.dataset import Dataset, max_age_months, point_anchor
from thinka.data.dates import MONTHS
from thinka.data.districts import all_districts
from thinka.data.lifecycle import is_current, sources_of
from thinka.data.model import Site
from thinka.data.settings import today_from_environment
from thinka.data.vocabulary import SITE_STATUS

from .common import PageView, site_url, sort_key

REPORT_URL = "intern/bericht/"


@dataclass
class Finding:
    """One line of the report: which site (and contact point), where in which file."""

    site: str
    url: str  # site-root-relative page URL
    path: str  # data file, relative to the data directory
    line: int
    detail: str = ""
    point: str | None = None

    @property
    def label(self) -> str:
        return f"{self.site} – {self.point}" if self.point else self.site


@dataclass
class DistrictCount:
    title: str
    sites: int
    by_status: dict[str, int]
    contact_points: int


@dataclass
class Report:
    today: date
    max_months: int
    stale: list[Finding] = field(default_factory=list)
    without_hours: list[Finding] = field(default_factory=list)
    without_phone: list[Finding] = field(default_factory=list)
    without_coordinates: list[Finding] = field(default_factory=list)
    unreachable: list[Finding] = field(default_factory=list)
    sources_by_age: list[Finding] = field(default_factory=list)
    districts: list[DistrictCount] = field(default_factory=list)
    districts_without_site: list[str] = field(default_factory=list)

    @property
    def today_label(self) -> str:
        return f"{self.today.day}. {MONTHS[self.today.month - 1]} {self.today.year}"

    def gaps(self) -> list[tuple[str, str, list[Finding]]]:
        """(anchor, heading, findings) for the contact point gaps, in report order."""
        return [
            ("ohne-oeffnungszeiten", "Anlaufstellen ohne Öffnungszeiten", self.without_hours),
            ("ohne-telefon", "Anlaufstellen ohne Telefonnummer", self.without_phone),
            ("ohne-koordinaten", "Anlaufstellen ohne Koordinaten (fehlen auf der Karte)", self.without_coordinates),
            ("unerreichbar", "Standorte ohne Weg, sie zu erreichen (kein Telefon, keine E-Mail, keine Anschrift)", self.unreachable),
            ("quellen-nach-alter", "Angaben nach Alter ihrer Quelle (ohne Datum und älteste zuerst)", self.sources_by_age),
        ]


def _relative(path: Path, data_dir: Path) -> str:
    if path.is_relative_to(data_dir):  # as loaded: data_dir / "sites" / name (no file system lookups)
        return path.relative_to(data_dir).as_posix()
    try:
        return path.resolve().relative_to(data_dir.resolve()).as_posix()
    except ValueError:
        return str(path)


def build_report(dataset: Dataset, today: date | None = None) -> Report:
    today = today or today_from_environment()
    report = Report(today, max_age_months(dataset))
    table = all_districts()
    per_district: dict[str, list[Site]] = defaultdict(list)
    dated: list[tuple[date, Finding]] = []
    for slug, located in sorted(dataset.sites.items(), key=lambda kv: sort_key(kv[1].record.name)):
        site: Site = located.record
        path = _relative(located.doc.path, dataset.data_dir)
        for key in site.kreise:
            per_district[key].append(site)
        if site.status not in freshness.CHECKED_STATUSES:
            continue  # ended sites: history, not kept current
        if freshness.is_stale(site.stand, report.max_months, today):
            months = freshness.months_old(site.stand, today)
            report.stale.append(Finding(site.name, site_url(slug), path, located.where("stand")[0], f"Stand: {site.stand.month_year()} ({months} Monate)"))
        current = [p for p in site.anlaufstellen if is_current(site, p, today)]
        if not any(p.telefon or p.email or p.adresse.strasse for p in current):
            report.unreachable.append(Finding(site.name, site_url(slug), path, located.where("name")[0], f"{_count(len(current), 'Anlaufstelle', 'Anlaufstellen')}"))
        for rest, source in sources_of(site):
            age = f"Stand {source.stand.german()} ({freshness.months_old(source.stand, today)} Monate)" if source.stand else "ohne Datum"
            entry = Finding(site.name, site_url(slug), path, located.where(*rest)[0], f"{source.titel or source.url}: {age}")
            dated.append((source.stand.first if source.stand else date.min, entry))
        for i, point in enumerate(site.anlaufstellen):
            if point not in current:
                continue  # a former office is history: no gaps to fill
            finding = lambda: Finding(site.name, f"{site_url(slug)}#{point_anchor(i)}", path, located.where("anlaufstellen", i)[0], point=point.name)  # noqa: E731
            if not point.oeffnungszeiten:
                entry = finding()
                entry.detail = "nach Vereinbarung" if point.nach_vereinbarung else ""
                report.without_hours.append(entry)
            if not point.telefon:
                report.without_phone.append(finding())
            if point.koordinaten is None:
                report.without_coordinates.append(finding())
    report.sources_by_age = [entry for _, entry in sorted(dated, key=lambda d: d[0])]
    for key, district in sorted(table.items(), key=lambda kv: sort_key(kv[1].name)):
        sites = per_district.get(key, [])
        if sites:
            by_status = {status: sum(1 for s in sites if s.status == status) for status in SITE_STATUS}
            current = sum(1 for s in sites for p in s.anlaufstellen if is_current(s, p, today))
            report.districts.append(DistrictCount(district.title, len(sites), by_status, current))
        elif not district.until:
            report.districts_without_site.append(district.title)
    return report


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def text(report: Report) -> str:
    lines = [f"Bericht zu den ThINKA-Daten vom {report.today_label}", ""]
    sections = [("stale", f"Veraltete Angaben ('stand' älter als {report.max_months} Monate)", report.stale)]
    sections += [(anchor, heading, findings) for anchor, heading, findings in report.gaps()]
    for _, heading, findings in sections:
        lines.append(f"{heading}: {len(findings) or 'keine'}")
        for f in findings:
            detail = f", {f.detail}" if f.detail else ""
            lines.append(f"  {f.label}{detail} ({f.path}:{f.line})")
        lines.append("")
    lines.append("Standorte je Landkreis und kreisfreier Stadt")
    for d in report.districts:
        status = ", ".join(f"{n} {SITE_STATUS[s]}" for s, n in d.by_status.items() if n)
        lines.append(f"  {d.title}: {_count(d.sites, 'Standort', 'Standorte')} ({status}), {_count(d.contact_points, 'Anlaufstelle', 'Anlaufstellen')}")
    if report.districts_without_site:
        lines.append(f"  Ohne Standort: {', '.join(report.districts_without_site)}")
    lines.append("")
    lines.append("Nur aktive und geplante Standorte werden auf veraltete Angaben und Lücken geprüft.")
    return "\n".join(lines) + "\n"


def report_page(dataset: Dataset, today: date | None = None) -> Iterator[PageView]:
    """The report as a page for the coordination office (PAGE_SOURCES)."""
    report = build_report(dataset, today)
    context: dict[str, Any] = {"report": report, "status_labels": SITE_STATUS}
    yield PageView(
        "intern/bericht.md",
        REPORT_URL,
        "Bericht für die Koordinierungsstelle",
        "Veraltete Angaben, Lücken bei Anlaufstellen und Standorte je Landkreis, aus den ThINKA-Daten erzeugt.",
        "report.html",
        None,
        context,
        meta={"robots": "noindex, nofollow", "search": {"exclude": True}},
    )
