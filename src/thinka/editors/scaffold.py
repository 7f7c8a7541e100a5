"""Scaffolding for editors: a new site file, one more contact point in an existing one.

Both write text, not re-serialised YAML: a new file comes with German hints as comments, and
adding a contact point inserts lines into the ``anlaufstellen:`` block, so every comment and
every line the editor wrote stays as it was. Nothing is written unless the result validates
(the same rules as ``thinka validate``).
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from thinka.data.dataset import ORGANISATIONS_FILE, PROGRAM_FILE, SITES_DIR, SLUG
from thinka.data.diagnostics import Problem, one_line
from thinka.data.dates import Date
from thinka.data.districts import District, _district, all_districts
from thinka.data.model import ContactPoint, Site
from thinka.data.validate import load_dataset
from thinka.data.yamlsource import CONTROL, FORBIDDEN, INVISIBLE, forbidden_character_message
from thinka.data.yamltext import flow_list, scalar
from thinka.exports.schema import modeline


class ScaffoldError(Exception):
    """A reason, in German, why nothing was written. Each line is one problem."""


@dataclass(frozen=True)
class NewContactPoint:
    name: str
    art: str
    ort: str
    plz: str | None = None
    strasse: str | None = None
    ortsteil: str | None = None
    telefon: tuple[str, ...] = ()
    email: str | None = None


def _hint(model: type, name: str) -> str:
    """The field's description from model.py, as a comment (one definition of every field)."""
    return f"# {model.model_fields[name].description}"


# ------------------------------------------------------------------ checks shared by both commands
def check_arguments(given: Sequence[tuple[str, str | Sequence[str] | None]]) -> None:
    """Every argument one line of visible text: a line end, carriage return, escape or invisible
    character in an option would end up in the file (or in a message) as something else."""
    for option, value in given:
        for text in [value] if isinstance(value, str) else value or ():
            bad = CONTROL.search(text) or FORBIDDEN.search(text) or INVISIBLE.search(text)
            if bad:
                raise ScaffoldError(f"{option} '{one_line(text)}': {forbidden_character_message(bad.group())}")


def check_slug(slug: str) -> None:
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(
            f"'{one_line(slug)}' taugt nicht als Kennung: nur Kleinbuchstaben a–z, Ziffern und Bindestriche, z. B. 'gera-lusan'. "
            "Die Kennung wird die Adresse der Seite (/standorte/<kennung>/)."
        )


def site_path(data_dir: Path, slug: str) -> Path | None:
    for suffix in (".yml", ".yaml"):
        path = data_dir / SITES_DIR / f"{slug}{suffix}"
        if path.is_file():
            return path
    return None


def district(text: str) -> District:
    try:
        return all_districts()[_district(text)]
    except PydanticCustomError as exc:
        raise ScaffoldError(exc.message()) from None


def validate_site_text(
    data_dir: Path, slug: str, text: str, shown_as: Path, also: Sequence[Path] = (), options: dict[int, str] | None = None,
) -> None:
    """Validate ``text`` as the site file ``slug`` next to the real program and organisations (and
    the site files ``also``, e.g. its successor); raise :class:`ScaffoldError` with every problem of
    that file: at the option a line comes from (``options``: line → option), else at its position."""
    with tempfile.TemporaryDirectory(prefix="thinka-") as tmp:
        root = Path(tmp)
        for name in (PROGRAM_FILE, ORGANISATIONS_FILE):
            if (data_dir / name).is_file():
                shutil.copyfile(data_dir / name, root / name)
        (root / SITES_DIR).mkdir()
        for other in also:
            shutil.copyfile(other, root / SITES_DIR / f"{other.stem}.yml")
        candidate = root / SITES_DIR / f"{slug}.yml"
        candidate.write_text(text, "utf-8")
        _, problems = load_dataset(root)
        mine = [p for p in problems.errors if Path(p.path) == candidate]
        if mine:
            options = options or {}
            raise ScaffoldError("\n".join(
                one_line(f"{options[p.line]}: {p.message}") if p.line in options else Problem(str(shown_as), p.line, p.column, p.message).format()
                for p in mine
            ))


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.neu")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)


# ------------------------------------------------------------------ thinka new-site
def _in_districts(districts: list[District]) -> str:
    return " und ".join(f"in der Stadt {d.name}" if d.kind == "kreisfreie Stadt" else f"im {d.title}" for d in districts)


def _area_lines(area: dict[str, list[str]]) -> list[str]:
    lines = ["einzugsgebiet:"]
    for key in ("orte", "ortsteile", "plz"):
        if area.get(key):
            values = [json.dumps(v) for v in area[key]] if key == "plz" else None
            lines.append(f"  {key}: " + (f"[{', '.join(values)}]" if values else flow_list(area[key])))
    return lines


