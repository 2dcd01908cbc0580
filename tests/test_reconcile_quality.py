"""Quality floor: reconciliation of the seed articles against ../shared/gold/seeds.json.

Floors sit just under what benchmarks/facts_seeds.py measured (corroborated 9/11, single source
9/9, the conflicting fact found, 12 facts corroborated in all); see docs/reconcile.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmark_modules import load_benchmark

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_reconcile_seed_facts_floor(shared_dir: Path) -> None:
    pytest.importorskip("sentence_transformers")
    import json

    bench = load_benchmark("facts_seeds")
    result = bench.run_accord(shared_dir / "seeds", True, True)
    gold = json.loads((shared_dir / "gold" / "seeds.json").read_text(encoding="utf-8"))
    table = bench.score(result, gold, False)
    assert table["corroborated"][2] >= 8
    assert table["single_source"][2] >= 8
    assert table["conflicting"][1] >= 1
    corroborated = sum(f.status == "corroborated" for f in result.facts)
    assert corroborated <= 20  # over-merging would show here
