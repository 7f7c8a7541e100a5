"""Second pass of a hostile corpus (219 cases, kept outside the repository): the classes it found,
each refused in German at its position, or built as typed — never a traceback, never a deleted folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, COMPLETE, REPO, TODAY, build, edit
from thinka.data.validate import load_dataset

SITE = "sites/jena-lobeda.yml"
RETYPE = "(sie sehen gleich aus, sind aber andere Zeichen). Bitte das Wort neu tippen."


def _reported(data_dir: Path) -> list[tuple[str, int, int, str]]:
    _, problems = load_dataset(data_dir)
    return [(Path(p.path).relative_to(data_dir).as_posix(), p.line, p.column, p.message) for p in problems.errors]


# (file, old text, new text, [(line, column, message)]): each edit alone gives exactly these errors.
CASES = [
    pytest.param(SITE, "  - name: Stadtteilbüro Lobeda", "  - name: Stadtteilbüro L\u043ebeda", [
        (17, 11, f"Im Wort 'L\u043ebeda' stehen lateinische und kyrillische Buchstaben gemischt {RETYPE}")],
        id="cyrillic-o-in-a-contact-point-name"),
    pytest.param(SITE, "name: ThINKA Jena-Lobeda", "name: ThINKA J\u0435na-Lobeda", [
        (1, 7, f"Im Wort 'J\u0435na' stehen lateinische und kyrillische Buchstaben gemischt {RETYPE}")],
        id="cyrillic-e-in-a-site-name"),
    pytest.param(SITE, "name: ThINKA Jena-Lobeda", "name: ThINKA Jena-L\u03bfbeda", [
        (1, 7, f"Im Wort 'L\u03bfbeda' stehen lateinische und griechische Buchstaben gemischt {RETYPE}")],
        id="greek-omicron-in-a-site-name"),
    pytest.param("organisations.yml", "name: Testwohnen eG", "name: T\u0435stwohnen eG", [
        (11, 55, f"Im Wort 'T\u0435stwohnen' stehen lateinische und kyrillische Buchstaben gemischt {RETYPE}")],
        id="cyrillic-e-in-an-organisation"),
    pytest.param("organisations.yml", "website: https://traeger.example.org", "website: https://www.traeger.example.org@evil.example/", [
        (9, 14, "In der Adresse 'https://www.traeger.example.org@evil.example/' steht vor dem Servernamen ein '@' "
                "(Benutzername oder Passwort); bitte nur https://server/pfad angeben.")],
        id="url-with-a-name-before-the-server"),
    pytest.param("organisations.yml", "website: https://traeger.example.org", "website: https://user:geheim@traeger.example.org/", [
        (9, 14, "In der Adresse 'https://user:geheim@traeger.example.org/' steht vor dem Servernamen ein '@' "
                "(Benutzername oder Passwort); bitte nur https://server/pfad angeben.")],
        id="url-with-a-password"),
    pytest.param("organisations.yml", "website: https://traeger.example.org", "website: 'mailto:info@traeger.example.org?bcc=spy@evil.example'", [
        (9, 14, "Die Adresse 'mailto:info@traeger.example.org?bcc=spy@evil.example' enthält nach '?' weitere Angaben "
                "(z. B. versteckte Empfänger); bitte nur mailto:name@beispiel.de angeben.")],
        id="mailto-url-with-hidden-recipients"),
    pytest.param(SITE, "plz: [07747]", "plz: [07747, '07747']", [
        (13, 16, "'07747' steht schon in 'plz' (Eintrag 1): bitte jeden Eintrag nur einmal nennen.")],
        id="postal-code-twice-in-the-service-area"),
    pytest.param(SITE, "ortsteile: [Lobeda-West, Lobeda-Ost]", "ortsteile: [Lobeda-West, Lobeda-Ost, lobeda-west]", [
        (12, 40, "'lobeda-west' steht schon in 'ortsteile' (Eintrag 1): bitte jeden Eintrag nur einmal nennen.")],
        id="district-part-twice-in-other-case"),
    pytest.param(SITE, "orte: [Jena]", "orte: [Jena, Jena]", [
        (11, 16, "'Jena' steht schon in 'orte' (Eintrag 1): bitte jeden Eintrag nur einmal nennen.")],
        id="town-twice-in-the-service-area"),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES)
def test_refused_at_its_position(data_dir: Path, file: str, old: str, new: str, expected: list[tuple[int, int, str]]) -> None:
    edit(data_dir / file, old, new)
    assert _reported(data_dir) == [(file, line, column, message) for line, column, message in expected]


@pytest.mark.parametrize("value", ["Москва", "Ελληνική Gemeinde", "Büro für Ärger", "Treff 42"])
def test_a_word_in_one_alphabet_is_kept(data_dir: Path, value: str) -> None:
    edit(data_dir / SITE, "name: ThINKA Jena-Lobeda", f"name: {value}")
    dataset, problems = load_dataset(data_dir)
    assert not problems.errors
    assert dataset.sites["jena-lobeda"].record.name == value


@pytest.mark.parametrize(("folder", "name"), [("sites", "neu.yml"), ("sites", "weitere"), ("news", "2024-07-01-x.md"), ("events", "2024-07-01-x.yml")])
def test_a_folder_among_the_data_files_is_named(data_dir: Path, folder: str, name: str) -> None:
    # A site file moved into a subfolder would otherwise never reach the site, without a word.
    (data_dir / folder / name).mkdir()
    shutil.copy(data_dir / SITE, data_dir / folder / name / "jena-lobeda.yml")
    assert _reported(data_dir) == [(f"{folder}/{name}", 1, 1,
        f"'{name}' ist ein Ordner: in {folder}/ werden nur die Dateien selbst gelesen, nichts in Unterordnern. Bitte die Dateien direkt in {folder}/ legen.")]


def test_a_folder_of_images_beside_posts_is_fine(data_dir: Path) -> None:
    (data_dir / "news" / "fotos").mkdir()
    assert _reported(data_dir) == []


def test_no_open_contact_point_with_hours_still_builds_the_open_data_page(data_dir: Path, tmp_path: Path) -> None:
    # The only contact point with opening hours belongs to a site that ended: /daten/ had no
    # excerpt to show and the build stopped with a Jinja traceback ('example' is undefined).
    edit(data_dir / SITE, "status: aktiv", "status: beendet\nende: 2021-01-01\nnachfolger: jena-winzerla")
    out = tmp_path / "site"
    result = build(data_dir, out)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    page = (out / "daten" / "index.html").read_text("utf-8")
    assert "Die Dateien" in page and 'id="beispiele"' not in page


def _build_into(data: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, THINKA_DATA_DIR=str(data), NO_MKDOCS_2_WARNING="1", THINKA_TODAY=TODAY)
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(out)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_output_folder_that_is_the_data_folder_is_refused_before_anything_is_deleted(data_dir: Path) -> None:
    before = _files(data_dir)
    result = _build_into(data_dir, data_dir)
    assert result.returncode == 1
    assert (f"ERROR   -  Der Ausgabeordner {data_dir} enthält den Datenordner {data_dir}: MkDocs würde ihn vor dem Bauen leeren. "
            "Bitte einen eigenen Ordner angeben (z. B. site).") in result.stderr.splitlines()
    assert _files(data_dir) == before


def test_output_folder_above_the_data_folder_is_refused(data_dir: Path) -> None:
    result = _build_into(data_dir, data_dir.parent)
    assert result.returncode == 1
    assert f"Der Ausgabeordner {data_dir.parent} enthält den Datenordner {data_dir}" in result.stderr
    assert (data_dir / SITE).exists()


def test_output_folder_inside_the_data_folder_is_refused(data_dir: Path) -> None:
    before = _files(data_dir)
    result = _build_into(data_dir, data_dir / "sites")
    assert result.returncode == 1
    assert (f"ERROR   -  Der Ausgabeordner {data_dir / 'sites'} liegt im Datenordner {data_dir}: die Website würde zwischen die Daten "
            "geschrieben. Bitte einen Ordner außerhalb angeben (z. B. site).") in result.stderr.splitlines()
    assert _files(data_dir) == before


def test_a_foreign_folder_is_not_emptied(tmp_path: Path) -> None:
    foreign = tmp_path / "dokumente"
    foreign.mkdir()
    (foreign / "steuer.pdf").write_text("bitte behalten")
    result = _build_into(COMPLETE, foreign)
    assert result.returncode == 1
    assert (f"ERROR   -  Der Ausgabeordner {foreign} ist nicht leer und enthält keine gebaute Website (z. B. 'steuer.pdf'): "
            "MkDocs würde alles darin löschen. Bitte einen leeren Ordner oder den Ordner einer früheren Website angeben.") in result.stderr.splitlines()
    assert _files(foreign) == ["steuer.pdf"]


def test_an_earlier_site_and_an_empty_folder_are_built_over(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert _build_into(COMPLETE, out).returncode == 0
    (out / "alt.html").write_text("von früher")
    result = _build_into(COMPLETE, out)
    assert result.returncode == 0, result.stderr
    assert not (out / "alt.html").exists() and (out / "index.html").exists()
    empty = tmp_path / "leer"
    empty.mkdir()
    (empty / ".git").write_text("gitdir: anderswo")  # hidden entries MkDocs keeps do not count
    assert _build_into(COMPLETE, empty).returncode == 0


# --- images: what the file holds, not what its name says -------------------------------------

POST = "news/2024-05-02-sprechstunde-lobeda.md"


def _png(width: int, height: int, cut: int = 0) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    whole = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    return whole[: len(whole) - cut]


# A minimal JPEG (SOI, APP0, a baseline frame header of 40 × 30 pixels, EOI) and a lossless WebP of 40 × 30.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xc0\x00\x11\x08\x00\x1e\x00\x28\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xd9"
WEBP = b"RIFF" + (22).to_bytes(4, "little") + b"WEBPVP8L" + (10).to_bytes(4, "little") + b"\x2f" + ((40 - 1) | ((30 - 1) << 14)).to_bytes(4, "little") + b"\x00" * 5


@pytest.mark.parametrize(("name", "content", "message"), [
    pytest.param("bilder/seite.png", b"<html><script>alert(1)</script></html>",
                 "Die Datei ist kein Bild im Format PNG, obwohl sie auf .png endet. Bitte das Bild als JPEG, PNG oder WebP speichern.", id="html-named-png"),
    pytest.param("bilder/bild.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                 "Die Datei ist kein Bild im Format JPEG, obwohl sie auf .jpg endet. Bitte das Bild als JPEG, PNG oder WebP speichern.", id="svg-named-jpg"),
    pytest.param("bilder/foto.jpg", _png(2, 2), "Die Datei ist ein PNG-Bild, endet aber auf .jpg. Bitte passend umbenennen.", id="png-named-jpg"),
    pytest.param("bilder/halb.png", _png(20, 20, cut=30), "Das PNG-Bild ist beschädigt oder unvollständig. Bitte neu speichern.", id="truncated-png"),
    pytest.param("bilder/halb.jpg", JPEG[:-2], "Das JPEG-Bild ist beschädigt oder unvollständig. Bitte neu speichern.", id="truncated-jpeg"),
    pytest.param("bilder/halb.webp", WEBP[:-3], "Das WebP-Bild ist beschädigt oder unvollständig. Bitte neu speichern.", id="truncated-webp"),
    pytest.param("bilder/bombe.png", _png(30_000, 30_000),
                 "Das Bild hat 30.000 × 30.000 Pixel; erlaubt sind höchstens 10.000 Pixel je Seite und 50 Millionen insgesamt. Bitte verkleinert speichern.",
                 id="few-bytes-many-pixels"),
    pytest.param("bilder/leer.png", b"", "Die Datei ist kein Bild im Format PNG, obwohl sie auf .png endet. Bitte das Bild als JPEG, PNG oder WebP speichern.", id="empty-file"),
])
def test_an_image_is_checked_by_its_content(data_dir: Path, name: str, content: bytes, message: str) -> None:
    (data_dir / "news" / name).write_bytes(content)
    edit(data_dir / POST, "datei: bilder/lobeda.png", f"datei: {name}")
    assert _reported(data_dir) == [(POST, 7, 10, f"'{name}': {message}")]


def test_a_too_large_image_file_is_refused_before_it_is_read(data_dir: Path) -> None:
    big = data_dir / "news" / "bilder" / "gross.png"
    with open(big, "wb") as file:
        file.write(_png(1, 1))
        file.truncate(12_500_000)  # sparse: no 12 MB written
    edit(data_dir / POST, "datei: bilder/lobeda.png", "datei: bilder/gross.png")
    assert _reported(data_dir) == [(POST, 7, 10, "'bilder/gross.png': Das Bild ist zu groß: 12,5 MB; erlaubt sind höchstens 10 MB. "
                                               "Bitte verkleinert speichern (z. B. 1.600 Pixel breit).")]


@pytest.mark.parametrize(("name", "content"), [("bilder/foto.jpg", JPEG), ("bilder/foto.jpeg", JPEG), ("bilder/foto.webp", WEBP), ("bilder/foto.PNG", _png(3, 2))])
def test_real_images_of_each_type_pass(data_dir: Path, name: str, content: bytes) -> None:
    (data_dir / "news" / name).write_bytes(content)
    edit(data_dir / POST, "datei: bilder/lobeda.png", f"datei: {name}")
    assert _reported(data_dir) == []


def _project_copy(tmp_path: Path) -> Path:
    """mkdocs.yml, docs/ and overrides/ in a folder of their own: a wrong -d must not wipe the real project."""
    project = tmp_path / "projekt"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(REPO / folder, project / folder)
    return project


@pytest.mark.parametrize(("where", "message"), [
    ("", "Der Ausgabeordner {out} enthält das Projekt selbst (docs/): MkDocs würde es vor dem Bauen leeren. Bitte einen eigenen Ordner angeben (z. B. site)."),
    ("docs/ausgabe", "Der Ausgabeordner {out} liegt in docs/: die Website würde in ihre eigenen Quellen geschrieben. Bitte einen Ordner außerhalb angeben (z. B. site)."),
])
def test_output_folder_holding_the_project_or_inside_docs_is_refused_in_german(tmp_path: Path, where: str, message: str) -> None:
    # MkDocs refuses these itself, in English and before any plugin runs: `mkdocs build -d .` or `-d /`.
    project = _project_copy(tmp_path)
    before = _files(project)
    out = project / where if where else project
    env = dict(os.environ, THINKA_DATA_DIR=str(COMPLETE), NO_MKDOCS_2_WARNING="1", THINKA_TODAY=TODAY)
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-f", str(project / "mkdocs.yml"), "--site-dir", str(out)],
                            cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert f"ERROR   -  {message.format(out=out)}" in result.stderr.splitlines()
    assert _files(project) == before


# --- dashes and rare YAML errors ---------------------------------------------------------------

@pytest.mark.parametrize("dash", ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"])
def test_every_dash_between_days_and_times_is_a_range(data_dir: Path, dash: str) -> None:
    # A word processor turns 'Mo-Fr' into a hyphen (U+2010) or a minus sign: they were 'kein Wochentag'.
    edit(data_dir / SITE, "tage: Mo–Fr\n        zeiten: 09:00–12:00", f"tage: Mo{dash}Fr\n        zeiten: 09:00{dash}12:00")
    dataset, problems = load_dataset(data_dir)
    assert not problems.errors
    row = dataset.sites["jena-lobeda"].record.anlaufstellen[0].oeffnungszeiten[0]
    assert (row.tage.label, [span.label for span in row.zeiten]) == ("Mo–Fr", ["09:00–12:00"])


SYNTAX = "YAML-Syntaxfehler: "


@pytest.mark.parametrize(("old", "new", "line", "column", "message"), [
    pytest.param("status: aktiv", "status: aktiv\n...\nende: 2020", 5, 1,
                 "Nach dem Ende des Dokuments ('...') oder einer Anweisung mit '%' geht die Datei weiter: bitte '...' bzw. die '%'-Zeile löschen.", id="content-after-document-end"),
    pytest.param("status: aktiv", 'status: "\\xZZ"', 3, 12, "Ungültige Escape-Sequenz (\\x…, \\u…) in einem Text in doppelten Anführungszeichen.", id="bad-hex-escape"),
    pytest.param("status: aktiv", "status: |0\n  aktiv", 3, 10,
                 "Nach '|' oder '>' darf keine 0 folgen; Text mit '|' oder '>' am Anfang bitte in \"…\" setzen.", id="block-scalar-indent-zero"),
    pytest.param("name: ThINKA Jena-Lobeda", "%FOO\n---\nname: ThINKA Jena-Lobeda", 1, 5,
                 "Eine Zeile mit '%' am Anfang ist eine YAML-Anweisung, und diese gibt es nicht; Text mit '%' am Anfang bitte in \"…\" setzen.", id="unknown-directive"),
    pytest.param("name: ThINKA Jena-Lobeda", "%YAML 2.0\n---\nname: ThINKA Jena-Lobeda", 1, 1,
                 "Die Anweisung '%YAML' nennt eine Version, die es nicht gibt; bitte die Zeile löschen.", id="yaml-version-2"),
    pytest.param("status: aktiv", "status: !x!y aktiv", 3, 9, "Unbekannte YAML-Markierung ('!…'); Text mit '!' am Anfang bitte in \"…\" setzen.", id="undefined-tag-handle"),
])
def test_rare_yaml_errors_are_told_in_german(data_dir: Path, old: str, new: str, line: int, column: int, message: str) -> None:
    edit(data_dir / SITE, old, new)
    assert _reported(data_dir) == [(SITE, line, column, SYNTAX + message)]


@pytest.mark.parametrize(("markdown", "html"), [
    ("[Schreiben Sie uns](mailto:info@traeger.example.org?bcc=spy@evil.example)", "<p><a>Schreiben Sie uns</a></p>"),
    ("[Schreiben Sie uns](MAILTO:info@traeger.example.org&#63;cc=spy@evil.example)", "<p><a>Schreiben Sie uns</a></p>"),
    ("[Schreiben Sie uns](mailto:info@traeger.example.org)", '<p><a href="mailto:info@traeger.example.org">Schreiben Sie uns</a></p>'),
])
def test_a_mail_link_in_a_text_never_adds_hidden_recipients(markdown: str, html: str) -> None:
    # The e-mail fields refuse '?'; a link in a post or description was still published with its Bcc.
    from thinka.data.text import render_markdown

    assert render_markdown(markdown) == html


@pytest.mark.parametrize(("options", "expected"), [
    (["--ort", "Jena", "--plz", "7745"], ["--plz: Postleitzahl '7745' muss aus genau fünf Ziffern bestehen (z. B. 07743)."]),
    (["--ort", "Je\u043da"], ["--ort: Im Wort 'Je\u043da' stehen lateinische und kyrillische Buchstaben gemischt " + RETYPE]),
    (["--ort", "Jena", "--ortsteil", "Lobeda\u200b"], ["--ortsteil 'Lobeda\\u200b': Unzulässiges Zeichen U+200B (unsichtbares Zeichen ohne Breite) – es ist unsichtbar oder verändert die Anzeige. Bitte löschen."]),
])
def test_new_site_names_the_option_not_a_line_of_a_file_it_did_not_write(data_dir: Path, options: list[str], expected: list[str]) -> None:
    # These came as 'sites/neu.yml:27:9: …': a position in a file that new-site refused to write.
    result = subprocess.run([str(BIN / "thinka"), "new-site", "neu", "--name", "ThINKA Neu", "--kreis", "Jena", *options, "--data-dir", str(data_dir)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines() == expected
    assert not (data_dir / "sites" / "neu.yml").exists()


def test_a_half_written_earlier_build_is_built_over(tmp_path: Path) -> None:
    # A build stopped by a full disk leaves the theme's assets and no 404.html: not a foreign folder.
    out = tmp_path / "site"
    (out / "assets" / "javascripts").mkdir(parents=True)
    (out / "assets" / "stylesheets").mkdir()
    (out / "standorte").mkdir()
    result = _build_into(COMPLETE, out)
    assert result.returncode == 0, result.stderr
    assert (out / "404.html").exists()


@pytest.mark.parametrize(("char", "what"), [
    ("\u3164", "unsichtbares Füllzeichen"), ("\u115f", "unsichtbares Füllzeichen"), ("\u034f", "unsichtbares Zeichen ohne Breite"),
    ("\u180e", "unsichtbares Zeichen ohne Breite"), ("\u17b4", "unsichtbares Zeichen ohne Breite"),
])
def test_blank_fillers_in_a_name_are_refused(data_dir: Path, char: str, what: str) -> None:
    # 'Stadtteilbüro<U+3164>' looks like 'Stadtteilbüro ' and passed the duplicate check.
    edit(data_dir / SITE, "name: ThINKA Jena-Lobeda", f"name: ThINKA Jena{char}Lobeda")
    assert _reported(data_dir) == [(SITE, 1, 7, f"Unzulässiges Zeichen U+{ord(char):04X} ({what}) – es ist unsichtbar oder verändert die Anzeige. Bitte löschen.")]
