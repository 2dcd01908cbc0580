"""Claim-by-claim similarity: the vectorised block maxima equal the pairwise definition."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.reconcile.claims import Claim
from accord.reconcile.similarity import (
    ATTRIBUTION_DISCOUNT,
    claim_similarity,
    similarity_matrix,
)


class HashEncoder:
    """Deterministic unit vectors from a text's hash: any text gets a fixed, arbitrary vector."""

    name = "hash"

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        rows = []
        for text in texts:
            rng = np.random.default_rng(abs(hash(text)) % 2**32)
            vector = rng.normal(size=8)
            rows.append(vector / np.linalg.norm(vector))
        return np.asarray(rows, dtype="float32")


def pairwise(claims: list[Claim], encoder: HashEncoder) -> npt.NDArray[np.float32]:
    """The definition, one claim pair at a time."""
    texts = [t for c in claims for t in c.variants]
    full = similarity_matrix(texts, encoder)
    bounds = np.cumsum([0, *(len(c.variants) for c in claims)])
    every = [np.arange(bounds[i], bounds[i + 1]) for i in range(len(claims))]
    reported = [e[1:] for e in every]
    out = np.zeros((len(claims), len(claims)), dtype="float32")
    for i in range(len(claims)):
        for j in range(len(claims)):
            whole = full[np.ix_(every[i], every[j])].max()
            if reported[i].size and reported[j].size:
                out[i, j] = full[np.ix_(reported[i], reported[j])].max()
            elif reported[i].size or reported[j].size:
                a = reported[i] if reported[i].size else every[i]
                b = reported[j] if reported[j].size else every[j]
                out[i, j] = max(full[np.ix_(a, b)].max(), whole - ATTRIBUTION_DISCOUNT)
            else:
                out[i, j] = whole
    return out


words = st.sampled_from(["talks", "ended", "Kyiv", "said", "prisoners", "two", "hours", "no"])
sentences = st.lists(words, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(sentences, st.lists(sentences, max_size=3)), min_size=1, max_size=7))
def test_reconcile_similarity_matches_the_pairwise_definition(
    units: list[tuple[str, list[str]]],
) -> None:
    claims = [
        Claim(f"a{i % 2}", i, i + len(text), text, i, cores=cores)
        for i, (text, cores) in enumerate(units)
    ]
    encoder = HashEncoder()
    got = claim_similarity(claims, encoder)
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, pairwise(claims, encoder), rtol=0, atol=1e-6)


def test_reconcile_similarity_compares_reports_by_what_they_report() -> None:
    """Two reports by one speaker of different things: their shared "X said" does not count."""
    claims = [
        Claim("a", 0, 30, "Umerov said the talks ended", 0, cores=["the talks ended"]),
        Claim("b", 0, 30, "Umerov said prisoners go home", 0, cores=["prisoners go home"]),
    ]
    encoder = HashEncoder()
    got = claim_similarity(claims, encoder)
    cores = similarity_matrix(["the talks ended", "prisoners go home"], encoder)
    assert got[0, 1] == cores[0, 1]
    assert claim_similarity([], encoder).shape == (0, 0)
