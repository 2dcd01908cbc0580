"""Words that stand for a country: demonyms ("Ukrainian"), country names, metonyms ("Downing Street").

Two uses: typing (a demonym is NORP and a metonym ORG, never a person nor the place itself),
and reading affiliations in roles, where "Ukraine's minister" and "the Ukrainian minister" are
one affiliation (``country:ua``). Tables: ``names_demonyms.tsv`` and ``names_metonyms.tsv``.

Also the short forms of a thing's name (:func:`short_forms`, :func:`short_form_index`), which
must not drop a country or nationality ("Foreign Ministry" of "Turkish Foreign Ministry"), nor
the other words that make a name name its thing (``names_part_nouns.txt``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from accord.ingest.data import data_lines
from accord.resolve.english import word_class
from accord.resolve.gazetteer import lookup_place, well_known
from accord.resolve.names import fold_phrase, partial_forms
from accord.resolve.types import PERSON, PLACE_LABELS


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


class ShortForm(NamedTuple):
    """A shorter name that may stand for a longer one: its folded words, and whether it surely
    can. An unsure one ("Church" of "Catholic Church") may be meant for the longer name in
    context, so it makes the short name ambiguous among the longer names it ends, but it never
    joins the two."""

    key: str
    sure: bool


@lru_cache(maxsize=65536)
def short_forms(text: str, place: bool = False) -> tuple[ShortForm, ...]:
    """Prefixes and suffixes of a thing's name (:func:`partial_forms`) that may stand for it;
    ``place`` says the name is a place's (GPE, LOC, FAC). Left out are those that leave out what
    makes the name name this thing:

    * a country or nationality: "Foreign Ministry" is not short for "Turkish Foreign Ministry",
      every country has one;
    * a body that is part of the shorter name's thing or named after it
      (``names_part_nouns.txt``): "Senate" is not short for "Senate Armed Services Committee",
      nor "Harvard" for "Harvard Law School".

    Unsure are a common noun that an adjective made a name ("House" of "White House", "Church"
    of "Catholic Church"; "Times" of "New York Times" and "Sox" of "Red Sox" are sure) and what
    qualifies a place in a place's name ("West" of "West Virginia", "North" of "North Florida").
    """
    return tuple(
        ShortForm(key, not (_adjective_made(key, dropped, prefix) or qualifier))
        for key, dropped, prefix in partial_forms(text)
        if not any(country_code(word) for word in dropped)
        and not (prefix and any(word in part_nouns() for word in dropped))
        for qualifier in [place and prefix and _known_place(dropped)]
    )


def short_form_index(
    names: Iterable[tuple[int, str, str]],
) -> dict[str, dict[int, bool]]:
    """Short form → the numbers of the things whose longer name has it, and whether surely, from
    ``(number, name, label)`` of things (a thing with several names is sure when one is). People
    and peoples have no short forms here (surnames and demonyms have their own rules)."""
    index: dict[str, dict[int, bool]] = defaultdict(dict)
    for number, name, label in names:
        if label not in (PERSON, "NORP"):
            for key, sure in short_forms(name, label in PLACE_LABELS):
                index[key][number] = index[key].get(number, False) or sure
    return index


def _known_place(words: tuple[str, ...]) -> bool:
    """Whether folded ``words`` are the own name of a country, state, continent or large city
    ("virginia", "philadelphia"; not "bank", a town in India, nor "side", another name of
    Fatsa)."""
    place = lookup_place(" ".join(words))
    return place is not None and fold_phrase(place.name) == " ".join(words) and well_known(place)


def _adjective_made(key: str, dropped: tuple[str, ...], prefix: bool) -> bool:
    """Whether ``key`` is one common noun after an adjective that it drops."""
    return (
        not prefix
        and " " not in key
        and key in word_class("noun")
        and dropped[-1] in word_class("adj")
    )


@lru_cache(maxsize=1)
def part_nouns() -> frozenset[str]:
    """Head nouns of a part of an organisation or a namesake of one (``names_part_nouns.txt``)."""
    return frozenset(data_lines("names_part_nouns.txt"))


@lru_cache(maxsize=16384)
def country_code(word: str) -> str | None:
    """The country a single word stands for: demonym, metonym, or a country's own name."""
    code = demonym_country(word) or metonym_country(word)
    if code is not None:
        return code
    place = lookup_place(word)
    return place.countrycode if place is not None and place.kind == "country" else None
