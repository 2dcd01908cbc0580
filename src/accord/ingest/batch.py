"""The ingest stage's entry points: :func:`read_paths` for a batch and :func:`read_text`.

Nothing in a batch raises: every unusable input becomes one :class:`~accord.model.Skipped`
naming the file (and line), logged as a warning, and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import Any

from accord.errors import IngestError
from accord.ingest.build import build_article
from accord.ingest.metadata import normalise_language, normalise_published
from accord.ingest.records import Defaults, IngestResult, Record, Source
from accord.ingest.registry import ReaderSpec, claims_extension, get_reader, reader_for
from accord.ingest.sources import iter_inputs, load
from accord.model import Article, Skipped

log = logging.getLogger(__name__)

_SNIFF_CHARS = 4096
_RECORD_FIELDS = frozenset(Record.__dataclass_fields__) - {"text", "line"}


def read_paths(
    paths: Sequence[str],
    *,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
    reader: str | None = None,
) -> IngestResult:
    """Read files, folders (recursively, sorted, hidden files skipped) and ``-`` (stdin).

    ``outlet``, ``published`` (ISO 8601 or free text) and ``language`` fill the fields an input
    does not give. ``reader`` forces one registered reader instead of choosing by extension.
    Raises ``IngestError`` only for an unusable argument (an unparseable ``published``).
    """
    defaults = make_defaults(outlet, published, language)
    forced = get_reader(reader) if reader else None
    result = IngestResult()
    seen: set[str] = set()
    keep = (lambda suffix: True) if forced else claims_extension  # a forced reader reads all
    for item in iter_inputs(paths, keep):
        outcomes = [item] if isinstance(item, IngestError) else _read_one(item, defaults, forced)
        for outcome in outcomes:
            _collect(result, seen, outcome)
    return result


def make_defaults(outlet: str | None, published: str | None, language: str | None) -> Defaults:
    """Command-line metadata, normalised; an unparseable date is the caller's error."""
    date = normalise_published(published, language)
    if published and date is None:
        raise IngestError(f"cannot read {published!r} as a publication date")
    return Defaults(outlet=outlet or None, published=date, language=normalise_language(language))


def _collect(result: IngestResult, seen: set[str], outcome: Article | IngestError) -> None:
    if isinstance(outcome, IngestError):
        log.warning("skipped %s", outcome)
        result.skipped.append(
            Skipped(path=outcome.path or "-", reason=outcome.reason, line=outcome.line)
        )
    elif outcome.id in seen:
        log.info("%s: same text as article %s already read; kept once", outcome.path, outcome.id)
        result.duplicates.append((outcome.path or "-", outcome.id))
    else:
        seen.add(outcome.id)
        result.articles.append(outcome)
        for warning in outcome.provenance.warnings:
            # Read, but repaired on the way in (e.g. invalid UTF-8): the user must hear of it.
            log.warning("%s: %s", outcome.path or "-", warning, extra={"accord_note": True})


def _read_one(
    path: str, defaults: Defaults, forced: ReaderSpec | None
) -> Iterator[Article | IngestError]:
    """Articles of one input, and an error for each bad record (or for the whole input)."""
    try:
        source = load(path)
        spec = forced or reader_for(path, source.text[:_SNIFF_CHARS])
        found = False
        for record in spec.read(source):
            found = True
            yield record if isinstance(record, IngestError) else _build(record, source, defaults)
        if not found:
            yield IngestError(f"no articles found by the {spec.name} reader", path=path)
    except IngestError as exc:
        yield exc
    except Exception as exc:  # a reader bug or a parser crash must not end the batch
        log.debug("reader failure on %s", path, exc_info=True)
        yield IngestError(f"could not be read: {type(exc).__name__}: {exc}", path=path)


def _build(record: Record, source: Source, defaults: Defaults) -> Article | IngestError:
    try:
        return build_article(record, source.path, defaults)
    except IngestError as exc:
        return exc


def read_text(text: str, *, path: str | None = None, **meta: Any) -> Article:
    """One article from a string, cleaned exactly like a plain-text file.

    ``meta`` may hold ``title``, ``url``, ``outlet``, ``published``, ``language``, ``source_id``
    and ``source_format``; other keys are kept in ``provenance.extra``. Raises ``IngestError``
    when nothing is left to analyse.
    """
    known = {k: v for k, v in meta.items() if k in _RECORD_FIELDS and k != "extra"}
    extra = {k: v for k, v in meta.items() if k not in _RECORD_FIELDS}
    extra.update(meta.get("extra") or {})
    record = Record(text=text, extra=extra, **known)
    return build_article(record, path)
