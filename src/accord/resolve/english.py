"""English word classes that name matching needs, read from the spaCy pipeline's own data.

The rule lemmatizer of spaCy's English pipelines ships WordNet's index of nouns, adjectives,
verbs and adverbs (``lemma_index``); accord reads it from the configured pipeline (``ACCORD_SPACY_MODEL`` or the
default) rather than copying a word list into its own data. A pipeline without that table gives
an empty set, and the rules that use it stay silent.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from accord.spacy_model import model_name

log = logging.getLogger(__name__)

POS = ("noun", "adj", "verb", "adv")  # WordNet's parts of speech
# Every trained component of a spaCy pipeline but the lemmatizer: loading only the lemmatizer
# reads its tables in a fraction of a second.
_NOT_NEEDED = ["tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "ner", "senter"]


def word_class(pos: str) -> frozenset[str]:
    """The lower-case English words WordNet lists for ``pos`` ("noun", "adj", "verb", "adv"):
    "white" and "supreme" are adjectives, "house" and "court" nouns. Empty when the pipeline
    has no lemmatizer index."""
    return _lemma_index().get(pos, frozenset())


@lru_cache(maxsize=1)
def _lemma_index() -> dict[str, frozenset[str]]:
    import spacy
    from spacy.pipeline import Lemmatizer

    name = model_name()
    try:
        pipe = spacy.load(name, exclude=_NOT_NEEDED).get_pipe("lemmatizer")
        if not isinstance(pipe, Lemmatizer):
            raise KeyError("lemmatizer")
        table = pipe.lookups.get_table("lemma_index")
    except (OSError, KeyError, ValueError) as exc:
        log.debug("no lemma index in %s: %s", name, exc)
        return {}
    return {pos: frozenset(str(w) for w in table.get(pos, [])) for pos in POS}
