"""Near-duplicate articles: syndicated copies and light rewrites count as one source.

:func:`near_duplicates` is a stage-independent helper (story clustering and the store can reuse
it): it compares word-shingle sets with Jaccard similarity and maps every copy to the earliest
article it copies. A copy is the later-published article, or the later one in input order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from accord.model import Article

SHINGLE = 5  # words per shingle: long enough that shared phrases of one event do not look copied
THRESHOLD = 0.5  # Jaccard over shingles above which two articles are one source
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    """The set of ``size``-word windows of ``text`` (lowercased words)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    """|a ∩ b| / |a ∪ b|, 0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def near_duplicates(articles: Sequence[Article], threshold: float = THRESHOLD) -> dict[str, str]:
    """{copy article id: id of the article it copies} for every pair above ``threshold``."""
    ordered = sorted(enumerate(articles), key=lambda p: (p[1].published or "", p[0]))
    sets = [(article.id, shingles(article.text)) for _, article in ordered]
    copies: dict[str, str] = {}
    for i, (later, later_set) in enumerate(sets):
        best, best_score = None, threshold
        for earlier, earlier_set in sets[:i]:
            if earlier in copies or earlier == later:
                continue
            score = jaccard(later_set, earlier_set)
            if score >= best_score:
                best, best_score = earlier, score
        if best is not None:
            copies[later] = best
    return copies


def source_of(article: str, duplicates: dict[str, str]) -> str:
    """The original an article copies (following chains), or the article itself."""
    seen = {article}
    while article in duplicates and duplicates[article] not in seen:
        article = duplicates[article]
        seen.add(article)
    return article
