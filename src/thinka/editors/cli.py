"""Command line: ``thinka validate``, ``thinka schema`` and the other tools for editors."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from thinka.data.dataset import Dataset, data_dir_default
from thinka.data.diagnostics import one_line
from thinka.data.settings import fixed_today
from thinka.data.validate import load_dataset
from thinka.data.vocabulary import CONTACT_KINDS, SITE_STATUS
from thinka.exports import codeowners, schema
from thinka.views import report

from . import scaffold
from .german_help import german


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def cmd_validate(args: argparse.Namespace) -> int:
    dataset, problems = load_dataset(args.data_dir)
    errors, warnings_ = problems.errors, problems.warnings
    for problem in warnings_:
        print(problem.format())
    sys.stdout.flush()
    for problem in errors:
        print(problem.format(), file=sys.stderr)
    if in_github_actions():  # the same problems as annotations on the pull request's lines
        workspace = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
        for problem in errors + warnings_:
            print(problem.annotation(workspace))
        sys.stdout.flush()
    if problems:
        count = len(errors)
        print(f"{count} Fehler gefunden." if count != 1 else "1 Fehler gefunden.", file=sys.stderr)
        return 1
    points = sum(len(s.record.anlaufstellen) for s in dataset.sites.values())
    counts = (
        f"{len(dataset.sites)} Standorte, {points} Anlaufstellen, {len(dataset.organisations)} Organisationen, "
        f"{len(dataset.posts)} Meldungen, {len(dataset.events)} Veranstaltungen."
    )
    warnings = len(problems.warnings)
    if warnings:
        print(f"Keine Fehler, {warnings} {'Warnung' if warnings == 1 else 'Warnungen'} (siehe oben): {counts}")
    else:
        print(f"Alles in Ordnung: {counts}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    if args.check:
        stale = schema.outdated(args.out)
        for path in stale:
            print(f"{path}: veraltet – bitte 'thinka schema' ausführen und die Datei mit einchecken.", file=sys.stderr)
        return 1 if stale else 0
    for path in schema.write(args.out):
        print(f"geschrieben: {path}")
    return 0


def _ask(value: str | None, question: str, option: str) -> str:
    """An option's value; asked for only when it is missing and someone sits at the terminal."""
    if value:
        return value
    if sys.stdin.isatty():
        answer = input(f"{question}: ").strip()
        if answer:
            return answer
    raise scaffold.ScaffoldError(f"Bitte {option} angeben.")


def _valid_dataset(data_dir: Path) -> Dataset | None:
    """The dataset, or None after printing its errors: commands that write need valid data."""
    dataset, problems = load_dataset(data_dir)
    if not problems:
        return dataset
    for problem in problems.errors:
        print(problem.format(), file=sys.stderr)
    print("Die Daten enthalten Fehler; bitte zuerst 'thinka validate' ausführen und sie beheben.", file=sys.stderr)
    return None


def cmd_report(args: argparse.Namespace) -> int:
    dataset = _valid_dataset(args.data_dir)
    if dataset is None:
        return 1
    print(report.text(report.build_report(dataset)), end="")
    return 0


def cmd_codeowners(args: argparse.Namespace) -> int:
    dataset = _valid_dataset(args.data_dir)
    if dataset is None:
        return 1
    try:
        content = codeowners.render(dataset, Path.cwd())
    except codeowners.OutsideRepository as exc:
        _print_lines(exc)
        return 1
    out: Path = args.out
    if args.check:
        if not out.is_file() or out.read_text("utf-8") != content:
            print(f"{out}: veraltet – bitte 'thinka codeowners' ausführen und die Datei mit einchecken.", file=sys.stderr)
            return 1
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(content, "utf-8")
    print(f"geschrieben: {out}")
    return 0


def cmd_new_site(args: argparse.Namespace) -> int:
    try:
        name = _ask(args.name, "Name des Standorts (z. B. ThINKA Jena-Lobeda)", "--name \"Name des Standorts\"")
        kreise = args.kreis or [_ask(None, "Landkreis oder kreisfreie Stadt", "--kreis KREIS")]
        area = {"orte": args.ort or [], "ortsteile": args.ortsteil or [], "plz": args.plz or []}
        path = scaffold.new_site(
            args.data_dir, args.slug, name, kreise, args.traeger or [], args.status, area=area, beginn=args.beginn, ende=args.ende, nachfolger=args.nachfolger,
        )
    except scaffold.ScaffoldError as exc:
        _print_lines(exc)
        return 1
    print(f"angelegt: {path}")
    print("Nächste Schritte: Beschreibung ergänzen, Anlaufstellen hinzufügen (thinka add-contact-point), dann 'thinka validate'.")
    return 0


