"""Explicit calendar dates written in text, with the granularity they are written at.

One finder for every stage that reads dates in running text: ingest (the date of a stamp line
that opens a text), story clustering (date keys that tell two similar events apart) and
reconciliation (dates two sources compare). "March 2022" is a month, "4 March 2022" a day,
"2022" a year: a :class:`DateRange` is the half-open range of days the text names, so a month
and a day inside it agree while two different days do not.

Formats: "February 4, 2009" (also "Feb. 4th 2009", "November 28-2005"), "9 September 2013",
"2009-02-04", "2/3/2009" and "2/3/09" (month first, as US news writes it, unless the first
number cannot be a month: "14/09/2013"; spaces around the separators, as tokenised text has
them, are allowed), "September 2013" (or "September of 2013"), a decade ("the 1930s", "the
1890's": ten years) and a lone year from 1900 to 2099. A longer date wins over the shorter ones inside it ("4 March 2022"
is one day, not also the month and the year).

Hand-written because the date libraries accord uses (dateparser) resolve a whole phrase to one
point: they neither find dates inside sentences nor keep the granularity that decides whether
two dates agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from accord.months import MONTH_NUMBERS, month_pattern

_MONTH = month_pattern()
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_NUMERIC_MONTH = r"(?P<nmonth>[01]?\d)"
# In priority order: full dates, then month and year, then a lone year.
PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*[,-]\s*|\s+){_YEAR}\b", re.IGNORECASE),  # Feb 4, 2009
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 9 September 2013
    re.compile(rf"\b(?P<year>(?:19|20)\d\d)\s*-\s*{_NUMERIC_MONTH}\s*-\s*{_DAY}\b"),  # 2009-02-04
    # 2/3/2009 (month first; day first when the first number cannot be a month: 14/09/2013)
    re.compile(r"\b(?P<nmonth>\d{1,2})\s*/\s*(?P<day>\d{1,2})\s*/\s*(?P<year>(?:19|20)?\d\d)\b"),
    re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE),  # September (of) 2013
    re.compile(r"\b(?P<year>(?:1\d|20)\d0)(?P<decade>['’]?s)\b"),  # the 1930s, the 1890's
    re.compile(r"\b(?P<year>(?:19|20)\d\d)\b"),  # 2009
)
TWO_DIGIT_PIVOT = 50  # "2/3/09" is 2009, "2/3/75" 1975


@dataclass(frozen=True, slots=True)
class DateRange:
    """Days from ``start`` (inclusive) to ``end`` (exclusive); ``label`` is how it reads
    (``2009``, ``2009-02``, ``2009-02-04``, ``1930s``, or ``start/end`` for other spans)."""

    start: date
    end: date
    label: str

    def overlaps(self, other: DateRange) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def granularity(self) -> str:
        """``"year"``, ``"month"``, ``"day"``, ``"decade"`` or ``"span"``."""
        if len(self.label) == 4:
            return "year"
        if len(self.label) == 5 and self.label.endswith("s"):
            return "decade"
        if len(self.label) == 7:
            return "month"
        return "day" if len(self.label) == 10 else "span"


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date or datetime string (``Article.published``), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_near(base: date, weekday: int, future: bool = False) -> date:
    """The day a bare weekday name (``weekday``: 0 for Monday) means in a text of ``base``: the
    latest such day on or before it, or for an event still to come ("will meet on Wednesday")
    the first one on or after it."""
    if future:
        return base + timedelta(days=(weekday - base.weekday()) % 7)
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def year_range(year: int) -> DateRange:
    """The whole of ``year``."""
    return DateRange(date(year, 1, 1), date(year + 1, 1, 1), f"{year:04d}")


def month_range(year: int, month: int) -> DateRange:
    """The whole of one month (ValueError for a month outside 1-12)."""
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return DateRange(date(year, month, 1), end, f"{year:04d}-{month:02d}")


def day_range(day: date) -> DateRange:
    """One day."""
    return DateRange(day, day + timedelta(days=1), day.isoformat())


def find_dates(text: str) -> list[tuple[int, int, DateRange]]:
    """Explicit calendar dates in ``text``: (start, end, range), in text order, no two
    overlapping (see the module docstring for the formats)."""
    found: list[tuple[int, int, DateRange]] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e, _ in found):
                continue  # inside a longer date already read
            resolved = _range_of(match)
            if resolved is not None:
                found.append((match.start(), match.end(), resolved))
    return sorted(found, key=lambda item: item[0])


def _range_of(match: re.Match[str]) -> DateRange | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if len(groups["year"]) == 2:
        year += 2000 if year < TWO_DIGIT_PIVOT else 1900
    if not 1 <= year <= 9999:
        return None
    if groups.get("decade"):
        return DateRange(date(year, 1, 1), date(year + 10, 1, 1), f"{year:04d}s")
    if groups.get("month") is None and groups.get("nmonth") is None:
        return year_range(year)
    month = MONTH_NUMBERS.get((groups.get("month") or "").lower()) or int(groups["nmonth"])
    if groups.get("day") is None:
        return month_range(year, month) if 1 <= month <= 12 else None
    day = int(groups["day"])
    if groups.get("nmonth") and month > 12 >= day:
        month, day = day, month
    try:
        return day_range(date(year, month, day))
    except ValueError:
        return None
