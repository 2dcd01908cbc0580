"""The ingest stage: files, folders and stdin in, clean :class:`~accord.model.Article` objects out.

    result = read_paths(["articles/", "feed.xml", "-"], outlet="Gazette")
    result.articles, result.skipped, result.duplicates

    article = read_text("Headline\\nBody ...", outlet="Gazette", published="16 May 2025")

Readers are chosen by name, extension or content from a registry that users can extend with
:func:`register_reader` (see ``docs/ingest.md``).
"""

from accord.ingest import readers as _readers  # registers the built-in readers first
from accord.ingest.batch import read_paths, read_text
from accord.ingest.records import Defaults, IngestResult, Record, Source
from accord.ingest.registry import (
    ReaderSpec,
    get_reader,
    reader_for,
    reader_names,
    register_reader,
    unregister_reader,
)
from accord.ingest.sources import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, max_bytes

del _readers

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "Defaults",
    "IngestResult",
    "ReaderSpec",
    "Record",
    "Source",
    "get_reader",
    "max_bytes",
    "read_paths",
    "read_text",
    "reader_for",
    "reader_names",
    "register_reader",
    "unregister_reader",
]
