"""The JSON API under ``/api``: read the stored result, export it, and post new articles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from accord.errors import AccordError, StorageError
from accord.model import FactStatus
from accord.report.json_export import to_dict
from accord.web import views
from accord.web.data import ResultIndex
from accord.web.schemas import (
    ArticleDetail,
    ArticleIn,
    ArticleSummary,
    EntityDetail,
    EntitySummary,
    FactOut,
    IngestOut,
    PlacementOut,
    QuoteOut,
    SkippedOut,
    StoryDetail,
    StorySummary,
)
from accord.web.submit import Submitter

router = APIRouter(prefix="/api", tags=["api"])


def get_index(request: Request) -> ResultIndex:
    """The current stored result (reloaded when the database changed)."""
    index: ResultIndex = request.app.state.cache.get()
    return index


Index = Annotated[ResultIndex, Depends(get_index)]
Limit = Annotated[int, Query(ge=1, le=10_000, description="At most this many items")]
Offset = Annotated[int, Query(ge=0, description="Skip this many items first")]


def _missing(kind: str, item_id: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {kind} with id {item_id!r}")


@router.get("/articles", response_model=list[ArticleSummary])
def list_articles(
    index: Index, outlet: str | None = None, limit: Limit = 1000, offset: Offset = 0
) -> list[ArticleSummary]:
    """Stored articles with counts of what was found in each; `outlet` filters exactly."""
    articles = [a for a in index.articles.values() if outlet is None or a.outlet == outlet]
    return [views.article_summary(index, a) for a in articles[offset : offset + limit]]


@router.get("/articles/{article_id}", response_model=ArticleDetail)
def get_article(article_id: str, index: Index) -> ArticleDetail:
    """One article: its text, provenance, mentions, time expressions, quotes and events."""
    article = index.articles.get(article_id)
    if article is None:
        raise _missing("article", article_id)
    return views.article_detail(index, article)


@router.get("/articles/{article_id}/placement", response_model=PlacementOut)
def get_placement(article_id: str, request: Request, index: Index) -> PlacementOut:
    """Why the article is in its story, as `accord stories --why` says it: the probability
    that it belongs there (itself left out), each feature's share of the logit, the entities
    and words it shares with the story, and the other candidate stories. 404 when the article
    is not stored or the database keeps no story index."""
    from accord.pipeline import story_placement

    if article_id not in index.articles:
        raise _missing("article", article_id)
    store = request.app.state.store
    if not hasattr(store, "load_story_index"):
        raise HTTPException(status_code=404, detail="this store keeps no story index")
    try:
        placement = story_placement(store, article_id, stored=index.result)
    except StorageError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    return PlacementOut.model_validate(placement.to_dict())


@router.get("/entities", response_model=list[EntitySummary])
def list_entities(
    index: Index,
    type: Annotated[str | None, Query(description="PERSON, ORG, GPE, ...")] = None,
    q: Annotated[str | None, Query(description="Substring of a name or alias")] = None,
    limit: Limit = 1000,
    offset: Offset = 0,
) -> list[EntitySummary]:
    """Resolved entities, most mentioned first."""
    entities = sorted(index.entities.values(), key=lambda e: (-len(e.mentions), e.name))
    if type is not None:
        entities = [e for e in entities if e.type == type]
    if q:
        needle = q.casefold()
        entities = [
            e for e in entities if any(needle in n.casefold() for n in [e.name, *e.aliases])
        ]
    return [views.entity_summary(e) for e in entities[offset : offset + limit]]


@router.get("/entities/{entity_id}", response_model=EntityDetail)
def get_entity(entity_id: str, index: Index) -> EntityDetail:
    """One entity: aliases, roles, every mention, merge evidence and the quotes it spoke."""
    entity = index.entities.get(entity_id)
    if entity is None:
        raise _missing("entity", entity_id)
    return views.entity_detail(index, entity)


@router.get("/quotes", response_model=list[QuoteOut])
def list_quotes(
    index: Index,
    speaker: Annotated[str | None, Query(description="Speaker entity id or name")] = None,
    article: str | None = None,
    limit: Limit = 1000,
    offset: Offset = 0,
) -> list[QuoteOut]:
    """Attributed quotes; `speaker` matches the entity id or (case-insensitively) its name."""
    quotes = [views.quote_out(index, q) for q in index.result.quotes]
    if speaker is not None:
        wanted = speaker.casefold()
        quotes = [
            q for q in quotes if q.speaker == speaker or (q.speaker_name or "").casefold() == wanted
        ]
    if article is not None:
        quotes = [q for q in quotes if q.article == article]
    return quotes[offset : offset + limit]


@router.get("/facts", response_model=list[FactOut])
def list_facts(
    index: Index,
    status: FactStatus | None = None,
    story: str | None = None,
    limit: Limit = 1000,
    offset: Offset = 0,
) -> list[FactOut]:
    """Reconciled facts with their evidence sentences, filtered by status and story."""
    facts = [
        f
        for f in index.result.facts
        if (status is None or f.status == status) and (story is None or f.story == story)
    ]
    return [FactOut.model_validate(f) for f in facts[offset : offset + limit]]


@router.get("/stories", response_model=list[StorySummary])
def list_stories(index: Index) -> list[StorySummary]:
    """Story clusters with counts of articles, facts (by status) and quotes."""
    return [views.story_summary(index, s) for s in index.result.stories]


@router.get("/stories/{story_id}", response_model=StoryDetail)
def get_story(story_id: str, index: Index) -> StoryDetail:
    """One story: its facts with evidence, its actors and its quotes."""
    story = index.stories.get(story_id)
    if story is None:
        raise _missing("story", story_id)
    return views.story_detail(index, story)


@router.get("/skipped", response_model=list[SkippedOut])
def list_skipped(index: Index) -> list[SkippedOut]:
    """Inputs that could not be used, and why."""
    return [SkippedOut.model_validate(s) for s in index.result.skipped]


@router.get("/export")
def export(index: Index) -> dict[str, Any]:
    """The whole stored result in the `accord/1` JSON format (see docs/export.md)."""
    return to_dict(index.result)


@router.post("/articles", status_code=201, response_model=IngestOut)
def post_articles(body: ArticleIn | list[ArticleIn], request: Request) -> IngestOut:
    """Add one article (or a list), then re-run the pipeline on every stored article and save.

    Runs spaCy on the whole corpus, so it takes seconds; the first call also loads the pipeline.
    """
    items = body if isinstance(body, list) else [body]
    if not items:
        raise HTTPException(status_code=422, detail="no articles given")
    submitter: Submitter = request.app.state.submitter
    try:
        return submitter.submit(items)
    except AccordError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
