"""MinHash signatures of word shingles, for near-duplicate (syndicated copy) detection.

Hand-written (about 20 lines of numpy) rather than adding ``datasketch`` as a dependency: the
signature must be stable across processes (it is persisted with the story state), so shingles are
hashed with CRC-32, never with Python's salted ``hash``.
"""

from __future__ import annotations

import zlib

import numpy as np
import numpy.typing as npt

from accord.stories.text import tokens

SHINGLE = 4  # words per shingle: tolerant of a changed word, strict about reordered prose
PERMUTATIONS = 64
MIN_SHINGLES = 8  # shorter texts carry too little evidence to call a copy
_rng = np.random.default_rng(20240601)
# Multiply-shift hashing (Dietzfelbinger): (a*h + b) mod 2**64, top 32 bits; a odd. uint64
# arithmetic wraps mod 2**64 in numpy, which is exactly the modulus wanted.
_A = _rng.integers(0, 1 << 63, PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 1 << 63, PERMUTATIONS, dtype=np.uint64)

Signature = npt.NDArray[np.uint32]


def signature(text: str) -> Signature | None:
    """The MinHash signature of ``text``'s word shingles, or None for a too-short text."""
    words = tokens(text)
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    if len(shingles) < MIN_SHINGLES:
        return None
    hashes = np.fromiter((zlib.crc32(s.encode()) for s in shingles), np.uint64, len(shingles))
    mixed = (hashes[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    lowest: Signature = mixed.min(axis=0).astype(np.uint32)
    return lowest


def jaccard(sig: Signature, others: npt.NDArray[np.uint32]) -> npt.NDArray[np.float64]:
    """Estimated shingle Jaccard similarity of ``sig`` with each row of ``others``."""
    if others.size == 0:
        return np.zeros(0)
    return np.asarray((others == sig[None, :]).mean(axis=1), dtype=np.float64)
