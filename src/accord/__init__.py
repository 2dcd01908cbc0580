"""accord: reconcile news coverage of one political event from several outlets.

The public API: read articles (:func:`read_paths`), run the whole pipeline (:func:`run`,
:func:`process`), and the data model every stage shares.
"""

import importlib as _importlib
from typing import Any as _Any

from accord.model import (
    SCHEMA,
    Analysis,
    Article,
    Conflict,
    Entity,
    Event,
    Fact,
    Mention,
    MergeEvidence,
    Provenance,
    Quote,
    Result,
    Sentence,
    Skipped,
    Span,
    Story,
    TimeExpression,
    content_hash,
    mention_id,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Analysis",
    "Article",
    "Conflict",
    "Entity",
    "Event",
    "Fact",
    "Mention",
    "MergeEvidence",
    "Provenance",
    "Quote",
    "Result",
    "Sentence",
    "Skipped",
    "Span",
    "Story",
    "TimeExpression",
    "__version__",
    "content_hash",
    "mention_id",
    "process",
    "read_paths",
    "run",
]

# The pipeline entry points pull in spaCy and friends; load them on first use so that
# ``import accord`` (for the data model alone) stays cheap.
_LAZY = {"process": "accord.pipeline", "run": "accord.pipeline", "read_paths": "accord.ingest"}


def __getattr__(name: str) -> _Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'accord' has no attribute {name!r}")
    return getattr(_importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
