"""The ``accord/1`` JSON export, documented field by field in ``docs/export.md``.

Other tools and accord's own benchmarks read this format, so it changes only with a new schema
name. Every ``start``/``end`` is a character offset into ``articles[].text``, and every ``text``
beside them equals that slice.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from accord.model import SCHEMA, Article, Entity, Event, Fact, Quote, Result, Span, Story


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source_id": article.source_id,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "provenance": article.provenance.to_dict(),
        "skip_ranges": [list(r) for r in article.skip_ranges],
    }


def _span(span: Span) -> dict[str, Any]:
    return {"article": span.article, "start": span.start, "end": span.end, "text": span.text}


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "roles": list(entity.roles),
        "mentions": [_span(m) for m in entity.mentions],
        "links": dict(entity.links),
        "evidence": [
            {
                "left": e.left,
                "right": e.right,
                "rule": e.rule,
                "score": round(e.score, 4),
                "detail": e.detail,
            }
            for e in entity.evidence
        ],
    }


def _quote(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "article": quote.article,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_text": quote.speaker_text,
        "cue": quote.cue,
        "kind": quote.kind,
    }


def _event(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "article": event.article,
        "start": event.start,
        "end": event.end,
        "text": event.text,
        "type": event.type,
        "mode": event.mode,
        "source": list(event.source),
        "target": list(event.target),
        "source_text": list(event.source_text),
        "target_text": list(event.target_text),
        "source_sectors": list(event.source_sectors),
        "target_sectors": list(event.target_sectors),
        "source_countries": list(event.source_countries),
        "target_countries": list(event.target_countries),
        "location": event.location,
        "date": event.date,
        "quantity": event.quantity,
        "negated": event.negated,
        "confidence": round(event.confidence, 4),
        "method": event.method,
        "facts": list(event.facts),
    }


def _fact(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "statement": fact.statement,
        "type": fact.type,
        "status": fact.status,
        "story": fact.story,
        "support": [_span(s) for s in fact.support],
        "conflicts": [{**_span(c), "reason": c.reason} for c in fact.conflicts],
        "events": list(fact.events),
    }


def _story(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "duplicates": dict(story.duplicates),
    }


def to_dict(result: Result) -> dict[str, Any]:
    """The whole result as an ``accord/1`` document."""
    return {
        "schema": SCHEMA,
        "articles": [_article(a) for a in result.articles],
        "entities": [_entity(e) for e in result.entities],
        "quotes": [_quote(q) for q in result.quotes],
        "events": [_event(e) for e in result.events],
        "facts": [_fact(f) for f in result.facts],
        "stories": [_story(s) for s in result.stories],
        "skipped": [{"path": s.path, "reason": s.reason, "line": s.line} for s in result.skipped],
    }


def dumps(result: Result) -> str:
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2)


def write_json(result: Result, path: str | Path) -> None:
    """Write the export; ``-`` writes to standard output."""
    text = dumps(result)
    if str(path) == "-":
        print(text)
    else:
        Path(path).write_text(text + "\n", encoding="utf-8")