def cmd_add_contact_point(args: argparse.Namespace) -> int:
    point = scaffold.NewContactPoint(
        name=args.name, art=args.art, ort=args.ort, plz=args.plz, strasse=args.strasse, ortsteil=args.ortsteil,
        telefon=tuple(args.telefon or ()), email=args.email,
    )
    try:
        path = scaffold.add_contact_point(args.data_dir, args.slug, point)
    except scaffold.ScaffoldError as exc:
        _print_lines(exc)
        print("Die Datei wurde nicht geändert.", file=sys.stderr)
        return 1
    print(f"Anlaufstelle '{args.name}' ergänzt in {path}")
    return 0


EXPORT_FORMATS = ("hsds", "csv", "geojson")


def cmd_export(args: argparse.Namespace) -> int:
    """The open data of /daten/ without a site build: validated first, written below --out."""
    from thinka.data.settings import Settings
    from thinka.exports import hsds, open_data

    dataset = _valid_dataset(args.data_dir)
    if dataset is None:
        return 1
    try:
        settings = Settings.from_environment(args.site_url, "ThINKA Thüringen")
    except ValueError:
        print(f"'{args.site_url}' ist keine Adresse der Website: bitte --site-url https://… angeben.", file=sys.stderr)
        return 1
    try:
        files = list(open_data.files(dataset, settings, args.format or EXPORT_FORMATS))
    except hsds.ExportError as exc:
        _print_lines(exc)
        return 1
    for path, content in files:
        target = args.out.joinpath(*path.removeprefix("daten/").split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, "utf-8")
        print(f"geschrieben: {target}")
    return 0


