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

from accord.months import MONTH_NUMBERS, month_pattern
from accord.reconcile.lexicon import number_words

_MONTHS = MONTH_NUMBERS
_MONTH = month_pattern()
_DATE = re.compile(
    r"\b(?:(?P<day1>\d{1,2})\s+" + _MONTH + r"\s+(?P<year1>\d{4})"
    r"|" + month_pattern("month2") + r"\s+(?:(?P<day2>\d{1,2}),?\s+)?(?P<year2>\d{4})"
    r"|(?P<year3>(?:19|20)\d{2}))\b",
    re.IGNORECASE,
)
_OFFSET = r"(?P<count>an?|\d+|[a-z]+)\s+(?P<unit>day|week|month|year)s?"
_CLAUSE_END = r"(?P<clause>[^,;.:!?]+)"


@dataclass(frozen=True, slots=True)
class DateRange:
    """Days from ``start`` (inclusive) to ``end`` (exclusive); ``label`` is how it reads."""

    start: date
    end: date
    label: str

    def overlaps(self, other: DateRange) -> bool:
        return self.start < other.end and other.start < self.end


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


def _month_range(year: int, month: int) -> DateRange:
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return DateRange(date(year, month, 1), end, f"{year:04d}-{month:02d}")


def _range_of(match: re.Match[str]) -> DateRange | None:
    groups = match.groupdict()
    if groups["year3"]:
        year = int(groups["year3"])
        return DateRange(date(year, 1, 1), date(year + 1, 1, 1), f"{year:04d}")
    month_name = (groups["month"] or groups["month2"]).lower()
    year = int(groups["year1"] or groups["year2"])
    day = groups["day1"] or groups["day2"]
    month = _MONTHS[month_name]
    if day is None:
        return _month_range(year, month)
    try:
        first = date(year, month, int(day))
    except ValueError:
        return None
    return DateRange(first, first + timedelta(days=1), first.isoformat())


def find_dates(text: str) -> list[tuple[int, int, DateRange]]:
    """Absolute calendar dates in ``text``: (start, end, range)."""
    found = []
    for match in _DATE.finditer(text):
        resolved = _range_of(match)
        if resolved is not None:
            found.append((match.start(), match.end(), resolved))
    return found


def parse_iso(value: str | None) -> DateRange | None:
    """A range from an ISO value as the analyse stage writes it (``2022``, ``2022-03``, ...)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return None
    if len(numbers) == 1:
        return DateRange(date(numbers[0], 1, 1), date(numbers[0] + 1, 1, 1), value[:4])
    if len(numbers) == 2:
        return _month_range(numbers[0], numbers[1])
    try:
        day = date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None
    return DateRange(day, day + timedelta(days=1), day.isoformat())


def shift(anchor: DateRange, count: int, unit: str) -> DateRange:
    """``anchor`` moved by ``count`` units (negative is earlier), keeping its granularity."""
    if unit in ("month", "year"):
        months = count * (12 if unit == "year" else 1)
        index = anchor.start.year * 12 + anchor.start.month - 1 + months
        year, month = divmod(index, 12)
        if anchor.label.count("-") == 1:
            return _month_range(year, month + 1)
        if anchor.label.count("-") == 0:
            return DateRange(date(year, 1, 1), date(year + 1, 1, 1), f"{year:04d}")
        day = min(anchor.start.day, 28)
        start = date(year, month + 1, day)
        return DateRange(start, start + timedelta(days=1), start.isoformat())
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
