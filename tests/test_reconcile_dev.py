"""Quality floor on the hand-made development sets (tests/data/reconcile) and the demo articles.

Each set is three outlets' reports of one fictional event with deliberate number, duration, date
and polarity conflicts; gold in tests/data/reconcile/gold. Floors sit one fact under what
benchmarks/facts_dev.py measured (see docs/reconcile.md), per gold status.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmark_modules import load_benchmark

REPO = Path(__file__).resolve().parent.parent

# set -> (corroborated right, single-source right, conflicting right, most corroborated facts)
FLOORS = {
    "examples": (5, 3, 1, 8),
    "ceasefire": (2, 3, 2, 5),
    "election": (3, 3, 1, 7),
    "sanctions": (2, 2, 1, 6),
    "trade": (2, 1, 1, 6),
    "hostages": (4, 1, 0, 8),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_reconcile_dev_set_floor(name: str) -> None:
    pytest.importorskip("sentence_transformers")
    from accord.model import Result, Story
    from accord.reconcile import reconcile

    bench = load_benchmark("facts_dev")
    _name, folder, gold_path, published = next(s for s in bench.SETS if s[0] == name)
    analyses, entities = bench.analyse(folder, published)
    story = Story("s1", name, [a.article.id for a in analyses])
    facts = reconcile(analyses, [story], entities)
    result = Result(analyses=analyses, entities=entities, facts=facts, stories=[story])
    table = bench.score(result, json.loads(gold_path.read_text(encoding="utf-8")), False)
    corroborated, single, conflicting, most = FLOORS[name]
    assert table["corroborated"][2] >= corroborated, table
    assert table["single_source"][2] >= single, table
    assert table["conflicting"][2] >= conflicting, table
    assert sum(f.status == "corroborated" for f in facts) <= most  # over-merging shows here
