"""Plain text: the whole file is one article; its first non-empty line is the headline."""

from __future__ import annotations

from collections.abc import Iterator

from accord.errors import IngestError
from accord.ingest.records import Record, Source
from accord.ingest.registry import register_reader


@register_reader("text", extensions=[".txt", ".text"])
def read_text_file(source: Source) -> Iterator[Record | IngestError]:
    """One record with the decoded text; the headline is taken when the article is built."""
    yield Record(text=source.text, source_format="text", warnings=list(source.warnings))
