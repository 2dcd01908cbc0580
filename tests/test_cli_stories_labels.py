"""``accord stories --score`` and ``--calibrate`` as a user runs them: ``accord run`` on a folder
of hand-made reports of four invented earthquakes, a labels CSV naming each file's event, the
score of the stored stories, a model calibrated on the labels, and ``stories --rebuild`` with
that model through ``ACCORD_STORIES_MODEL``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import accord, scored_f1
from story_articles import quake

pytestmark = pytest.mark.slow

EVENTS = [
    ("Maltrek", "Corvania", "Ada Renn", "March 4, 2031", "twelve"),
    ("Verskel", "Corvania", "Ilo Brandt", "June 9, 2033", "forty"),
    ("Tarsa", "Eldoria", "Nema Quill", "May 2, 2030", "nine"),
    ("Ombrel", "Eldoria", "Pavo Lind", "October 21, 2034", "sixty"),
]


def test_cli_stories_score_and_calibrate(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    rows = ["article,story,group"]
    for number, event in enumerate(EVENTS):
        for n in range(3):
            name = f"{number}{n}-{event[0].lower()}.txt"
            (folder / name).write_text(quake(*event, n).article.text, encoding="utf-8")
            rows.append(f"{name},{event[0]},{event[1]}")
    rows.append("not-stored.txt,Maltrek,Corvania")
    labels = tmp_path / "labels.csv"
    labels.write_text("\n".join(rows) + "\n", encoding="utf-8")

    run = accord("run", str(folder), "--db", "a.db", "-q", cwd=tmp_path)
    assert run.returncode == 0, run.stderr

    scored = accord("stories", "--score", str(labels), "--db", "a.db", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    assert "1 label rows name no stored article (left out): not-stored.txt" in scored.stderr
    assert "12 labelled articles: 4 labelled stories, 4 stored stories" in scored.stdout
    assert scored_f1(scored.stdout) >= 0.9  # the four events told apart

    model = tmp_path / "model.json"
    fitted = accord(
        "stories", "--calibrate", str(labels), "--out", str(model), "--db", "a.db", cwd=tmp_path
    )
    assert fitted.returncode == 0, fitted.stderr
    assert f"use it with ACCORD_STORIES_MODEL={model}" in fitted.stderr
    header = json.loads(model.read_text(encoding="utf-8"))["header"]
    assert header["calibrated_on"] == "12 labelled articles, 4 stories, 2 groups"

    rebuilt = accord(
        "stories",
        "--rebuild",
        "--score",
        str(labels),
        "--db",
        "a.db",
        cwd=tmp_path,
        env={"ACCORD_STORIES_MODEL": str(model)},
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert scored_f1(rebuilt.stdout) >= 0.9


def test_cli_stories_label_usage_errors(tmp_path: Path) -> None:
    bad = tmp_path / "labels.csv"
    bad.write_text("article,group\nx,y\n", encoding="utf-8")
    alone = accord("stories", "--calibrate", str(bad), "--db", "a.db", cwd=tmp_path)
    assert alone.returncode == 2 and "--calibrate and --out go together" in alone.stderr
    both = accord(
        "stories", "--score", str(bad), "--calibrate", str(bad), "--out", "m.json", cwd=tmp_path
    )
    assert both.returncode == 2 and "--score and --calibrate are separate runs" in both.stderr
    wrong = accord("stories", "--score", str(bad), "--db", "a.db", cwd=tmp_path)
    assert wrong.returncode == 2
    assert "labels.csv:1: labels need a header row" in wrong.stderr
    empty = tmp_path / "empty.csv"
    empty.write_text("article,story\nnowhere.txt,x\n", encoding="utf-8")
    none = accord("stories", "--score", str(empty), "--db", "a.db", cwd=tmp_path)
    assert none.returncode == 1 and "no labelled article is in the database" in none.stderr