def _print_lines(exc: Exception) -> None:
    """A refusal, each of its problems on one visible line of standard error."""
    for line in str(exc).split("\n"):
        print(one_line(line), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    with german():
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="thinka", description="Werkzeuge für die ThINKA-Daten.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="befehl")
    validate = sub.add_parser("validate", help="Alle Daten prüfen und jeden Fehler als Datei:Zeile:Spalte melden.")
    validate.add_argument("data_dir", nargs="?", type=Path, default=Path(data_dir_default()), metavar="datenordner", help="Datenverzeichnis (Standard: sites_data oder $THINKA_DATA_DIR)")
    validate.set_defaults(run=cmd_validate)

    schema_cmd = sub.add_parser("schema", help="JSON-Schemas für Editoren aus dem Datenmodell erzeugen (site, organisations, program).")
    schema_cmd.add_argument("--out", type=Path, metavar="ORDNER", default=schema.SCHEMA_DIR, help=f"Zielordner (Standard: {schema.SCHEMA_DIR})")
    schema_cmd.add_argument("--check", action="store_true", help="Nichts schreiben; Status 1, wenn die Dateien im Zielordner veraltet sind.")
    schema_cmd.set_defaults(run=cmd_schema)

    report_cmd = sub.add_parser("report", help="Bericht für die Koordinierungsstelle: veraltete Angaben, Lücken, Standorte je Kreis.")
    report_cmd.add_argument("data_dir", nargs="?", type=Path, default=Path(data_dir_default()), metavar="datenordner", help="Datenverzeichnis (Standard: sites_data oder $THINKA_DATA_DIR)")
    report_cmd.set_defaults(run=cmd_report)

    owners = sub.add_parser("codeowners", help=".github/CODEOWNERS aus den Feldern 'redaktion' schreiben (im Wurzelordner des Repositorys ausführen).")
    owners.add_argument("data_dir", nargs="?", type=Path, default=Path(data_dir_default()), metavar="datenordner", help="Datenverzeichnis (Standard: sites_data oder $THINKA_DATA_DIR)")
    owners.add_argument("--out", type=Path, metavar="DATEI", default=codeowners.PATH, help=f"Zieldatei (Standard: {codeowners.PATH})")
    owners.add_argument("--check", action="store_true", help="Nichts schreiben; Status 1, wenn die Datei veraltet ist.")
    owners.set_defaults(run=cmd_codeowners)

    data_dir_help = "Datenverzeichnis (Standard: sites_data oder $THINKA_DATA_DIR)"
    new = sub.add_parser("new-site", help="Eine Datei für einen neuen Standort anlegen, mit Hinweisen als Kommentaren.")
    new.add_argument("slug", metavar="kennung", help="Kennung des Standorts, wird die Adresse /standorte/<kennung>/ (z. B. jena-lobeda)")
    new.add_argument("--name", help="Name des Standorts, z. B. \"ThINKA Jena-Lobeda\"")
    new.add_argument("--kreis", action="append", help="Landkreis oder kreisfreie Stadt (Name oder Schlüssel); mehrfach möglich")
    new.add_argument("--traeger", action="append", help="Kennung des Trägers aus organisations.yml; mehrfach möglich")
    new.add_argument("--ort", action="append", help="Ort im Einzugsgebiet (für die Suche); mehrfach möglich. Bei kreisfreien Städten: die Stadt selbst, wenn nichts angegeben ist")
    new.add_argument("--ortsteil", action="append", help="Ortsteil oder Sozialraum im Einzugsgebiet; mehrfach möglich")
    new.add_argument("--plz", action="append", help="Postleitzahl im Einzugsgebiet; mehrfach möglich")
    new.add_argument("--status", choices=list(SITE_STATUS), help="Status (Standard: beendet mit einem Ende in der Vergangenheit oder einem Nachfolger, geplant mit einem Beginn in der Zukunft, sonst aktiv)")
    new.add_argument("--beginn", metavar="DATUM", help="Beginn der Arbeit: JJJJ-MM-TT, JJJJ-MM oder JJJJ")
    new.add_argument("--ende", metavar="DATUM", help="Ende der Arbeit (bei einem beendeten Standort): JJJJ-MM-TT, JJJJ-MM oder JJJJ")
    new.add_argument("--nachfolger", metavar="KENNUNG", help="Kennung des Standorts, der die Arbeit fortsetzt (Dateiname in sites/ ohne .yml)")
    new.add_argument("--data-dir", type=Path, default=Path(data_dir_default()), metavar="ORDNER", help=data_dir_help)
    new.set_defaults(run=cmd_new_site)

    add = sub.add_parser("add-contact-point", help="Einem Standort eine Anlaufstelle hinzufügen; Kommentare und Formatierung der Datei bleiben erhalten.")
    add.add_argument("slug", metavar="kennung", help="Kennung des Standorts (Dateiname ohne .yml)")
    add.add_argument("--name", required=True, help="Name der Anlaufstelle")
    add.add_argument("--art", required=True, help="Art: " + ", ".join(CONTACT_KINDS))
    add.add_argument("--ort", required=True, help="Ort der Anlaufstelle")
    add.add_argument("--plz", help="Postleitzahl")
    add.add_argument("--strasse", help="Straße und Hausnummer")
    add.add_argument("--ortsteil", help="Ortsteil oder Wohngebiet")
    add.add_argument("--telefon", action="append", help="Telefonnummer; mehrfach möglich")
    add.add_argument("--email", help="E-Mail-Adresse")
    add.add_argument("--data-dir", type=Path, default=Path(data_dir_default()), metavar="ORDNER", help=data_dir_help)
    add.set_defaults(run=cmd_add_contact_point)

    export = sub.add_parser("export", help="Die offenen Daten (HSDS-JSON, CSV-Datenpaket, GeoJSON) ohne Website-Bau schreiben; die Daten werden vorher geprüft.")
    export.add_argument("data_dir", nargs="?", type=Path, default=Path(data_dir_default()), help=data_dir_help)
    export.add_argument("--format", action="append", choices=EXPORT_FORMATS, help="hsds, csv oder geojson; mehrfach möglich (Standard: alle drei)")
    export.add_argument("--out", type=Path, required=True, help="Zielordner; darin hsds/, csv/ und die zwei GeoJSON-Dateien wie unter /daten/")
    export.add_argument("--site-url", default=os.environ.get("THINKA_SITE_URL") or "https://thinka.example/", help="Adresse der Website für Links in den Daten (Standard: $THINKA_SITE_URL)")
    export.set_defaults(run=cmd_export)
    args = parser.parse_args(argv)
    try:
        fixed_today()  # a THINKA_TODAY that is no usable day stops every command, as it stops the build
    except ValueError as exc:
        print(one_line(str(exc)), file=sys.stderr)
        return 1
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for an editor
        print(one_line(f"Interner Fehler: {exc.__class__.__name__}: {exc}. Bitte melden Sie diesen Fehler dem Entwicklungsteam."), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
