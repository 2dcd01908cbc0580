"""English month names and abbreviations, shared by every stage that reads dates in text.

Hand-written because the date libraries accord uses (dateparser) resolve whole phrases but do
not expose a name table for building patterns that find dates inside sentences.
"""

from __future__ import annotations

FULL_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ABBREVIATIONS = {"sept": 9, "sep": 9}

MONTH_NUMBERS: dict[str, int] = {
    **{name: number for number, name in enumerate(FULL_NAMES, start=1)},
    **{name[:3]: number for number, name in enumerate(FULL_NAMES, start=1)},
    **_ABBREVIATIONS,
}
"""Lower-case full name or abbreviation ("sept", "feb") → month number."""


def month_pattern(group: str = "month") -> str:
    """A regex group matching any month name or abbreviation (longest first), optional dot."""
    names = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
    return rf"(?P<{group}>{names})\.?"
