"""Temporal expressions: DATE/TIME entities resolved against the article's publication date.

dateparser does the parsing. What it cannot know is handled here: a bare weekday in news
("on Friday") means the latest such day on or before publication, or the next one on or after
it when the clause speaks of the future ("will meet on Wednesday"); a duration ("one hour and
40 minutes", "21 years") is not a point in time, so it gets grain ``duration`` and no value;
"last month" or "this year" name a month or a year, not the publication day shifted (dateparser
would glue that day on); a clock time ("at 3 pm") in an article dated without a time is on the
publication day; "last week" is no day in particular; and a bare small number is no date at
all (NER tags ages as DATE: "Anika Dross, 34," would otherwise become 1934).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

from accord.calendar_dates import WEEKDAYS, weekday_near
from accord.model import TimeExpression
from accord.months import FULL_NAMES, MONTH_NUMBERS

MONTHS = "|".join(FULL_NAMES)
DURATION = re.compile(r"\b(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b", re.I)
ANCHOR = re.compile(r"\b(ago|last|next|this|since|until|later|earlier|before|after)\b", re.I)
MONTH_YEAR = re.compile(rf"^(?:in\s+)?({MONTHS})\s+(\d{{4}})$", re.I)
YEAR = re.compile(r"^(?:in\s+)?(?:the\s+)?(\d{4})s?$")
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
    if match := MONTH_YEAR.match(clean):
        month = MONTH_NUMBERS[match.group(1).lower()]
        return f"{int(match.group(2)):04d}-{month:02d}", "month"
    if match := YEAR.match(clean):
        return match.group(1), "year"
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
    parsed = _dateparser_parse(clean, _end_of_day(published))
    if parsed is None:
        return None, "relative"
    return parsed.date().isoformat(), "day"


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
