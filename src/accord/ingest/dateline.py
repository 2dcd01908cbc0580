"""Leading date/time stamp lines ("November 28, 2005", "Posted 11/27/2005 7:21 AM").

Pasted or scraped news text often opens with such a line before (or instead of) the headline.
It is no headline: taken as one, it becomes the article's title in every listing and a story's
title candidate, and its words match nothing. Without other metadata it is, however, the best
evidence of when the article was published, which the analysis needs to resolve "on Sunday"
and story clustering to weigh time.

A line is a stamp when every word in it is date or time vocabulary (:func:`accord.stamps.
is_stamp`); the date in it is read by the same dateparser call as metadata dates.
"""

from __future__ import annotations

import re

from accord.calendar_dates import find_dates
from accord.ingest.metadata import normalise_published
from accord.stamps import is_stamp

MAX_STAMP_LINES = 3  # stamp lines skipped before the headline (posted / updated / place-date)
_LINE = re.compile(r"[^\n]+")
_SPACED_SLASH = re.compile(r"(?<=\d)\s*/\s*(?=\d)")  # "2 / 3 / 2009" as tokenised text writes it


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