def site_text(
    slug: str, name: str, districts: list[District], carriers: list[tuple[str, str]], status: str, today: date,
    area: dict[str, list[str]] | None = None, times: dict[str, str] | None = None,
) -> str:
    """The text of a new site file: required fields filled from the options, the rest as hints."""
    past = status == "beendet"
    sentence = f"{name} {'war' if past else 'ist'} ein ThINKA-Standort {_in_districts(districts)}."
    if carriers:
        names = [n for _, n in carriers]
        verb = ("war" if len(names) == 1 else "waren") if past else ("ist" if len(names) == 1 else "sind")
        sentence += f" Träger {verb} {' und '.join(names)}"
        sentence += "" if sentence.endswith(".") else "."  # 'e.V.' ends the sentence itself
    lines = [
        modeline("site", f"{SITES_DIR}/{slug}.yml"),
        f"# Standort '{name}', angelegt mit 'thinka new-site' am {today.strftime('%d.%m.%Y')}.",
        "# Zeilen mit # am Anfang sind Hinweise; sie erscheinen nicht auf der Website.",
        "# Ein Hinweis mit einem Feld darunter (z. B. '# beginn: …') wird zum Feld, wenn Sie '# ' entfernen.",
        "",
        _hint(Site, "name"),
        f"name: {scalar(name)}",
        _hint(Site, "kreise"),
        f"kreise: {flow_list([d.name for d in districts])}",
        _hint(Site, "status"),
        f"status: {status}",
        _hint(Site, "beginn") + " Format JJJJ-MM-TT, JJJJ-MM oder JJJJ.",
        f"beginn: {times['beginn']}" if times and times.get("beginn") else "# beginn: 2013-03",
        *([_hint(Site, "ende"), f"ende: {times['ende']}"] if times and times.get("ende") else []),
        *([_hint(Site, "nachfolger"), f"nachfolger: {times['nachfolger']}"] if times and times.get("nachfolger") else []),
        _hint(Site, "traeger"),
        f"traeger: {flow_list([i for i, _ in carriers])}" if carriers else "# traeger: [kennung-des-traegers]",
        _hint(Site, "steuerungsgruppe") + " Kennungen aus organisations.yml.",
        "# steuerungsgruppe:",
        "#   - organisation: kennung-aus-organisations-yml",
        "#     rolle: Kommune",
        _hint(Site, "partner"),
        "# partner:",
        "#   - organisation: kennung-aus-organisations-yml",
        "#     rolle: Partner im Sozialraum",
        _hint(Site, "einzugsgebiet") + " Möglich sind orte, ortsteile und plz.",
        *_area_lines(area or {}),
        _hint(Site, "beschreibung") + " Bitte ergänzen.",
        "beschreibung: |",
        f"  {sentence}",
        _hint(Site, "anlaufstellen") + f" Ergänzen mit: thinka add-contact-point {slug} --name … --art … --ort …",
        "anlaufstellen: []",
        _hint(Site, "stand"),
        f"stand: {today.isoformat()}",
        _hint(Site, "redaktion"),
        '# redaktion: ["@github-name"]',
        "",
    ]
    return "\n".join(lines)


def new_site(
    data_dir: Path,
    slug: str,
    name: str,
    kreise: list[str],
    traeger: Sequence[str] = (),
    status: str | None = None,
    today: date | None = None,
    area: dict[str, list[str]] | None = None,
    beginn: str | None = None,
    ende: str | None = None,
    nachfolger: str | None = None,
) -> Path:
    """Write ``sites/<slug>.yml``; raise :class:`ScaffoldError` (German) and write nothing otherwise.
    ``status`` None: 'beendet' with an end in the past or a successor, 'geplant' with a start in
    the future, else 'aktiv'."""
    data_dir = Path(data_dir)
    area = area or {}
    today = today or date.today()
    check_arguments([
        ("Kennung", slug), ("--name", name), ("--kreis", kreise), ("--traeger", traeger), ("--status", status or ""),
        ("--ort", area.get("orte")), ("--ortsteil", area.get("ortsteile")), ("--plz", area.get("plz")),
        ("--beginn", beginn), ("--ende", ende), ("--nachfolger", nachfolger),
    ])
    check_slug(slug)
    times, status = _lifecycle(data_dir, slug, status, beginn, ende, nachfolger, today)
    existing = site_path(data_dir, slug)
    if existing is not None:
        raise ScaffoldError(f"Den Standort '{slug}' gibt es schon: {existing}. Bitte diese Datei bearbeiten oder eine andere Kennung wählen.")
    if not (data_dir / SITES_DIR).is_dir():
        raise ScaffoldError(f"{data_dir / SITES_DIR}: Ordner nicht gefunden. Ist '{data_dir}' das Datenverzeichnis?")
    if not kreise:
        raise ScaffoldError("Bitte mindestens einen Landkreis oder eine kreisfreie Stadt angeben (--kreis).")
    districts = list(dict.fromkeys(district(k) for k in kreise))
    area = {key: list(values) for key, values in (area or {}).items() if values}
    cities = [d.name for d in districts if d.kind == "kreisfreie Stadt"]
    if not area and len(cities) != len(districts):
        raise ScaffoldError(
            "Bitte angeben, wofür der Standort zuständig ist: --ort (z. B. --ort Arnstadt), --ortsteil oder --plz; mehrfach möglich. "
            "Danach sucht die Suche „Ort, Ortsteil oder PLZ“."
        )
    if cities and not area.get("orte"):
        area = {"orte": cities, **area}  # a kreisfreie Stadt is itself the place it serves, also beside its Ortsteile
    dataset, _ = load_dataset(data_dir)
    carriers = []
    for ident in traeger:
        if ident not in dataset.organisations:
            raise ScaffoldError(
                f"Organisation '{ident}' ist in organisations.yml nicht eingetragen. Bitte zuerst dort anlegen (mit 'id: {ident}')."
            )
        carriers.append((ident, dataset.organisation(ident).name))
    path = data_dir / SITES_DIR / f"{slug}.yml"
    text = site_text(slug, name, districts, carriers, status, today, area, times)
    successor = site_path(data_dir, nachfolger) if nachfolger else None
    validate_site_text(data_dir, slug, text, path, also=[successor] if successor else [], options=_option_lines(text))
    _write(path, text)
    return path


