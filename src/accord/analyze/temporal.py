"""Temporal expressions: DATE/TIME entities resolved against the article's publication date.

dateparser does the parsing. What it cannot know is handled here: a bare weekday in news
("on Friday") means the latest such day on or before publication, or the next one on or after
it when the clause speaks of the future ("will meet on Wednesday"); a duration ("one hour and
40 minutes", "21 years") is not a point in time, so it gets grain ``duration`` and no value;
"last month" or "this year" name a month or a year, not the publication day shifted (dateparser
would glue that day on); a clock time ("at 3 pm") in an article dated without a time is on the
publication day; "last week" is no day in particular; and a bare small number is no date at
all (NER tags ages as DATE: "Anika Dross, 34," would otherwise become 1934).

A date written out in full ("June 6th, 2013", "September 2013", "in 2008", "the 1940s") is read
by the shared finder of :mod:`accord.calendar_dates`, at the grain it is written at (a decade
has grain ``decade``: "the 1940s" is ten years, not the year 1940). Anything else goes to
dateparser, which fills whatever the text leaves out from its reference date, today's when the
article has none: "December" would become the 29th of last December, "this morning" the day of
the run. So each expression is parsed against two reference dates 400 days apart (the
publication date, or today, and the other a year, a month and some days earlier): what the text
itself fixes comes out the same under both ("6, 2013 11:34PM" fixes the month 2013-06, not a
day), and an expression that fixes no year of its own is read against the publication date, or
left without a value when the article has none. A season ("2007-08") is the interval
"2007/2008" (grain ``span``), and digits alone that are no written date ("20-13", a score) are
no date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache

from accord.calendar_dates import WEEKDAYS, find_dates, weekday_near
from accord.model import TimeExpression
from accord.months import FULL_NAMES, MONTH_NUMBERS

MONTHS = "|".join(FULL_NAMES)
DURATION = re.compile(r"\b(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b", re.I)
ANCHOR = re.compile(r"\b(ago|last|next|this|since|until|later|earlier|before|after)\b", re.I)
# A decade written with two digits ("the '90s", "40s and 50s"): which century is not said, and
# dateparser reads "40s" as forty seconds before its reference time.
SHORT_DECADE = re.compile(
    r"^(?:(?:in|during|since|by|from|until)\s+)?(?:the\s+)?"
    r"(?:(?:early|late|mid)[\s-]+)?['’]?\d0['’]?s(?:\s+and)?$",
    re.I,
)
CLOCK = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\b\.?|gmt|utc|[ecmp][sd]?t)|\b\d{1,2}:\d{2}\b", re.I
)
# Two digit-only forms dateparser misreads: a season or fiscal year ("2007-08", "2012/13": two
# years, not August 2007) and a score or range ("20-13", "45-1": no date at all).
SEASON = re.compile(r"^(?:the\s+)?(\d{4})\s*[-–/]\s*(\d{2})(?:\s+season)?$", re.I)
DIGITS_ONLY = re.compile(r"^[\d\s./–-]+$")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
PROBE_SHIFT = timedelta(days=400)  # a year, a month and some days: every field of a date moves
BARE_NUMBER = re.compile(r"^\d{1,3}$")  # an age or a count, never a date on its own
PERIOD = re.compile(
    r"^(?:(?:in|during|by|until|since|for)\s+)?(?:the\s+)?(?:(?:earlier|later)\s+)?"
    r"(last|previous|this|next|coming)\s+(month|year)$",
    re.I,
)
# "last week": seven days, no day of them in particular (dateparser would give the day a week
# before publication, which then "disagrees" with every other date of that week)
WEEK = re.compile(r"^(?:(?:earlier|later)\s+)?(?:last|this|next)\s+week(?:end)?$", re.I)
MONTH_ONLY = re.compile(
    rf"^(?:(?:in|by|until|from|since|during)\s+)?(?:(early|late|mid|last|next|this)[\s-]+)?({MONTHS})$",
    re.I,
)


def parse_published(value: str | None) -> datetime | None:
    """The publication date as a datetime, from ISO text (or any dateparser-readable text)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        parsed = _dateparser_parse(value, None)
        return parsed


