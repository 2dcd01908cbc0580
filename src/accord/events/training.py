"""Training of the PLOVER classifier (scikit-learn; used by scripts and benchmarks, not at run time)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from accord.events.classifier import Weights, cue_terms, word_terms

DEFAULT_C = 4.0  # chosen by 5-fold cross-validation on the gold records (benchmarks/plover.py)


# Keep every term: min_df 2 cost 5 points of CV macro-F1 (0.49 -> 0.44) for a 10x smaller file.
MIN_DF = 1


def vocabulary(
    docs: Sequence[list[str]], min_df: int = MIN_DF
) -> tuple[tuple[str, ...], npt.NDArray[np.float32]]:
    """The terms of at least ``min_df`` training documents and their smoothed idf (scikit-learn's
    formula)."""
    df: dict[str, int] = {}
    for terms in docs:
        for term in set(terms):
            df[term] = df.get(term, 0) + 1
    vocab = tuple(sorted(t for t, n in df.items() if n >= min_df))
    n = len(docs)
    idf = np.array([np.log((1 + n) / (1 + df[t])) + 1.0 for t in vocab], dtype=np.float32)
    return vocab, idf


def fit_weights(
    vectors: npt.NDArray[np.float32],
    labels: Sequence[str],
    c: float = DEFAULT_C,
    encoder: str = "",
    texts: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
) -> Weights:
    """Fit a class-balanced multinomial logistic regression and keep only its weights.

    With ``texts`` the model also reads the sentences' words, with ``lemmas`` the lemmas of their
    event verb and trigger (see :mod:`accord.events.classifier`)."""
    from sklearn.linear_model import LogisticRegression

    words, word_idf = (
        vocabulary([word_terms(t) for t in texts]) if texts is not None else ((), None)
    )
    cues, cue_idf = vocabulary([cue_terms(t) for t in lemmas]) if lemmas is not None else ((), None)
    shell = Weights(
        coef=np.zeros((0, 0), np.float32),
        intercept=np.zeros(0, np.float32),
        labels=(),
        words=words,
        word_idf=word_idf if word_idf is not None else np.zeros(0, np.float32),
        cues=cues,
        cue_idf=cue_idf if cue_idf is not None else np.zeros(0, np.float32),
    )
    features = shell.features(vectors, texts or (), lemmas or ())
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(features, list(labels))
    return Weights(
        coef=np.asarray(model.coef_, dtype=np.float32),
        intercept=np.asarray(model.intercept_, dtype=np.float32),
        labels=tuple(str(x) for x in model.classes_),
        encoder=encoder,
        words=shell.words,
        word_idf=shell.word_idf,
        cues=shell.cues,
        cue_idf=shell.cue_idf,
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
