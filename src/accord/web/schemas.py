"""Pydantic models for the JSON API: the typed edge between accord's dataclasses and HTTP.

Field names follow the ``accord/1`` export (``docs/architecture.md``) so a client can read both.
Models are filled from the dataclasses with ``from_attributes``; list endpoints return summaries
with counts, detail endpoints nest the spans.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from accord.model import FactStatus, QuoteKind


class _Model(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class SpanOut(_Model):
    article: str
    start: int
    end: int
    text: str


class ConflictOut(SpanOut):
    reason: str = ""


class MentionOut(_Model):
    id: str
    article: str
    start: int
    end: int
    text: str
    label: str
    sentence: int
    chain: int = -1
    titles: list[str] = []
    roles: list[str] = []
    entity: str | None = None


class TimeOut(_Model):
    article: str
    start: int
    end: int
    text: str
    value: str | None
    grain: str = "day"


class QuoteOut(_Model):
    id: str
    article: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_name: str | None = Field(None, description="The speaker entity's name")
    speaker_text: str | None = None
    cue: str | None = None
    kind: QuoteKind = "direct"


class EventOut(_Model):
    id: str
    article: str
    start: int
    end: int
    text: str
    type: str
    mode: str | None = None
    source: list[str] = []
    target: list[str] = []
    source_text: list[str] = []
    target_text: list[str] = []
    source_sectors: list[str | None] = []
    target_sectors: list[str | None] = []
    source_countries: list[str | None] = []
    target_countries: list[str | None] = []
    location: str | None = None
    date: str | None = None
    quantity: str | None = None
    negated: bool = False
    confidence: float = 1.0
    method: str = "rules"
    facts: list[str] = []


class ArticleSummary(_Model):
    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    stories: list[str] = []
    n_mentions: int = 0
    n_quotes: int = 0
    n_events: int = 0


class ArticleDetail(ArticleSummary):
    text: str
    source_id: str | None = None
    path: str | None = None
    provenance: dict[str, Any] = {}
    skip_ranges: list[tuple[int, int]] = []
    mentions: list[MentionOut] = []
    times: list[TimeOut] = []
    quotes: list[QuoteOut] = []
    events: list[EventOut] = []


class MergeEvidenceOut(_Model):
    left: str
    right: str
    rule: str
    score: float
    detail: str = ""


class EntitySummary(_Model):
    id: str
    name: str
    type: str
    aliases: list[str] = []
    roles: list[str] = []
    n_mentions: int = 0
    n_articles: int = 0


class EntityDetail(EntitySummary):
    links: dict[str, str] = {}
    mentions: list[SpanOut] = []
    evidence: list[MergeEvidenceOut] = []
    quotes: list[QuoteOut] = []


class FactOut(_Model):
    id: str
    statement: str
    type: str
    status: FactStatus
    support: list[SpanOut] = []
    conflicts: list[ConflictOut] = []
    story: str | None = None
    events: list[str] = []


class StorySummary(_Model):
    id: str
    title: str
    articles: list[str] = []
    duplicates: dict[str, str] = {}
    n_facts: int = 0
    facts_by_status: dict[str, int] = {}
    n_quotes: int = 0


class ActorOut(_Model):
    id: str
    name: str
    type: str
    n_mentions: int


class StoryDetail(StorySummary):
    facts: list[FactOut] = []
    actors: list[ActorOut] = []
    quotes: list[QuoteOut] = []


class FeatureShareOut(_Model):
    feature: str
    value: float
    logit: float


class StoryOddsOut(_Model):
    story: str
    title: str
    articles: int
    probability: float
    own: bool


class PlacementOut(_Model):
    """Why an article is in its story (``accord.stories.explain.Placement``)."""

    article: str
    title: str
    story: str
    alone: bool
    probability: float | None
    threshold: float
    bias: float
    time_penalty: float
    shares: list[FeatureShareOut]
    shared_entities: list[str]
    shared_words: list[str]
    copy_of: str | None
    candidates: list[StoryOddsOut]


class SkippedOut(_Model):
    path: str
    reason: str
    line: int | None = None


class ArticleIn(BaseModel):
    """One article posted to ``POST /api/articles``; only ``text`` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO 8601 date or datetime")
    language: str | None = None


class IngestOut(_Model):
    """What ``POST /api/articles`` did: the ids of the posted articles and the new totals."""

    articles: list[str]
    skipped: list[SkippedOut] = []
    n_articles: int
    n_entities: int
    n_facts: int
    n_stories: int
