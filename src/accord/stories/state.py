"""Saving and restoring a :class:`~accord.stories.index.StoryIndex` as plain JSON-compatible data.

The store keeps this state so that ``accord`` can add new articles to existing stories in a later
run. The inverted index is not saved: it is rebuilt from the stories on load. The features of the
streaming index's recent window (at most ``TIDY_WINDOW`` articles) are saved too, so a tidy-up in
the next run can still cut or merge stories that earlier runs built (version 1 states, which lack
them, still load: their stories are only re-placed into). Embeddings and MinHash signatures of the
window are stored as base64 of their raw little-endian bytes (a quarter of the size of JSON
numbers, and exact).
"""

from __future__ import annotations

import base64
import operator
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict

import numpy as np

from accord.stories import minhash
from accord.stories.features import ArticleFeatures

if TYPE_CHECKING:
    from accord.stories.index import StoryIndex, StoryState

STATE_VERSION = 2
READABLE_VERSIONS = (1, 2)  # version 1: no recent-window features
WEIGHT_FIELDS = ("terms", "entities", "names", "numbers", "dates")  # sparse weights, story and
# article alike (a story's title terms are weights too, an article's a set: handled apart)
_VECTOR = np.dtype("<f4")
_SIGNATURE = np.dtype("<u4")


def _weights_of(item: StoryState | ArticleFeatures) -> dict[str, dict[str, float]]:
    return {name: getattr(item, name) for name in WEIGHT_FIELDS}


class _Weights(TypedDict):
    """The :data:`WEIGHT_FIELDS` as keyword arguments (typed, for ``StoryState(**...)``)."""

    terms: dict[str, float]
    entities: dict[str, float]
    names: dict[str, float]
    numbers: dict[str, float]
    dates: dict[str, float]


def _weights(data: dict[str, Any]) -> _Weights:
    def get(name: str) -> dict[str, float]:
        return dict(data.get(name, {}))

    return _Weights(
        terms=get("terms"),
        entities=get("entities"),
        names=get("names"),
        numbers=get("numbers"),
        dates=get("dates"),
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _story_dict(story: StoryState) -> dict[str, Any]:
    return {
        "id": story.id,
        "articles": story.articles,
        "titles": story.titles,
        "title_terms": story.title_terms,
        **_weights_of(story),
        "vector_sum": None if story.vector_sum is None else story.vector_sum.tolist(),
        "first_day": story.first_day.isoformat() if story.first_day else None,
        "last_day": story.last_day.isoformat() if story.last_day else None,
        "day_counts": {day.isoformat(): n for day, n in sorted(story.day_counts.items())},
        "signatures": story.signatures.tolist(),
        "signature_ids": story.signature_ids,
        "duplicates": story.duplicates,
    }


def _pack(array: np.ndarray | None, dtype: np.dtype[Any]) -> str | None:
    return None if array is None else base64.b64encode(array.astype(dtype).tobytes()).decode()


def _unpack(text: str | None, dtype: np.dtype[Any], native: type) -> Any:
    if text is None:
        return None
    return np.frombuffer(base64.b64decode(text), dtype=dtype).astype(native)


def _article_dict(art: ArticleFeatures) -> dict[str, Any]:
    return {
        "id": art.id,
        "title": art.title,
        "title_terms": sorted(art.title_terms),
        **_weights_of(art),
        "day": art.day.isoformat() if art.day else None,
        "vector": _pack(art.vector, _VECTOR),
        "signature": _pack(art.signature, _SIGNATURE),
    }


def _article(data: dict[str, Any]) -> ArticleFeatures:
    return ArticleFeatures(
        id=data["id"],
        title=data["title"],
        title_terms=set(data["title_terms"]),
        **_weights(data),
        day=_day(data.get("day")),
        vector=_unpack(data.get("vector"), _VECTOR, np.float32),
        signature=_unpack(data.get("signature"), _SIGNATURE, np.uint32),
    )


def dump(index: StoryIndex) -> dict[str, Any]:
    """The index's stories, document frequencies and recent-window features as plain data."""
    return {
        "version": STATE_VERSION,
        "documents": index.df.documents,
        "document_frequency": index.df.counts,
        "stories": [_story_dict(s) for s in index._stories.values()],
        "recent": [_article_dict(a) for a in index._recent.values()],
        "fresh": list(index._fresh),
    }


def _story(data: dict[str, Any]) -> StoryState:
    from accord.stories.index import StoryState

    vector = data.get("vector_sum")
    signatures = np.asarray(data["signatures"], dtype=np.uint32).reshape(-1, minhash.PERMUTATIONS)
    return StoryState(
        id=data["id"],
        articles=list(data["articles"]),
        titles=list(data["titles"]),
        title_terms=dict(data["title_terms"]),
        **_weights(data),
        vector_sum=None if vector is None else np.asarray(vector, dtype=np.float32),
        day_counts=_day_counts(data),
        signatures=signatures,
        signature_ids=list(data["signature_ids"]),
        duplicates=dict(data["duplicates"]),
    )


def _day_counts(data: dict[str, Any]) -> dict[date, int]:
    """A story's dated members per day. States saved before the counts were kept have only the
    range: its two ends count as held by every member, so moving articles out never narrows it
    (it is kept as saved, as before)."""
    if "day_counts" in data:
        return {date.fromisoformat(day): int(n) for day, n in data["day_counts"].items()}
    ends = {_day(data.get("first_day")), _day(data.get("last_day"))} - {None}
    return {day: len(data["articles"]) for day in ends if day is not None}


def load(index: StoryIndex, state: dict[str, Any]) -> None:
    """Fill an empty index from :func:`dump` output (rebuilding the inverted index)."""
    if state.get("version") not in READABLE_VERSIONS:
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
    for data in state.get("recent", ()):
        if data["id"] in index._story_of:  # a window article is always in a story; be safe
            index._recent[data["id"]] = _article(data)
    index._fresh = [a for a in state.get("fresh", ()) if a in index._story_of]


def rename_entities(state: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    """The state with entity keys (``"e:<id>"``) renamed, so old stories keep matching their
    entities after resolution renamed them (``renames``: old entity id -> new one). Merged
    entities add up in story centroids; their document frequency is the larger of the two.
    Only weight dicts (str -> number) are touched; other keys never start with ``"e:"``. A
    state of an unknown version is returned as it is (loading will refuse it)."""
    if not renames or state.get("version") not in READABLE_VERSIONS:
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
    recent = [
        {**art, "entities": rekey(art["entities"], operator.add)} for art in state.get("recent", ())
    ]
    frequency = rekey(state["document_frequency"], max)
    out = {**state, "document_frequency": frequency, "stories": stories}
    if "recent" in state:
        out["recent"] = recent
    return out


def _is_weights(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(w, int | float) for w in value.values())
