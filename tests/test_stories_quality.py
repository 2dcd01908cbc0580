"""Quality gate: B3 F1 of story clustering on a few held-out ECB+ topics (never calibrated on).

The floor sits just under the value measured by ``benchmarks/stories.py`` code on the same
articles (TF-IDF only, one shuffled order); skips when ``../shared`` is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmark_modules import load_benchmark

TOPICS = range(18, 24)  # six held-out topics, twelve gold stories
B3_F1_FLOOR = 0.89  # measured 0.911 (P 0.916, R 0.905); 0.915 before the merge step, 0.897
# before date keys and splitting


RUNS_B3_F1_FLOOR = 0.89  # measured 0.911 in runs of 20; the stop-9 code, without the saved
# window (and with MiniLM on its first run, which it could not turn off), 0.898


@pytest.mark.slow
@pytest.mark.parametrize(
    ("how", "floor"),
    [
        pytest.param({}, B3_F1_FLOOR, id="batch"),
        # the same articles in repeated `accord run`s of 20 (saved state, JSON round trip)
        pytest.param({"runs": 20}, RUNS_B3_F1_FLOOR, id="runs-of-20"),
    ],
)
def test_stories_quality_ecbplus_heldout_b3_floor(
    shared_dir: Path, how: dict[str, int], floor: float
) -> None:
    if not (shared_dir / "data" / "ecbplus-dev" / "ECB+").is_dir():
        pytest.skip("ECB+ dev data absent")
    bench = load_benchmark("stories")
    corpus = bench.load_corpus(TOPICS)
    analyses, _ = bench.build_analyses([a for a, _ in corpus])
    labels = {a.id: g for a, g in corpus}
    pred, gold, stories = bench.run_accord(analyses, labels, 1, encoder=None, **how)
    precision, recall, f1 = bench.b_cubed(pred, gold)
    assert sum(len(s.articles) for s in stories) == len(analyses)
    assert f1 >= floor, (precision, recall, f1)
