"""The ingest stage's own value types: what a reader yields and what ``read_paths`` returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from accord.model import Article, Skipped


@dataclass(slots=True)
class Source:
    """One input file (or stdin) as read from disk: raw bytes and their decoded text.

    ``text`` is UTF-8 decoded with invalid bytes replaced; ``warnings`` says so when that
    happened. Readers that decode ``text`` pass the warnings on in their records; readers of
    formats that declare their own encoding (HTML, XML) decode ``data`` instead.
    """

    path: str
    data: bytes
    text: str
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Record:
    """One article as a reader found it, before cleaning; every field but ``text`` is optional.

    ``line`` is the 1-based input line for line-based formats (JSONL), so messages can name it.
    ``extra`` keeps input fields accord does not know, as given.
    """

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    source_id: str | None = None
    source_format: str = "text"
    line: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Defaults:
    """Metadata given on the command line: fills the fields an input did not give."""

    outlet: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass(slots=True)
class IngestResult:
    """What ``read_paths`` read: articles, inputs it could not use, and copies it dropped.

    ``duplicates`` lists ``(path, article_id)`` for every input whose cleaned text was already
    read (from the same or another file): not an error, the article is kept once.
    """

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
