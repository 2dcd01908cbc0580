"""Within-article name coreference: which mentions in one article name the same actor.

A surname alone ("Larsen") joins the full name used earlier or later in the same article
("Ingrid Larsen") when exactly one full name ends with it; a first name alone joins only when
exactly one full name starts with it. Other names chain when their folded text is equal.
Pronouns are left to the quote stage, which needs them only next to speech verbs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from anyascii import anyascii
from spacy.tokens import Span


def _fold(text: str) -> str:
    return anyascii(text).lower().replace("’", "'").strip()


def _tokens(span: Span) -> list[str]:
    return [_fold(t.text) for t in span if t.is_alpha or "-" in t.text]


def chain_mentions(ents: Sequence[Span]) -> dict[tuple[int, int], int]:
    """Map each entity span's (start_char, end_char) to a chain id, shared within the article."""
    chains: dict[tuple[int, int], int] = {}
    by_text: dict[tuple[str, str], int] = {}
    for ent in ents:
        if len(ent) > 1 or ent.label_ != "PERSON":
            key = (ent.label_, _fold(ent.text))
            chains[(ent.start_char, ent.end_char)] = by_text.setdefault(key, len(by_text))
    # full names' chains by their last and by their first word (an index: one pass, not a
    # scan of every full name for every one-word name)
    by_last: dict[str, set[int]] = defaultdict(set)
    by_first: dict[str, set[int]] = defaultdict(set)
    for ent in ents:
        words = _tokens(ent)
        if ent.label_ == "PERSON" and len(words) > 1:
            chain = by_text[("PERSON", _fold(ent.text))]
            by_last[words[-1]].add(chain)
            by_first[words[0]].add(chain)
    for ent in ents:
        if ent.label_ != "PERSON" or len(_tokens(ent)) > 1:
            continue
        word = _fold(ent.text)
        candidates = set(by_last.get(word) or by_first.get(word) or ())
        if len(candidates) == 1:
            chains[(ent.start_char, ent.end_char)] = candidates.pop()
        else:
            key = ("PERSON", word)
            chains[(ent.start_char, ent.end_char)] = by_text.setdefault(key, len(by_text))
    return chains
