"""Dates an article mentions, as keys that tell two similar events apart.

Two earthquakes on one island, two DUI arrests of one team's players: the words and even the
places are shared, the dates are not. Explicit dates ("February 4, 2009", "9 September 2013",
"2/3/2009", "2009-02-04") give day, month and year keys; a lone year gives a year key; weekday
names and "yesterday"/"today" are resolved against ``Article.published`` when the article has one
(the most recent such day on or before publication). Keys from the headline and lead (the first
:data:`LEAD_CHARS` characters, where the event's own date is told) weigh double: later
paragraphs recall earlier events.

Keys: ``"y:2009"``, ``"m:2009-02"``, ``"d:2009-02-04"``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date, timedelta

from accord.months import MONTH_NUMBERS, month_pattern

LEAD_CHARS = 600
LEAD_WEIGHT = 2.0
MONTHS = MONTH_NUMBERS
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = month_pattern()
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # February 4, 2009
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 9 September 2013
    re.compile(rf"\b{_YEAR}\s*-\s*(?P<nmonth>[01]?\d)\s*-\s*{_DAY}\b"),  # 2009-02-04
    re.compile(rf"\b(?P<nmonth>[01]?\d)\s*/\s*{_DAY}\s*/\s*{_YEAR}\b"),  # 2/3/2009
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # September 2013
    re.compile(rf"\b{_YEAR}\b"),
)
RELATIVE = re.compile(r"\b(?P<word>" + "|".join(WEEKDAYS) + r"|yesterday|today)\b", re.IGNORECASE)


def date_keys(text: str, published: date | None = None) -> dict[str, float]:
    """Date keys the text mentions, weighted 1 + log count (doubled for headline and lead)."""
    counts: Counter[str] = Counter()
    lead: set[str] = set()
    taken: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue  # a year already read as part of a full date
            keys = _keys(match)
            if not keys:
                continue
            taken.append(match.span())
            counts.update(keys)
            if match.start() < LEAD_CHARS:
                lead.update(keys)
    if published is not None:
        for match in RELATIVE.finditer(text[: 2 * LEAD_CHARS]):
            keys = _day_keys(_resolve(match.group("word").lower(), published))
            counts.update(keys)
            lead.update(keys)
    return {k: (1.0 + math.log(c)) * (LEAD_WEIGHT if k in lead else 1.0) for k, c in counts.items()}


def _keys(match: re.Match[str]) -> list[str]:
    groups = match.groupdict()
    year = int(groups["year"])
    month = MONTHS.get((groups.get("month") or "").lower()) or int(groups.get("nmonth") or 0)
    if groups.get("month") is None and groups.get("nmonth") is None:
        return [f"y:{year}"]
    if not 1 <= month <= 12:
        return []
    day = int(groups.get("day") or 0)
    if not day:
        return [f"y:{year}", f"m:{year}-{month:02d}"]
    try:
        return _day_keys(date(year, month, day))
    except ValueError:
        return [f"y:{year}", f"m:{year}-{month:02d}"]


def _day_keys(day: date) -> list[str]:
    return [f"y:{day.year}", f"m:{day.year}-{day.month:02d}", f"d:{day.isoformat()}"]


def _resolve(word: str, published: date) -> date:
    """The day a relative word means in an article published on ``published``."""
    if word == "today":
        return published
    if word == "yesterday":
        return published - timedelta(days=1)
    back = (published.weekday() - WEEKDAYS.index(word)) % 7
    return published - timedelta(days=back)
