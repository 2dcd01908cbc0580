"""Model objects → table rows. Pure functions: no session, no database.

Parents and children come back as separate lists because the ORM orders inserts by
``relationship()``, which these tables do not declare; the store flushes the lists in order.
Lists become child rows numbered by ``position`` so their order survives; list and dict fields
that nobody queries by (aliases, titles, actor lists) become JSON values.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from datetime import datetime

from accord.model import Analysis, Article, Entity, Fact, Span, Story
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
    row.text = article.text
    row.title = article.title
    row.outlet = article.outlet
    row.url = article.url
    row.published = article.published
    row.language = article.language
    row.source_id = article.source_id
    row.path = article.path
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


def sentence_rows(analysis: Analysis) -> list[Base]:
    article = analysis.article.id
    return [
        SentenceRow(
            article_id=article,
            position=i,
            start_char=s.start,
            end_char=s.end,
            paragraph=s.paragraph,
        )
        for i, s in enumerate(analysis.sentences)
    ]


def mention_rows(analysis: Analysis) -> list[Base]:
    article = analysis.article.id
    return [
        MentionRow(
            article_id=article,
            position=i,
            id=m.id,
            start_char=m.start,
            end_char=m.end,
            text=m.text,
            label=m.label,
            sentence=m.sentence,
            chain=m.chain,
            titles=list(m.titles),
            roles=list(m.roles),
            entity_id=m.entity,
        )
        for i, m in enumerate(analysis.mentions)
    ]


def time_rows(analysis: Analysis) -> list[Base]:
    article = analysis.article.id
    return [
        TimeRow(
            article_id=article,
            position=i,
            start_char=t.start,
            end_char=t.end,
            text=t.text,
            value=t.value,
            grain=t.grain,
        )
        for i, t in enumerate(analysis.times)
    ]


def quote_rows(analysis: Analysis) -> list[Base]:
    article = analysis.article.id
    return [
        QuoteRow(
            article_id=article,
            position=i,
            id=q.id,
            start_char=q.start,
            end_char=q.end,
            text=q.text,
            speaker=q.speaker,
            speaker_text=q.speaker_text,
            cue=q.cue,
            kind=q.kind,
            speaker_mention=q.speaker_mention,
        )
        for i, q in enumerate(analysis.quotes)
    ]


def event_rows(analysis: Analysis) -> list[Base]:
    article = analysis.article.id
    return [
        EventRow(
            article_id=article,
            position=i,
            id=e.id,
            start_char=e.start,
            end_char=e.end,
            text=e.text,
            type=e.type,
            mode=e.mode,
            source=list(e.source),
            target=list(e.target),
            source_text=list(e.source_text),
            target_text=list(e.target_text),
            location=e.location,
            date=e.date,
            quantity=e.quantity,
            negated=e.negated,
            confidence=e.confidence,
            method=e.method,
            facts=list(e.facts),
        )
        for i, e in enumerate(analysis.events)
    ]


def entity_rows(entities: Sequence[Entity]) -> list[list[Base]]:
    """Entity rows, then their mention spans, then their merge evidence."""
    parents: list[Base] = []
    spans: list[Base] = []
    evidence: list[Base] = []
    for position, entity in enumerate(entities):
        parents.append(
            EntityRow(
                id=entity.id,
                position=position,
                name=entity.name,
                type=entity.type,
                aliases=list(entity.aliases),
                roles=list(entity.roles),
                links=dict(entity.links),
            )
        )
        spans.extend(
            EntityMentionRow(entity_id=entity.id, position=i, **_span_columns(span))
            for i, span in enumerate(entity.mentions)
        )
        evidence.extend(
            MergeEvidenceRow(
                entity_id=entity.id,
                position=i,
                left_alias=ev.left,
                right_alias=ev.right,
                rule=ev.rule,
                score=ev.score,
                detail=ev.detail,
            )
            for i, ev in enumerate(entity.evidence)
        )
    return [parents, spans, evidence]


def fact_rows(facts: Sequence[Fact]) -> list[list[Base]]:
    """Fact rows, then their supporting and conflicting evidence spans."""
    parents: list[Base] = []
    evidence: list[Base] = []
    for position, fact in enumerate(facts):
        parents.append(
            FactRow(
                id=fact.id,
                position=position,
                statement=fact.statement,
                type=fact.type,
                status=fact.status,
                story_id=fact.story,
                events=list(fact.events),
            )
        )
        evidence.extend(
            FactEvidenceRow(fact_id=fact.id, kind="support", position=i, **_span_columns(span))
            for i, span in enumerate(fact.support)
        )
        evidence.extend(
            FactEvidenceRow(
                fact_id=fact.id,
                kind="conflict",
                position=i,
                reason=conflict.reason,
                **_span_columns(conflict),
            )
            for i, conflict in enumerate(fact.conflicts)
        )
    return [parents, evidence]


def story_rows(stories: Sequence[Story]) -> list[list[Base]]:
    """Story rows, then their article lists and duplicate maps."""
    parents: list[Base] = []
    children: list[Base] = []
    for position, story in enumerate(stories):
        parents.append(StoryRow(id=story.id, position=position, title=story.title))
        children.extend(
            StoryArticleRow(story_id=story.id, position=i, article_id=article)
            for i, article in enumerate(story.articles)
        )
        children.extend(
            StoryDuplicateRow(story_id=story.id, article_id=copy, copy_of=original, position=i)
            for i, (copy, original) in enumerate(story.duplicates.items())
        )
    return [parents, children]


def _span_columns(span: Span) -> dict[str, str | int]:
    return {
        "article_id": span.article,
        "start_char": span.start,
        "end_char": span.end,
        "text": span.text,
    }
