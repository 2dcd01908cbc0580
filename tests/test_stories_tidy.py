"""A streaming story index tidies up after itself: it repairs decisions made on young stories."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accord.model import Analysis
from accord.stories import StoryIndex, default_model
from accord.stories.index import StoryState
from story_articles import FIRST, SECOND


def streaming_index(tidy_every: int = 100) -> StoryIndex:
    return StoryIndex(
        model=replace(default_model(), split_below=0.7), encoder=None, tidy_every=tidy_every
    )


def groups(index: StoryIndex) -> list[set[str]]:
    return [set(s.articles) for s in index.stories()]


def ids(batch: list[Analysis]) -> set[str]:
    return {a.article.id for a in batch}


def test_stories_tidy_gathers_articles_that_started_stories_of_their_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = streaming_index()
    monkeypatch.setattr(index, "_choose", lambda art: None)  # young index: every article alone
    index.add_many(FIRST + SECOND)
    assert len(index.stories()) == 8
    monkeypatch.undo()
    index.tidy()
    assert sorted(groups(index), key=min) == sorted([ids(FIRST), ids(SECOND)], key=min)


def test_stories_tidy_cuts_a_story_holding_two_events(monkeypatch: pytest.MonkeyPatch) -> None:
    index = streaming_index()
    first: list[StoryState] = []

    def join_the_first(art: object) -> StoryState | None:  # an early stray join, every time
        return first[0] if first else None

    monkeypatch.setattr(index, "_choose", join_the_first)
    for analysis in FIRST + SECOND:
        sid = index.add(analysis)
        first[:] = [index.state(sid)]
    assert len(index.stories()) == 1
    monkeypatch.undo()
    index.tidy()
    assert sorted(groups(index), key=min) == sorted([ids(FIRST), ids(SECOND)], key=min)


def test_stories_tidy_runs_every_so_many_additions(monkeypatch: pytest.MonkeyPatch) -> None:
    index = streaming_index(tidy_every=3)
    calls: list[int] = []
    real = index.tidy
    monkeypatch.setattr(index, "tidy", lambda: calls.append(1) or real())
    index.add_many(FIRST + SECOND)
    assert len(calls) == 2  # after the 3rd and the 6th of 8 additions


def test_stories_primed_index_leaves_tidying_to_the_batch_steps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = streaming_index(tidy_every=1)
    index.prime(FIRST + SECOND)
    calls: list[int] = []
    monkeypatch.setattr(index, "tidy", lambda: calls.append(1))
    index.add_many(FIRST + SECOND)
    assert calls == []


def test_stories_tidy_every_zero_never_tidies(monkeypatch: pytest.MonkeyPatch) -> None:
    index = streaming_index(tidy_every=0)
    calls: list[int] = []
    monkeypatch.setattr(index, "tidy", lambda: calls.append(1))
    index.add_many(FIRST + SECOND)
    assert calls == []
