"""Scoring stories against labels, reading labels files, and calibrating the decision model on
labelled hand-made articles (the library behind ``accord stories --score/--calibrate``)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from accord.errors import IngestError
from accord.model import Analysis, Article
from accord.stories import cluster, load_model
from accord.stories.calibrate import (
    SPLIT_GRID,
    TIME_GRACE_GRID,
    TIME_PENALTY_GRID,
    CalibrationError,
    calibrate,
)
from accord.stories.labels import LabelRow, match_labels, read_labels
from accord.stories.scores import b_cubed, pairwise
from story_articles import quake


def test_scores_perfect_merged_and_split() -> None:
    gold = ["a", "a", "b", "b"]
    assert b_cubed(["x", "x", "y", "y"], gold) == (1.0, 1.0, 1.0)
    assert pairwise(["x", "x", "y", "y"], gold) == (1.0, 1.0, 1.0)
    # everything in one story: every article's story is half right
    p, r, f = b_cubed(["x"] * 4, gold)
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    assert pairwise(["x"] * 4, gold)[:2] == (2 / 6, 1.0)
    # every article alone: precise, and each recalls half its story
    assert b_cubed(["1", "2", "3", "4"], gold)[:2] == (1.0, 0.5)
    assert pairwise(["1", "2", "3", "4"], gold)[:2] == (1.0, 0.0)
    with pytest.raises(ValueError, match="3 predicted labels for 4"):
        b_cubed(["x"] * 3, gold)


def test_labels_file_read_and_matched_by_id_path_name_and_url(tmp_path: Path) -> None:
    one = Article.from_text("One\ntext one", path="feeds/a/one.txt")
    two = Article.from_text("Two\ntext two", url="https://example.org/2")
    three = Article.from_text("Three\ntext three", path="feeds/a/same.txt")
    four = Article.from_text("Four\ntext four", path="feeds/b/same.txt")
    labels = tmp_path / "labels.csv"
    labels.write_text(
        "Article, Story ,group\n"
        "one.txt,quake,g1\n"
        "\n"
        "https://example.org/2,quake,\n"
        f"{three.id},final,g2\n"
        "same.txt,final,g2\n"
        "missing.txt,final,g2\n",
        encoding="utf-8",
    )
    rows = read_labels(labels)
    assert [r.line for r in rows] == [2, 4, 5, 6, 7]
    matched = match_labels(rows, [one, two, three, four])
    assert matched.labels == {one.id: "quake", two.id: "quake", three.id: "final"}
    assert matched.groups == {one.id: "g1", three.id: "g2"}
    assert matched.unmatched == ["missing.txt"]
    assert matched.ambiguous == ["same.txt"]  # two stored files of that name: neither is taken


def test_labels_giving_one_article_two_stories_are_dropped() -> None:
    one = Article.from_text("One\ntext one", path="one.txt")
    rows_file = [("one.txt", "a"), (one.id, "b")]
    rows = [LabelRow(k, s, None, n) for n, (k, s) in enumerate(rows_file, start=2)]
    matched = match_labels(rows, [one])
    assert matched.labels == {} and matched.conflicting == [one.id]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("article,group\nx,g\n", "labels.csv:1: labels need a header row"),
        ("article,story\nx,\n", "labels.csv:2: a label row needs both"),
        (b"article,story\n\xff\xfe,x\n", "labels.csv: labels are not UTF-8"),
    ],
)
def test_labels_file_errors_name_the_file_and_line(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    path = tmp_path / "labels.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(IngestError, match=message):
        read_labels(path)


# three groups, each of two similar events (two earthquakes in one country), four reports each
EVENTS = [
    ("Maltrek", "Corvania", "Ada Renn", "March 4, 2031", "twelve"),
    ("Verskel", "Corvania", "Ilo Brandt", "June 9, 2033", "forty"),
    ("Tarsa", "Eldoria", "Nema Quill", "May 2, 2030", "nine"),
    ("Ombrel", "Eldoria", "Pavo Lind", "October 21, 2034", "sixty"),
    ("Kesh", "Valmora", "Ria Tolsen", "January 15, 2029", "three"),
    ("Dunmere", "Valmora", "Oren Vask", "August 30, 2032", "twenty"),
]


def labelled_quakes() -> tuple[list[Analysis], dict[str, str], dict[str, str]]:
    analyses: list[Analysis] = []
    labels: dict[str, str] = {}
    groups: dict[str, str] = {}
    for event in EVENTS:
        for n in range(4):
            analysis = quake(*event, n)
            analyses.append(analysis)
            labels[analysis.article.id] = event[0]
            groups[analysis.article.id] = event[1]
    return analyses, labels, groups


def test_calibrate_fits_a_model_that_tells_the_labelled_events_apart(tmp_path: Path) -> None:
    analyses, labels, groups = labelled_quakes()
    seen: list[tuple[int, int]] = []
    model = calibrate(
        analyses, labels, groups, progress=lambda done, total, _: seen.append((done, total))
    )
    # every step reported, in order, against one total
    assert [d for d, _ in seen] == list(range(1, len(seen) + 1))
    assert {t for _, t in seen} == {len(seen)}
    assert model.split_below in SPLIT_GRID
    assert model.use_embedding is False  # no encoder given: the plain weights decide
    assert model.embedding == model.plain
    assert model.header["training_rows"] > 0
    assert model.header["calibrated_on"] == "24 labelled articles, 6 stories, 3 groups"
    assert set(model.header["calibration_b3_f1"]) == {"plain", "incremental"}
    # the fitted model, written and read back as ACCORD_STORIES_MODEL would, clusters the
    # labelled articles into their six events
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
    stories = cluster(analyses, model=load_model(path), encoder=None)
    story_of = {a: s.id for s in stories for a in s.articles}
    ids = [a.article.id for a in analyses]
    assert b_cubed([story_of[i] for i in ids], [labels[i] for i in ids])[2] >= 0.9
    # the same labelled articles give the same model
    assert calibrate(analyses, labels, groups).to_dict() == model.to_dict()


class _ConstantEncoder:
    """Stands in for MiniLM: the same vector for every text."""

    name = "constant"

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        return np.ones((len(texts), 4), np.float32)


def test_calibrate_keeps_the_split_threshold_of_the_weights_that_decide(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With an encoder both weight sets are scored on the whole grid; when the plain set wins,
    its own best split threshold is kept (not the embedding set's), and each set takes its best
    join threshold at that split."""
    import accord.stories.calibrate as calibration

    def scores(*args: Any, **kwargs: Any) -> list[tuple[float, float, float]]:
        name, splits = args[4], args[5]
        out = []
        for split in splits:
            for tau in calibration.TAU_GRID:
                shift = round(float(np.log(tau / (1 - tau))), 4)
                if name == "embedding":  # 0.90 along the row of split 0.9, else 0.5
                    f1 = 0.90 if split == 0.9 else 0.5
                elif split == 0.6:  # the plain set's best row, peaking at join threshold 0.1
                    f1 = {0.075: 0.94, 0.1: 0.95, 0.15: 0.94}.get(tau, 0.93)
                else:
                    f1 = 0.7
                out.append((f1, shift, split))
        return out

    monkeypatch.setattr(calibration, "cross_fitted_scores", scores)
    analyses, labels, groups = labelled_quakes()
    model = calibrate(analyses, labels, groups, encoder=_ConstantEncoder())
    assert model.use_embedding is False  # 0.943 (smoothed) against 0.90
    assert model.split_below == 0.6  # the plain set's split, not the embedding set's 0.9
    # each set's scores at the points it ships with: the plain set's peak of the 0.6 row
    # (smoothed with its neighbours), the embedding set's best point of that same row
    f1 = model.header["calibration_b3_f1"]
    assert f1["plain"] == round((0.94 + 0.95 + 0.94) / 3, 4)
    assert f1["embedding"] == 0.5


