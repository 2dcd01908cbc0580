"""Dates an article mentions, as keys that tell two similar events apart.

Two earthquakes on one island, two DUI arrests of one team's players: the words and even the
places are shared, the dates are not. Explicit dates, found by :mod:`accord.calendar_dates`
("February 4, 2009", "9 September 2013", "2/3/2009", "14 / 09 / 13", "2009-02-04"), give day,
month and year keys, and "near" keys for the day and its neighbours, so that two reports dated
a day apart (the 14th and the 15th, as coverage of one event often is) still share keys; a
month gives month and year keys, a lone year a year key; weekday
names and "yesterday"/"today" are resolved against ``Article.published`` when the article has one
(as the analysis resolved the weekday, which reads its clause's tense, else the most recent such
day on or before publication). Keys from the headline and lead (the first
:data:`LEAD_CHARS` characters, where the event's own date is told) weigh double: later
paragraphs recall earlier events.

Keys: ``"y:2009"``, ``"m:2009-02"``, ``"d:2009-02-04"``, ``"n:2009-02-03"`` to ``"n:2009-02-05"``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from accord.calendar_dates import WEEKDAYS, DateRange, find_dates, parse_day, weekday_near
from accord.model import TimeExpression

LEAD_CHARS = 600
LEAD_WEIGHT = 2.0
RELATIVE = re.compile(r"\b(?P<word>" + "|".join(WEEKDAYS) + r"|yesterday|today)\b", re.IGNORECASE)
NEAR_DAYS = 1  # a day key also names the days this close: reports a day apart agree in part


def date_keys(
    text: str, published: date | None = None, days: Mapping[int, date] | None = None
) -> dict[str, float]:
    """Date keys the text mentions, weighted 1 + log count (doubled for headline and lead).

    ``days`` maps the offset of a weekday name to the day the analysis resolved it to (which
    reads the tense of its clause: "will meet on Wednesday" is the next one, see
    :func:`weekday_days`); a weekday it does not name is the most recent one."""
    counts: Counter[str] = Counter()
    lead: set[str] = set()
    for start, _, found in find_dates(text):
        keys = _range_keys(found)
        counts.update(keys)
        if start < LEAD_CHARS:
            lead.update(keys)
    if published is not None:
        for match in RELATIVE.finditer(text[: 2 * LEAD_CHARS]):
            day = (days or {}).get(match.start()) or _resolve(
                match.group("word").lower(), published
            )
            keys = _day_keys(day)
            counts.update(keys)
            lead.update(keys)
    return {k: (1.0 + math.log(c)) * (LEAD_WEIGHT if k in lead else 1.0) for k, c in counts.items()}


def weekday_days(times: Iterable[TimeExpression]) -> dict[int, date]:
    """{offset of a weekday name: its day} for the analysis' resolved time expressions."""
    out: dict[int, date] = {}
    for time in times:
        day = parse_day(time.value) if time.grain == "day" else None
        if day is None:
            continue
        for match in RELATIVE.finditer(time.text):
            if match.group("word").lower() in WEEKDAYS:
                out[time.start + match.start()] = day
    return out


def _range_keys(found: DateRange) -> list[str]:
    if found.granularity == "decade":
        return []  # "in the 1990s": background, no mark of one event
    if found.granularity == "year":
        return [f"y:{found.label}"]
    if found.granularity == "month":
        return [f"y:{found.start.year}", f"m:{found.label}"]
    return _day_keys(found.start)


def _day_keys(day: date) -> list[str]:
    near = [day + timedelta(days=k) for k in range(-NEAR_DAYS, NEAR_DAYS + 1)]
    return [
        f"y:{day.year}",
        f"m:{day.year}-{day.month:02d}",
        f"d:{day.isoformat()}",
        *(f"n:{d.isoformat()}" for d in near),
    ]


def _resolve(word: str, published: date) -> date:
    """The day a relative word means in an article published on ``published``."""
    if word == "today":
        return published
    if word == "yesterday":
        return published - timedelta(days=1)
    return weekday_near(published, WEEKDAYS.index(word))
