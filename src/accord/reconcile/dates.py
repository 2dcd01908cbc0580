"""Dates that reconciliation compares: calendar ranges, and events anchored to a date.

A date is a half-open range of days (``March 2022`` is 2022-03-01 to 2022-04-01), so a month and a
day inside it agree. News often dates an event relative to another date: in "met for the first
time since March 2022, a month after Moscow invaded its neighbour" the invasion is dated
February 2022, while "since March 2022, when Russia invaded" dates it March 2022.
:func:`anchored_events` finds such clauses and the date they give their event.

Hand-written on purpose: dateparser and the analyse stage's time expressions resolve a date
phrase to one point, but neither keeps the granularity (month vs day) that decides whether two
dates agree, nor reads "a month after <event>" as dating the event rather than the anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from accord.calendar_dates import DateRange, day_range, find_dates, month_range, year_range
from accord.reconcile.lexicon import number_words

__all__ = ["AnchoredEvent", "DateRange", "anchored_events", "find_dates", "parse_iso", "shift"]

_OFFSET = r"(?P<count>an?|\d+|[a-z]+)\s+(?P<unit>day|week|month|year)s?"
_CLAUSE_END = r"(?P<clause>[^,;.:!?]+)"


@dataclass(frozen=True, slots=True)
class AnchoredEvent:
    """A clause whose event is dated relative to a date just before it.

    ``start``/``end`` cover the anchor date through the clause (the evidence to show);
    ``clause_start`` is where the event clause itself begins.
    """

    start: int
    end: int
    clause_start: int
    date: DateRange


def parse_iso(value: str | None) -> DateRange | None:
    """A range from an ISO value as the analyse stage writes it (``2022``, ``2022-03``, ...)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return None
    try:
        if len(numbers) == 1:
            return year_range(numbers[0])
        if len(numbers) == 2:
            return month_range(numbers[0], numbers[1])
        return day_range(date(numbers[0], numbers[1], numbers[2]))
    except ValueError:
        return None


def shift(anchor: DateRange, count: int, unit: str) -> DateRange:
    """``anchor`` moved by ``count`` units (negative is earlier), keeping its granularity."""
    if unit in ("month", "year"):
        months = count * (12 if unit == "year" else 1)
        index = anchor.start.year * 12 + anchor.start.month - 1 + months
        year, month = divmod(index, 12)
        if anchor.granularity == "month":
            return month_range(year, month + 1)
        if anchor.granularity == "year":
            return year_range(year)
        return day_range(date(year, month + 1, min(anchor.start.day, 28)))
    days = count * (7 if unit == "week" else 1)
    start = anchor.start + timedelta(days=days)
    end = anchor.end + timedelta(days=days)
    return DateRange(
        start,
        end,
        start.isoformat()
        if end - start == timedelta(days=1)
        else f"{start.isoformat()}/{end.isoformat()}",
    )


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word.lower() in ("a", "an"):
        return 1
    entry = number_words().get(word.lower())
    return int(entry[0]) if entry and entry[1] == "unit" and entry[0] >= 1 else None


def anchored_events(text: str) -> list[AnchoredEvent]:
    """Clauses dated by the date right before them: "D, when X", "D, a month after X"."""
    found: list[AnchoredEvent] = []
    for start, end, anchor in find_dates(text):
        tail = re.match(
            r"\s*,\s*(?:" + _OFFSET + r"\s+(?P<dir>after|before)|when)\s+" + _CLAUSE_END,
            text[end:],
            re.IGNORECASE,
        )
        if tail is None:
            continue
        event = anchor
        if tail.group("dir"):
            count = _count(tail.group("count"))
            if count is None:
                continue
            # "D, a month after X": D is a month after X, so X is a month before D.
            sign = -1 if tail.group("dir").lower() == "after" else 1
            event = shift(anchor, sign * count, tail.group("unit").lower())
        found.append(AnchoredEvent(start, end + tail.end(), end + tail.start("clause"), event))
    return found
