"""Finding input files and reading them safely: size limit, binary check, decoding.

Every problem is raised as :class:`accord.errors.IngestError` naming the file, so the batch
records it as skipped and goes on.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from accord.errors import IngestError
from accord.ingest.records import Source

STDIN = "-"
MAX_BYTES_ENV = "ACCORD_MAX_BYTES"
DEFAULT_MAX_BYTES = 5_000_000
"""Largest input accepted, in bytes (5 MB); ``ACCORD_MAX_BYTES`` overrides it."""

_BINARY_SHARE = 0.1  # share of replacement or control characters that marks a file as binary
_CONTROL_OK = frozenset("\t\n\r\f\v")
_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*encoding\s*=|<meta[^>]*charset\s*=", re.IGNORECASE)
_UTF_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def max_bytes() -> int:
    """The size limit in force: ``ACCORD_MAX_BYTES`` when it is a positive integer, else 5 MB."""
    raw = os.environ.get(MAX_BYTES_ENV, "")
    return int(raw) if raw.strip().isdigit() and int(raw) > 0 else DEFAULT_MAX_BYTES


# Extensions of files that hold data or code, not news text. Inside a folder they are not read
# (a labels.csv or a script beside the articles is no article) but reported as skipped, unless
# a reader claims the extension; a file named on its own is always read.
DATA_EXTENSIONS = frozenset(
    {".csv", ".tsv", ".py", ".js", ".css", ".sh", ".sql", ".yaml", ".yml", ".toml", ".ini"}
    | {".cfg", ".log", ".db", ".sqlite", ".sqlite3", ".ipynb", ".pyc", ".lock"}
)


def iter_inputs(
    paths: Sequence[str], keep: Callable[[str], bool] | None = None
) -> Iterator[str | IngestError]:
    """Expand ``paths``: files as given, folders recursively in sorted order, ``-`` for stdin.

    Hidden files and folders (names starting with ".") inside folders are skipped; so is a file
    in a folder with a data or code extension (:data:`DATA_EXTENSIONS`) for which ``keep``
    (given the extension) is not true, yielded as an error that says so. A missing path is
    yielded as an error so the caller can record it and go on.
    """
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path):
                suffix = found.suffix.lower()
                if suffix in DATA_EXTENSIONS and not (keep and keep(suffix)):
                    yield IngestError(
                        f"not read: a {suffix} file in a folder is taken for data, not an"
                        " article (name the file on its own to read it as text)",
                        path=str(found),
                    )
                else:
                    yield str(found)
        elif path.exists():
            yield raw
        else:
            yield IngestError("no such file or directory", path=raw)


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, depth first, sorted by name; symlinked folders are not followed."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def load(path: str, limit: int | None = None) -> Source:
    """Read and decode one input; ``IngestError`` for a big, empty, binary or unreadable one."""
    limit = max_bytes() if limit is None else limit
    data = _read_stdin(limit) if path == STDIN else _read_file(path, limit)
    if not data.strip():
        raise IngestError("empty", path=path)
    text, warnings = decode(data, path)
    if not text.strip():
        raise IngestError("empty", path=path)
    return Source(path=path, data=data, text=text, warnings=warnings)


def _too_big(path: str, limit: int) -> IngestError:
    return IngestError(
        f"larger than the {limit:,}-byte limit; raise {MAX_BYTES_ENV} to read it", path=path
    )


def _read_file(path: str, limit: int) -> bytes:
    """The file's bytes; its size is checked before reading, and at most ``limit + 1`` are read."""
    try:
        if os.stat(path).st_size > limit:
            raise _too_big(path, limit)
        with open(path, "rb") as handle:
            return _read_limited(handle, path, limit)
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}", path=path) from exc


def _read_stdin(limit: int) -> bytes:
    stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin (e.g. replaced in tests or embedding apps)
        return sys.stdin.read(limit + 1).encode("utf-8")[: limit + 1]
    return _read_limited(stream, STDIN, limit)


def _read_limited(stream: BinaryIO, path: str, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_big(path, limit)
    return data


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Text of ``data``: UTF-8 (or UTF-16/32 with a BOM); invalid bytes replaced with a warning.

    Mostly undecodable data is refused as binary, unless it declares its own encoding (an XML
    declaration or an HTML ``charset``): the HTML and feed readers decode such bytes themselves.
    """
    for bom, encoding in _UTF_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(f"binary file (not valid {encoding})", path=path) from None
            _refuse_binary(text, path)
            return text.lstrip("\ufeff"), []
    if b"\x00" in data:
        raise IngestError("binary file (contains NUL bytes)", path=path)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        text = data.decode("utf-8-sig", errors="replace")
    if _DECLARED_ENCODING.search(data[:2048]) is None:
        _refuse_binary(text, path)
    bad = text.count("\ufffd")
    return text, [f"invalid UTF-8: {bad} undecodable byte sequence(s) replaced by U+FFFD"]


def _refuse_binary(text: str, path: str) -> None:
    """Refuse text that is mostly replacement or control characters: undecodable garbage."""
    noise = sum(1 for ch in text if ch == "\ufffd" or (ch < " " and ch not in _CONTROL_OK))
    if text and noise / len(text) > _BINARY_SHARE:
        raise IngestError("binary file (not decodable as text)", path=path)
