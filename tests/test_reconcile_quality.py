"""Quality floor: reconciliation of the seed articles against ../shared/gold/seeds.json.

Floors sit just under what benchmarks/facts_seeds.py measured (corroborated 9/11, single source
9/9, the conflicting fact found, 12 facts corroborated in all); see docs/reconcile.md.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "facts_seeds", REPO / "benchmarks" / "facts_seeds.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_reconcile_seed_facts_floor(shared_dir: Path) -> None:
    pytest.importorskip("sentence_transformers")
    import json

    bench = _benchmark()
    result = bench.run_accord(shared_dir / "seeds", True, True)
    gold = json.loads((shared_dir / "gold" / "seeds.json").read_text(encoding="utf-8"))
    table = bench.score(result, gold, False)
    assert table["corroborated"][2] >= 8
    assert table["single_source"][2] >= 8
    assert table["conflicting"][1] >= 1
    corroborated = sum(f.status == "corroborated" for f in result.facts)
    assert corroborated <= 20  # over-merging would show here
