"""The HTML pages: stories, one story, one entity, one article (Jinja2, autoescaped).

Templates receive the same response models the JSON API returns, plus safe markup built by
:mod:`accord.web.highlight` for text with highlighted spans.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from accord.model import Span
from accord.web import views
from accord.web.api import Index
from accord.web.data import ResultIndex
from accord.web.highlight import Mark, highlight, in_context

TEMPLATES = Path(__file__).parent / "templates"
MAX_MENTIONS = 200  # an entity page lists at most this many mentions in context (the API has all)

# autoescape=True for every template, whatever its file name: article text is untrusted input.
templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True))
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _not_found(request: Request, index: ResultIndex, kind: str, item_id: str) -> HTMLResponse:
    response = _render(request, "error.html", index=index, detail=f"No {kind} with id {item_id}.")
    response.status_code = 404
    return response


def _web_url(url: str | None) -> str | None:
    """Only http(s) links are rendered: a ``javascript:`` URL in an input must not become one."""
    if url and urlsplit(url).scheme.lower() in {"http", "https"}:
        return url
    return None


def _context_of(index: ResultIndex, span: Span) -> Markup:
    """A span shown inside its sentence, the span itself marked."""
    text = index.articles[span.article].text
    window = index.sentence_around(span.article, span.start, span.end)
    return in_context(text, span.start, span.end, window)


@router.get("/")
def home(request: Request, index: Index) -> HTMLResponse:
    stories = [views.story_summary(index, s) for s in index.result.stories]
    entities = sorted(index.entities.values(), key=lambda e: (-len(e.mentions), e.name))
    return _render(
        request,
        "home.html",
        index=index,
        stories=stories,
        entities=[views.entity_summary(e) for e in entities[:40]],
        skipped=index.result.skipped,
    )


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, index: Index) -> HTMLResponse:
    story = index.stories.get(story_id)
    if story is None:
        return _not_found(request, index, "story", story_id)
    detail = views.story_detail(index, story)
    by_status = {s: [f for f in detail.facts if f.status == s] for s in views.STATUS_ORDER}
    return _render(
        request,
        "story.html",
        index=index,
        story=detail,
        by_status=by_status,
        articles=[
            views.article_summary(index, index.articles[a])
            for a in story.articles
            if a in index.articles
        ],
        context_of=lambda span: _context_of(index, span),
    )


@router.get("/entities/{entity_id}")
def entity_page(request: Request, entity_id: str, index: Index) -> HTMLResponse:
    entity = index.entities.get(entity_id)
    if entity is None:
        return _not_found(request, index, "entity", entity_id)
    shown = entity.mentions[:MAX_MENTIONS]
    mentions = [(span, index.articles.get(span.article)) for span in shown]
    return _render(
        request,
        "entity.html",
        index=index,
        entity=views.entity_detail(index, entity),
        mentions=[(span, art, _context_of(index, span)) for span, art in mentions if art],
        events=index.events_with(entity.id),
    )


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str, index: Index) -> HTMLResponse:
    article = index.articles.get(article_id)
    if article is None:
        return _not_found(request, index, "article", article_id)
    detail = views.article_detail(index, article)
    return _render(
        request,
        "article.html",
        index=index,
        article=detail,
        body=highlight(article.text, _marks(index, article.id)),
        source_url=_web_url(article.url),
    )


@router.get("/api-docs")
def api_docs_page(request: Request, index: Index) -> HTMLResponse:
    """The JSON API's endpoints, read from the OpenAPI schema (Swagger UI needs a CDN)."""
    schema = request.app.openapi()
    endpoints = [
        (method.upper(), path, op)
        for path, item in schema["paths"].items()
        for method, op in item.items()
    ]
    return _render(request, "api_docs.html", index=index, endpoints=endpoints)


@router.get("/entities")
def entities_page(request: Request, index: Index) -> HTMLResponse:
    entities = sorted(index.entities.values(), key=lambda e: (-len(e.mentions), e.name))
    return _render(
        request, "entities.html", index=index, entities=[views.entity_summary(e) for e in entities]
    )


@router.get("/articles")
def articles_page(request: Request, index: Index) -> HTMLResponse:
    articles = [views.article_summary(index, a) for a in index.articles.values()]
    return _render(request, "articles.html", index=index, articles=articles)


def _marks(index: ResultIndex, article_id: str) -> list[Mark]:
    """Mentions (linked to their entity) and quotes of one article."""
    marks = [
        Mark(
            m.start,
            m.end,
            f"mention {m.label.lower()}",
            href=f"/entities/{quote(m.entity, safe='')}" if m.entity in index.entities else None,
            title=f"{m.label}: {index.entity_name(m.entity) or m.text}",
        )
        for m in index.mentions.get(article_id, [])
    ]
    marks += [Mark(q.start, q.end, "quote") for q in index.quotes.get(article_id, [])]
    return marks
