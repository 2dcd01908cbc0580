"""The sentence-embedding PLOVER classifier: multinomial logistic regression over MiniLM vectors.

Weights are trained by ``scripts/train_plover.py`` and shipped as ``accord/data/plover_classifier.npz``
(coefficients, intercepts, labels; no pickle), so inference needs only numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from io import BytesIO
from pathlib import Path

import numpy as np
import numpy.typing as npt

WEIGHTS_FILE = "plover_classifier.npz"


@dataclass(frozen=True, slots=True)
class Weights:
    """A linear softmax model: ``labels[k]`` scores ``vectors @ coef[k] + intercept[k]``."""

    coef: npt.NDArray[np.float32]
    intercept: npt.NDArray[np.float32]
    labels: tuple[str, ...]
    encoder: str = ""

    def predict_proba(self, vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Class probabilities, one row per vector (columns in ``labels`` order)."""
        scores = np.asarray(vectors @ self.coef.T + self.intercept, dtype=np.float32)
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
        )


def read_weights(data: bytes) -> Weights:
    """Weights from the bytes of an npz file written by :meth:`Weights.save`."""
    with np.load(BytesIO(data), allow_pickle=False) as npz:
        return Weights(
            coef=npz["coef"].astype(np.float32),
            intercept=npz["intercept"].astype(np.float32),
            labels=tuple(str(x) for x in npz["labels"]),
            encoder=str(npz["encoder"]),
        )


@lru_cache(maxsize=1)
def packaged_weights() -> Weights | None:
    """The weights shipped with accord, or None when the file is absent (rules only)."""
    path = resources.files("accord").joinpath("data", WEIGHTS_FILE)
    if not path.is_file():
        return None
    return read_weights(path.read_bytes())
