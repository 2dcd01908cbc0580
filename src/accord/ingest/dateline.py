"""Leading date/time stamp lines ("November 28, 2005", "Posted 11/27/2005 7:21 AM").

Pasted or scraped news text often opens with such a line before (or instead of) the headline.
It is no headline: taken as one, it becomes the article's title in every listing and a story's
title candidate, and its words match nothing. Without other metadata it is, however, the best
evidence of when the article was published, which the analysis needs to resolve "on Sunday"
and story clustering to weigh time.

A line is a stamp when every word in it is date or time vocabulary (month and weekday names,
"posted", "updated", "GMT"...) and it holds a digit; the date in it is read by the same
dateparser call as metadata dates. Hand-written because no maintained library classifies a
line as a timestamp: dateparser finds dates in text but also inside real headlines
("Five die in May 3 fire").
"""

from __future__ import annotations

import re

from accord.calendar_dates import find_dates
from accord.ingest.metadata import normalise_published
from accord.months import MONTH_NUMBERS

MAX_STAMP_LINES = 3  # stamp lines skipped before the headline (posted / updated / place-date)
MAX_STAMP_CHARS = 80
WEEKDAYS = frozenset(
    name
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    for name in (day, day[:3])
)
STAMP_WORDS = frozenset(
    {
        "posted",
        "updated",
        "last",
        "published",
        "modified",
        "created",
        "date",
        "on",
        "at",
        "am",
        "pm",
        "a",
        "p",
        "m",
        "st",
        "nd",
        "rd",
        "th",
        "gmt",
        "utc",
    }
)
_WORD = re.compile(r"[^\W\d_]+")
_LINE = re.compile(r"[^\n]+")
_ZONE = re.compile(r"[A-Z]{1,3}T")  # time-zone abbreviations: ET, EST, BST, CEST (not UN, NATO)
_SPACED_SLASH = re.compile(r"(?<=\d)\s*/\s*(?=\d)")  # "2 / 3 / 2009" as tokenised text writes it


def is_stamp(line: str) -> bool:
    """Whether ``line`` holds a date or time and nothing else (see the module docstring)."""
    line = line.strip()
    if not line or len(line) > MAX_STAMP_CHARS or not any(c.isdigit() for c in line):
        return False
    for match in _WORD.finditer(line):
        word = match.group()
        lower = word.lower()
        if lower in MONTH_NUMBERS or lower in WEEKDAYS or lower in STAMP_WORDS:
            continue
        if _ZONE.fullmatch(word):
            continue
        return False
    return True


def split_stamps(text: str) -> tuple[list[str], str | None]:
    """The stamp lines that open ``text`` (at most :data:`MAX_STAMP_LINES`) and the first line
    after them that is not blank (None when there is none)."""
    stamps: list[str] = []
    for match in _LINE.finditer(text):  # lazily: only the opening lines are read
        line = match.group().strip()
        if not line:
            continue
        if len(stamps) < MAX_STAMP_LINES and is_stamp(line):
            stamps.append(line)
            continue
        return stamps, line
    return stamps, None


def stamp_date(line: str, language: str | None = None) -> str | None:
    """The ISO day the first full date of a stamp line names ("Posted 2 / 3 / 2009 11: 11 PM"
    gives ``2009-02-03``), or None when it names no full date ("May 2009", a time alone).

    Only the day is kept: a stamp's time and zone are often the last update's, and day
    precision is what resolving "on Sunday" and weighing time gaps need.
    """
    collapsed = _SPACED_SLASH.sub("/", line)
    days = [(s, e) for s, e, found in find_dates(collapsed) if found.granularity == "day"]
    if not days:
        return None
    first = collapsed[days[0][0] : days[0][1]]
    parsed = normalise_published(first if "/" in first else first.replace("-", " "), language)
    return parsed[:10] if parsed else None