@lru_cache(maxsize=4096)
def _dateparser_parse(text: str, base: datetime | None) -> datetime | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    try:
        parsed: datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
        return parsed
    except (ValueError, OverflowError, TypeError):
        return None


def _weekday(text: str, base: date, future: bool = False) -> date | None:
    """The day a bare weekday names: the latest one on or before ``base``, or for an event still
    to come ("will meet on Wednesday") the first one on or after it."""
    words = re.findall(r"[a-z]+", text.lower())
    days = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    if len(days) != 1 or len(words) > 3:
        return None
    return weekday_near(base, days[0], future)


DAY_MONTH = re.compile(
    rf"^(?:on\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})|({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?)$",
    re.I,
)


def _nearest_year(month: int, base: date) -> int:
    """The year that puts ``month`` nearest ``base`` (ties go to the past)."""
    before = base.year if month <= base.month else base.year - 1
    after = base.year if month >= base.month else base.year + 1
    gap_before = (base.year - before) * 12 + base.month - month
    gap_after = (after - base.year) * 12 + month - base.month
    return before if gap_before <= gap_after else after


def _day_month(match: re.Match[str], base: date) -> str | None:
    """A day and month without a year ("1 May"): the occurrence nearest the publication date."""
    day_text = match.group(1) or match.group(4)
    month_name = match.group(2) or match.group(3)
    month = MONTH_NUMBERS[month_name.lower()]
    year = _nearest_year(month, base)
    try:
        return date(year, month, int(day_text)).isoformat()
    except ValueError:
        return None


def _month_alone(match: re.Match[str], base: date) -> str:
    """A month named without a year: the occurrence nearest the publication date.

    "last April" / "next April" pick the one before / after; otherwise news means the nearest
    one ("a second round in April" in a March article is next month, "in November" in a
    January article is two months back). dateparser would give the past one with the
    publication day glued on, which turns a month into a wrong day.
    """
    month = MONTH_NUMBERS[match.group(2).lower()]
    before = base.year if month < base.month else base.year - 1
    after = base.year if month > base.month else base.year + 1
    modifier = (match.group(1) or "").lower()
    if modifier == "last":
        year = before
    elif modifier == "next":
        year = after
    elif modifier == "this":
        year = base.year
    else:
        year = _nearest_year(month, base)
    return f"{year:04d}-{month:02d}"


def _period(match: re.Match[str], base: date) -> tuple[str, str]:
    """ "last month", "this year", "next month": the month or year itself, at its own grain."""
    step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[match.group(1).lower()]
    if match.group(2).lower() == "year":
        return f"{base.year + step:04d}", "year"
    months = base.year * 12 + base.month - 1 + step
    return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"


def resolve_time(
    text: str, published: datetime | None, future: bool = False
) -> tuple[str | None, str]:
    """(ISO value or None, grain) for one temporal expression (``future``: it dates something
    still to come, so a bare weekday is the next one, not the last)."""
    clean = text.strip()
    if DURATION.search(clean) and not ANCHOR.search(clean):
        return None, "duration"
    if written := _written_date(clean):
        return written
    if SHORT_DECADE.match(clean):
        return None, "decade"
    if season := _season(clean):
        return season, "span"
    if DIGITS_ONLY.match(clean):
        return _digits(clean)
    if BARE_NUMBER.match(clean) or WEEK.match(clean):
        return None, "relative"
    if published is not None and (match := PERIOD.match(clean)):
        return _period(match, published.date())
    if published is not None and (match := MONTH_ONLY.match(clean)):
        return _month_alone(match, published.date()), "month"
    if published is not None and (match := DAY_MONTH.match(clean)):
        value = _day_month(match, published.date())
        if value is not None:
            return value, "day"
    if published is not None:
        day = _weekday(clean, published.date(), future)
        if day is not None:
            return day.isoformat(), "day"
    if any(w in clean.lower() for w in WEEKDAYS) and published is None:
        return None, "relative"
    return _parsed(clean, published)


