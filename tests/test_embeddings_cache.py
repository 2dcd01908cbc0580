"""The shared encoder reuses vectors it has computed and keeps its cache bounded."""

from __future__ import annotations

import numpy as np
import pytest

from accord import embeddings


class _CountingModel:
    """Stands in for a SentenceTransformer: one-hot-ish vectors, counts what it encodes."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def get_embedding_dimension(self) -> int:
        return 4

    def encode(self, texts: list[str], **_: object) -> np.ndarray:
        self.seen.extend(texts)
        return np.array([[len(t), 1.0, 0.0, 0.0] for t in texts], dtype="float32")


@pytest.fixture
def encoder(monkeypatch: pytest.MonkeyPatch) -> embeddings._SentenceTransformerEncoder:
    enc = embeddings._SentenceTransformerEncoder.__new__(embeddings._SentenceTransformerEncoder)
    model = _CountingModel()
    enc.name, enc._model, enc._dim = "fake", model, 4  # type: ignore[assignment]
    enc._cache = embeddings.OrderedDict()
    return enc


def test_embeddings_repeated_sentences_are_encoded_once(encoder) -> None:  # type: ignore[no-untyped-def]
    first = encoder.encode(["talks ended", "a truce", "talks ended"])
    again = encoder.encode(["a truce", "boats freed"])
    assert encoder._model.seen == ["talks ended", "a truce", "boats freed"]
    assert np.array_equal(first[1], again[0])
    assert first.shape == (3, 4) and encoder.encode([]).shape == (0, 4)


def test_embeddings_cache_is_bounded(encoder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(embeddings, "CACHE_SIZE", 3)
    vectors = encoder.encode([f"sentence {i}" for i in range(5)])
    assert len(encoder._cache) == 3
    assert vectors[4][0] == len("sentence 4")


def test_embeddings_whitespace_variants_are_one_sentence(encoder) -> None:  # type: ignore[no-untyped-def]
    """A sentence with its line break (as event coding passes it) and the same sentence
    stripped (a claim) tokenise alike, so the model sees it once."""
    with_break = encoder.encode(["The talks  ended.\n"])
    stripped = encoder.encode(["The talks ended."])
    assert encoder._model.seen == ["The talks ended."]
    assert np.array_equal(with_break[0], stripped[0])
