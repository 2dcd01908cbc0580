"""Date handling for reconciliation: calendar ranges and events dated relative to an anchor."""

from __future__ import annotations

import pytest

from accord.reconcile.dates import anchored_events, find_dates, parse_iso, shift


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("in March 2019", "2019-03"),
        ("on 5 May 2021", "2021-05-05"),
        ("in 2004", "2004"),
        ("on June 3, 2020", "2020-06-03"),
    ],
)
def test_reconcile_find_dates_keeps_granularity(text: str, label: str) -> None:
    ((_, _, found),) = find_dates(text)
    assert found.label == label


@pytest.mark.parametrize(
    ("text", "clause", "label"),
    [
        (
            "talks resumed in April 2019, two months after Korvenia invaded Valdoria.",
            "Korvenia invaded Valdoria",
            "2019-02",
        ),
        (
            "the war began in March 2019, when Korvenia invaded Valdoria.",
            "Korvenia invaded Valdoria",
            "2019-03",
        ),
        (
            "they met on 5 May 2021, two weeks before the vote was held.",
            "the vote was held",
            "2021-05-19",
        ),
        (
            "the pact was signed in 2010, a year after the border closed.",
            "the border closed",
            "2009",
        ),
    ],
)
def test_reconcile_anchored_event_dates(text: str, clause: str, label: str) -> None:
    (event,) = anchored_events(text)
    assert text[event.clause_start : event.end] == clause
    assert event.date.label == label


def test_reconcile_month_and_day_inside_it_overlap() -> None:
    month, day = parse_iso("2019-03"), parse_iso("2019-03-14")
    assert month is not None and day is not None
    assert month.overlaps(day)
    assert not month.overlaps(shift(month, -1, "month"))


def test_reconcile_plain_date_after_comma_is_not_an_anchor() -> None:
    assert anchored_events("They met in March 2019, and talked for hours.") == []
