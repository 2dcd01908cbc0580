"""CSV export: one flat table per kind of record, for spreadsheets and pandas.

``write_csv(result, folder)`` writes ``articles.csv``, ``mentions.csv``, ``entities.csv``,
``quotes.csv``, ``events.csv``, ``facts.csv``, ``evidence.csv`` and ``stories.csv``. List-valued
fields are joined with `` | ``. Columns are documented in ``docs/export.md``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from accord.model import Result

SEP = " | "


def _join(values: Sequence[str | None]) -> str:
    """A list field as one cell; a missing value (an actor without a sector) is empty."""
    return SEP.join(v or "" for v in values)


def tables(result: Result) -> dict[str, list[dict[str, Any]]]:
    """Every table as a list of rows (dicts with the same keys, in column order)."""
    story_of = {a: s.id for s in result.stories for a in s.articles}
    return {
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "url": a.url,
                "published": a.published,
                "language": a.language,
                "path": a.path,
                "story": story_of.get(a.id),
                "attributed_to": a.provenance.attributed_to,
                "characters": len(a.text),
            }
            for a in result.articles
        ],
        "mentions": [
            {
                "id": m.id,
                "article": m.article,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "label": m.label,
                "entity": m.entity,
                "titles": _join(m.titles),
                "roles": _join(m.roles),
            }
            for an in result.analyses
            for m in an.mentions
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": _join(e.aliases),
                "roles": _join(e.roles),
                "mentions": len(e.mentions),
                "links": _join([f"{k}:{v}" for k, v in sorted(e.links.items())]),
            }
            for e in result.entities
        ],
        "quotes": [
            {
                "id": q.id,
                "article": q.article,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "speaker_text": q.speaker_text,
                "cue": q.cue,
                "kind": q.kind,
            }
            for q in result.quotes
        ],
        "events": [
            {
                "id": e.id,
                "article": e.article,
                "start": e.start,
                "end": e.end,
                "text": e.text,
                "type": e.type,
                "mode": e.mode,
                "source": _join(e.source),
                "target": _join(e.target),
                "source_sectors": _join(e.source_sectors),
                "target_sectors": _join(e.target_sectors),
                "source_countries": _join(e.source_countries),
                "target_countries": _join(e.target_countries),
                "location": e.location,
                "date": e.date,
                "quantity": e.quantity,
                "negated": e.negated,
            }
            for e in result.events
        ],
        "facts": [
            {
                "id": f.id,
                "story": f.story,
                "status": f.status,
                "type": f.type,
                "statement": f.statement,
                "sources": len({s.article for s in f.support}),
                "conflicts": len(f.conflicts),
            }
            for f in result.facts
        ],
        "evidence": [
            {
                "fact": f.id,
                "role": role,
                "article": s.article,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "reason": getattr(s, "reason", ""),
            }
            for f in result.facts
            for role, spans in (("support", f.support), ("conflict", f.conflicts))
            for s in spans
        ],
        "stories": [
            {
                "id": s.id,
                "title": s.title,
                "articles": _join(s.articles),
                "duplicates": _join([f"{k}>{v}" for k, v in s.duplicates.items()]),
            }
            for s in result.stories
        ],
    }


def table_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def write_csv(result: Result, folder: str | Path) -> list[Path]:
    """Write every table into ``folder`` (created if needed); returns the files written."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in tables(result).items():
        path = target / f"{name}.csv"
        path.write_text(table_csv(rows), encoding="utf-8", newline="")
        written.append(path)
    return written
