"""Loaders for the reconciliation lexicons under ``accord/data/reconcile_*`` (each read once).

Every file is tab-separated text with ``#`` header comments saying what it is and where it comes
from, so users can extend a lexicon without touching code.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

# Auxiliaries that put a clause in the future ("will meet", "would meet", "won't" as "wo"): the
# claims' tense here and the analysis' weekdays (``accord.analyze.components``) read them. Kept
# in this light module, which imports no spaCy, so that both stages can share it.
FUTURE_AUX = frozenset({"will", "shall", "would", "'ll", "wo"})


def _rows(name: str) -> list[list[str]]:
    """The non-comment rows of a data file, split on tabs."""
    text = resources.files("accord.data").joinpath(name).read_text(encoding="utf-8")
    rows: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[float, str]]:
    """Number word -> (value, "unit" | "scale")."""
    return {row[0]: (float(row[1]), row[2]) for row in _rows("reconcile_numbers.tsv")}


@lru_cache(maxsize=1)
def time_units() -> dict[str, float]:
    """Time unit word -> its length in minutes."""
    return {row[0]: float(row[1]) for row in _rows("reconcile_units.tsv")}


@lru_cache(maxsize=1)
def comparatives() -> dict[tuple[str, ...], str]:
    """Comparative cue (as a word tuple) -> interval kind (lt, le, gt, ge, approx, ...)."""
    return {tuple(row[0].split()): row[1] for row in _rows("reconcile_comparatives.tsv")}


@lru_cache(maxsize=1)
def negation_cues() -> frozenset[str]:
    """Words (lemmas) that negate the clause they govern."""
    return frozenset(row[0] for row in _rows("reconcile_negation.txt") if " " not in row[0])


@lru_cache(maxsize=1)
def negation_phrases() -> tuple[tuple[str, ...], ...]:
    """Multiword negation cues as lemma tuples ("stop short of", "rule out"); an upper-case word
    stands for a part of speech ("without VERB": "without agreeing")."""
    return tuple(tuple(row[0].split()) for row in _rows("reconcile_negation.txt") if " " in row[0])


@lru_cache(maxsize=1)
def predicate_classes() -> dict[str, str]:
    """Verb or noun lemma -> a PLOVER-like predicate class (AGREE, MEET, DEMAND, ...)."""
    return {row[0]: row[1] for row in _rows("reconcile_predicates.tsv")}


@lru_cache(maxsize=1)
def count_stopwords() -> frozenset[str]:
    """Words that cannot be the counted noun after a number ("one of", "one that")."""
    return frozenset(row[0] for row in _rows("reconcile_count_stopwords.txt"))


@lru_cache(maxsize=1)
def noun_classes() -> dict[str, str]:
    """Counted noun lemma -> its class ("protester" -> "person.protester", "boat" -> "vessel")."""
    return {row[0]: row[1] for row in _rows("reconcile_noun_classes.tsv")}
