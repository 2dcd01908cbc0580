"""The PLOVER classifier: multinomial logistic regression over MiniLM sentence vectors, the
sentence's words (tf-idf unigrams and bigrams) and the lemmas of its event verb and trigger.

The embedding carries what a sentence is about; the words and the verb lemma carry the act, which
a sentence embedding of 322 training sentences blurs (5-fold CV on the PLOVER gold records:
accuracy 0.46 with the embedding alone, 0.55 with all three; ``benchmarks/plover.py``).
Weights are trained by ``scripts/train_plover.py`` and shipped as
``accord/data/plover_classifier.npz`` (coefficients, intercepts, labels, the two vocabularies and
their idf; no pickle), so inference needs only numpy.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from io import BytesIO
from itertools import pairwise
from pathlib import Path

import numpy as np
import numpy.typing as npt

WEIGHTS_FILE = "plover_classifier.npz"
_WORD = re.compile(r"(?u)\b\w\w+\b")
_EMPTY = np.zeros(0, dtype=np.float32)


def word_terms(text: str) -> list[str]:
    """Lower-case words of two or more characters and their bigrams (scikit-learn's defaults)."""
    words = _WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def cue_terms(lemmas: str) -> list[str]:
    """The space-separated lemmas of a sentence's event verb and trigger."""
    return lemmas.split()


def tfidf(
    docs: Sequence[list[str]], vocab: dict[str, int], idf: npt.NDArray[np.float32]
) -> npt.NDArray[np.float32]:
    """Sublinear tf-idf rows, L2-normalised; terms outside ``vocab`` are ignored."""
    out = np.zeros((len(docs), len(vocab)), dtype=np.float32)
    for row, terms in enumerate(docs):
        for term, n in Counter(t for t in terms if t in vocab).items():
            out[row, vocab[term]] = (1.0 + np.log(n)) * idf[vocab[term]]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    normed: npt.NDArray[np.float32] = (out / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    return normed


@dataclass(frozen=True, slots=True)
class Weights:
    """A linear softmax model: ``labels[k]`` scores ``features @ coef[k] + intercept[k]``, where
    the features are the sentence vector followed by the tf-idf of ``words`` and ``cues`` (either
    vocabulary may be empty: then the model reads the vector alone)."""

    coef: npt.NDArray[np.float32]
    intercept: npt.NDArray[np.float32]
    labels: tuple[str, ...]
    encoder: str = ""
    words: tuple[str, ...] = ()
    word_idf: npt.NDArray[np.float32] = field(default_factory=lambda: _EMPTY)
    cues: tuple[str, ...] = ()
    cue_idf: npt.NDArray[np.float32] = field(default_factory=lambda: _EMPTY)

    @property
    def dimensions(self) -> int:
        """Length of the sentence vectors the model expects."""
        return int(self.coef.shape[1]) - len(self.words) - len(self.cues)

    def features(
        self,
        vectors: npt.NDArray[np.float32],
        texts: Sequence[str] = (),
        lemmas: Sequence[str] = (),
    ) -> npt.NDArray[np.float32]:
        """Model input for sentences: their vectors, texts and event-verb lemmas (see module)."""
        parts = [np.asarray(vectors, dtype=np.float32)]
        if self.words:
            parts.append(tfidf([word_terms(t) for t in texts], _index(self.words), self.word_idf))
        if self.cues:
            parts.append(tfidf([cue_terms(t) for t in lemmas], _index(self.cues), self.cue_idf))
        return np.hstack(parts)

    def predict_proba(self, features: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Class probabilities, one row per feature row (columns in ``labels`` order)."""
        scores = np.asarray(features @ self.coef.T + self.intercept, dtype=np.float32)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        probs: npt.NDArray[np.float32] = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
        return probs

    def save(self, path: Path) -> None:
        """Write the weights as a plain (pickle-free) npz file."""
        np.savez_compressed(
            path,
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            labels=np.array(self.labels, dtype=str),
            encoder=np.array(self.encoder, dtype=str),
            words=np.array(self.words, dtype=str),
            word_idf=self.word_idf.astype(np.float32),
            cues=np.array(self.cues, dtype=str),
            cue_idf=self.cue_idf.astype(np.float32),
        )


def _index(terms: tuple[str, ...]) -> dict[str, int]:
    return _cached_index(terms)


@lru_cache(maxsize=8)
def _cached_index(terms: tuple[str, ...]) -> dict[str, int]:
    return {t: k for k, t in enumerate(terms)}


def read_weights(data: bytes) -> Weights:
    """Weights from the bytes of an npz file written by :meth:`Weights.save`."""
    with np.load(BytesIO(data), allow_pickle=False) as npz:
        names = set(npz.files)

        def terms(key: str) -> tuple[str, ...]:
            return tuple(str(x) for x in npz[key]) if key in names else ()

        def array(key: str) -> npt.NDArray[np.float32]:
            return npz[key].astype(np.float32) if key in names else _EMPTY

        return Weights(
            coef=npz["coef"].astype(np.float32),
            intercept=npz["intercept"].astype(np.float32),
            labels=tuple(str(x) for x in npz["labels"]),
            encoder=str(npz["encoder"]),
            words=terms("words"),
            word_idf=array("word_idf"),
            cues=terms("cues"),
            cue_idf=array("cue_idf"),
        )


@lru_cache(maxsize=1)
def packaged_weights() -> Weights | None:
    """The weights shipped with accord, or None when the file is absent (rules only)."""
    path = resources.files("accord").joinpath("data", WEIGHTS_FILE)
    if not path.is_file():
        return None
    return read_weights(path.read_bytes())
