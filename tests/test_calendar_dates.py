"""The one finder of explicit calendar dates in text (accord.calendar_dates), shared by ingest,
story clustering and reconciliation."""

from __future__ import annotations

from datetime import date

import pytest

from accord.calendar_dates import WEEKDAYS, find_dates, weekday_near


def labels(text: str) -> list[str]:
    return [found.label for _, _, found in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It struck on February 4, 2009 at dawn.", ["2009-02-04"]),
        ("It struck on Feb. 4th 2009.", ["2009-02-04"]),
        ("November 28-2005", ["2005-11-28"]),
        ("on 9 September 2013", ["2013-09-09"]),
        ("on 9th September, 2013", ["2013-09-09"]),
        ("posted 2009-02-04", ["2009-02-04"]),
        ("posted 2 / 3 / 2009", ["2009-02-03"]),
        ("posted 2/3/09", ["2009-02-03"]),
        ("updated 14/09/2013", ["2013-09-14"]),
        ("since March 2022", ["2022-03"]),
        ("in Sept 2013", ["2013-09"]),
        ("in 1998 and again in 2009", ["1998", "2009"]),
        ("a family founded in the 1930's", ["1930s"]),
        ("since the mid-1990s", ["1990s"]),
    ],
)
def test_calendar_dates_formats(text: str, expected: list[str]) -> None:
    assert labels(text) == expected


def test_calendar_dates_longest_wins_and_order_is_the_texts() -> None:
    text = "In 2008, then on 4 March 2022 and in March 2022."
    found = find_dates(text)
    assert [f.label for _, _, f in found] == ["2008", "2022-03-04", "2022-03"]
    assert [text[s:e] for s, e, _ in found] == ["2008", "4 March 2022", "March 2022"]
    assert [f.granularity for _, _, f in found] == ["year", "day", "month"]


def test_calendar_dates_impossible_days_are_no_days() -> None:
    assert labels("on February 31, 2009") == ["2009"]
    assert labels("score 13/14/2009") == ["2009"]
    assert labels("room 3/4 and 12:30") == []


def test_calendar_dates_a_decade_holds_its_years() -> None:
    """ "Founded in the 1930s" and "founded in 1931" do not disagree."""
    ((_, _, decade),) = find_dates("in the 1930s")
    ((_, _, year),) = find_dates("in 1931")
    assert decade.granularity == "decade" and decade.overlaps(year)
    assert not decade.overlaps(find_dates("in 1941")[0][2])


def test_calendar_dates_ranges_overlap_by_granularity() -> None:
    (_, _, month), (_, _, day), (_, _, other) = find_dates(
        "March 2022 ... 4 March 2022 ... 5 April 2022"
    )
    assert month.overlaps(day) and not day.overlaps(other) and not month.overlaps(other)


@pytest.mark.parametrize(
    ("name", "future", "expected"),
    [
        ("wednesday", False, date(2026, 3, 11)),  # the base day itself
        ("monday", False, date(2026, 3, 9)),
        ("thursday", False, date(2026, 3, 5)),  # last week's: this week's is still to come
        ("thursday", True, date(2026, 3, 12)),  # "will meet on Thursday"
        ("wednesday", True, date(2026, 3, 11)),
        ("monday", True, date(2026, 3, 16)),
    ],
)
def test_weekday_near_reads_a_bare_weekday_against_the_base_day(
    name: str, future: bool, expected: date
) -> None:
    base = date(2026, 3, 11)  # a Wednesday
    assert weekday_near(base, WEEKDAYS.index(name), future) == expected
