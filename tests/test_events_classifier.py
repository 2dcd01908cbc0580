"""The shipped PLOVER classifier weights: plain npz (no pickle), a proper softmax, round trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accord.events.classifier import Weights, packaged_weights, read_weights
from accord.events.lexicon import types


def test_events_classifier_weights_ship_with_package() -> None:
    weights = packaged_weights()
    assert weights is not None
    assert set(weights.labels) <= set(types())
    assert weights.coef.shape == (len(weights.labels), 384)
    assert weights.intercept.shape == (len(weights.labels),)


def test_events_classifier_probabilities_sum_to_one() -> None:
    weights = packaged_weights()
    assert weights is not None
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(3, weights.coef.shape[1])).astype(np.float32)
    probs = weights.predict_proba(vectors)
    assert probs.shape == (3, len(weights.labels))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)


def test_events_classifier_save_and_read_round_trip(tmp_path: Path) -> None:
    weights = Weights(
        coef=np.arange(6, dtype=np.float32).reshape(2, 3),
        intercept=np.array([0.5, -0.5], dtype=np.float32),
        labels=("AGREE", "REJECT"),
        encoder="minilm",
    )
    path = tmp_path / "w.npz"
    weights.save(path)
    back = read_weights(path.read_bytes())
    assert back.labels == weights.labels
    assert back.encoder == "minilm"
    assert np.array_equal(back.coef, weights.coef)


def test_events_classifier_codes_an_obvious_sentence() -> None:
    pytest.importorskip("sentence_transformers")
    from accord.embeddings import get_encoder

    encoder = get_encoder()
    weights = packaged_weights()
    if encoder is None or weights is None:
        pytest.skip("no MiniLM encoder installed")
    probs = weights.predict_proba(
        encoder.encode(
            [
                "Thousands of students marched through the capital to protest against the new labour law."
            ]
        )
    )
    assert weights.labels[int(np.argmax(probs[0]))] == "PROTEST"
