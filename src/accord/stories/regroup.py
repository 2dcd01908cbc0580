"""Splitting a story that holds two similar events, and merging two parts of one event (batch
steps after refinement).

Online joining and re-placement look at one article at a time against a story centroid; once a
story holds articles of two similar events (two earthquakes on one island), its centroid is a
blend that attracts both, and no single move repairs it. Here a story is cut in two the way
2-means would (seeded by two dissimilar articles, then each article goes to the half whose
centroid the decision model prefers, the article itself left out), and the cut is kept only when
the halves' articles would join the other half with a mean probability below the model's
``split_below`` (calibrated: articles of one event join any half of their story with a mean
probability of 0.8 or more, halves of two similar events each other at about 0.6).

The merge is the inverse with the same threshold: two stories whose articles join each other with
a mean probability of ``split_below`` or more become one, so what a cut separates is never joined
back, and a block of one event's articles that started its own story (which each of its members
prefers to the main story, so single moves leave it apart) is folded in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from accord.stories.features import ArticleFeatures, DocumentFrequency, cosine, norm, weighted

if TYPE_CHECKING:
    from accord.stories.index import StoryIndex, StoryState

MERGE_SAMPLE = 40  # articles per side read when two stories are weighed for a merge
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
    if cross_probability(index, *halves) >= index.model.split_below:
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


def cross_probability(
    index: StoryIndex, left: Sequence[ArticleFeatures], right: Sequence[ArticleFeatures]
) -> float:
    """Mean probability that each group's articles join the other group (both directions,
    at most :data:`MERGE_SAMPLE` articles per side, evenly spaced)."""
    states = (_state(left), _state(right))
    probabilities = [
        index.probability(art, states[1 - side])
        for side, group in enumerate((left, right))
        for art in _sample(group)
    ]
    return sum(probabilities) / len(probabilities)


def merge_partner(
    index: StoryIndex, story: StoryState, by_id: dict[str, ArticleFeatures]
) -> StoryState | None:
    """The story that ``story`` should merge with, or None.

    The inverse of the cut above, with the same threshold: two stories are one when their
    articles join each other with a mean probability of ``split_below`` or more. This repairs
    what one-article moves cannot: a block of articles of one event that started its own story
    (a run of opinion pieces on the same news) attracts each of its members more than the
    main story does, so refinement leaves it apart.
    """
    members = [by_id[a] for a in story.articles]
    votes: dict[str, int] = {}
    for art in _sample(members):
        for other in index.candidates(art):
            if other.id != story.id:
                votes[other.id] = votes.get(other.id, 0) + 1
    best, best_p = None, index.model.split_below
    for sid in sorted(votes, key=lambda k: -votes[k])[:3]:
        other = index.state(sid)
        if any(a not in by_id for a in other.articles):
            continue  # restored from state: its articles' features are gone
        p = cross_probability(index, members, [by_id[a] for a in other.articles])
        if p >= best_p:
            best, best_p = other, p
    return best


def _sample(group: Sequence[ArticleFeatures]) -> Sequence[ArticleFeatures]:
    if len(group) <= MERGE_SAMPLE:
        return group
    step = len(group) / MERGE_SAMPLE
    return [group[int(i * step)] for i in range(MERGE_SAMPLE)]
