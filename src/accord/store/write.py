"""Model objects → table rows. Pure functions: no session, no database.

Lists become child rows numbered by ``position`` so their order survives; list and dict fields
that nobody queries by (aliases, titles, actor lists) become JSON values.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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


def entity_rows(entities: Sequence[Entity]) -> list[Base]:
    """Entities, then their mention spans and merge evidence (parents before children)."""
    rows: list[Base] = []
    for position, entity in enumerate(entities):
        rows.append(
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
        rows.extend(
            EntityMentionRow(entity_id=entity.id, position=i, **_span_columns(span))
            for i, span in enumerate(entity.mentions)
        )
        rows.extend(
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
    return rows


def fact_rows(facts: Sequence[Fact]) -> list[Base]:
    """Facts, then their supporting and conflicting evidence spans."""
    rows: list[Base] = []
    for position, fact in enumerate(facts):
        rows.append(
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
        rows.extend(
            FactEvidenceRow(fact_id=fact.id, kind="support", position=i, **_span_columns(span))
            for i, span in enumerate(fact.support)
        )
        rows.extend(
            FactEvidenceRow(
                fact_id=fact.id,
                kind="conflict",
                position=i,
                reason=conflict.reason,
                **_span_columns(conflict),
            )
            for i, conflict in enumerate(fact.conflicts)
        )
    return rows


def story_rows(stories: Sequence[Story]) -> list[Base]:
    """Stories, then their article lists and duplicate maps."""
    rows: list[Base] = []
    for position, story in enumerate(stories):
        rows.append(StoryRow(id=story.id, position=position, title=story.title))
        rows.extend(
            StoryArticleRow(story_id=story.id, position=i, article_id=article)
            for i, article in enumerate(story.articles)
        )
        rows.extend(
            StoryDuplicateRow(story_id=story.id, article_id=copy, copy_of=original, position=i)
            for i, (copy, original) in enumerate(story.duplicates.items())
        )
    return rows


def _span_columns(span: Span) -> dict[str, str | int]:
    return {
        "article_id": span.article,
        "start_char": span.start,
        "end_char": span.end,
        "text": span.text,
    }
