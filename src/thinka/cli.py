"""Command line: ``thinka validate``, ``thinka schema`` and the other tools for editors."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import schema
from .validate import load_dataset

DEFAULT_DATA_DIR = "sites_data"


def data_dir_default() -> str:
    return os.environ.get("THINKA_DATA_DIR") or DEFAULT_DATA_DIR


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def cmd_validate(args: argparse.Namespace) -> int:
    dataset, problems = load_dataset(args.data_dir)
    for problem in problems.warnings + problems.errors:
        print(problem.format(), file=sys.stderr if problem in problems.errors else sys.stdout)
    if in_github_actions():  # the same problems as annotations on the pull request's lines
        workspace = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
        for problem in problems.errors + problems.warnings:
            print(problem.annotation(workspace))
        sys.stdout.flush()
    if problems:
        count = len(problems.errors)
        print(f"{count} Fehler gefunden." if count != 1 else "1 Fehler gefunden.", file=sys.stderr)
        return 1
    points = sum(len(s.record.anlaufstellen) for s in dataset.sites.values())
    print(f"Alles in Ordnung: {len(dataset.sites)} Standorte, {points} Anlaufstellen, {len(dataset.organisations)} Organisationen.")
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="thinka", description="Werkzeuge für die ThINKA-Daten.")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="Alle Daten prüfen und jeden Fehler als Datei:Zeile:Spalte melden.")
    validate.add_argument("data_dir", nargs="?", type=Path, default=Path(data_dir_default()), help="Datenverzeichnis (Standard: sites_data oder $THINKA_DATA_DIR)")
    validate.set_defaults(run=cmd_validate)

    schema_cmd = sub.add_parser("schema", help="JSON-Schemas für Editoren aus dem Datenmodell erzeugen (site, organisations, program).")
    schema_cmd.add_argument("--out", type=Path, default=schema.SCHEMA_DIR, help=f"Zielordner (Standard: {schema.SCHEMA_DIR})")
    schema_cmd.add_argument("--check", action="store_true", help="Nichts schreiben; Status 1, wenn die Dateien im Zielordner veraltet sind.")
    schema_cmd.set_defaults(run=cmd_schema)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for an editor
        print(f"Interner Fehler: {exc.__class__.__name__}: {exc}. Bitte melden Sie diesen Fehler dem Entwicklungsteam.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
