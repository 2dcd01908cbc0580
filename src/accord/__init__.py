"""accord: reconcile news coverage of one political event from several outlets.

The public API: read articles (:func:`read_paths`), run the whole pipeline (:func:`run`,
:func:`process`), and the data model every stage shares.
"""

from __future__ import annotations

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
]