def _lifecycle(
    data_dir: Path, slug: str, status: str | None, beginn: str | None, ende: str | None, nachfolger: str | None, today: date,
) -> tuple[dict[str, str], str]:
    """--beginn, --ende and --nachfolger checked as the model checks them, and the status they
    lead to; the rules that weigh status against the dates run on the written text afterwards."""
    times: dict[str, str] = {}
    days = {}
    for option, value in (("beginn", beginn), ("ende", ende)):
        if value is None:
            continue
        try:
            days[option] = TypeAdapter(Date).validate_python(value)
        except ValidationError as exc:
            raise ScaffoldError(f"--{option} '{one_line(value)}': {exc.errors()[0]['msg']}") from None
        times[option] = days[option].iso()
    if "beginn" in days and "ende" in days and days["ende"].last < days["beginn"].first:
        raise ScaffoldError(f"--ende {days['ende'].iso()} liegt vor --beginn {days['beginn'].iso()}.")
    if nachfolger is not None:
        if not SLUG.fullmatch(nachfolger):
            raise ScaffoldError(f"--nachfolger '{one_line(nachfolger)}': erwartet wird die Kennung eines Standorts (Dateiname in sites/ ohne .yml), z. B. 'gera'.")
        if nachfolger == slug:
            raise ScaffoldError("--nachfolger: Ein Standort kann nicht sein eigener Nachfolger sein.")
        if site_path(data_dir, nachfolger) is None:
            known = sorted(p.stem for p in (data_dir / SITES_DIR).glob("*.y*ml"))
            close = difflib.get_close_matches(nachfolger, known, n=1)
            hint = f" Meinten Sie '{close[0]}'?" if close else ""
            raise ScaffoldError(f"--nachfolger: Den Standort '{nachfolger}' gibt es nicht (keine Datei sites/{nachfolger}.yml).{hint}")
        times["nachfolger"] = nachfolger
    if status is None:
        ended = "ende" in days and days["ende"].last < today
        status = "beendet" if ended or nachfolger else "geplant" if "beginn" in days and days["beginn"].first > today else "aktiv"
    if status == "beendet" and "ende" not in days and nachfolger is None:
        raise ScaffoldError("Ein beendeter Standort braucht --ende (Datum, z. B. --ende 2020-12) oder --nachfolger; ist das Ende nicht bekannt, danach 'ende_hinweis' in der Datei eintragen.")
    return times, status


def _option_lines(text: str) -> dict[int, str]:
    """Which option each line of a new site file comes from (messages then name the option)."""
    options = {"name": "--name", "kreise": "--kreis", "status": "--status", "beginn": "--beginn", "ende": "--ende", "nachfolger": "--nachfolger", "traeger": "--traeger"}
    area = {"orte": "--ort", "ortsteile": "--ortsteil", "plz": "--plz"}  # indented under einzugsgebiet:
    found = {}
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        key = line.split(":", 1)[0]
        if key in options and not line.startswith("#"):
            found[number] = options[key]
        elif line.startswith("  ") and key.strip() in area:
            found[number] = area[key.strip()]
        elif line == "beschreibung: |" or (number > 1 and lines[number - 2] == "beschreibung: |"):
            found[number] = "--name"  # the first sentence of the description names the site
    return found


