"""JSON (an object or a list of objects) and JSON Lines records.

Known fields: ``id`` (→ ``Article.source_id``), ``title``, ``text``, ``url``, ``outlet``,
``published``, ``language``. Any other field is kept, as given, in ``provenance.extra``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from accord.errors import IngestError
from accord.ingest.records import Record, Source
from accord.ingest.registry import register_reader

FIELDS = ("title", "url", "outlet", "published", "language")
_JSON_START = re.compile(r"^\s*(?:\{\s*\"|\[\s*[\{\]])")


def looks_like_json(head: str) -> bool:
    """Whether an input starts like a JSON object or a list of objects."""
    return _JSON_START.match(head) is not None


def record_from_mapping(
    item: Any, path: str, *, source_format: str, line: int | None = None, where: str = "record"
) -> Record:
    """A record from one decoded JSON value; ``IngestError`` when it is not a usable article."""
    if not isinstance(item, dict):
        raise IngestError(f"{where} is not a JSON object", path=path, line=line)
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(f"{where} has no non-empty string 'text' field", path=path, line=line)
    extra = {k: v for k, v in item.items() if k not in {*FIELDS, "text", "id"}}
    return Record(
        text=text,
        title=_as_str(item.get("title")),
        url=_as_str(item.get("url")),
        outlet=_as_str(item.get("outlet")),
        published=_as_str(item.get("published")),
        language=_as_str(item.get("language")),
        source_id=_as_str(item.get("id")),
        source_format=source_format,
        line=line,
        extra=extra,
    )


def _as_str(value: Any) -> str | None:
    """Scalars as strings (ids are often numbers); ``None`` for missing, empty or nested values."""
    if value is None or isinstance(value, dict | list) or str(value).strip() == "":
        return None
    return str(value)


@register_reader("json", extensions=[".json"], sniff=looks_like_json)
def read_json(source: Source) -> Iterator[Record | IngestError]:
    """Records of a JSON document; a document that is not one JSON value is read as JSON Lines."""
    try:
        document = json.loads(source.text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several values, one per line: JSON Lines without the name
            yield from read_jsonl(source)
            return
        raise IngestError(
            f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            path=source.path,
            line=exc.lineno,
        ) from exc
    items = document if isinstance(document, list) else [document]
    for number, item in enumerate(items, start=1):
        where = f"record {number}" if isinstance(document, list) else "record"
        yield _record_or_error(item, source, source_format="json", where=where)


@register_reader("jsonl", extensions=[".jsonl", ".ndjson"])
def read_jsonl(source: Source) -> Iterator[Record | IngestError]:
    """One record per non-blank line; a malformed line is reported with its number and skipped."""
    for number, line in enumerate(source.text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(
                f"malformed JSON line: {exc.msg} (column {exc.colno})",
                path=source.path,
                line=number,
            )
            continue
        yield _record_or_error(item, source, source_format="jsonl", line=number, where="line")


def _record_or_error(
    item: Any, source: Source, *, source_format: str, where: str, line: int | None = None
) -> Record | IngestError:
    """The record for one JSON value (with the file's decoding warnings), or why it is unusable."""
    try:
        record = record_from_mapping(
            item, source.path, source_format=source_format, line=line, where=where
        )
    except IngestError as exc:
        return exc
    record.warnings.extend(source.warnings)
    return record
