"""English word classes that name matching needs, read from the spaCy pipeline's own data.

The rule lemmatizer of spaCy's English pipelines ships WordNet's index of nouns, adjectives,
verbs and adverbs (``lemma_index``); accord reads it from the configured pipeline (``ACCORD_SPACY_MODEL`` or the
default) rather than copying a word list into its own data. A pipeline without that table gives
an empty set, and the rules that use it stay silent.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from accord.spacy_model import model_name

log = logging.getLogger(__name__)

POS = ("noun", "adj", "verb", "adv")  # WordNet's parts of speech
# Every trained component of a spaCy pipeline but the lemmatizer: loading only the lemmatizer
# reads its tables in a fraction of a second.
_NOT_NEEDED = ["tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "ner", "senter"]


def is_word(word: str) -> bool:
    """Whether ``word`` is an English word WordNet lists, as written or inflected ("injecting"
    of "inject", "standards" of "standard", "worse" of "bad"): undone by the lemmatizer's own
    suffix rules and exceptions, the way spaCy finds a lemma. False when the pipeline has no
    lemmatizer index."""
    lower = word.lower()
    index = _lemma_index()
    if any(lower in index.get(pos, ()) for pos in POS):
        return True
    rules, exceptions = _inflections()
    for pos, suffixes in rules.items():
        words = index.get(pos, frozenset())
        if any(base in words for base in exceptions.get(pos, {}).get(lower, ())):
            return True
        for old, new in suffixes:
            if lower.endswith(old) and lower[: len(lower) - len(old)] + new in words:
                return True
    return False


def word_class(pos: str) -> frozenset[str]:
    """The lower-case English words WordNet lists for ``pos`` ("noun", "adj", "verb", "adv"):
    "white" and "supreme" are adjectives, "house" and "court" nouns. Empty when the pipeline
    has no lemmatizer index."""
    return _lemma_index().get(pos, frozenset())


@lru_cache(maxsize=1)
def _lemma_index() -> dict[str, frozenset[str]]:
    table = _table("lemma_index")
    if table is None:
        return {}
    return {pos: frozenset(str(w) for w in table.get(pos, [])) for pos in POS}


@lru_cache(maxsize=1)
def _inflections() -> tuple[dict[str, list[tuple[str, str]]], dict[str, dict[str, list[str]]]]:
    """The lemmatizer's suffix rules ("ing" -> "", "ies" -> "y") and irregular forms by part of
    speech."""
    rules, exceptions = _table("lemma_rules"), _table("lemma_exc")
    if rules is None or exceptions is None:
        return {}, {}
    return (
        {pos: [(old, new) for old, new in rules.get(pos, [])] for pos in POS},
        {pos: dict(exceptions.get(pos, {})) for pos in POS},
    )


def _table(name: str) -> Any:
    """One lookup table of the configured pipeline's rule lemmatizer, or None."""
    return _lemmatizer_tables().get(name)


@lru_cache(maxsize=1)
def _lemmatizer_tables() -> dict[str, Any]:
    import spacy
    from spacy.pipeline import Lemmatizer

    name = model_name()
    try:
        pipe = spacy.load(name, exclude=_NOT_NEEDED).get_pipe("lemmatizer")
        if not isinstance(pipe, Lemmatizer):
            raise KeyError("lemmatizer")
        lookups = pipe.lookups
        return {table: lookups.get_table(table) for table in lookups.tables}
    except (OSError, KeyError, ValueError) as exc:
        log.debug("no lemmatizer tables in %s: %s", name, exc)
        return {}
