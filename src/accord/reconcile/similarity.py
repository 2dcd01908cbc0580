"""Semantic similarity of claim texts: MiniLM sentence embeddings, or TF-IDF without them.

The encoder is the shared one from :mod:`accord.embeddings`; when it is unavailable (no
sentence-transformers, or ``ACCORD_NO_EMBEDDINGS`` set) a word and character n-gram TF-IDF over
the story's own claims stands in, so reconciliation still runs, less well on paraphrases.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from accord.embeddings import get_encoder

if TYPE_CHECKING:
    import numpy.typing as npt

    from accord.embeddings import Encoder
    from accord.reconcile.claims import Claim


def _tfidf_similarity(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Cosine similarity of TF-IDF rows (words and character 3-5-grams, so garbled words still
    match), computed sparse so long stories do not need a dense n-gram matrix."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    words = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True
    ).fit_transform(texts)
    both = normalize(hstack([words, chars]).tocsr())
    return np.asarray((both @ both.T).toarray(), dtype="float32")


def similarity_matrix(
    texts: Sequence[str], encoder: Encoder | bool | None = True
) -> npt.NDArray[np.float32]:
    """Cosine similarity between every pair of ``texts``.

    ``encoder=True`` uses the shared encoder when installed; ``None`` or ``False`` forces TF-IDF.
    """
    if not texts:
        return np.zeros((0, 0), dtype="float32")
    model = get_encoder() if encoder is True else (encoder or None)
    if model is not None:
        vectors = model.encode(list(texts))
        return np.asarray(vectors @ vectors.T, dtype="float32")
    if len(texts) < 2:
        return np.ones((1, 1), dtype="float32")
    return _tfidf_similarity(texts)


ATTRIBUTION_DISCOUNT = 0.08  # a whole report matching a plain claim: partly by who speaks


def claim_similarity(
    claims: Sequence[Claim], encoder: Encoder | bool | None = True
) -> npt.NDArray[np.float32]:
    """Claim-by-claim similarity: the best match between any of two claims' text variants
    (the whole unit, or what it reports without "X said"), so attribution does not dilute it.
    Two reports are compared by what they report: "X said A" and "X said B" share their
    attribution, not their fact; a report and a plain claim, by what is reported or, with a
    discount, by the whole report."""
    texts: list[str] = []
    owner: list[int] = []
    core: list[bool] = []
    for index, claim in enumerate(claims):
        for n, text in enumerate(claim.variants):
            texts.append(text)
            owner.append(index)
            core.append(n > 0)
    model = get_encoder() if encoder is True else (encoder or None)
    full = similarity_matrix(texts, model)
    if not claims:
        return full
    # Each claim's variants are consecutive rows, so a block maximum is a ``reduceat`` at the
    # claims' first rows (a Python loop over claim pairs took most of a large story's time).
    starts = np.flatnonzero(np.diff(np.asarray(owner), prepend=-1))
    every = _block_max(full, starts)
    if model is None:  # TF-IDF on a short reported clause is too sparse to trust alone
        return _calibrate(every, claims)
    cores = np.asarray(core)
    has_core = np.logical_or.reduceat(cores, starts)
    # What each claim is compared by: its reported contents when it has any, else every variant.
    chosen = np.where(has_core[np.asarray(owner)], cores, True)
    out = _block_max(np.where(chosen[:, None] & chosen[None, :], full, -np.inf), starts)
    mixed = has_core[:, None] != has_core[None, :]  # a report and a plain claim: the
    # attribution counts for less
    return np.where(mixed, np.maximum(out, every - ATTRIBUTION_DISCOUNT), out).astype("float32")


def _block_max(
    matrix: npt.NDArray[np.float32], starts: npt.NDArray[np.intp]
) -> npt.NDArray[np.float32]:
    """The maximum of each block of ``matrix`` whose rows and columns begin at ``starts``."""
    return np.maximum.reduceat(np.maximum.reduceat(matrix, starts, axis=0), starts, axis=1)


# Cross-article claim similarity under MiniLM in a one-event story (measured on the seeds):
# TF-IDF scores are rescaled to this mean and spread so one set of thresholds serves both.
EMBEDDING_MEAN, EMBEDDING_STD = 0.25, 0.14


def _calibrate(matrix: npt.NDArray[np.float32], claims: Sequence[Claim]) -> npt.NDArray[np.float32]:
    """Standardise TF-IDF similarities over the story's cross-article pairs, then map them onto
    the embedding scale (TF-IDF cosines are far smaller and more skewed than MiniLM's)."""
    articles = np.asarray([c.article for c in claims])
    cross = articles[:, None] != articles[None, :]
    values = matrix[cross]
    if values.size < 2 or float(values.std()) == 0.0:
        return matrix
    z = (matrix - values.mean()) / values.std()
    return np.asarray(EMBEDDING_MEAN + EMBEDDING_STD * z, dtype="float32")
