"""The reader registry: readers chosen by name, file extension or content sniffing.

A reader turns one :class:`~accord.ingest.records.Source` into records. Users add their own
(an outlet-specific HTML layout, a newsroom export format) without forking accord::

    from accord.ingest import Record, register_reader

    @register_reader("gazette", extensions=[".gaz"])
    def read_gazette(source):
        yield Record(text=..., title=..., outlet="The Gazette")

or from another package, through the ``accord.readers`` entry-point group (the entry point's
module registers its readers when loaded). A reader registered later wins an extension or a
sniff over an earlier one, so a user's reader can replace a built-in one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import PurePath

from accord.errors import IngestError
from accord.ingest.records import Record, Source

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "accord.readers"
DEFAULT_READER = "text"

ReadFn = Callable[[Source], Iterable[Record | IngestError]]
"""A reader: yields one :class:`Record` per article, or an ``IngestError`` for a bad record."""
SniffFn = Callable[[str], bool]
"""Given the first few thousand characters of an input, says whether the reader handles it."""


@dataclass(frozen=True, slots=True)
class ReaderSpec:
    """A registered reader, the extensions it claims and its optional content sniffer."""

    name: str
    read: ReadFn
    extensions: tuple[str, ...] = ()
    sniff: SniffFn | None = None


_READERS: dict[str, ReaderSpec] = {}


def register_reader(
    name: str, extensions: Sequence[str] = (), sniff: SniffFn | None = None
) -> Callable[[ReadFn], ReadFn]:
    """Decorator: register a reader as ``name`` for ``extensions`` (".txt") and/or ``sniff``."""
    exts = tuple(e.lower() if e.startswith(".") else f".{e.lower()}" for e in extensions)

    def decorate(read: ReadFn) -> ReadFn:
        _READERS.pop(name, None)  # re-registering moves the reader to the end: it wins ties
        _READERS[name] = ReaderSpec(name, read, exts, sniff)
        return read

    return decorate


def unregister_reader(name: str) -> None:
    """Remove a reader (mostly for tests and for replacing a built-in one)."""
    _READERS.pop(name, None)


def reader_names() -> list[str]:
    """Names of the registered readers, in registration order."""
    _load_plugins()
    return list(_READERS)


def get_reader(name: str) -> ReaderSpec:
    """The reader registered as ``name``; ``IngestError`` listing the known ones otherwise."""
    _load_plugins()
    try:
        return _READERS[name]
    except KeyError:
        known = ", ".join(sorted(_READERS))
        raise IngestError(f"unknown reader {name!r} (known: {known})") from None


def reader_for(path: str, head: str) -> ReaderSpec:
    """Pick a reader: by extension first, then by sniffing ``head``, else plain text."""
    _load_plugins()
    suffix = PurePath(path).suffix.lower()
    specs = list(reversed(_READERS.values()))
    for spec in specs:
        if suffix and suffix in spec.extensions:
            return spec
    for spec in specs:
        if spec.sniff is not None and spec.sniff(head):
            return spec
    return get_reader(DEFAULT_READER)


def claims_extension(suffix: str) -> bool:
    """Whether a registered reader (built-in or plugin) reads files ending in ``suffix``."""
    _load_plugins()
    return any(suffix.lower() in spec.extensions for spec in _READERS.values())


@lru_cache(maxsize=1)
def _load_plugins() -> None:
    """Import readers that other packages declare as entry points (built-ins are loaded already)."""
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            entry.load()
        except Exception as exc:  # a broken plugin must not stop accord from reading files
            log.warning("reader plugin %s failed to load: %s", entry.name, exc)
