"""Which of two near-identical articles is the original: the one the other credits.

The clusterer flags a copy when a later article repeats an earlier one (``Story.duplicates``:
copy id -> original id), so "later" decides. Within a day that is often a guess (one feed gives a
time, another only the date), and a syndicated copy usually says where it came from: its
"Source: X" line (``Provenance.attributed_to``). When the flagged original credits the outlet of
one of its copies, that copy is the original and the others, the flagged one included, copy it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from accord.model import Article, Story


def _outlet_key(name: str | None) -> str:
    """Case, spacing and a leading "the" do not tell outlets apart."""
    words = (name or "").casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def credit_originals(stories: Sequence[Story], articles: Mapping[str, Article]) -> list[Story]:
    """``stories`` with each group of copies pointed at the member the others credit."""
    return [_credited(story, articles) for story in stories]


def _credited(story: Story, articles: Mapping[str, Article]) -> Story:
    if not story.duplicates:
        return story
    groups: dict[str, list[str]] = {}
    for copy, original in story.duplicates.items():
        groups.setdefault(original, []).append(copy)
    duplicates = dict(story.duplicates)
    for original, copies in groups.items():
        source = articles.get(original)
        credit = _outlet_key(source.provenance.attributed_to if source else None)
        if not credit or credit == _outlet_key(source.outlet if source else None):
            continue
        credited = [
            c for c in copies if c in articles and _outlet_key(articles[c].outlet) == credit
        ]
        if not credited:
            continue
        root = credited[0]
        for member in [original, *copies]:
            duplicates.pop(member, None)
            if member != root:
                duplicates[member] = root
    return replace(story, duplicates=duplicates)
