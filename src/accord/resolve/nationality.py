"""Words that stand for a country: demonyms ("Ukrainian"), country names, metonyms ("Downing Street").

Two uses: typing (a demonym is NORP and a metonym ORG, never a person nor the place itself),
and reading affiliations in roles, where "Ukraine's minister" and "the Ukrainian minister" are
one affiliation (``country:ua``). Tables: ``names_demonyms.tsv`` and ``names_metonyms.tsv``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from accord.resolve.gazetteer import lookup_place
from accord.resolve.names import fold_phrase, partial_forms


def _table(name: str) -> dict[str, str]:
    text = (files("accord") / "data" / name).read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, code = line.split("\t")[:2]
            out[fold_phrase(word)] = code.strip().upper()
    return out


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return _table("names_demonyms.tsv")


@lru_cache(maxsize=1)
def _metonyms() -> dict[str, str]:
    return _table("names_metonyms.tsv")


def demonym_country(text: str) -> str | None:
    """ISO code when ``text`` is a nationality word or its plural ("Ukrainians" → "UA")."""
    key = fold_phrase(text)
    code = _demonyms().get(key)
    if code is None and key.endswith("s"):
        code = _demonyms().get(key[:-1])
    return code


def metonym_country(text: str) -> str | None:
    """ISO code when ``text`` names a seat of government used for it ("Downing Street" → "GB")."""
    return _metonyms().get(fold_phrase(text))


@lru_cache(maxsize=65536)
def short_forms(text: str) -> tuple[str, ...]:
    """Prefixes and suffixes of a thing's name that may stand for it, except those that drop a
    country or nationality: "Foreign Ministry" is not short for "Turkish Foreign Ministry",
    every country has one."""
    return tuple(
        key
        for key, dropped in partial_forms(text)
        if not any(country_code(word) for word in dropped)
    )


@lru_cache(maxsize=16384)
def country_code(word: str) -> str | None:
    """The country a single word stands for: demonym, metonym, or a country's own name."""
    code = demonym_country(word) or metonym_country(word)
    if code is not None:
        return code
    place = lookup_place(word)
    return place.countrycode if place is not None and place.kind == "country" else None
