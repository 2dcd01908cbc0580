"""What the clusterer keeps per article and per story, and the article-story similarity features.

Sparse vectors are plain ``dict[str, float]`` of raw weights; IDF is applied when comparing, from
a :class:`DocumentFrequency` that grows with the stream (the stream is online, so no fitted
vectoriser can know the vocabulary in advance).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

from accord.calendar_dates import parse_day
from accord.model import Analysis
from accord.stories import minhash
from accord.stories.dates import date_keys, weekday_days
from accord.stories.text import (
    entity_weights,
    headline,
    name_weights,
    number_weights,
    term_weights,
    title_terms,
)

Vector = npt.NDArray[np.float32]
MAX_STORY_TERMS = 400  # a story's centroid keeps its heaviest terms only (bounded memory)

FEATURES = (
    "terms",
    "entities",
    "names",
    "numbers",
    "title",
    "entity_recall",
    "size",
    "dates",
    "date_conflict",
    "dates_known",
    "person_conflict",
    "embedding",
)


@dataclass(slots=True)
class ArticleFeatures:
    """Everything clustering needs from one article (computed once, the text is not kept)."""

    id: str
    title: str
    terms: dict[str, float]
    title_terms: set[str]
    entities: dict[str, float]
    names: dict[str, float]
    numbers: dict[str, float]
    day: date | None = None
    vector: Vector | None = None
    signature: minhash.Signature | None = None
    dates: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class DocumentFrequency:
    """Online document frequencies of terms and entity keys (one namespace, entity keys start "e:")."""

    documents: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, keys: set[str] | dict[str, float]) -> None:
        self.documents += 1
        for key in keys:
            self.counts[key] = self.counts.get(key, 0) + 1

    def idf(self, key: str) -> float:
        """Smoothed IDF, as scikit-learn's ``TfidfTransformer(smooth_idf=True)``."""
        return math.log((1 + self.documents) / (1 + self.counts.get(key, 0))) + 1.0


def extract(analysis: Analysis, vector: Vector | None = None) -> ArticleFeatures:
    """Features of one analysed article (``vector``: its sentence embedding, if any)."""
    article = analysis.article
    title = headline(analysis)
    terms = term_weights(article.text, title)
    day = parse_day(article.published)
    return ArticleFeatures(
        id=article.id,
        title=title,
        terms=terms,
        title_terms=title_terms(title),
        entities=entity_weights(analysis),
        names=name_weights(analysis),
        numbers=number_weights(terms),
        day=day,
        vector=vector,
        signature=minhash.signature(article.text),
        dates=date_keys(article.text, day, weekday_days(analysis.times)),
    )


def document_keys(art: ArticleFeatures) -> set[str]:
    """The keys an article counts once for in the document frequencies (terms, entity keys,
    name words and date keys share one namespace)."""
    return set(art.terms) | set(art.entities) | set(art.names) | set(art.dates)


def weighted(keys: dict[str, float] | set[str], df: DocumentFrequency) -> dict[str, float]:
    """IDF-weighted copy of a sparse vector (a set counts 1 per key)."""
    if isinstance(keys, set):
        return {k: df.idf(k) for k in keys}
    return {k: w * df.idf(k) for k, w in keys.items()}


def norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in vector.values())) or 1.0


def cosine(article: dict[str, float], story: dict[str, float], story_norm: float) -> float:
    """Cosine of an IDF-weighted article vector with a story vector of known norm."""
    dot = sum(w * story.get(k, 0.0) for k, w in article.items())
    return dot / (norm(article) * story_norm)


def prune(vector: dict[str, float], keep: int = MAX_STORY_TERMS) -> dict[str, float]:
    """The ``keep`` heaviest entries (applied when a story vector grows past twice that)."""
    if len(vector) <= 2 * keep:
        return vector
    return dict(sorted(vector.items(), key=lambda kv: -kv[1])[:keep])
