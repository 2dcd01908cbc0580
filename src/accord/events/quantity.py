"""How many: the counted noun phrase of an event ("exchange 1,000 prisoners of war").

Numbers are normalised to digits ("one thousand" and "1,000" both give "1000") so that articles
that spell them differently agree. Spelled-out numbers are read with accord's own number lexicon
(:func:`accord.reconcile.numbers.parse_number_words`, shared with fact reconciliation).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.reconcile.numbers import parse_number_words

if TYPE_CHECKING:
    from spacy.tokens import Token

_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion"})
_TIME_LABELS = frozenset({"DATE", "TIME"})


def number_value(words: list[str]) -> int | float | None:
    """The value of a number written in digits, words, or both ("5.1 million"), or None."""
    tokens = " ".join(words).lower().replace(",", "").replace("-", " ").split()
    if not tokens:
        return None
    head = _digits(tokens[0])
    if head is not None:
        rest = parse_number_words(tokens[1:]) if len(tokens) > 1 else 1.0
        value = None if rest is None else head * rest
    else:
        value = parse_number_words(tokens)
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _digits(word: str) -> float | None:
    if not word[:1].isdigit():
        return None
    try:
        return float(word)
    except ValueError:
        return None


def _format(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def counted_phrase(noun: Token) -> str | None:
    """ "1000 prisoners of war" for a noun with a number modifier, else None."""
    numbers = [c for c in noun.children if c.dep_ == "nummod"]
    if not numbers or numbers[0].ent_type_ in _TIME_LABELS:
        return None  # "the strike on January 15", "a two-day strike": a date, not a count
    words = [t.text for t in numbers[0].subtree if t.like_num or t.lower_ in _SCALE_WORDS]
    value = number_value(words)
    if value is None:
        return None
    tail = [t.text for t in noun.subtree if t.i >= noun.i and not _in_clause(t, noun)]
    return " ".join([_format(value), *tail]).strip()


def _in_clause(token: Token, noun: Token) -> bool:
    """Whether a token of the noun's subtree belongs to a clause or list hanging off it."""
    current = token
    while current.i != noun.i:
        if current.dep_ in ("relcl", "acl", "appos", "conj", "cc", "punct", "advcl"):
            return True
        current = current.head
    return False


def event_quantity(candidates: list[Token]) -> str | None:
    """The first counted phrase among the event's object/subject nouns."""
    for noun in candidates:
        phrase = counted_phrase(noun)
        if phrase:
            return phrase
    return None
