"""Image confinement: the image of a post or event is a file inside its folder, after following
every symlink; it is published from that resolved file, at an address inside the output folder."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from conftest import COMPLETE, build, edit
from thinka.data.settings import Settings
from thinka.data.validate import load_dataset
from thinka.views.events import event_files
from thinka.views.news import news_files

POST = "news/2024-05-02-sprechstunde-lobeda.md"
EVENT = "events/2025-01-20-neujahrsempfang.yml"
RELATIVE = "Bitte das Bild relativ zum Ordner news/ angeben, ohne '/' am Anfang (z. B. bilder/foto.jpg)."
INSIDE = "Das Bild muss im Ordner news/ liegen (oder in einem Unterordner davon)."


def _errors(data: Path) -> list[str]:
    _, problems = load_dataset(data)
    return [p.format(str(data)) for p in problems.errors]


def test_absolute_image_path_is_refused_even_when_it_points_inside(data_dir: Path):
    edit(data_dir / POST, "datei: bilder/lobeda.png", f"datei: {data_dir}/news/bilder/lobeda.png")
    assert _errors(data_dir) == [f"{POST}:7:10: {RELATIVE}"]


def test_climbing_path_that_comes_back_inside_is_refused_and_nothing_is_written_outside(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(COMPLETE, data)
    news = (data / "news").resolve()
    # resolves to news/bilder/lobeda.png, but as an address it climbs far above the output folder
    climbing = "../" * len(news.parts) + news.relative_to("/").as_posix() + "/bilder/lobeda.png"
    edit(data / POST, "datei: bilder/lobeda.png", f"datei: {climbing}")
    assert _errors(data) == [f"{POST}:7:10: {INSIDE}"]
    out = tmp_path / "out" / "site"
    built = build(data, out)
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]  # not even out/: nothing beside it


def test_symlinked_image_leaving_the_folder_is_refused(data_dir: Path, tmp_path: Path):
    secret = tmp_path / "geheim.png"
    secret.write_bytes(b"\x89PNG geheim")
    image = data_dir / "news/bilder/lobeda.png"
    image.unlink()
    image.symlink_to(secret)
    assert _errors(data_dir) == [f"{POST}:7:10: {INSIDE}"]


def test_image_named_through_an_inside_symlink_is_published_from_the_resolved_file(data_dir: Path, tmp_path: Path):
    image = data_dir / "news/bilder/lobeda.png"
    (data_dir / "news/bilder/echt.png").write_bytes(image.read_bytes())
    image.unlink()
    image.symlink_to("echt.png")
    assert _errors(data_dir) == []
    out = tmp_path / "site"
    assert build(data_dir, out).returncode == 0
    assert (out / "aktuelles/bilder/lobeda.png").read_bytes() == (data_dir / "news/bilder/echt.png").read_bytes()


def test_image_swapped_for_an_outside_symlink_after_the_check_is_not_published(data_dir: Path, tmp_path: Path):
    dataset, problems = load_dataset(data_dir)
    assert not problems
    secret = tmp_path / "geheim.png"
    secret.write_bytes(b"geheim")
    for folder, name in (("news", "lobeda.png"), ("events", "empfang.png")):
        image = data_dir / folder / "bilder" / name
        image.unlink()
        image.symlink_to(secret)
    settings = Settings.fixed(date(2024, 6, 15))
    published = dict(news_files(dataset, settings)) | dict(event_files(dataset, settings))
    assert "aktuelles/bilder/lobeda.png" not in published and "veranstaltungen/bilder/empfang.png" not in published
    assert all(content != b"geheim" for content in published.values())


def test_event_image_with_dot_dot_out_is_refused(data_dir: Path):
    edit(data_dir / EVENT, "datei: bilder/empfang.png", "datei: ../news/bilder/lobeda.png")
    assert _errors(data_dir) == [f"{EVENT}:7:15: {INSIDE.replace('news/', 'events/')}"]
