"""How well predicted stories match labelled ones: B3 and pairwise precision, recall and F1.

Both take two parallel sequences, one label per article (the predicted story id and the true
story label); the names of the labels do not matter, only which articles share one. B3 (Bagga
and Baldwin, 1998) averages per article, so a big story does not outweigh small ones quadratically
as it does in pairwise scores; the story benchmark reports both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence


def b_cubed(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B3 precision, recall and F1 of a flat clustering."""
    if len(pred) != len(gold):
        raise ValueError(f"{len(pred)} predicted labels for {len(gold)} true ones")
    if not gold:
        return 1.0, 1.0, 1.0
    pred_size, gold_size = Counter(pred), Counter(gold)
    both = Counter(zip(pred, gold, strict=True))
    n = len(gold)
    precision = sum(both[p, g] / pred_size[p] for p, g in zip(pred, gold, strict=True)) / n
    recall = sum(both[p, g] / gold_size[g] for p, g in zip(pred, gold, strict=True)) / n
    return precision, recall, f1(precision, recall)


def pairwise(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over the article pairs put in one story."""
    if len(pred) != len(gold):
        raise ValueError(f"{len(pred)} predicted labels for {len(gold)} true ones")

    def pairs(counts: Iterable[int]) -> int:
        return sum(c * (c - 1) // 2 for c in counts)

    true_pairs = pairs(Counter(zip(pred, gold, strict=True)).values())
    pred_pairs = pairs(Counter(pred).values())
    gold_pairs = pairs(Counter(gold).values())
    precision = true_pairs / pred_pairs if pred_pairs else 1.0
    recall = true_pairs / gold_pairs if gold_pairs else 1.0
    return precision, recall, f1(precision, recall)


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of the two (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
