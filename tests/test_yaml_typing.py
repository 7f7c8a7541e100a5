"""Values are read as the editor typed them: YAML 1.1 implicit typing changes nothing."""

from pathlib import Path

from thinka.data.diagnostics import Problems
from thinka.data.model import Address, ContactPoint
from thinka.data.yamlsource import load


def _load(tmp_path: Path, text: str):
    path = tmp_path / "x.yml"
    path.write_text(text, "utf-8")
    problems = Problems()
    doc = load(path, problems)
    return doc, problems


def test_unquoted_postal_code_keeps_leading_zero(tmp_path):
    doc, problems = _load(tmp_path, "plz: 07743\nort: Jena\n")
    assert doc.data == {"plz": "07743", "ort": "Jena"}
    assert Address.model_validate(doc.data).plz == "07743"
    assert not problems.items


def test_unquoted_octal_looking_number_is_not_converted(tmp_path):
    doc, _ = _load(tmp_path, "plz: 01234\nandere: 0o17\n")
    assert doc.data == {"plz": "01234", "andere": "0o17"}


def test_unquoted_time_stays_a_time_not_sexagesimal(tmp_path):
    doc, _ = _load(tmp_path, "von: 12:30\nzeiten: 09:00–12:30\n")
    assert doc.data == {"von": "12:30", "zeiten": "09:00–12:30"}


def test_no_yes_on_off_stay_text(tmp_path):
    doc, _ = _load(tmp_path, "name: no\nortsteil: on\nsprachen: [ja, no, off, yes, true]\n")
    assert doc.data == {"name": "no", "ortsteil": "on", "sprachen": ["ja", "no", "off", "yes", "true"]}
    point = ContactPoint.model_validate(
        {"name": "no", "art": "Anlaufstelle", "adresse": {"ort": "Jena", "ortsteil": "on"}, "sprachen": ["no", "ja"]}
    )
    assert (point.name, point.adresse.ortsteil, point.sprachen) == ("no", "on", ["no", "ja"])


def test_dates_keep_the_precision_the_editor_typed(tmp_path):
    doc, _ = _load(tmp_path, "a: 2013-03\nb: 2014-12-31\nc: 2015\n")
    assert doc.data == {"a": "2013-03", "b": "2014-12-31", "c": "2015"}


def test_numbers_and_null_words_stay_as_typed(tmp_path):
    doc, _ = _load(tmp_path, "a: 1_000\nb: 1e3\nc: .5\nd: ~\ne:\nf: 'null'\n")
    assert doc.data == {"a": "1_000", "b": "1e3", "c": ".5", "d": None, "e": None, "f": "null"}


def test_duplicate_key_is_reported_at_the_second_occurrence(tmp_path):
    doc, problems = _load(tmp_path, "name: A\nort: Jena\nname: B\n")
    assert doc.data == {"name": "A", "ort": "Jena"}
    [problem] = problems.errors
    assert (problem.line, problem.column) == (3, 1)
    assert problem.message == "Das Feld 'name' steht doppelt in diesem Abschnitt (zuerst in Zeile 1)."


def test_anchors_and_aliases_are_rejected(tmp_path):
    _, problems = _load(tmp_path, "a: &x [1, 2]\nb: *x\n")
    [problem] = problems.errors
    assert (problem.line, problem.column) == (2, 4)
    assert "Anker und Verweise" in problem.message


def test_positions_point_at_values_and_keys(tmp_path):
    doc, _ = _load(tmp_path, "name: A\nliste:\n  - ort: Jena\n    plz: 07743\n")
    assert doc.where(("liste", 0, "plz")) == (4, 10)
    assert doc.where(("liste", 0, "plz"), key=True) == (4, 5)
    assert doc.where(("liste", 0, "fehlt")) == (3, 5)


def test_byte_order_mark_and_crlf_are_accepted(tmp_path):
    path = tmp_path / "x.yml"
    path.write_bytes(b"\xef\xbb\xbfname: A\r\nplz: 07743\r\n")
    problems = Problems()
    assert load(path, problems).data == {"name": "A", "plz": "07743"}
    assert not problems.items
