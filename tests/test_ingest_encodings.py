"""Encodings: UTF-8 with or without BOM, UTF-16 with BOM, and declared legacy charsets."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from accord.ingest import read_paths

TEXT = "Мост одобрен\nСовет города Велдра одобрил строительство нового моста во вторник."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_ingest_unicode_encodings_with_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(encoding))
    [article] = read_paths([str(path)]).articles
    assert article.text == TEXT
    assert article.provenance.warnings == []


def test_ingest_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Мост одобрен</title></head><body>'
        "<article><p>Совет города Велдра одобрил строительство нового моста во вторник.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    [article] = read_paths([str(path)]).articles
    assert article.text == TEXT
    assert article.provenance.warnings == []


def test_ingest_feed_declared_legacy_charset(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel>'
        "<title>Газета Велдры</title><item><title>Мост одобрен</title><description>"
        "Совет города Велдра одобрил строительство нового моста во вторник.</description>"
        "</item></channel></rss>"
    )
    path = tmp_path / "feed.xml"
    path.write_bytes(feed.encode("cp1251"))
    [article] = read_paths([str(path)]).articles
    assert (article.text, article.outlet) == (TEXT, "Газета Велдры")


def test_ingest_old_rss_with_external_dtd_is_read(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        ' "http://rss.example/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Old Wire</title>'
        "<item><title>Ferry</title><description>The ferry sailed on Monday.</description></item>"
        "</channel></rss>"
    )
    path = tmp_path / "old.rss"
    path.write_text(feed, encoding="utf-8")
    [article] = read_paths([str(path)]).articles
    assert article.text == "Ferry\nThe ferry sailed on Monday."


def test_ingest_giant_stdin_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCORD_MAX_BYTES", "1000")
    stream = io.BytesIO(b"word " * 100_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    [skip] = read_paths(["-"]).skipped
    assert (skip.path, skip.reason) == (
        "-",
        "larger than the 1,000-byte limit; raise ACCORD_MAX_BYTES to read it",
    )
    assert stream.tell() <= 1001  # read only up to the limit, never the whole stream


def test_ingest_repairs_mojibake_and_keeps_clean_text(tmp_path: Path) -> None:
    """UTF-8 once (or twice) decoded as Windows-1252 is repaired, with a warning; a clean
    text's curly quotes, ligatures and entities stay as written."""
    right = "President François Hollande said “no” to Zoë Varga’s plan in Málaga."
    once = right.encode("utf-8").decode("cp1252", errors="ignore")
    twice = "French President FranÃ\x83Â§ois Hollande said no."
    clean = "“Efficient” ﬁnance &amp; trade, she said in Zürich."
    for name, text in (("once.txt", once), ("twice.txt", twice), ("clean.txt", clean)):
        (tmp_path / name).write_text(f"Talks\n{text}", encoding="utf-8")
    articles = {
        a.path.rsplit("/", 1)[-1]: a for a in read_paths([str(tmp_path)]).articles if a.path
    }
    assert "François Hollande" in articles["once.txt"].text
    assert "Zoë Varga’s plan in Málaga" in articles["once.txt"].text
    assert "French President François Hollande said no." in articles["twice.txt"].text
    assert any("mojibake" in w for w in articles["twice.txt"].provenance.warnings)
    assert articles["clean.txt"].text == f"Talks\n{clean}"
    assert articles["clean.txt"].provenance.warnings == []