ISO = {
    "March 4, 2031": "2031-03-04",
    "June 9, 2033": "2033-06-09",
    "May 2, 2030": "2030-05-02",
    "October 21, 2034": "2034-10-21",
    "January 15, 2029": "2029-01-15",
    "August 30, 2032": "2032-08-30",
}


def test_calibrate_fits_the_time_prior_when_articles_are_dated() -> None:
    analyses, labels, groups = labelled_quakes()
    dated = []
    for analysis in analyses:
        day = ISO[next(d for d in ISO if d in analysis.article.text)]
        # reports of one event over its first four days
        published = (date.fromisoformat(day) + timedelta(days=len(dated) % 4)).isoformat()
        article = replace(analysis.article, published=published)
        dated.append(replace(analysis, article=article))
    model = calibrate(dated, labels, groups)
    assert model.header["time"].startswith("time_grace_days and time_penalty chosen")
    assert "24 of 24 labelled articles dated" in model.header["time"]
    assert "time" in model.header["calibration_b3_f1"]
    assert model.time_grace_days in TIME_GRACE_GRID
    assert model.time_penalty in TIME_PENALTY_GRID
    stories = cluster(dated, model=model, encoder=None)
    story_of = {a: s.id for s in stories for a in s.articles}
    ids = [a.article.id for a in dated]
    assert b_cubed([story_of[i] for i in ids], [labels[i] for i in ids])[2] >= 0.9
    # undated articles leave the prior as shipped
    undated = calibrate(analyses, labels, groups)
    assert (undated.time_grace_days, undated.time_penalty) == (3.0, 3.0)
    assert "not fitted" in undated.header["time"]


def test_calibrate_needs_two_groups_and_some_articles() -> None:
    analyses, labels, _ = labelled_quakes()
    one_group = dict.fromkeys(labels, "all")
    with pytest.raises(CalibrationError, match="24 labelled articles in 1 group"):
        calibrate(analyses, labels, one_group)
    with pytest.raises(CalibrationError, match="3 labelled articles"):
        calibrate(analyses, {a.article.id: "x" for a in analyses[:3]})