def _written_date(text: str) -> tuple[str, str] | None:
    """(value, grain) of the one calendar date the expression writes out ("on June 6th, 2013",
    "the 1940s and"), when nothing else in it (a relative word, another number) changes it;
    a clock time beside it is allowed ("Feb. 4, 2009 at 3 pm")."""
    found = find_dates(text)
    if len(found) != 1:
        return None
    start, end, value = found[0]
    rest = text[:start] + " " + text[end:]
    if ANCHOR.search(rest) or re.search(r"\d", CLOCK.sub(" ", rest)):
        return None
    return value.label, value.granularity


def _season(text: str) -> str | None:
    """ "2007-08" (a season, a fiscal year) as the ISO interval "2007/2008", or None."""
    match = SEASON.match(text)
    if match is None:
        return None
    first = int(match.group(1))
    return f"{first}/{first + 1}" if int(match.group(2)) == (first + 1) % 100 else None


def run_day() -> date:
    """Today: dateparser's reference for an undated article (it decides the century of "'86"
    only; benchmarks/temporal.py moves it to check that no value depends on it)."""
    return date.today()


def _digits(text: str) -> tuple[str | None, str]:
    """An expression of digits alone that no written-date format reads: an ISO month
    ("2013-09"), a year that cannot be a 24-hour clock time ("1888"; "1353" and "1300", as in
    "struck at 1353 (1023 GMT)", can), else no date (a score, "20-13")."""
    if (match := ISO_MONTH.match(text)) and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{match.group(2)}", "month"
    if len(text) == 4 and text.isdigit() and not (int(text[:2]) < 24 and int(text[2:]) < 60):
        return text, "year"
    return None, "relative"


def _parsed(text: str, published: datetime | None) -> tuple[str | None, str]:
    """dateparser's reading, keeping only what the text fixes (see the module docstring)."""
    reference = _end_of_day(published) or datetime.combine(run_day(), datetime.max.time())
    reference = reference.replace(microsecond=0)
    first, second = (_dateparser_parse(text, r) for r in (reference, reference - PROBE_SHIFT))
    if first is None or second is None:
        return None, "relative"
    if first.year == second.year:  # the year is the text's own, not the reference's
        if not _writes_year(text, first.year):
            return None, "relative"  # dateparser's guess: "the 81st" is not 1981
        if first.date() == second.date():
            return first.date().isoformat(), "day"
        if first.month == second.month:
            return f"{first.year:04d}-{first.month:02d}", "month"
        return f"{first.year:04d}", "year"
    if published is None or re.search(r"\b\d{4}\b", text):
        # "this morning", "December", "5 p.m." without a date to read them from; "two years
        # after 2008" (dateparser loses the year it was given)
        return None, "relative"
    return first.date().isoformat(), "day"


def _writes_year(text: str, year: int) -> bool:
    """Whether the text writes ``year`` itself: in full, or as "'86" or "3/2/09" (dateparser
    also takes "the 81st" for 1981)."""
    short = f"{year % 100:02d}"
    return str(year) in text or bool(re.search(rf"(?:['’]|\d\s*[/.-]\s*){short}\b", text))


def _end_of_day(published: datetime | None) -> datetime | None:
    """A date-only publication stamp as the end of its day: dateparser prefers the past, and
    from midnight "at 3 pm" or "noon" would be the day before publication."""
    if published is None or published.time() != datetime.min.time():
        return published
    return published.replace(hour=23, minute=59, second=59)


def time_expressions(
    article: str,
    spans: list[tuple[int, int, str]],
    published: str | None,
    future: Sequence[bool] = (),
) -> list[TimeExpression]:
    """TimeExpressions for (start, end, text) DATE/TIME spans of one article (``future[i]``:
    span ``i`` dates something still to come, see :func:`resolve_time`)."""
    base = parse_published(published)
    out = []
    for i, (start, end, text) in enumerate(spans):
        value, grain = resolve_time(text, base, i < len(future) and future[i])
        out.append(TimeExpression(article, start, end, text, value, grain))
    return out
