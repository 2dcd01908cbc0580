"""Quality gate (like trafilatura's eval_gate): accord on the annotated seeds must not regress.

Floors sit just under the scores measured when they were pinned (see docs/benchmarks.md);
raise them when accord improves. Skips when ../shared is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from accord.evaluate import Scores, score_export

# Measured 2026-11-26: 38/38 mentions, pair F1 1.000, quotes 18/18 with 18/18 speakers,
# corroborated 9/11, single-source 9/9, the conflicting fact found.
FLOORS = {
    "mentions_found": 37,
    "pair_f1": 0.97,
    "quotes_found": 17,
    "quotes_speaker_right": 17,
    "corroborated_right": 9,
    "single_source_right": 8,
    "conflicting_right": 1,
}


@pytest.fixture(scope="module")
def scores(shared_dir: Path) -> Scores:
    from accord.pipeline import run
    from accord.report.json_export import to_dict

    export: dict[str, Any] = to_dict(
        run(sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt")))
    )
    return score_export(export, json.loads((shared_dir / "gold" / "seeds.json").read_text()))


def test_quality_seeds_entities(scores: Scores) -> None:
    assert scores.mentions_found >= FLOORS["mentions_found"], scores.details
    assert scores.pair_f1 >= FLOORS["pair_f1"], scores.details
    assert scores.must_not_merge_violations == []


def test_quality_seeds_quotes(scores: Scores) -> None:
    assert scores.quotes_found >= FLOORS["quotes_found"], scores.details
    assert scores.quotes_speaker_right >= FLOORS["quotes_speaker_right"], scores.details


def test_quality_seeds_facts(scores: Scores) -> None:
    assert scores.facts["corroborated"]["right_status"] >= FLOORS["corroborated_right"], (
        scores.details
    )
    assert scores.facts["single_source"]["right_status"] >= FLOORS["single_source_right"], (
        scores.details
    )
    assert scores.facts["conflicting"]["right_status"] >= FLOORS["conflicting_right"], (
        scores.details
    )
