"""Readers are chosen by name, extension or content, and users can add their own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import accord.ingest.registry as registry
from accord.errors import IngestError
from accord.ingest import (
    Record,
    Source,
    get_reader,
    read_paths,
    reader_for,
    reader_names,
    register_reader,
    unregister_reader,
)


def test_ingest_builtin_readers_registered() -> None:
    assert {"text", "html", "json", "jsonl", "feed"} <= set(reader_names())


@pytest.mark.parametrize(
    ("name", "head", "reader"),
    [
        ("a.txt", "<html>", "text"),
        ("a.HTML", "", "html"),
        ("a.jsonl", "", "jsonl"),
        ("a.atom", "", "feed"),
        ("a", '<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        ("a", "<!DOCTYPE html><html>", "html"),
        ("-", '[{"text": "x"}]', "json"),
        ("a.log", "[Breaking] Ferry resumes", "text"),
    ],
)
def test_ingest_reader_chosen_by_extension_then_content(name: str, head: str, reader: str) -> None:
    assert reader_for(name, head).name == reader


def test_ingest_user_reader_for_new_extension(tmp_path: Path) -> None:
    @register_reader("gazette_test", extensions=[".gaz"])
    def read_gazette(source: Source) -> Iterator[Record | IngestError]:
        for block in source.text.split("\n%%\n"):
            title, _, body = block.partition("|")
            yield Record(text=body, title=title, outlet="Kalm Gazette", source_format="gazette")

    try:
        path = tmp_path / "issue.gaz"
        path.write_text("Ferry resumes|The ferry sailed.\n%%\nBridge opens|The bridge opened.")
        result = read_paths([str(path)])
        assert [(a.title, a.outlet) for a in result.articles] == [
            ("Ferry resumes", "Kalm Gazette"),
            ("Bridge opens", "Kalm Gazette"),
        ]
        assert result.articles[0].provenance.source_format == "gazette"
    finally:
        unregister_reader("gazette_test")


def test_ingest_user_reader_overrides_builtin_extension(tmp_path: Path) -> None:
    @register_reader("shouting_test", extensions=[".txt"])
    def shout(source: Source) -> Iterator[Record | IngestError]:
        yield Record(text=source.text.upper())

    try:
        path = tmp_path / "a.txt"
        path.write_text("Ferry resumes\nThe ferry sailed.", encoding="utf-8")
        assert read_paths([str(path)]).articles[0].title == "FERRY RESUMES"
    finally:
        unregister_reader("shouting_test")
    assert reader_for("a.txt", "").name == "text"


def test_ingest_forced_reader_by_name(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<html><body><p>The ferry sailed to Kalm on Monday.</p></body></html>")
    [article] = read_paths([str(path)], reader="html").articles
    assert article.text == "The ferry sailed to Kalm on Monday."


class FakeEntryPoint:
    def __init__(self, name: str, action: Callable[[], object]) -> None:
        self.name = name
        self.load = action


def test_ingest_entry_point_readers_load_and_broken_ones_are_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def install() -> object:
        @register_reader("plugin_test", extensions=[".plug"])
        def read_plugin(source: Source) -> Iterator[Record | IngestError]:
            yield Record(text=source.text)

        return read_plugin

    def broken() -> object:
        raise ImportError("no module named plugin_missing")

    plugins = [FakeEntryPoint("good", install), FakeEntryPoint("bad", broken)]
    monkeypatch.setattr(registry, "entry_points", lambda group: plugins)
    registry._load_plugins.cache_clear()
    try:
        assert "plugin_test" in reader_names()
        assert reader_for("x.plug", "").name == "plugin_test"
        assert "reader plugin bad failed to load" in caplog.text
    finally:
        unregister_reader("plugin_test")
        registry._load_plugins.cache_clear()


def test_ingest_unknown_reader_name_lists_known() -> None:
    with pytest.raises(IngestError, match=r"unknown reader 'nope' \(known: .*text"):
        get_reader("nope")
