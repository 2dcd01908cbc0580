"""Bad input never crashes a batch: one clear Skipped naming the file, and the rest goes on."""

from __future__ import annotations

import builtins
import logging
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import accord.ingest.sources as sources
from accord.errors import IngestError
from accord.ingest import (
    IngestResult,
    Record,
    Source,
    read_paths,
    read_text,
    register_reader,
    unregister_reader,
)

GOOD = "Ferry resumes\nThe ferry between Ostrel and Kalm sailed again on Saturday morning."


def with_good(tmp_path: Path, name: str, content: bytes) -> tuple[IngestResult, Path]:
    """Read a bad file between two good ones; return the result and the bad file's path."""
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "z_good.txt").write_text(GOOD.replace("Saturday", "Sunday"), encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(content)
    return read_paths([str(tmp_path)]), bad


def only_skip(result: IngestResult, path: Path) -> str:
    """The single skip reason recorded for ``path``; both good files must have been read."""
    assert len(result.articles) == 2
    [skip] = result.skipped
    assert skip.path == str(path)
    return skip.reason


def test_ingest_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    result, bad = with_good(tmp_path, "m_image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    assert only_skip(result, bad).startswith("binary file")


def test_ingest_undecodable_garbage_without_nul(tmp_path: Path) -> None:
    noise = bytes(random.Random(7).randrange(0x80, 0x100) for _ in range(4000))
    result, bad = with_good(tmp_path, "m_noise.dat", noise)
    assert only_skip(result, bad).startswith("binary file")


@pytest.mark.parametrize("name", ["m_labels.csv", "m_fetch.py"])
def test_ingest_data_file_in_a_folder_is_skipped_and_said(tmp_path: Path, name: str) -> None:
    # a labels file or a script beside the articles is no article; the user hears of it
    result, bad = with_good(tmp_path, name, b"article,story\nf1,quake\n")
    assert only_skip(result, bad).startswith(f"not read: a {bad.suffix} file in a folder")


def test_ingest_data_file_named_on_its_own_or_with_a_forced_reader_is_read(
    tmp_path: Path,
) -> None:
    (tmp_path / "notes.csv").write_text("Ferry resumes, the ferry sailed again.", encoding="utf-8")
    assert len(read_paths([str(tmp_path / "notes.csv")]).articles) == 1
    assert len(read_paths([str(tmp_path)], reader="text").articles) == 1


def test_ingest_invalid_utf8_is_replaced_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café owners protest\nOwners of cafés in Ostrel protested.".encode("latin-1"))
    result = read_paths([str(path)])
    [article] = result.articles
    assert article.title == "Caf\ufffd owners protest"
    assert any("invalid UTF-8" in w for w in article.provenance.warnings)
    assert result.skipped == []


@pytest.mark.parametrize("content", [b"", b"  \n\t\n  "])
def test_ingest_empty_file(tmp_path: Path, content: bytes) -> None:
    result, bad = with_good(tmp_path, "m_empty.txt", content)
    assert only_skip(result, bad) == "empty"


def test_ingest_giant_file_refused_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    giant = tmp_path / "m_giant.txt"
    with giant.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50_000_000)
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        assert Path(file) != giant, "the giant file must not be opened"
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(sources, "open", guarded_open, raising=False)
    result = read_paths([str(tmp_path)])
    assert len(result.articles) == 1
    [skip] = result.skipped
    assert skip.path == str(giant)
    assert "5,000,000-byte limit" in skip.reason and "ACCORD_MAX_BYTES" in skip.reason


def test_ingest_size_limit_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCORD_MAX_BYTES", "40")
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    [skip] = read_paths([str(path)]).skipped
    assert "40-byte limit" in skip.reason


def test_ingest_malformed_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    lines = [
        '{"id": 1, "text": "The ferry sailed to Kalm on Monday."}',
        '{"id": 2, "text": "broken',
        '["not", "an", "object"]',
        '{"id": 4, "title": "no text"}',
        '{"id": 5, "text": "The bridge opened in Veldra on Friday."}',
    ]
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = read_paths([str(path)])
    assert [a.source_id for a in result.articles] == ["1", "5"]
    assert [(s.path, s.line) for s in result.skipped] == [
        (str(path), 2),
        (str(path), 3),
        (str(path), 4),
    ]
    assert result.skipped[0].reason.startswith("malformed JSON line")


def test_ingest_invalid_json_document(tmp_path: Path) -> None:
    result, bad = with_good(tmp_path, "m_bad.json", b'{"text": "unterminated')
    assert only_skip(result, bad).startswith("invalid JSON")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>Laughs</title><description>&lol9;</description></item></channel></rss>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title>
<item><title>Leak</title><description>&secret;</description></item></channel></rss>
"""


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, EXTERNAL_ENTITY, BILLION_LAUGHS[:-40]])
def test_ingest_hostile_xml_is_refused(tmp_path: Path, payload: str) -> None:
    result, bad = with_good(tmp_path, "m_feed.xml", payload.encode())
    assert only_skip(result, bad).startswith("refused hostile XML")


def test_ingest_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    result, bad = with_good(tmp_path, "m_doc.xml", b"<?xml version='1.0'?><doc><p>Hi</p></doc>")
    assert "not an RSS or Atom feed" in only_skip(result, bad)


def test_ingest_html_without_main_text(tmp_path: Path) -> None:
    page = b"<html><head><script>alert(1)</script></head><body></body></html>"
    result, bad = with_good(tmp_path, "m_page.html", page)
    assert only_skip(result, bad) == "no main text found in the HTML page"


def test_ingest_missing_path_is_skipped(tmp_path: Path) -> None:
    result = read_paths([str(tmp_path / "nope.txt")])
    assert [(s.path, s.reason) for s in result.skipped] == [
        (str(tmp_path / "nope.txt"), "no such file or directory")
    ]


def test_ingest_crashing_reader_does_not_end_batch(tmp_path: Path) -> None:
    @register_reader("crashing_test_reader", extensions=[".crash"])
    def crash(source: Source) -> Iterator[Record | IngestError]:
        raise RuntimeError("parser exploded")
        yield  # pragma: no cover

    try:
        result, bad = with_good(tmp_path, "m_file.crash", b"anything at all here")
        assert only_skip(result, bad) == "could not be read: RuntimeError: parser exploded"
    finally:
        unregister_reader("crashing_test_reader")


def test_ingest_skip_is_logged_with_file(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "e.txt"
    path.write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="accord.ingest"):
        read_paths([str(path)])
    assert [r.getMessage() for r in caplog.records] == [f"skipped {path}: empty"]


def test_ingest_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(file: Any, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(sources, "open", denied, raising=False)  # chmod does not stop root
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")
    [skip] = read_paths([str(path)]).skipped
    assert (skip.path, skip.reason) == (str(path), "cannot read: Permission denied")


def test_ingest_bad_published_argument_raises() -> None:
    with pytest.raises(IngestError, match="publication date"):
        read_paths([], published="not a date at all")


def test_ingest_read_text_empty_raises() -> None:
    with pytest.raises(IngestError, match="empty text"):
        read_text("   \n  ")
