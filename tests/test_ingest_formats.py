"""Each input format becomes articles with the right text, headline and metadata."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from accord.ingest import read_paths, read_text
from accord.ingest.build import headline_end
from accord.model import content_hash

BODY = (
    "The council of Veldra approved the harbour bridge on Tuesday after a long debate.\n"
    "Mayor Ilsa Marrow said construction would start in the spring."
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_ingest_text_first_line_is_headline_and_stays_in_text(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "\n\nBridge approved in Veldra\n" + BODY + "\n")
    [article] = read_paths([str(path)]).articles
    assert article.title == "Bridge approved in Veldra"
    assert article.text.startswith("Bridge approved in Veldra\nThe council")
    assert article.id == content_hash(article.text)
    assert article.path == str(path)
    assert article.provenance.source_format == "text"
    assert article.language == "en"


def test_ingest_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", "Bridge approved\n" + BODY)
    [article] = read_paths([str(path)]).articles
    assert article.title == "Bridge approved"


def test_ingest_crlf_newlines_are_normalised(tmp_path: Path) -> None:
    path = write(
        tmp_path, "a.txt", b"Bridge approved\r\nThe council voted on Tuesday to build it.\r\n"
    )
    [article] = read_paths([str(path)]).articles
    assert article.text == "Bridge approved\nThe council voted on Tuesday to build it."


HTML = """<!doctype html>
<html lang="en-GB"><head>
<title>Bridge approved in Veldra | Veldra Courier</title>
<meta property="og:site_name" content="Veldra Courier">
<meta property="og:url" content="https://courier.example/bridge">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
<script>var tracker = "SECRET_SCRIPT_TEXT";</script>
<style>p { color: red } .STYLE_TEXT {}</style>
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Bridge approved in Veldra</h1>
<p>The council of Veldra approved the harbour bridge on Tuesday after a long debate.</p>
<script>document.write("INLINE_SCRIPT_TEXT")</script>
<p>Mayor Ilsa Marrow said construction would start in the spring and finish two years later.</p>
</article><footer>Copyright Veldra Courier</footer></body></html>
"""


def test_ingest_html_main_text_and_metadata(tmp_path: Path) -> None:
    [article] = read_paths([str(write(tmp_path, "page.html", HTML))]).articles
    assert article.title == "Bridge approved in Veldra"
    assert article.text.startswith("Bridge approved in Veldra\nThe council of Veldra")
    assert article.text.count("Bridge approved in Veldra") == 1
    assert "Mayor Ilsa Marrow" in article.text
    assert article.outlet == "Veldra Courier"
    assert article.url == "https://courier.example/bridge"
    assert article.published is not None and article.published.startswith("2024-03-05")
    assert article.language == "en-gb"
    assert article.provenance.source_format == "html"


def test_ingest_html_never_keeps_scripts_or_styles(tmp_path: Path) -> None:
    [article] = read_paths([str(write(tmp_path, "page.htm", HTML))]).articles
    for marker in ("SECRET_SCRIPT_TEXT", "INLINE_SCRIPT_TEXT", "STYLE_TEXT", "color: red"):
        assert marker not in article.text


def test_ingest_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    [article] = read_paths([str(write(tmp_path, "page", HTML))]).articles
    assert article.provenance.source_format == "html"


RECORD = {
    "id": "vc-17",
    "title": "Bridge approved",
    "text": BODY,
    "url": "https://courier.example/b",
    "outlet": "Veldra Courier",
    "published": "2024-03-05",
    "language": "en",
    "desk": "metro",
    "tags": ["council", "bridge"],
}


def test_ingest_json_object_fields(tmp_path: Path) -> None:
    [article] = read_paths([str(write(tmp_path, "r.json", json.dumps(RECORD)))]).articles
    assert article.source_id == "vc-17"
    assert article.title == "Bridge approved"
    assert article.text == "Bridge approved\n" + BODY
    assert (article.url, article.outlet, article.published, article.language) == (
        "https://courier.example/b",
        "Veldra Courier",
        "2024-03-05",
        "en",
    )
    assert article.provenance.extra == {"desk": "metro", "tags": ["council", "bridge"]}
    assert article.provenance.source_format == "json"


def test_ingest_json_list_of_objects(tmp_path: Path) -> None:
    records = [dict(RECORD, id=1), dict(RECORD, id=2, text="Another story about a ferry.")]
    result = read_paths([str(write(tmp_path, "r.json", json.dumps(records)))])
    assert [a.source_id for a in result.articles] == ["1", "2"]


def test_ingest_json_title_already_first_line_is_not_repeated(tmp_path: Path) -> None:
    record = dict(RECORD, text="Bridge approved\n" + BODY)
    [article] = read_paths([str(write(tmp_path, "r.json", json.dumps(record)))]).articles
    assert article.text == "Bridge approved\n" + BODY


@pytest.mark.parametrize(
    "opening",
    [
        "Bridge approved.\n",  # closing punctuation
        "BRIDGE APPROVED\n",  # case
        "Bridge  approved:\n\n",
    ],
)
def test_ingest_title_restated_by_the_body_is_not_repeated(opening: str) -> None:
    """A body that opens with its title, but for case, spacing or closing punctuation, keeps
    it as its headline line: a second copy would be read twice."""
    article = read_text(opening + BODY, title="Bridge approved")
    assert article.text == opening + BODY
    assert article.title == "Bridge approved"
    assert headline_end(article.text, article.title) == len(opening.split("\n")[0])


def test_ingest_title_broken_over_two_lines_is_not_repeated() -> None:
    title = "Bridge approved; works start in May"
    article = read_text("Bridge approved; \nworks start in May.\n\n" + BODY, title=title)
    assert article.text.startswith("Bridge approved; \n")
    assert headline_end(article.text, title) == len("Bridge approved; \nworks start in May.")
    other = read_text("Council meets\n" + BODY, title="Bridge approved")
    assert other.text.startswith("Bridge approved\nCouncil meets")


def test_ingest_jsonl_records_keep_order(tmp_path: Path) -> None:
    lines = [
        json.dumps(dict(RECORD, id=i, text=f"Story number {i} about the ferry.")) for i in (1, 2, 3)
    ]
    path = write(tmp_path, "r.jsonl", "\n".join(lines) + "\n\n")
    result = read_paths([str(path)])
    assert [a.source_id for a in result.articles] == ["1", "2", "3"]
    assert all(a.provenance.source_format == "jsonl" for a in result.articles)
    assert result.skipped == []


def test_ingest_ndjson_extension(tmp_path: Path) -> None:
    path = write(tmp_path, "r.ndjson", json.dumps(RECORD) + "\n")
    assert len(read_paths([str(path)]).articles) == 1


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbor Daily</title><language>en</language>
<item><title>Dock strike ends</title><link>https://harbor.example/1</link><guid>hd-1</guid>
<pubDate>Fri, 16 May 2025 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Workers at the port of Ostrel &lt;b&gt;returned&lt;/b&gt; on Friday.&lt;/p&gt;
&lt;script&gt;alert("FEED_SCRIPT")&lt;/script&gt;
&lt;p&gt;The union said talks went well.&lt;/p&gt;</description>
</item>
<item><title>No body here</title><link>https://harbor.example/2</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ostrel Wire</title>
<entry><title>Ferry service resumes</title><id>urn:ow:9</id>
<link href="https://wire.example/9"/><updated>2025-05-17T08:00:00Z</updated>
<content type="html">&lt;p&gt;The ferry between Ostrel and Kalm sailed again on Saturday.&lt;/p&gt;
</content>
</entry></feed>
"""


