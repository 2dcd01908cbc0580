"""Metadata normalisation: publication dates to ISO 8601, language codes, a cheap language guess."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from accord.ingest.data import data_lines

_HAS_TIME = re.compile(r"\d:\d\d|\d\s*[ap]\.?m\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_MIN_EN_SHARE = 0.2
_MIN_ASCII_SHARE = 0.9
_MIN_WORDS = 3


def normalise_published(value: str | None, language: str | None = None) -> str | None:
    """ISO 8601 date (``2025-05-16``) or datetime for ``value``; ``None`` when it is no date.

    ISO input is kept as given (normalised); free text ("16 May 2025", "Fri, 16 May 2025
    10:00 +0000") goes through dateparser, in English plus ``language`` when that is given
    (trying every language dateparser knows takes seconds per unparseable value). A datetime is
    kept only when the input names a time.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    iso = _from_iso(text)
    if iso is not None:
        return iso
    parsed = _dateparser_parse(text, language)
    if parsed is None:
        return None
    if _HAS_TIME.search(text):
        return parsed.isoformat(timespec="seconds")
    return parsed.date().isoformat()


def _from_iso(text: str) -> str | None:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).isoformat(timespec="seconds")
    except ValueError:
        return None


def _dateparser_parse(text: str, language: str | None) -> datetime | None:
    import dateparser  # slow to import (regex tables); only needed for free-text dates

    languages = ["en"]
    primary = (normalise_language(language) or "en").split("-")[0]
    if primary != "en":
        languages.append(primary)
    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    try:
        parsed: datetime | None = dateparser.parse(text, languages=languages, settings=settings)
    except ValueError:  # a language dateparser does not know
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed


def normalise_language(value: str | None) -> str | None:
    """A language tag as lower-case BCP 47 (``en``, ``en-gb``); ``None`` for an empty value."""
    if value is None:
        return None
    tag = value.strip().replace("_", "-").lower()
    return tag or None


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    return frozenset(data_lines("english_function_words.txt"))


def guess_language(text: str) -> str | None:
    """``"en"`` when the text reads as English (mostly ASCII, many English function words).

    A deliberate cheap heuristic instead of a language-identification model: accord's models are
    English, so the only question ingest asks is "English or not sure".
    """
    words = _WORD.findall(text.lower())
    if len(words) < _MIN_WORDS:
        return None
    ascii_share = sum(w.isascii() for w in words) / len(words)
    english_share = sum(w in _english_words() for w in words) / len(words)
    if ascii_share >= _MIN_ASCII_SHARE and english_share >= _MIN_EN_SHARE:
        return "en"
    return None
