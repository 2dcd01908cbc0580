"""Labelled stories: a CSV file that names the true story of articles, to score or calibrate on.

The file has a header row with the columns ``article`` and ``story``, and optionally ``group``::

    article,story,group
    reuters/quake-iran-2005.txt,qeshm-2005,iran-quakes
    https://example.org/news/123,qeshm-2008,iran-quakes

``article`` names a stored article by any of: its accord id (content hash), its input path,
that path's file name, its URL, or its source record id. ``story`` is any label; articles
sharing one belong to one story. ``group`` (used by calibration only) puts similar events in
one cross-fitting half (see :mod:`accord.stories.calibrate`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from accord.errors import IngestError
from accord.model import Article

REQUIRED = ("article", "story")


@dataclass(frozen=True, slots=True)
class LabelRow:
    """One line of a labels file (``line``: its line number, for messages)."""

    article: str
    story: str
    group: str | None
    line: int


@dataclass(slots=True)
class StoryLabels:
    """Labels matched to articles: article id -> story label (and -> group, where given)."""

    labels: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)  # keys that name no article
    ambiguous: list[str] = field(default_factory=list)  # keys that name several articles
    conflicting: list[str] = field(default_factory=list)  # articles given two stories


def read_labels(path: str | Path) -> list[LabelRow]:
    """The rows of a labels file; raises :class:`~accord.errors.IngestError` naming the file
    (and line) when it cannot be read, lacks a column, or has an empty article or story."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise IngestError(f"cannot read labels ({error.strerror})", path=name) from error
    except UnicodeDecodeError as error:
        raise IngestError("labels are not UTF-8 text", path=name) from error
    reader = csv.DictReader(text.splitlines())
    columns = [c.strip().casefold() for c in reader.fieldnames or ()]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise IngestError(
            f"labels need a header row with the columns article and story "
            f"(missing: {', '.join(missing)})",
            path=name,
            line=1,
        )
    rows = []
    for raw in reader:
        number = reader.line_num  # the csv reader skips blank lines: count what it read
        record = {(k or "").strip().casefold(): (v or "").strip() for k, v in raw.items() if k}
        if not any(record.values()):
            continue  # a blank line
        if not record.get("article") or not record.get("story"):
            raise IngestError("a label row needs both an article and a story", name, number)
        rows.append(
            LabelRow(record["article"], record["story"], record.get("group") or None, number)
        )
    return rows


def match_labels(rows: Iterable[LabelRow], articles: Sequence[Article]) -> StoryLabels:
    """The rows matched to ``articles`` by id, path, file name, URL or source id. A key that
    names several articles (one file name in two folders) is left out and reported, as is an
    article that two rows give different stories."""
    by_key: dict[str, set[str]] = {}
    for article in articles:
        keys = {article.id, article.url, article.source_id, article.path}
        if article.path:
            keys.add(Path(article.path).name)
        for key in keys - {None, "", "-"}:
            by_key.setdefault(str(key), set()).add(article.id)
    out = StoryLabels()
    for row in rows:
        found = by_key.get(row.article, set())
        if not found:
            out.unmatched.append(row.article)
            continue
        if len(found) > 1:
            out.ambiguous.append(row.article)
            continue
        (article_id,) = found
        if out.labels.get(article_id, row.story) != row.story:
            out.conflicting.append(row.article)
        out.labels[article_id] = row.story
        if row.group:
            out.groups[article_id] = row.group
    for key in out.conflicting:  # two stories for one article: trust neither
        for article_id in by_key[key]:
            out.labels.pop(article_id, None)
            out.groups.pop(article_id, None)
    return out
