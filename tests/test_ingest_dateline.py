"""Opening date/time stamp lines: not the headline, but the publication date when none is given."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.ingest import read_paths, read_text
from accord.ingest.dateline import is_stamp, split_stamps, stamp_date
from accord.model import Analysis, Mention
from accord.store.read import provenance_from_dict
from accord.stories.text import entity_weights, headline, headline_span


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("27 NOVEMBER, 2005", "2005-11-27"),
        ("Last Updated: Monday, 28 November 2005, 02: 24 GMT", "2005-11-28"),
        ("Posted 2 / 3 / 2009 11: 11 PM", "2009-02-03"),
        ("Last updated 13: 26 14 / 09 / 2013", "2013-09-14"),
        ("2 A. M. FEB. 4, 2009", "2009-02-04"),
        ("Posted: Nov 27, 2005 8: 20 AM ET Last Updated: Nov 28, 2005 8: 10 PM ET", "2005-11-27"),
        ("14: 25 Sun Sep 15 2013", "2013-09-15"),
        ("2013-09-09", "2013-09-09"),
        ("May 2009", None),  # no day: no publication date
        ("2009", None),
        ("12:30 GMT", None),
    ],
)
def test_ingest_dateline_stamp_lines_and_their_day(line: str, day: str | None) -> None:
    assert is_stamp(line)
    assert stamp_date(line) == day


@pytest.mark.parametrize(
    "line",
    [
        "Five die in May 3 fire",
        "Quake hits Iran",
        "Reuters Sep 18, 2013, 02. 16PM IST",  # names an agency: not only a stamp
        "UN 2030",  # capitals that are no time zone
        "NATO 2025",
        "",
    ],
)
def test_ingest_dateline_headlines_are_not_stamps(line: str) -> None:
    assert not is_stamp(line)


def test_ingest_dateline_title_skips_stamps_and_dates_the_article(tmp_path: Path) -> None:
    text = "November 28, 2005\nPosted 11 / 28 / 2005 7: 21 AM\nQuake levels villages on Qeshm\n"
    text += "Ten people were killed on Sunday when an earthquake hit the island."
    (tmp_path / "quake.txt").write_text(text, encoding="utf-8")
    (article,) = read_paths([str(tmp_path)]).articles
    assert article.title == "Quake levels villages on Qeshm"
    assert article.text.startswith("November 28, 2005\n")  # the text keeps the line
    assert (article.published, article.provenance.published_from) == ("2005-11-28", "dateline")
    stored = provenance_from_dict(json.loads(json.dumps(article.provenance.to_dict())))
    assert stored.published_from == "dateline"


def test_ingest_dateline_published_order_metadata_then_dateline_then_default() -> None:
    text = "Nov 28, 2005\nQuake levels villages\nTen people were killed."
    given_date = read_text(text, published="2005-11-29")
    assert (given_date.published, given_date.provenance.published_from) == (
        "2005-11-29",
        "metadata",
    )
    assert read_text("Quake levels villages\nTen were killed.").provenance.published_from is None


def test_ingest_dateline_cli_default_yields_to_the_articles_own_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Nov 28, 2005\nQuake levels villages\nTen died.", "utf-8")
    (tmp_path / "b.txt").write_text("Bridge opens in Veldra\nIt opened today.", "utf-8")
    ingested = read_paths([str(tmp_path)], published="2024-01-02")
    by_title = {a.title: a for a in ingested.articles}
    assert by_title["Quake levels villages"].published == "2005-11-28"
    bridge = by_title["Bridge opens in Veldra"]
    assert (bridge.published, bridge.provenance.published_from) == ("2024-01-02", "default")


def test_ingest_dateline_text_of_stamps_only_keeps_its_first_line_as_title() -> None:
    assert read_text("Nov 28, 2005\n12:30 GMT").title == "Nov 28, 2005"
    assert split_stamps("Nov 28, 2005\n12:30 GMT") == (["Nov 28, 2005", "12:30 GMT"], None)


def test_ingest_dateline_story_headline_weights_the_real_headline() -> None:
    article = read_text("Sep 9, 2013\nThieves raid Paris jeweller\nThey fled Paris by car.")
    start, end = headline_span(Analysis(article=article))
    assert article.text[start:end] == "Thieves raid Paris jeweller"
    mentions = [
        Mention(f"m{i}", article.id, at, at + 5, "Paris", "GPE", 0)
        for i, at in enumerate(m.start() for m in re.finditer("Paris", article.text))
    ]
    analysis = Analysis(article=article, mentions=mentions)
    assert headline(analysis) == "Thieves raid Paris jeweller"
    weight = entity_weights(analysis)["e:GPE:paris"]
    assert weight == pytest.approx(2 * (1 + math.log(2)))  # named twice, once in the headline


@given(st.text(max_size=120))
def test_ingest_dateline_never_raises(line: str) -> None:
    if is_stamp(line):
        day = stamp_date(line)
        assert day is None or len(day) == 10
    assert split_stamps(line)[1] is None or split_stamps(line)[1].strip()
