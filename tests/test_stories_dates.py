"""Date keys for story clustering: explicit dates, lone years, weekdays against publication."""

from __future__ import annotations

from datetime import date

import pytest

from accord.stories.dates import date_keys
from accord.stories.index import date_conflict


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published February 4, 2009 at noon", "d:2009-02-04"),
        ("9 September 2013, 14:08", "d:2013-09-09"),
        ("Posted 2 / 3 / 2009 11:11 PM", "d:2009-02-03"),
        ("Updated 2009-02-04", "d:2009-02-04"),
        ("on Feb. 04, 2009", "d:2009-02-04"),
        ("in September 2013 the shop", "m:2013-09"),
        ("the 1967 killings", "y:1967"),
    ],
)
def test_stories_dates_explicit(text: str, expected: str) -> None:
    assert expected in date_keys(text)


def test_stories_dates_year_not_counted_twice_and_lead_weighs_more() -> None:
    keys = date_keys("Quake on November 27, 2005\n" + "x " * 400 + "the 2003 quake in Bam")
    assert set(keys) == {"y:2005", "m:2005-11", "d:2005-11-27", "y:2003"}
    assert keys["y:2005"] > keys["y:2003"]


def test_stories_dates_weekdays_resolve_against_publication() -> None:
    text = "A quake struck on Sunday; rescuers arrived yesterday."
    published = date(2008, 9, 10)  # a Wednesday
    keys = date_keys(text, published)
    assert "d:2008-09-07" in keys  # the Sunday before
    assert "d:2008-09-09" in keys  # yesterday
    assert not any(k.startswith("d:") for k in date_keys(text))  # no date: nothing resolved


def test_stories_dates_invalid_dates_are_skipped() -> None:
    assert not any(k.startswith("d:") for k in date_keys("on 13/45/2009"))


def test_stories_dates_conflict_needs_months_on_both_sides() -> None:
    assert date_conflict({"m:2009-02": 1.0}, {"m:2008-12": 2.0}) == 1.0
    assert date_conflict({"m:2009-02": 1.0}, {"m:2009-02": 2.0, "m:2008-12": 1.0}) == 0.0
    assert date_conflict({"y:2009": 1.0}, {"m:2008-12": 2.0}) == 0.0
    assert date_conflict({"m:2009-02": 1.0}, {}) == 0.0


def test_stories_dates_survive_state_round_trip_and_old_state_loads() -> None:
    import json

    from accord.model import Analysis, Article
    from accord.stories import StoryIndex

    text = "Quake hits Qeshm island\nNovember 27, 2005\nA quake struck the island on Sunday."
    index = StoryIndex(encoder=None)
    sid = index.add(Analysis(article=Article.from_text(text, title="Quake hits Qeshm island")))
    state = json.loads(json.dumps(index.to_state()))
    assert "d:2005-11-27" in StoryIndex.from_state(state, encoder=None).state(sid).dates
    for story in state["stories"]:  # a state saved before dates were kept still loads
        del story["dates"]
    assert StoryIndex.from_state(state, encoder=None).state(sid).dates == {}
