"""Stories on a labelled feed written apart from the clusterer (``tests/data/stories_feed``,
see its README): ``accord run`` on the JSONL file, then ``accord stories --score`` against its
labels, as a user would run them. The floor sits under the score it had when first run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import accord

pytestmark = pytest.mark.slow

FEED = Path(__file__).resolve().parent / "data" / "stories_feed"
B3_FLOOR = 0.95  # first and only scoring before any change: 0.969


def test_stories_feed_written_apart_scores_above_its_floor(tmp_path: Path) -> None:
    run = accord(
        "run", str(FEED / "articles.jsonl"), "--db", "f.db", "--json", "f.json", "-q", cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    scored = accord("stories", "--score", str(FEED / "labels.csv"), "--db", "f.db", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    assert "40 labelled articles: 11 labelled stories" in scored.stdout
    b3 = next(line for line in scored.stdout.splitlines() if "B3" in line)
    assert float(b3.split()[-2]) >= B3_FLOOR, scored.stdout
    export = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    # the same-day syndicated copy is flagged, pointing at the wire story it reprints
    copies = [(c, o) for s in export["stories"] for c, o in s["duplicates"].items()]
    assert len(copies) == 1
