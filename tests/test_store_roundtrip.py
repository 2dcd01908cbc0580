"""save() then load() gives back equal model objects, on every backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.model import Result
from accord.store import Store, open_store
from test_store_support import BACKENDS, database_url, make_result


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with database_url(request.param, tmp_path) as url, open_store(url) as opened:
        yield opened


@pytest.fixture
def result() -> Result:
    return make_result()


def test_store_roundtrip_load_equals_saved(store: Store, result: Result) -> None:
    store.save(result)
    assert store.load() == result


def test_store_roundtrip_survives_reopening(tmp_path: Path, result: Result) -> None:
    path = tmp_path / "nested" / "accord.db"
    with open_store(str(path)) as first:
        first.save(result)
    with open_store(str(path)) as second:
        assert second.load() == result


def test_store_roundtrip_summary_counts(store: Store, result: Result) -> None:
    store.save(result)
    summary = store.summary()
    assert summary.to_dict() == {
        "articles": 4,
        "entities": 8,
        "mentions": 20,
        "quotes": 4,
        "events": 3,
        "facts": 5,
        "stories": 3,
        "skipped": 2,
        "runs": 1,
    }
    assert store.article_ids() == {a.id for a in result.articles}


def test_store_roundtrip_lookups(store: Store, result: Result) -> None:
    store.save(result)
    first = result.analyses[0]
    assert store.get_analysis(first.article.id) == first
    assert store.get_article(first.article.id) == first.article
    assert store.get_entity("E1") == result.entities[0]
    assert store.get_fact("F2") == result.facts[1]
    assert store.get_story("S1") == result.stories[0]
    assert store.get_entity("nope") is None
    assert store.get_analysis("nope") is None


def test_store_roundtrip_queries(store: Store, result: Result) -> None:
    store.save(result)
    assert [e.id for e in store.list_entities(type="GPE")] == ["E3", "E4", "E5", "E7"]
    assert [f.id for f in store.list_facts(status="conflicting")] == ["F2"]
    assert [f.id for f in store.list_facts(story="S1")] == ["F1", "F2", "F3"]
    assert store.list_stories() == result.stories
    assert store.quotes_by("E1") == [result.analyses[0].quotes[0], result.analyses[3].quotes[0]]
    assert [e.id for e in store.events_involving("E2")] == [e.id for e in result.events]
    assert [s.to_skipped() for s in store.list_skipped()] == result.skipped


def test_store_roundtrip_runs_are_logged(store: Store, result: Result) -> None:
    summary = store.save(result)
    (run,) = store.list_runs()
    assert run.id == summary.run_id
    assert run.finished is not None and run.finished >= run.started
    assert run.counts["articles_added"] == 4
    assert {s.run_id for s in store.list_skipped()} == {summary.run_id}


def test_store_roundtrip_delete_article(store: Store, result: Result) -> None:
    store.save(result)
    gone = result.analyses[1].article.id
    assert store.delete_article(gone)
    assert not store.delete_article(gone)
    assert store.article_ids() == {a.id for a in result.articles} - {gone}
    assert store.summary().mentions == 20 - len(result.analyses[1].mentions)


def test_store_roundtrip_story_index_state(store: Store, result: Result) -> None:
    """The story index state is saved with the stories, and dropped when stories are saved
    without one (it would no longer describe them)."""
    state = {"version": 1, "documents": 3, "stories": [{"id": "S1", "terms": {"talk": 0.5}}]}
    assert store.load_story_index() is None
    store.save(result, story_index=state)
    assert store.load_story_index() == state
    store.save(result, derived=False)
    assert store.load_story_index() == state
    store.save(result)
    assert store.load_story_index() is None
