"""Splitting a story that holds two similar events, on hand-made articles."""

from __future__ import annotations

from dataclasses import replace

from accord.model import Analysis
from accord.stories import StoryIndex, default_model
from accord.stories.features import ArticleFeatures
from story_articles import FIRST, SECOND


def merged_index(batch: list[Analysis]) -> tuple[StoryIndex, list[ArticleFeatures]]:
    """An index in which every article of ``batch`` sits in one story (an online mistake)."""
    return grouped_index([batch])


def test_stories_split_cuts_story_holding_two_similar_events() -> None:
    index, features = merged_index(FIRST + SECOND)
    assert index.split(features) == 1
    first = {index.story_of(a.article.id) for a in FIRST}
    second = {index.story_of(a.article.id) for a in SECOND}
    assert len(first) == 1 and len(second) == 1 and first != second
    assert index.stories()[0].articles == [a.article.id for a in FIRST]


def test_stories_split_keeps_one_event_together() -> None:
    index, features = merged_index(FIRST)
    assert index.split(features) == 0
    assert len(index.stories()) == 1


def test_stories_split_leaves_small_stories_alone() -> None:
    index, features = merged_index(FIRST[:1] + SECOND[:2])
    assert index.split(features) == 0


def grouped_index(groups: list[list[Analysis]]) -> tuple[StoryIndex, list[ArticleFeatures]]:
    """An index with one story per group, placed as given (no decisions made)."""
    index = StoryIndex(model=replace(default_model(), split_below=0.7), encoder=None)
    index.prime([a for group in groups for a in group])
    features = []
    for group in groups:
        story = None
        for art in index.extract_all(group):
            story = index.state(index.assign(art, story))
            features.append(art)
    return index, features


def test_stories_merge_joins_two_parts_of_one_event() -> None:
    index, features = grouped_index([FIRST[:3], FIRST[3:]])
    assert index.merge(features) == 1
    assert len(index.stories()) == 1
    assert index.stories()[0].articles[:3] == [a.article.id for a in FIRST[:3]]
    assert {index.story_of(a.article.id) for a in FIRST} == {index.stories()[0].id}


def test_stories_merge_keeps_two_similar_events_apart() -> None:
    index, features = grouped_index([FIRST, SECOND])
    assert index.merge(features) == 0
    assert len(index.stories()) == 2


def test_stories_merge_and_split_agree() -> None:
    """What the split cuts, the merge does not join back (one threshold for both)."""
    index, features = merged_index(FIRST + SECOND)
    assert index.split(features) == 1
    assert index.merge(features) == 0
    assert len(index.stories()) == 2