def test_ingest_rss_entries_with_content(tmp_path: Path) -> None:
    result = read_paths([str(write(tmp_path, "feed.rss", RSS))])
    [article] = result.articles
    assert article.title == "Dock strike ends"
    assert article.text == (
        "Dock strike ends\nWorkers at the port of Ostrel returned on Friday.\n"
        "The union said talks went well."
    )
    assert article.outlet == "Harbor Daily"
    assert article.url == "https://harbor.example/1"
    assert article.source_id == "hd-1"
    assert article.published == "2025-05-16T10:00:00+00:00"
    assert "FEED_SCRIPT" not in article.text
    assert [(s.path, s.reason) for s in result.skipped] == [
        (str(tmp_path / "feed.rss"), "feed entry 2 has no content")
    ]


def test_ingest_atom_feed_sniffed_from_xml(tmp_path: Path) -> None:
    [article] = read_paths([str(write(tmp_path, "wire.xml", ATOM))]).articles
    assert article.outlet == "Ostrel Wire"
    assert article.title == "Ferry service resumes"
    assert article.published == "2025-05-17T08:00:00+00:00"
    assert article.provenance.source_format == "feed"


def test_ingest_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(("Ferry news\n" + BODY).encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    [article] = read_paths(["-"]).articles
    assert article.path == "-"
    assert article.title == "Ferry news"


def test_ingest_stdin_json_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n".join(
        json.dumps(dict(RECORD, id=i, text=f"Story {i} on the ferry.")) for i in (1, 2)
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    result = read_paths(["-"])
    assert [a.source_id for a in result.articles] == ["1", "2"]


def test_ingest_directory_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "Second\nThe ferry sailed to Kalm.")
    write(tmp_path, "a/z.txt", "First\nThe bridge opened in Veldra.")
    write(tmp_path, "c/d/e.txt", "Third\nThe dock reopened in Ostrel.")
    write(tmp_path, ".hidden.txt", "Hidden\nShould not be read.")
    write(tmp_path, ".git/x.txt", "Hidden folder\nShould not be read either.")
    result = read_paths([str(tmp_path)])
    assert [a.title for a in result.articles] == ["First", "Second", "Third"]
    assert result.skipped == []


def test_ingest_read_text_for_library_users() -> None:
    article = read_text(BODY, title="Bridge approved", outlet="Courier", published="5 March 2024")
    assert article.text == "Bridge approved\n" + BODY
    assert (article.outlet, article.published, article.path) == ("Courier", "2024-03-05", None)
    assert read_text(BODY, desk="metro").provenance.extra == {"desk": "metro"}
