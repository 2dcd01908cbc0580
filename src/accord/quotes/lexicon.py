"""The quote lexicons (data files under ``accord/data``), loaded once per process.

Speech verbs, multi-word cue phrases ("according to") and speaker pronouns live in data files so
that they can be extended without touching code.
"""

from __future__ import annotations

from functools import lru_cache

from accord.analyze.lexicon import read_lines, titles


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lemmas of the verbs that cue a quote ("say", "tell", "write")."""
    return frozenset(line.lower() for line in read_lines("speech_verbs.txt"))


@lru_cache(maxsize=1)
def cue_phrases() -> tuple[tuple[str, ...], ...]:
    """Multi-word cues followed by their speaker ("according to"), as lower-case word tuples."""
    return tuple(tuple(line.lower().split()) for line in read_lines("quote_cue_phrases.txt"))


@lru_cache(maxsize=1)
def speech_nouns() -> frozenset[str]:
    """Lemmas of nouns of saying whose possessor speaks ("X's claim that ...")."""
    return frozenset(line.lower() for line in read_lines("quote_speech_nouns.txt"))


@lru_cache(maxsize=1)
def source_nouns() -> frozenset[str]:
    """Lemmas of nouns that describe an unnamed source ("official", "aide"), with the title
    heads of ``titles.txt`` ("minister"): a phrase they head names no entity."""
    words = {line.lower() for line in read_lines("quote_source_nouns.txt")}
    return frozenset(words | titles().heads)
