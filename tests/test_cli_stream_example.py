"""``accord run`` on the bundled mixed feed (``examples/stream``) as a user runs it: twelve
articles about four invented events, from an RSS feed, a JSONL export, an HTML page and text
files, with a syndicated copy and two alike ferry disasters a week apart. The stories must be
the four events (scored with ``accord stories --score`` against ``examples/stream/labels.csv``),
the copy flagged, and the two sources' disagreement on the election result reported."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from cli_support import accord, scored_f1

pytestmark = pytest.mark.slow

STREAM = Path(__file__).resolve().parent.parent / "examples" / "stream"


@pytest.fixture(scope="module")
def stream(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    folder = tmp_path_factory.mktemp("stream")
    proc = accord(
        "run", str(STREAM / "articles"), "--db", "s.db", "--json", "s.json", "-q", cwd=folder
    )
    return folder, proc


def test_stream_example_stories_are_its_four_events(
    stream: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    folder, proc = stream
    assert proc.returncode == 0, proc.stderr
    scored = accord("stories", "--score", str(STREAM / "labels.csv"), "--db", "s.db", cwd=folder)
    assert scored.returncode == 0, scored.stderr
    assert "12 labelled articles: 4 labelled stories, 4 stored stories" in scored.stdout
    assert scored_f1(scored.stdout) == 1.0, scored.stdout
    assert scored_f1(scored.stdout, "pairwise") == 1.0, scored.stdout


def test_stream_example_copy_flagged_and_conflict_reported(
    stream: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    folder, _ = stream
    export = json.loads((folder / "s.json").read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in export["articles"]}
    copies = {
        (articles[copy]["outlet"], articles[original]["outlet"])
        for story in export["stories"]
        for copy, original in story["duplicates"].items()
    }
    # the Daily Courier ran the Meridian Wire report under its own headline, crediting the wire
    assert copies == {("Daily Courier", "Meridian Wire")}
    conflicts = [f for f in export["facts"] if f["status"] == "conflicting"]
    assert any("54.2%" in f["statement"] for f in conflicts)  # 54.2% against 54.3%
    ferry = next(s for s in export["stories"] if "Port Selva" in s["title"])
    assert len(ferry["articles"]) == 4  # the captain's arrest two days on is the same story
