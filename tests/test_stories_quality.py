"""Quality gate: B3 F1 of story clustering on ECB+ topics the decision model never saw.

Two-fold cross-validation over topics: the shipped model (fitted on topics 1-17) is scored on
topics 18-23, and the model ``benchmarks/stories.py --calibrate --fold 18-35`` fits on topics
18-35 only (``benchmarks/data/``) on topics 1-6. Each floor sits just under the value measured on
the same articles (TF-IDF only, one shuffled order); skips when ``../shared`` is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.stories.scores import b_cubed
from benchmark_modules import load_benchmark

LATE_TOPICS = range(18, 24)  # six held-out topics of the shipped model, twelve gold stories
EARLY_TOPICS = range(1, 7)  # six topics of the shipped model's own fold, twelve gold stories


@pytest.mark.slow
@pytest.mark.parametrize(
    ("topics", "fold", "how", "floor"),
    [
        # measured 0.904 (P 0.916, R 0.892) since the benchmark rejoins the ecbplus tokens
        # ("5. 9" -> "5.9"; 0.911 before); 0.915 before the merge step, 0.897 before date
        # keys and splitting
        pytest.param(LATE_TOPICS, "1-17", {}, 0.89, id="batch-18-23"),
        # the same articles in repeated `accord run`s of 20 (saved state, JSON round trip):
        # measured 0.893 since shared dates count only between texts about the same thing
        # (0.904 before; 0.911 before the rejoined tokens); the stop-9 code, without the
        # saved window, 0.898
        pytest.param(LATE_TOPICS, "1-17", {"runs": 20}, 0.89, id="runs-of-20-18-23"),
        # the other way round: measured 0.965 (P 1.000, R 0.933) since the date gate (0.959
        # before; 0.950 before the rejoined tokens)
        pytest.param(EARLY_TOPICS, "18-35", {}, 0.93, id="batch-1-6"),
    ],
)
def test_stories_quality_ecbplus_b3_floor(
    shared_dir: Path,
    topics: range,
    fold: str,
    how: dict[str, int],
    floor: float,
) -> None:
    if not (shared_dir / "data" / "ecbplus-dev" / "ECB+").is_dir():
        pytest.skip("ECB+ dev data absent")
    bench = load_benchmark("stories")
    corpus = bench.load_corpus(topics)
    analyses, _ = bench.build_analyses([a for a, _ in corpus])
    labels = {a.id: g for a, g in corpus}
    model = bench.fold_model(fold)
    pred, gold, stories = bench.run_accord(analyses, labels, 1, encoder=None, model=model, **how)
    precision, recall, f1 = b_cubed(pred, gold)
    assert sum(len(s.articles) for s in stories) == len(analyses)
    assert f1 >= floor, (precision, recall, f1)
