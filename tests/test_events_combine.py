"""How rules and classifier are combined (accord.events.combine.decide)."""

from __future__ import annotations

import numpy as np

from accord.events.combine import decide

LABELS = ("AGREE", "REJECT", "THREATEN")


def _p(*values: float) -> np.ndarray:
    return np.array(values, dtype=np.float32)


def test_events_combine_clear_rule_wins_over_classifier() -> None:
    decision = decide("AGREE", True, _p(0.05, 0.9, 0.05), LABELS)
    assert decision is not None
    assert (decision.type, decision.method) == ("AGREE", "rules")


def test_events_combine_agreement_is_named() -> None:
    decision = decide("REJECT", True, _p(0.1, 0.85, 0.05), LABELS)
    assert decision is not None
    assert decision.method == "rules+classifier"
    assert abs(decision.confidence - 0.85) < 1e-6


def test_events_combine_confident_classifier_overrules_unclear_rule() -> None:
    decision = decide("AGREE", False, _p(0.1, 0.1, 0.8), LABELS)
    assert decision is not None
    assert (decision.type, decision.method) == ("THREATEN", "classifier")


def test_events_combine_rules_only_without_classifier() -> None:
    decision = decide("AGREE", False, None, ())
    assert decision is not None
    assert decision.method == "rules"


def test_events_combine_classifier_alone_needs_confidence_and_structure() -> None:
    weak = _p(0.3, 0.35, 0.35)
    assert decide(None, False, weak, LABELS, candidate=True, dyadic=True) is not None
    assert decide(None, False, weak, LABELS, candidate=True, dyadic=False) is None
    assert decide(None, False, _p(0.1, 0.1, 0.8), LABELS, candidate=False) is None
    assert decide(None, False, None, ()) is None
