"""Splitting a story that holds two similar events, on hand-made articles."""

from __future__ import annotations

from dataclasses import replace

from accord.model import Analysis
from accord.stories import StoryIndex, default_model
from accord.stories.features import ArticleFeatures
from story_articles import make_analysis


def make(text: str, names: dict[str, str]) -> Analysis:
    """An analysis of ``text`` whose mentions are the given names (name -> entity id), people
    ("p-" ids) and places."""
    return make_analysis(text, names, lambda e: "PERSON" if e.startswith("p-") else "GPE")


def quake(place: str, region: str, minister: str, date: str, toll: str, n: int) -> Analysis:
    """Article ``n`` about an earthquake at ``place``: same kind of event, its own particulars."""
    openings = (
        f"Earthquake strikes {place} in {region}",
        f"Rescuers dig through rubble in {place} after quake",
        f"Death toll rises after {place} earthquake",
        f"{region} mourns victims of {place} tremor",
    )
    text = (
        f"{openings[n % 4]}\n{date}\nA strong earthquake struck {place} in {region}, killing "
        f"{toll} people and flattening homes. Interior minister {minister} visited {place} and "
        f"promised aid as aftershocks shook {region}. Rescue teams searched collapsed buildings "
        f"in {place} through the night."
    )
    return make(text, {place: f"g-{place}", region: f"g-{region}", minister: f"p-{minister}"})


FIRST = [quake("Maltrek", "Corvania", "Ada Renn", "March 4, 2031", "twelve", n) for n in range(4)]
SECOND = [quake("Verskel", "Corvania", "Ilo Brandt", "June 9, 2033", "forty", n) for n in range(4)]


def merged_index(batch: list[Analysis]) -> tuple[StoryIndex, list[ArticleFeatures]]:
    """An index in which every article of ``batch`` sits in one story (an online mistake)."""
    index = StoryIndex(model=replace(default_model(), split_below=0.7), encoder=None)
    index.prime(batch)
    features = index.extract_all(batch)
    story = None
    for art in features:
        story = index.state(index.assign(art, story))
    return index, features


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
