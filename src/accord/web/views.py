"""Build the API's response models from a :class:`ResultIndex`; the HTML pages reuse them."""

from __future__ import annotations

from collections import Counter
from typing import Any, TypeVar

from pydantic import BaseModel

from accord.model import Article, Entity, Fact, FactStatus, Quote, Story
from accord.web.data import ResultIndex
from accord.web.schemas import (
    ActorOut,
    ArticleDetail,
    ArticleSummary,
    EntityDetail,
    EntitySummary,
    EventOut,
    FactOut,
    MentionOut,
    MergeEvidenceOut,
    QuoteOut,
    SpanOut,
    StoryDetail,
    StorySummary,
    TimeOut,
)

M = TypeVar("M", bound=BaseModel)

STATUS_ORDER: tuple[FactStatus, ...] = ("corroborated", "conflicting", "single_source")


def filled(model: type[M], source: object, **given: Any) -> M:
    """``model`` filled from ``source``'s attributes of the same names, except the ``given``
    fields (counts, nested lists, anything the source does not hold as the API shows it)."""
    names = model.model_fields.keys() - given.keys()
    return model(**{n: getattr(source, n) for n in names if hasattr(source, n)}, **given)


def quote_out(index: ResultIndex, quote: Quote) -> QuoteOut:
    out = QuoteOut.model_validate(quote)
    out.speaker_name = index.entity_name(quote.speaker)
    return out


def _article_counts(index: ResultIndex, article: Article) -> dict[str, Any]:
    return {
        "stories": index.story_of.get(article.id, []),
        "n_mentions": len(index.mentions.get(article.id, [])),
        "n_quotes": len(index.quotes.get(article.id, [])),
        "n_events": len(index.events.get(article.id, [])),
    }


def article_summary(index: ResultIndex, article: Article) -> ArticleSummary:
    return filled(ArticleSummary, article, **_article_counts(index, article))


def article_detail(index: ResultIndex, article: Article) -> ArticleDetail:
    analysis = index.analyses[article.id]
    return filled(
        ArticleDetail,
        article,
        **_article_counts(index, article),
        provenance=article.provenance.to_dict(),
        skip_ranges=list(article.skip_ranges),
        mentions=[MentionOut.model_validate(m) for m in index.mentions.get(article.id, [])],
        times=[TimeOut.model_validate(t) for t in analysis.times],
        quotes=[quote_out(index, q) for q in analysis.quotes],
        events=[EventOut.model_validate(e) for e in analysis.events],
    )


def _entity_counts(entity: Entity) -> dict[str, Any]:
    return {
        "n_mentions": len(entity.mentions),
        "n_articles": len({span.article for span in entity.mentions}),
    }


def entity_summary(entity: Entity) -> EntitySummary:
    return filled(EntitySummary, entity, **_entity_counts(entity))


def entity_detail(index: ResultIndex, entity: Entity) -> EntityDetail:
    return filled(
        EntityDetail,
        entity,
        **_entity_counts(entity),
        mentions=[SpanOut.model_validate(s) for s in entity.mentions],
        evidence=[MergeEvidenceOut.model_validate(ev) for ev in entity.evidence],
        quotes=[quote_out(index, q) for q in index.quotes_by(entity.id)],
    )


def _by_status(facts: list[Fact]) -> dict[str, int]:
    """Fact counts per status, in reading order: corroborated, conflicting, single source."""
    counts = Counter(f.status for f in facts)
    return {status: counts[status] for status in STATUS_ORDER if counts[status]}


def _story_counts(index: ResultIndex, story: Story) -> dict[str, Any]:
    facts = index.facts_of(story.id)
    return {
        "n_facts": len(facts),
        "facts_by_status": _by_status(facts),
        "n_quotes": len(index.quotes_in(story.articles)),
    }


def story_summary(index: ResultIndex, story: Story) -> StorySummary:
    return filled(StorySummary, story, **_story_counts(index, story))


def story_detail(index: ResultIndex, story: Story) -> StoryDetail:
    return filled(
        StoryDetail,
        story,
        **_story_counts(index, story),
        facts=[FactOut.model_validate(f) for f in index.facts_of(story.id)],
        actors=[
            ActorOut(id=e.id, name=e.name, type=e.type, n_mentions=n)
            for e, n in index.actors_of(story.articles)
        ],
        quotes=[quote_out(index, q) for q in index.quotes_in(story.articles)],
    )
