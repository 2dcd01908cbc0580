"""Build the API's response models from a :class:`ResultIndex`; the HTML pages reuse them."""

from __future__ import annotations

from collections import Counter

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

STATUS_ORDER: tuple[FactStatus, ...] = ("corroborated", "conflicting", "single_source")


def quote_out(index: ResultIndex, quote: Quote) -> QuoteOut:
    out = QuoteOut.model_validate(quote)
    out.speaker_name = index.entity_name(quote.speaker)
    return out


def article_summary(index: ResultIndex, article: Article) -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        published=article.published,
        language=article.language,
        stories=index.story_of.get(article.id, []),
        n_mentions=len(index.mentions.get(article.id, [])),
        n_quotes=len(index.quotes.get(article.id, [])),
        n_events=len(index.events.get(article.id, [])),
    )


def article_detail(index: ResultIndex, article: Article) -> ArticleDetail:
    analysis = index.analyses[article.id]
    return ArticleDetail(
        **article_summary(index, article).model_dump(),
        text=article.text,
        source_id=article.source_id,
        path=article.path,
        provenance=article.provenance.to_dict(),
        skip_ranges=list(article.skip_ranges),
        mentions=[MentionOut.model_validate(m) for m in index.mentions.get(article.id, [])],
        times=[TimeOut.model_validate(t) for t in analysis.times],
        quotes=[quote_out(index, q) for q in analysis.quotes],
        events=[EventOut.model_validate(e) for e in analysis.events],
    )


def entity_summary(entity: Entity) -> EntitySummary:
    return EntitySummary(
        id=entity.id,
        name=entity.name,
        type=entity.type,
        aliases=entity.aliases,
        roles=entity.roles,
        n_mentions=len(entity.mentions),
        n_articles=len({span.article for span in entity.mentions}),
    )


def entity_detail(index: ResultIndex, entity: Entity) -> EntityDetail:
    return EntityDetail(
        **entity_summary(entity).model_dump(),
        links=entity.links,
        mentions=[SpanOut.model_validate(s) for s in entity.mentions],
        evidence=[MergeEvidenceOut.model_validate(ev) for ev in entity.evidence],
        quotes=[quote_out(index, q) for q in index.quotes_by(entity.id)],
    )


def _by_status(facts: list[Fact]) -> dict[str, int]:
    """Fact counts per status, in reading order: corroborated, conflicting, single source."""
    counts = Counter(f.status for f in facts)
    return {status: counts[status] for status in STATUS_ORDER if counts[status]}


def story_summary(index: ResultIndex, story: Story) -> StorySummary:
    facts = index.facts_of(story.id)
    return StorySummary(
        id=story.id,
        title=story.title,
        articles=story.articles,
        duplicates=story.duplicates,
        n_facts=len(facts),
        facts_by_status=_by_status(facts),
        n_quotes=len(index.quotes_in(story.articles)),
    )


def story_detail(index: ResultIndex, story: Story) -> StoryDetail:
    return StoryDetail(
        **story_summary(index, story).model_dump(),
        facts=[FactOut.model_validate(f) for f in index.facts_of(story.id)],
        actors=[
            ActorOut(id=e.id, name=e.name, type=e.type, n_mentions=n)
            for e, n in index.actors_of(story.articles)
        ],
        quotes=[quote_out(index, q) for q in index.quotes_in(story.articles)],
    )
