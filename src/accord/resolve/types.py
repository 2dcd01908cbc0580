"""Entity types: which NER labels may describe the same entity.

People never merge with anything else. Among the other labels, spaCy's choice between GPE, LOC,
FAC and ORG for one name varies from article to article ("the White House" is ORG in one, FAC in
the next), so an identical name may join across them; looser name matches (transliteration,
acronyms) require the same kind of thing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PERSON = "PERSON"


def kind(label: str) -> str:
    """Coarse kind: "person", "place", "org" or the label itself (NORP, EVENT, ...)."""
    if label == PERSON:
        return "person"
    if label in PLACE_LABELS:
        return "place"
    if label == "ORG":
        return "org"
    return label.lower()


def compatible(a: str, b: str) -> bool:
    """May two mentions with these labels denote one entity when their names are identical?"""
    return (a == PERSON) == (b == PERSON)


def same_kind(a: str, b: str) -> bool:
    """May they merge on a looser name match (transliteration, acronym)?"""
    return kind(a) == kind(b)


def majority(labels: Iterable[str]) -> str:
    """The most frequent label; ties go to the alphabetically first, so the result is stable."""
    counts = Counter(labels)
    return min(counts, key=lambda label: (-counts[label], label))