# ------------------------------------------------------------------ thinka add-contact-point
def contact_point_lines(point: NewContactPoint, indent: int) -> list[str]:
    """The new list entry, ``- `` at column ``indent``."""
    pad = " " * (indent + 2)
    lines = [f"{' ' * indent}- name: {scalar(point.name)}", f"{pad}art: {scalar(point.art)}", f"{pad}adresse:"]
    for key, value in (("strasse", point.strasse), ("plz", point.plz), ("ort", point.ort), ("ortsteil", point.ortsteil)):
        if value:
            lines.append(f"{pad}  {key}: {json.dumps(value) if key == 'plz' else scalar(value)}")
    if point.telefon:
        lines.append(f"{pad}telefon: {flow_list(list(point.telefon))}")
    if point.email:
        lines.append(f"{pad}email: {scalar(point.email)}")
    given = {"name", "art", "adresse"} | {k for k in ("telefon", "email") if getattr(point, k)}
    more = [k for k in ContactPoint.model_fields if k not in given]
    lines.append(f"{pad}# Weitere mögliche Felder (siehe /redaktion/felder/): {', '.join(more)}.")
    return lines


def insert_contact_point(text: str, point: NewContactPoint) -> str:
    """``text`` with one more entry at the end of its ``anlaufstellen:`` list; everything else as it was."""
    lines = text.split("\n")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise ScaffoldError("Die Datei ist kein gültiges YAML; bitte zuerst mit 'thinka validate' die Fehler beheben.") from None
    if not isinstance(root, yaml.MappingNode):
        raise ScaffoldError("Die Datei enthält keine Felder; bitte zuerst mit 'thinka validate' prüfen.")
    found = [(k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "anlaufstellen"]
    if not found:  # no list yet: a new block at the end
        while lines and lines[-1] == "":
            lines.pop()
        return "\n".join(lines + ["anlaufstellen:"] + contact_point_lines(point, 2)) + "\n"
    key, value = found[0]
    key_line, key_column = key.start_mark.line, key.start_mark.column
    if isinstance(value, yaml.ScalarNode) and value.value == "" and not value.style:  # `anlaufstellen:` left empty
        return "\n".join(lines[: key_line + 1] + contact_point_lines(point, key_column + 2) + lines[key_line + 1 :])
    if not isinstance(value, yaml.SequenceNode):
        raise ScaffoldError(f"Zeile {key_line + 1}: 'anlaufstellen' muss eine Liste sein; bitte zuerst mit 'thinka validate' prüfen.")
    if value.flow_style:
        if value.value:
            raise ScaffoldError(
                f"Zeile {key_line + 1}: Die Anlaufstellen stehen in eckigen Klammern […]. Bitte die neue Anlaufstelle von Hand ergänzen."
            )
        line = lines[value.start_mark.line]  # `anlaufstellen: []`: the brackets go, the entry follows
        rest = line[value.end_mark.column :].strip()
        if value.start_mark.line != value.end_mark.line or (rest and not rest.startswith("#")):
            raise ScaffoldError(f"Zeile {key_line + 1}: 'anlaufstellen' bitte als leere Liste '[]' oder als Liste mit '- ' schreiben.")
        head = line[: value.start_mark.column].rstrip() + (f"  {rest}" if rest else "")
        at = value.start_mark.line
        return "\n".join(lines[:at] + [head] + contact_point_lines(point, key_column + 2) + lines[at + 1 :])
    # A block list: the new entry goes after the last line of the last entry.
    dash_column = value.start_mark.column
    content_column = value.value[0].start_mark.column if value.value else dash_column + 2
    end = value.end_mark.line if value.end_mark.column == 0 or value.end_mark.line >= len(lines) else value.end_mark.line + 1
    end = min(end, len(lines))
    while end > key_line + 1:
        previous = lines[end - 1]
        stripped = previous.strip()
        indent = len(previous) - len(previous.lstrip(" "))
        if stripped == "" or (stripped.startswith("#") and indent < content_column):
            end -= 1  # blank lines and comments that belong to what follows
            continue
        break
    return "\n".join(lines[:end] + contact_point_lines(point, dash_column) + lines[end:])


def add_contact_point(data_dir: Path, slug: str, point: NewContactPoint) -> Path:
    data_dir = Path(data_dir)
    check_arguments([("Kennung", slug), *((f"--{name}", getattr(point, name)) for name in NewContactPoint.__dataclass_fields__)])
    check_slug(slug)
    path = site_path(data_dir, slug)
    if path is None:
        raise ScaffoldError(f"Den Standort '{slug}' gibt es nicht ({data_dir / SITES_DIR / (slug + '.yml')} fehlt). Neu anlegen mit: thinka new-site {slug}")
    text = path.read_text("utf-8")
    updated = insert_contact_point(text, point)
    validate_site_text(data_dir, slug, updated, path)
    _write(path, updated)
    return path

