"""Model objects → table rows. Pure functions: no session, no database.

Parents and children come back as separate lists because the ORM orders inserts by
``relationship()``, which these tables do not declare; the store flushes the lists in order.
Lists become child rows numbered by ``position`` so their order survives; list and dict fields
that nobody queries by (aliases, titles, actor lists) become JSON values. Columns are named after
the model's fields (:mod:`accord.store.columns`), so each row is built from its object's fields.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING

from accord.model import Analysis, Article, Entity, Fact, Story
from accord.store.columns import to_columns
from accord.store.schema import (
    ArticleRow,
    Base,
    EntityMentionRow,
    EntityRow,
    EventRow,
    FactEvidenceRow,
    FactRow,
    MentionRow,
    MergeEvidenceRow,
    QuoteRow,
    SentenceRow,
    StoryArticleRow,
    StoryDuplicateRow,
    StoryRow,
    TimeRow,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def analysis_digest(analysis: Analysis) -> str:
    """A fingerprint of everything stored for one article, so an unchanged one is not rewritten.

    Built field by field because ``Analysis.doc`` (a spaCy Doc) is never stored.
    """
    content = {
        "article": asdict(analysis.article),
        "sentences": [asdict(x) for x in analysis.sentences],
        "mentions": [asdict(x) for x in analysis.mentions],
        "times": [asdict(x) for x in analysis.times],
        "quotes": [asdict(x) for x in analysis.quotes],
        "events": [asdict(x) for x in analysis.events],
    }
    encoded = json.dumps(content, ensure_ascii=False, default=repr)
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


def update_article_row(
    row: ArticleRow, article: Article, run_id: str | None, now: datetime
) -> None:
    """Copy ``article``'s metadata and text onto ``row`` (new or already stored)."""
    for name, value in to_columns(article, skip=("id", "provenance", "skip_ranges")).items():
        setattr(row, name, value)
    row.provenance = article.provenance.to_dict()
    row.skip_ranges = [[start, end] for start, end in article.skip_ranges]
    row.run_id = run_id
    row.saved = now


def analysis_rows(analysis: Analysis) -> Iterator[list[Base]]:
    """The per-article child rows, one list per table, built lazily (one table at a time)."""
    yield sentence_rows(analysis)
    yield mention_rows(analysis)
    yield time_rows(analysis)
    yield quote_rows(analysis)
    yield event_rows(analysis)


def _article_children(
    table: type[Base], analysis: Analysis, items: Sequence[DataclassInstance]
) -> list[Base]:
    """One ``table`` row per item, stored under the analysis's article, numbered in order."""
    article = analysis.article.id
    return [
        table(article_id=article, position=i, **to_columns(item, skip=("article",)))
        for i, item in enumerate(items)
    ]


def sentence_rows(analysis: Analysis) -> list[Base]:
    return _article_children(SentenceRow, analysis, analysis.sentences)


def mention_rows(analysis: Analysis) -> list[Base]:
    return _article_children(MentionRow, analysis, analysis.mentions)


def time_rows(analysis: Analysis) -> list[Base]:
    return _article_children(TimeRow, analysis, analysis.times)


def quote_rows(analysis: Analysis) -> list[Base]:
    return _article_children(QuoteRow, analysis, analysis.quotes)


def event_rows(analysis: Analysis) -> list[Base]:
    return _article_children(EventRow, analysis, analysis.events)


def entity_rows(
    entities: Sequence[Entity], positions: Sequence[int] | None = None
) -> list[list[Base]]:
    """Entity rows, then their mention spans, then their merge evidence (``positions``: each
    entity's place in the whole list, when these are only some of them)."""
    parents: list[Base] = []
    spans: list[Base] = []
    evidence: list[Base] = []
    for position, entity in zip(positions or range(len(entities)), entities, strict=True):
        parents.append(
            EntityRow(position=position, **to_columns(entity, skip=("mentions", "evidence")))
        )
        spans.extend(
            EntityMentionRow(entity_id=entity.id, position=i, **to_columns(span))
            for i, span in enumerate(entity.mentions)
        )
        evidence.extend(
            MergeEvidenceRow(entity_id=entity.id, position=i, **to_columns(ev))
            for i, ev in enumerate(entity.evidence)
        )
    return [parents, spans, evidence]


def fact_rows(facts: Sequence[Fact], positions: Sequence[int] | None = None) -> list[list[Base]]:
    """Fact rows, then their supporting and conflicting evidence spans (``positions`` as for
    :func:`entity_rows`)."""
    parents: list[Base] = []
    evidence: list[Base] = []
    for position, fact in zip(positions or range(len(facts)), facts, strict=True):
        parents.append(
            FactRow(position=position, **to_columns(fact, skip=("support", "conflicts")))
        )
        for kind, spans in (("support", fact.support), ("conflict", fact.conflicts)):
            evidence.extend(
                FactEvidenceRow(fact_id=fact.id, kind=kind, position=i, **to_columns(span))
                for i, span in enumerate(spans)
            )
    return [parents, evidence]


def story_rows(
    stories: Sequence[Story], positions: Sequence[int] | None = None
) -> list[list[Base]]:
    """Story rows, then their article lists and duplicate maps (``positions`` as for
    :func:`entity_rows`)."""
    parents: list[Base] = []
    children: list[Base] = []
    for position, story in zip(positions or range(len(stories)), stories, strict=True):
        parents.append(
            StoryRow(position=position, **to_columns(story, skip=("articles", "duplicates")))
        )
        children.extend(
            StoryArticleRow(story_id=story.id, position=i, article_id=article)
            for i, article in enumerate(story.articles)
        )
        children.extend(
            StoryDuplicateRow(story_id=story.id, article_id=copy, copy_of=original, position=i)
            for i, (copy, original) in enumerate(story.duplicates.items())
        )
    return [parents, children]
