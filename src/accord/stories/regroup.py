"""Splitting a story that holds two similar events (a batch step after refinement).

Online joining and re-placement look at one article at a time against a story centroid; once a
story holds articles of two similar events (two earthquakes on one island), its centroid is a
blend that attracts both, and no single move repairs it. Here a story is cut in two the way
2-means would (seeded by two dissimilar articles, then each article goes to the half whose
centroid the decision model prefers, the article itself left out), and the cut is kept only when
the halves' articles would join the other half with a mean probability below the model's
``split_below`` (calibrated: articles of one event join any half of their story with a mean
probability of 0.8 or more, halves of two similar events each other at about 0.6).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from accord.stories.features import ArticleFeatures, DocumentFrequency, cosine, norm, weighted

if TYPE_CHECKING:
    from accord.stories.index import StoryIndex, StoryState

ITERATIONS = 4  # reassignment rounds; the halves settle in two or three
MIN_SIZE = 4  # smaller stories are left alone: too little evidence for a cut
MAX_SIZE = 300  # larger ones too: each round costs a model call per article and half
Similarity = Callable[[ArticleFeatures, ArticleFeatures], float]


def text_similarity(df: DocumentFrequency) -> Similarity:
    """Cosine of IDF-weighted terms and entity-name words: cheap, for seeding only."""

    def similarity(a: ArticleFeatures, b: ArticleFeatures) -> float:
        wb = weighted({**b.terms, **b.names}, df)
        return cosine(weighted({**a.terms, **a.names}, df), wb, norm(wb))

    return similarity


def farthest_pair(members: Sequence[ArticleFeatures], similarity: Similarity) -> tuple[int, int]:
    """Indices of two articles far apart: the one least like the first article, then the one
    least like that (farthest-first: linear, not quadratic, in the story size)."""
    first = min(range(len(members)), key=lambda i: similarity(members[0], members[i]))
    second = min(range(len(members)), key=lambda i: similarity(members[first], members[i]))
    return first, second


def two_halves(
    index: StoryIndex, members: Sequence[ArticleFeatures]
) -> tuple[list[ArticleFeatures], list[ArticleFeatures]] | None:
    """The best cut of ``members`` in two, or None when the model keeps them together."""
    if not MIN_SIZE <= len(members) <= MAX_SIZE:
        return None
    a, b = farthest_pair(members, text_similarity(index.df))
    if a == b:
        return None
    halves = ([members[a]], [members[b]])
    for _ in range(ITERATIONS):
        states = (_state(halves[0]), _state(halves[1]))
        new: tuple[list[ArticleFeatures], list[ArticleFeatures]] = ([], [])
        for art in members:
            p = [_leave_one_out(index, art, s) for s in states]
            new[int(p[1] > p[0])].append(art)
        if not new[0] or not new[1] or new == halves:
            halves = new
            break
        halves = new
    if len(halves[0]) < 2 or len(halves[1]) < 2:
        return None
    states = (_state(halves[0]), _state(halves[1]))
    cross = [index.probability(art, states[1 - side]) for side in (0, 1) for art in halves[side]]
    if sum(cross) / len(cross) >= index.model.split_below:
        return None
    return halves


def _state(members: Sequence[ArticleFeatures]) -> StoryState:
    from accord.stories.index import StoryState

    state = StoryState(id="split")
    for art in members:
        state.absorb(art)
    return state


def _leave_one_out(index: StoryIndex, art: ArticleFeatures, state: StoryState) -> float:
    """The model's probability that ``art`` joins ``state`` with itself taken out of it."""
    if art.id not in state.articles:
        return index.probability(art, state)
    if len(state.articles) == 1:
        return 1.0  # a seed alone defines its half
    state.remove(art)
    try:
        return index.probability(art, state)
    finally:
        state.absorb(art)
