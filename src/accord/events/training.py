"""Training of the PLOVER classifier (scikit-learn; used by scripts and benchmarks, not at run time)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from accord.events.classifier import Weights

DEFAULT_C = 4.0  # chosen by cross-validation on the gold records (benchmarks/plover.py --tune)


def fit_weights(
    vectors: npt.NDArray[np.float32], labels: Sequence[str], c: float = DEFAULT_C, encoder: str = ""
) -> Weights:
    """Fit a class-balanced multinomial logistic regression and keep only its weights."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    model.fit(vectors, list(labels))
    return Weights(
        coef=np.asarray(model.coef_, dtype=np.float32),
        intercept=np.asarray(model.intercept_, dtype=np.float32),
        labels=tuple(str(x) for x in model.classes_),
        encoder=encoder,
    )


def encode_cached(texts: Sequence[str], cache: str | None = None) -> npt.NDArray[np.float32]:
    """MiniLM vectors of the texts, cached in ``cache`` (an npz path) so reruns cost nothing."""
    import hashlib
    from pathlib import Path

    from accord.embeddings import get_encoder

    encoder = get_encoder()
    if encoder is None:
        raise RuntimeError("sentence embeddings are unavailable: install accord[embeddings]")
    key = hashlib.sha256("\n".join([encoder.name, *texts]).encode("utf-8")).hexdigest()[:16]
    path = Path(cache) if cache else None
    if path is not None and path.is_file():
        with np.load(path, allow_pickle=False) as npz:
            if str(npz["key"]) == key:
                cached: npt.NDArray[np.float32] = npz["vectors"].astype(np.float32)
                return cached
    vectors = encoder.encode(list(texts))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, key=np.array(key), vectors=vectors)
    return vectors
