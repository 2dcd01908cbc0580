"""Leading date/time stamp lines ("November 28, 2005", "Posted 11/27/2005 7:21 AM"), and the
news agency a dateline credits ("WASHINGTON (AP) —").

Pasted or scraped news text often opens with such a line before (or instead of) the headline.
It is no headline: taken as one, it becomes the article's title in every listing and a story's
title candidate, and its words match nothing. Without other metadata it is, however, the best
evidence of when the article was published, which the analysis needs to resolve "on Sunday"
and story clustering to weigh time.

A line is a stamp when every word in it is date or time vocabulary (:func:`accord.stamps.
is_stamp`); the date in it is read by the same dateparser call as metadata dates.

A wire story's first paragraph opens with a dateline that credits its agency in brackets
("LOS ANGELES, Sept. 28 (UPI) —", "MOSCOW, May 3 (Reuters) -"). That credit says where the
text came from, like a closing "Source: X" line: ingest keeps it as the article's
``Provenance.attributed_to`` and the analysis does not make an actor of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from accord.calendar_dates import find_dates
from accord.ingest.metadata import normalise_published
from accord.stamps import is_stamp

MAX_STAMP_LINES = 3  # stamp lines skipped before the headline (posted / updated / place-date)
DATELINE_LINES = 2  # lines after the stamps where a dateline may stand: headline, first paragraph
# A place in capitals ("WASHINGTON", "ST. LOUIS"), optionally a state and date after a comma,
# then the credit in brackets (one to three words) and a dash.
_CREDIT = re.compile(
    r"(?:[A-Z][A-Z'’.-]*\s)*[A-Z][A-Z'’.-]+(?:,[^()\n]{1,60}?)?\s*"
    r"\((?P<credit>[A-Z][\w&.'’-]*(?:\s[\w&.'’-]+){0,2})\)\s*(?:--|[-–—―])"
)
_LINE = re.compile(r"[^\n]+")
_SPACED_SLASH = re.compile(r"(?<=\d)\s*/\s*(?=\d)")  # "2 / 3 / 2009" as tokenised text writes it


TITLE_CASE_SHARE = 0.8  # a headline with this share of capitalised content words is in title case


def in_title_case(content_words: Sequence[str]) -> bool:
    """Whether a line whose words that are not stop words are ``content_words`` is written in
    title case or capitals ("Colts Top Jags To Make Playoffs"): 80% or more of them, at least
    three, start with a capital. Such a line gives every word the capitals of a name."""
    capitalised = sum(1 for w in content_words if w[:1].isupper())
    return len(content_words) >= 3 and capitalised >= TITLE_CASE_SHARE * len(content_words)


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


def dateline_credit(text: str) -> tuple[int, int] | None:
    """Character offsets of the agency that a dateline credits ("UPI" in "FLINT, Mich., Oct. 4
    (UPI) — ..."), without its brackets: on the headline line or the line after it, past any
    date/time stamp lines."""
    stamps, lines = 0, 0
    for match in _LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        if stamps < MAX_STAMP_LINES and is_stamp(line.strip()):
            stamps += 1
            continue
        found = _CREDIT.match(text, match.start() + len(line) - len(line.lstrip()))
        if found is not None:
            return found.start("credit"), found.end("credit")
        lines += 1
        if lines == DATELINE_LINES:
            return None
    return None
