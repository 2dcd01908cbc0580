"""Temporal expressions resolve against the publication date (hand-made expressions)."""

from __future__ import annotations

from datetime import datetime

import pytest

from accord.analyze.temporal import resolve_time

PUBLISHED = datetime(2026, 3, 14)  # a Saturday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Friday", ("2026-03-13", "day")),
        ("Saturday", ("2026-03-14", "day")),
        ("March 2022", ("2022-03", "month")),
        ("in 2019", ("2019", "year")),
        ("April", ("2026-04", "month")),  # next month, not the April eleven months back
        ("in November", ("2025-11", "month")),  # four months back, not eight ahead
        ("last April", ("2025-04", "month")),
        ("next March", ("2027-03", "month")),
        ("early June", ("2026-06", "month")),
        ("on 1 May", ("2026-05-01", "day")),
        ("May 1st", ("2026-05-01", "day")),
        ("12 December", ("2025-12-12", "day")),
        ("31 February", (None, "relative")),
        ("one hour and 40 minutes", (None, "duration")),
        ("21 years", (None, "duration")),
        ("34", (None, "relative")),  # "Anika Dross, 34," : an age tagged DATE, not 1934
        ("last month", ("2026-02", "month")),
        ("next month", ("2026-04", "month")),
        ("earlier this month", ("2026-03", "month")),
        ("last year", ("2025", "year")),
        ("this year", ("2026", "year")),
        ("the 1990s", ("1990s", "decade")),  # ten years, not the year 1990
        ("the early 1890's", ("1890s", "decade")),
        ("in the '80s", (None, "decade")),  # no century written
        ("40s and", (None, "decade")),  # not "forty seconds ago", which dateparser reads
        ("January of 1955", ("1955-01", "month")),
        ("the summer of 2010", ("2010", "year")),
        ("2008-09 season", ("2008/2009", "span")),  # two years, not September 2008
        ("20-13", (None, "relative")),  # a score tagged DATE
        ("the 81st", (None, "relative")),  # not 1981
        ("two years after 2008", (None, "relative")),
        ("Sept. 11", ("2025-09-11", "day")),
        ("at 3 pm", ("2026-03-14", "day")),  # a clock time is the publication day, not the eve
        ("noon", ("2026-03-14", "day")),
        ("yesterday", ("2026-03-13", "day")),
        ("two weeks ago", ("2026-02-28", "day")),
        ("last week", (None, "relative")),  # seven days, none in particular
        ("earlier this week", (None, "relative")),
    ],
)
def test_temporal_resolves_against_publication(text: str, expected: tuple[str | None, str]) -> None:
    assert resolve_time(text, PUBLISHED) == expected


def test_temporal_without_publication_date_keeps_weekdays_relative() -> None:
    assert resolve_time("on Friday", None) == (None, "relative")
    assert resolve_time("March 2022", None) == ("2022-03", "month")


def test_temporal_weekday_of_an_event_still_to_come_is_the_next_one() -> None:
    assert resolve_time("on Wednesday", PUBLISHED, future=True) == ("2026-03-18", "day")
    assert resolve_time("Saturday", PUBLISHED, future=True) == ("2026-03-14", "day")  # today
    assert resolve_time("on Wednesday", PUBLISHED) == ("2026-03-11", "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dateparser would fill what the text leaves out from the day of the run
        ("today", (None, "relative")),
        ("this morning", (None, "relative")),
        ("at 5 p.m.", (None, "relative")),
        ("December", (None, "relative")),
        ("this year", (None, "relative")),
        ("Dec. 2", (None, "relative")),
        # what the text writes out stands without a publication date
        ("Friday, June 7, 2013", ("2013-06-07", "day")),
        ("Saturday, December 05, 2009 8:28 PM", ("2009-12-05", "day")),
        ("6, 2013 11:34PM", ("2013-06", "month")),  # the month is written, the day is not
        ("Oct. 2011", ("2011-10", "month")),
        ("late 2007", ("2007", "year")),
        ("'86", ("1986", "year")),
    ],
)
def test_temporal_without_publication_date_keeps_only_what_the_text_fixes(
    text: str, expected: tuple[str | None, str]
) -> None:
    assert resolve_time(text, None) == expected


def test_temporal_partial_dates_do_not_take_the_publication_day() -> None:
    """ "June 2013" in a paper of 14 March 2026 is a month, not 14 June 2013."""
    assert resolve_time("6, 2013 11:34PM", PUBLISHED) == ("2013-06", "month")
    assert resolve_time("Oct. 2011", PUBLISHED) == ("2011-10", "month")
