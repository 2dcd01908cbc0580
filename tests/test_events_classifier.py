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
    assert weights.dimensions == 384
    assert weights.coef.shape == (len(weights.labels), 384 + len(weights.words) + len(weights.cues))
    assert weights.intercept.shape == (len(weights.labels),)


def test_events_classifier_probabilities_sum_to_one() -> None:
    weights = packaged_weights()
    assert weights is not None
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(3, weights.dimensions)).astype(np.float32)
    probs = weights.predict_proba(weights.features(vectors, ["a", "b", "c"], ["", "", ""]))
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
    text = (
        "Thousands of students marched through the capital to protest against the new labour law."
    )
    probs = weights.predict_proba(weights.features(encoder.encode([text]), [text], ["march"]))
    assert weights.labels[int(np.argmax(probs[0]))] == "PROTEST"


def test_events_classifier_tfidf_matches_training_vocabulary() -> None:
    from accord.events.classifier import tfidf, word_terms
    from accord.events.training import vocabulary

    docs = [word_terms("Troops shelled the port"), word_terms("Troops left the port")]
    vocab, idf = vocabulary(docs)
    assert "troops shelled" in vocab and "the" not in word_terms("a")
    rows = tfidf(docs, {t: k for k, t in enumerate(vocab)}, idf)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0)
    # a term both sentences share weighs less than one only the first has
    index = {t: k for k, t in enumerate(vocab)}
    assert rows[0, index["troops"]] < rows[0, index["shelled"]]


def test_events_classifier_old_weights_read_the_vector_alone(tmp_path: Path) -> None:
    weights = Weights(
        coef=np.eye(2, dtype=np.float32),
        intercept=np.zeros(2, dtype=np.float32),
        labels=("AGREE", "REJECT"),
    )
    path = tmp_path / "w.npz"
    weights.save(path)
    back = read_weights(path.read_bytes())
    vectors = np.array([[0.0, 5.0]], dtype=np.float32)
    assert back.dimensions == 2
    assert back.labels[int(np.argmax(back.predict_proba(back.features(vectors))[0]))] == "REJECT"
