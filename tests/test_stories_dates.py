"""Date keys for story clustering: explicit dates, lone years, weekdays against publication."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from accord.stories.dates import date_keys, weekday_days
from accord.stories.features import ArticleFeatures, extract
from accord.stories.index import StoryState, date_conflict

if TYPE_CHECKING:
    from spacy.language import Language


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
    near = {"n:2005-11-26", "n:2005-11-27", "n:2005-11-28"}
    assert set(keys) == {"y:2005", "m:2005-11", "d:2005-11-27", "y:2003"} | near
    assert keys["y:2005"] > keys["y:2003"]


def test_stories_dates_a_decade_is_no_key() -> None:
    """ "In the 1990s" is background: it tells no event from another."""
    assert date_keys("He rose through the ranks in the 1990s.") == {}


def test_stories_dates_reports_a_day_apart_share_near_keys() -> None:
    # coverage of one event is dated the 14th in one report and the 15th in the next
    first, second = date_keys("Posted 14 / 09 / 2013"), date_keys("Posted 15 / 09 / 2013")
    assert "d:2013-09-14" in first and "d:2013-09-14" not in second
    assert {"n:2013-09-14", "n:2013-09-15"} <= set(first) & set(second)
    assert not set(first) & set(date_keys("Posted 17 / 09 / 2013")) - {"y:2013", "m:2013-09"}


def test_stories_dates_weekdays_resolve_against_publication() -> None:
    text = "A quake struck on Sunday; rescuers arrived yesterday."
    published = date(2008, 9, 10)  # a Wednesday
    keys = date_keys(text, published)
    assert "d:2008-09-07" in keys  # the Sunday before
    assert "d:2008-09-09" in keys  # yesterday
    assert not any(k.startswith("d:") for k in date_keys(text))  # no date: nothing resolved


def test_stories_dates_weekdays_follow_the_analysis_tense(nlp: Language) -> None:
    """A weekday the analysis read as still to come ("will meet again on Thursday") keys the
    next such day, so an announcement joins the report of that meeting, not last week's."""
    from accord.analyze import analyze_articles
    from accord.model import Analysis, Article

    text = "Talks end\nThe talks ended on Wednesday. The envoys will meet again on Thursday."
    (analysis,) = analyze_articles([Article.from_text(text, published="2026-03-13")], nlp=nlp)
    assert isinstance(analysis, Analysis)
    days = weekday_days(analysis.times)
    assert sorted(days.values()) == [date(2026, 3, 11), date(2026, 3, 19)]
    keys = date_keys(text, date(2026, 3, 13), days)
    assert {"d:2026-03-11", "d:2026-03-19"} <= set(keys)
    assert "d:2026-03-12" not in keys  # the Thursday before publication
    assert "d:2026-03-19" in extract(analysis).dates


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


def dated(text: str, published: str) -> ArticleFeatures:
    from accord.model import Analysis, Article

    article = Article.from_text(text, title=text.split("\n", 1)[0], published=published)
    return extract(Analysis(article=article))


def test_stories_date_range_narrows_when_an_article_moves_out() -> None:
    story = StoryState(id="s")
    first = dated("Quake hits Qeshm\nRescuers search villages.", "2005-11-27")
    again = dated("Qeshm quake toll rises\nTen dead on the island.", "2005-11-27")
    late = dated("Qeshm rebuilds\nVillagers return to their homes.", "2006-01-15")
    for art in (first, again, late):
        story.absorb(art)
    assert story.gap_days(date(2006, 1, 20)) == 5.0
    story.remove(late)  # refinement moved it to another story: the range is the rest's again
    assert (story.first_day, story.last_day) == (date(2005, 11, 27), date(2005, 11, 27))
    assert story.gap_days(date(2006, 1, 20)) == 54.0
    story.remove(first)  # another article of that day is still in the story
    assert story.last_day == date(2005, 11, 27)
    story.remove(again)
    assert story.gap_days(date(2006, 1, 20)) is None  # no dated member left: unknown


def test_stories_date_counts_survive_the_state_and_old_states_keep_their_range() -> None:
    import json

    from accord.stories import StoryIndex

    index = StoryIndex(encoder=None)
    first = dated("Quake hits Qeshm\nRescuers search villages.", "2005-11-27")
    late = dated("Qeshm quake toll rises\nTen dead.", "2005-11-29")
    sid = index.assign(first, None)
    index.assign(late, index.state(sid))
    state = json.loads(json.dumps(index.to_state()))
    assert state["stories"][0]["day_counts"] == {"2005-11-27": 1, "2005-11-29": 1}
    restored = StoryIndex.from_state(state, encoder=None).state(sid)
    assert restored.day_counts == index.state(sid).day_counts
    restored.remove(late)
    assert restored.last_day == date(2005, 11, 27)
    del state["stories"][0]["day_counts"]  # saved before the counts were kept: only the range
    old = StoryIndex.from_state(state, encoder=None).state(sid)
    old.remove(late)  # members of unknown dates: the saved range is kept, as before
    assert (old.first_day, old.last_day) == (date(2005, 11, 27), date(2005, 11, 29))


TAKEOVER = (
    "Halvor Systems agrees to buy Brintel Networks for 2.1 billion crowns\n"
    "Halvor Systems said on Tuesday, April 22, that it would buy the router maker Brintel "
    "Networks for 2.1 billion crowns in cash, its largest acquisition. Brintel shareholders will "
    "get a premium of 31 percent, and the deal needs approval from competition regulators."
)
TAKEOVER_BOARD = (
    "Brintel board backs Halvor takeover offer\n"
    "The board of Brintel Networks on Wednesday, April 23, recommended that shareholders accept "
    "the 2.1 billion crown takeover offer from Halvor Systems announced on April 22. Analysts "
    "said rival bidders were unlikely to emerge for the router maker."
)
RATE_RISE = (
    "Central bank raises key interest rate to 5.25 percent\n"
    "The central bank raised its main lending rate by half a point to 5.25 percent on Tuesday, "
    "April 22, its third increase this year, as inflation climbed to 7.8 percent. The governor "
    "said further rises could follow if food and fuel prices kept rising."
)


def test_stories_shared_dates_count_only_between_texts_about_one_thing() -> None:
    """A report of another event of the same days is not drawn into a story by its dates: in a
    dated feed every article of a week names that week's days."""
    from accord.stories import StoryIndex
    from accord.stories.index import DATE_TERMS_FULL, topical_share

    index = StoryIndex(encoder=None)
    sid = index.assign(dated(TAKEOVER, "2031-04-22"), None)
    story = index.state(sid)
    related = dated(TAKEOVER_BOARD, "2031-04-23")
    unrelated = dated(RATE_RISE, "2031-04-22")
    index.prime_features([related, unrelated])
    other = index.features(unrelated, story)
    assert other["terms"] < 0.1 and other["dates"] == 0.0  # same days, nothing else shared
    assert index.probability(unrelated, story) < 0.5
    same = index.features(related, story)
    assert same["terms"] >= DATE_TERMS_FULL and same["dates"] > 0.3
    assert index.probability(related, story) >= 0.5
    assert topical_share(0.0) == 0.0 and topical_share(0.175) == pytest.approx(0.5)
    assert topical_share(DATE_TERMS_FULL) == topical_share(0.9) == 1.0
