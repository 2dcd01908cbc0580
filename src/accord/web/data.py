"""What the web app reads: a :class:`~accord.model.Result` from the store, indexed for lookups.

The app never queries tables itself; it loads the whole ``Result`` through ``accord.store`` (the
same object the CLI and reports consume) and builds dictionaries over it. The loaded result is
cached and reloaded when ``store.summary()`` changes (another process ran ``accord run``) or after
the app itself saved new articles.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from accord.model import (
    Analysis,
    Article,
    Entity,
    Event,
    Fact,
    Mention,
    Quote,
    Result,
    Sentence,
    Story,
    facts_by_story,
)
from accord.store.protocol import CorpusStore


class ResultStore(CorpusStore, Protocol):
    """The part of ``accord.store``'s store object the web app uses (``load_story_index`` and
    ``save`` only when articles are posted: see ``accord.pipeline.update_store``)."""

    def summary(self) -> Any: ...


@dataclass(slots=True)
class ResultIndex:
    """A loaded result with the lookups pages and endpoints need."""

    result: Result
    articles: dict[str, Article] = field(default_factory=dict)
    analyses: dict[str, Analysis] = field(default_factory=dict)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    quotes: dict[str, list[Quote]] = field(default_factory=dict)
    events: dict[str, list[Event]] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    story_of: dict[str, list[str]] = field(default_factory=dict)  # article id -> story ids
    # story id -> its facts, so a list of stories does not scan every fact once per story
    facts: dict[str, list[Fact]] = field(default_factory=dict)

    @classmethod
    def build(cls, result: Result) -> ResultIndex:
        index = cls(result=result)
        for analysis in result.analyses:
            aid = analysis.article.id
            index.articles[aid] = analysis.article
            index.analyses[aid] = analysis
            index.sentences[aid] = analysis.sentences
            index.mentions[aid] = sorted(analysis.mentions, key=lambda m: (m.start, m.end))
            index.quotes[aid] = analysis.quotes
            index.events[aid] = analysis.events
        index.entities = {e.id: e for e in result.entities}
        index.stories = {s.id: s for s in result.stories}
        story_of: defaultdict[str, list[str]] = defaultdict(list)
        for story in result.stories:
            for aid in story.articles:
                story_of[aid].append(story.id)
        index.story_of = dict(story_of)
        index.facts = facts_by_story(result.facts)
        return index

    def entity_name(self, entity_id: str | None) -> str | None:
        """The display name of an entity id; ids that are not entities (raw text) pass through."""
        if entity_id is None:
            return None
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def facts_of(self, story_id: str) -> list[Fact]:
        return self.facts.get(story_id, [])

    def quotes_in(self, article_ids: Iterable[str]) -> list[Quote]:
        return [q for aid in article_ids for q in self.quotes.get(aid, [])]

    def quotes_by(self, entity_id: str) -> list[Quote]:
        return [q for q in self.result.quotes if q.speaker == entity_id]

    def events_with(self, entity_id: str) -> list[Event]:
        return [e for e in self.result.events if entity_id in e.source or entity_id in e.target]

    def actors_of(self, article_ids: Iterable[str]) -> list[tuple[Entity, int]]:
        """Entities mentioned in the given articles, most mentioned first."""
        counts: Counter[str] = Counter(
            m.entity for aid in article_ids for m in self.mentions.get(aid, []) if m.entity
        )
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(self.entities[eid], n) for eid, n in ranked if eid in self.entities]

    def sentence_around(self, article_id: str, start: int, end: int) -> tuple[int, int]:
        """The offsets of the sentence holding ``start:end`` (a window of text when unknown)."""
        for sentence in self.sentences.get(article_id, []):
            if sentence.start <= start and end <= sentence.end:
                return sentence.start, sentence.end
        text = self.articles[article_id].text
        return max(0, start - 80), min(len(text), end + 80)


class ResultCache:
    """Loads the store's result once and again only when the store changed."""

    def __init__(self, store: ResultStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._summary: Any = None
        self._index: ResultIndex | None = None

    def get(self) -> ResultIndex:
        with self._lock:
            summary = self.store.summary()
            if self._index is None or summary != self._summary:
                self._index = ResultIndex.build(self.store.load())
                self._summary = summary
            return self._index

    def invalidate(self) -> None:
        with self._lock:
            self._index = None
