"""Saving and restoring a :class:`~accord.stories.index.StoryIndex` as plain JSON-compatible data.

The store keeps this state so that ``accord`` can add new articles to existing stories in a later
run. The inverted index is not saved: it is rebuilt from the stories on load.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from accord.stories import minhash

if TYPE_CHECKING:
    from accord.stories.index import StoryIndex, StoryState

STATE_VERSION = 1


def _story_dict(story: StoryState) -> dict[str, Any]:
    return {
        "id": story.id,
        "articles": story.articles,
        "titles": story.titles,
        "terms": story.terms,
        "title_terms": story.title_terms,
        "entities": story.entities,
        "names": story.names,
        "numbers": story.numbers,
        "dates": story.dates,
        "vector_sum": None if story.vector_sum is None else story.vector_sum.tolist(),
        "first_day": story.first_day.isoformat() if story.first_day else None,
        "last_day": story.last_day.isoformat() if story.last_day else None,
        "signatures": story.signatures.tolist(),
        "signature_ids": story.signature_ids,
        "duplicates": story.duplicates,
    }


def dump(index: StoryIndex) -> dict[str, Any]:
    """The index's stories and document frequencies as plain data."""
    return {
        "version": STATE_VERSION,
        "documents": index.df.documents,
        "document_frequency": index.df.counts,
        "stories": [_story_dict(s) for s in index._stories.values()],
    }


def _story(data: dict[str, Any]) -> StoryState:
    from accord.stories.index import StoryState

    vector = data.get("vector_sum")
    signatures = np.asarray(data["signatures"], dtype=np.uint32).reshape(-1, minhash.PERMUTATIONS)
    return StoryState(
        id=data["id"],
        articles=list(data["articles"]),
        titles=list(data["titles"]),
        terms=dict(data["terms"]),
        title_terms=dict(data["title_terms"]),
        entities=dict(data["entities"]),
        names=dict(data.get("names", {})),
        numbers=dict(data.get("numbers", {})),
        dates=dict(data.get("dates", {})),
        vector_sum=None if vector is None else np.asarray(vector, dtype=np.float32),
        first_day=date.fromisoformat(data["first_day"]) if data.get("first_day") else None,
        last_day=date.fromisoformat(data["last_day"]) if data.get("last_day") else None,
        signatures=signatures,
        signature_ids=list(data["signature_ids"]),
        duplicates=dict(data["duplicates"]),
    )


def load(index: StoryIndex, state: dict[str, Any]) -> None:
    """Fill an empty index from :func:`dump` output (rebuilding the inverted index)."""
    if state.get("version") != STATE_VERSION:
        raise ValueError(f"unsupported story state version {state.get('version')!r}")
    index.df.documents = int(state["documents"])
    index.df.counts = dict(state["document_frequency"])
    index.frozen_df = False  # a restored index keeps learning from the articles it is given
    for data in state["stories"]:
        story = _story(data)
        index._stories[story.id] = story
        for article in story.articles:
            index._story_of[article] = story.id
        index._repost(story)


def rename_entities(state: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    """The state with entity keys (``"e:<id>"``) renamed, so old stories keep matching their
    entities after resolution renamed them (``renames``: old entity id -> new one). Merged
    entities add up in story centroids; their document frequency is the larger of the two.
    Only weight dicts (str -> number) are touched; other keys never start with ``"e:"``. A
    state of another version is returned as it is (loading will refuse it)."""
    if not renames or state.get("version") != STATE_VERSION:
        return state

    def rekey(
        weights: dict[str, float], merge: Callable[[float, float], float]
    ) -> dict[str, float]:
        out: dict[str, float] = {}
        for key, weight in weights.items():
            if key.startswith("e:") and key[2:] in renames:
                key = "e:" + renames[key[2:]]
            out[key] = merge(out[key], weight) if key in out else weight
        return out

    stories = [
        {k: rekey(v, operator.add) if _is_weights(v) else v for k, v in story.items()}
        for story in state["stories"]
    ]
    frequency = rekey(state["document_frequency"], max)
    return {**state, "document_frequency": frequency, "stories": stories}


def _is_weights(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(w, int | float) for w in value.values())
