"""A streaming story index tidies up after itself: it repairs decisions made on young stories."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from accord.model import Analysis
from accord.stories import StoryIndex, cluster_index, default_model
from accord.stories.index import StoryState
from accord.stories.state import rename_entities
from story_articles import FIRST, SECOND, people_and_places, quake


def streaming_index(tidy_every: int = 100) -> StoryIndex:
    return StoryIndex(
        model=replace(default_model(), split_below=0.7), encoder=None, tidy_every=tidy_every
    )


def groups(index: StoryIndex) -> list[set[str]]:
    return [set(s.articles) for s in index.stories()]


def ids(batch: list[Analysis]) -> set[str]:
    return {a.article.id for a in batch}


def holds_the_two_events(index: StoryIndex) -> bool:
    """Exactly two stories: the articles of FIRST and those of SECOND."""
    return sorted(groups(index), key=min) == sorted([ids(FIRST), ids(SECOND)], key=min)


def stray_joined(batch: list[Analysis], monkeypatch: pytest.MonkeyPatch) -> StoryIndex:
    """A streaming index fed ``batch`` with every article joining the first story (an early
    stray join, every time; no tidy-up runs while fed)."""
    index = streaming_index()
    first: list[StoryState] = []
    monkeypatch.setattr(index, "_choose", lambda art: first[0] if first else None)
    for analysis in batch:
        sid = index.add(analysis)
        first[:] = [index.state(sid)]
    monkeypatch.undo()
    return index


def test_stories_tidy_gathers_articles_that_started_stories_of_their_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = streaming_index()
    monkeypatch.setattr(index, "_choose", lambda art: None)  # young index: every article alone
    index.add_many(FIRST + SECOND)
    assert len(index.stories()) == 8
    monkeypatch.undo()
    index.tidy()
    assert holds_the_two_events(index)


def test_stories_tidy_cuts_a_story_holding_two_events(monkeypatch: pytest.MonkeyPatch) -> None:
    index = stray_joined(FIRST + SECOND, monkeypatch)
    assert len(index.stories()) == 1
    index.tidy()
    assert holds_the_two_events(index)


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


def round_trip(index: StoryIndex) -> StoryIndex:
    """The index as a later run sees it: saved as JSON, loaded again."""
    state = json.loads(json.dumps(index.to_state()))
    return StoryIndex.from_state(state, model=index.model, encoder=None)


def test_stories_state_keeps_the_recent_window_exactly() -> None:
    index = streaming_index()
    index.add_many(FIRST + SECOND)
    loaded = round_trip(index)
    assert list(loaded._recent) == list(index._recent)
    for aid, art in index._recent.items():
        again = loaded._recent[aid]
        assert again.terms == art.terms and again.entities == art.entities
        assert again.title_terms == art.title_terms and again.dates == art.dates
        assert again.day == art.day
        assert (again.signature is None) == (art.signature is None)
        if art.signature is not None and again.signature is not None:
            assert again.signature.dtype == art.signature.dtype
            assert (again.signature == art.signature).all()
    assert loaded._fresh == index._fresh


def test_stories_state_keeps_embeddings_of_the_window_bit_for_bit() -> None:
    index = streaming_index()
    vectors = np.random.default_rng(7).standard_normal((8, 384)).astype(np.float32)
    arts = index.extract_all(FIRST + SECOND)
    for art, vector in zip(arts, vectors, strict=True):
        art.vector = vector
        index.add_features(art)
    loaded = round_trip(index)
    for art in arts:
        again = loaded._recent[art.id].vector
        assert again is not None and again.dtype == np.float32
        assert (again == art.vector).all()


def test_stories_tidy_in_a_later_run_cuts_a_story_an_earlier_run_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = stray_joined(FIRST + SECOND[:2], monkeypatch)
    later = round_trip(index)  # the next run: two more articles, then its tidy-up
    later.add_many(SECOND[2:])
    later.tidy()
    assert holds_the_two_events(later)


def test_stories_batch_index_remembers_its_last_articles_for_later_runs() -> None:
    from accord.pipeline import place_stories

    index = cluster_index(FIRST, encoder=None)
    assert set(index._recent) == ids(FIRST)
    state = json.loads(json.dumps(index.to_state()))
    later = place_stories(SECOND, state, encoder=None)
    assert set(later._recent) == ids(FIRST + SECOND)
    assert holds_the_two_events(later)


def test_stories_state_of_version_one_still_loads_without_a_window() -> None:
    index = streaming_index()
    index.add_many(FIRST)
    state = json.loads(json.dumps(index.to_state()))
    state["version"] = 1
    del state["recent"], state["fresh"]
    loaded = StoryIndex.from_state(state, model=index.model, encoder=None)
    assert loaded._recent == {} and groups(loaded) == groups(index)
    loaded.add_many(SECOND)
    loaded.tidy()  # stories holding older articles are only re-placed into, never cut
    assert set(loaded._recent) == ids(SECOND)
    assert sorted(a for g in groups(loaded) for a in g) == sorted(ids(FIRST + SECOND))


def test_stories_entity_renames_reach_the_saved_window() -> None:
    index = streaming_index()
    index.add_many(FIRST)
    state = json.loads(json.dumps(index.to_state()))
    old = next(k for art in state["recent"] for k in art["entities"] if k.startswith("e:"))
    renamed = rename_entities(state, {old[2:]: "renamed"})
    for art in renamed["recent"]:
        assert old not in art["entities"]
    assert any("e:renamed" in art["entities"] for art in renamed["recent"])


def test_stories_tidy_with_nothing_new_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    index = streaming_index()
    index.add_many(FIRST + SECOND)
    index.tidy()
    loaded = round_trip(index)  # a re-run on the same input: no new article
    calls: list[int] = []
    monkeypatch.setattr(loaded, "refine", lambda *a, **k: calls.append(1) or 0)
    loaded.tidy()
    assert calls == [] and groups(loaded) == groups(index)


def harbour(port: str, day: str, edit: str = "") -> Analysis:
    """An article about a crane accident at ``port``: nothing in common with the quakes."""
    text = (
        f"Crane accident shuts {port} quay{edit}\nThe harbour authority of {port} closed the "
        f"northern quay on {day} after a cargo crane fell onto a moored ferry. Inspectors from the "
        "transport ministry arrived and said the crane had failed a safety check in spring. Ferry "
        "services will run from the southern pier until further notice, the harbour authority said."
    )
    return people_and_places(text, {port: f"g-{port}"})


def test_stories_tidy_places_again_only_articles_near_the_changed_stories(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = streaming_index()
    cranes = [harbour("Port Sallow", day) for day in ("Monday", "Tuesday", "Wednesday")]
    index.add_many(FIRST + SECOND + cranes)
    index.tidy()
    crane_story = index.story_of(cranes[0].article.id)
    placed: list[str] = []
    real = index._choose
    monkeypatch.setattr(index, "_choose", lambda art: placed.append(art.id) or real(art))
    late = quake("Maltrek", "Corvania", "Ada Renn", "March 4, 2031", "thirteen", 0)
    sid = index.add(late)
    placed.clear()  # the placement of the new article itself
    index.tidy()
    assert index.story_of(late.article.id) == sid == index.story_of(FIRST[0].article.id)
    assert placed and not set(placed) & ids(cranes)  # the crane story never came near
    assert index.story_of(cranes[0].article.id) == crane_story
    assert {frozenset(g) for g in groups(index)} >= {frozenset(ids(cranes))}


def test_stories_refine_places_the_copies_of_a_placed_original_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = streaming_index()
    original = harbour("Port Sallow", "Monday")
    copy = harbour("Port Sallow", "Monday", edit=", agencies report")
    sid = index.add(original)
    assert index.add(copy) == sid
    assert index.state(sid).duplicates == {copy.article.id: original.article.id}
    arts = list(index._recent.values())
    # only the original comes near a changed story (its copy would have chosen as it did) ...
    monkeypatch.setattr(
        index, "_near", lambda art, stories: art.id == original.article.id or sid in stories
    )
    index.refine(arts, rounds=1, changed=set())
    # ... yet taking it out dropped its copy's flag, so the copy is placed again and regains it
    assert index.state(sid).duplicates == {copy.article.id: original.article.id}
