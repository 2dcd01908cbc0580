"""Date/time stamp lines ("Published 9 June 2013 | Updated 10 June 2013", "Posted 11/27/2005
7:21 AM"): metadata that pasted or scraped news text carries as lines of its own.

Ingest reads the opening ones as the publication date (:mod:`accord.ingest.dateline`);
reconciliation never takes one for a claim, so two reports' update times are no conflict. A
line is a stamp when every word in it is date or time vocabulary (month and weekday names,
"posted", "updated", "GMT"...) and it holds a digit. Hand-written because no maintained library
classifies a line as a timestamp: dateparser finds dates in text but also inside real headlines
("Five die in May 3 fire").
"""

from __future__ import annotations

import re

from accord.months import MONTH_NUMBERS

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
_ZONE = re.compile(r"[A-Z]{1,3}T")  # time-zone abbreviations: ET, EST, BST, CEST (not UN, NATO)


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
