"""Per-article atomicity, wholesale replacement of derived tables, and idempotent saves."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accord.model import Analysis, Mention, Result
from accord.store import Store, open_store, write
from accord.store.schema import Base
from test_store_support import BACKENDS, database_url, make_result


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with database_url(request.param, tmp_path) as url, open_store(url) as opened:
        yield opened


def row_counts(store: Store) -> dict[str, int]:
    """Rows in every table, from the schema itself (so a new table is counted too)."""
    with store.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def reanalysed(result: Result) -> Result:
    """The same articles with different analyses, as a newer accord version would produce."""
    newer = copy.deepcopy(result)
    for analysis in newer.analyses:
        article = analysis.article
        analysis.mentions = [
            Mention(f"{article.id}:0-5", article.id, 0, 5, article.text[:5], "ORG", 0)
        ]
        analysis.quotes = []
    newer.entities = newer.entities[:1]
    return newer


def test_store_transactions_saving_twice_changes_nothing(store: Store) -> None:
    result = make_result()
    first = store.save(result)
    counts = row_counts(store)
    second = store.save(make_result())
    assert row_counts(store) == counts | {"runs": counts["runs"] + 1}
    assert store.load() == result
    assert (first.articles_added, first.articles_replaced, first.articles_unchanged) == (4, 0, 0)
    assert (second.articles_added, second.articles_replaced, second.articles_unchanged) == (0, 0, 4)


def test_store_transactions_resave_replaces_analysis(store: Store) -> None:
    store.save(make_result())
    newer = reanalysed(make_result())
    summary = store.save(newer)
    assert store.load() == newer
    assert summary.articles_replaced == 4


def test_store_transactions_unchanged_articles_are_neither_read_nor_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An incremental run names the stored articles it did not touch; only the others are
    fingerprinted and written."""
    store.save(make_result())
    newer = reanalysed(make_result())
    kept = {a.article.id for a in newer.analyses[1:]}
    fingerprinted: list[str] = []
    real_digest = write.analysis_digest

    def digest(analysis: Analysis) -> str:
        fingerprinted.append(analysis.article.id)
        return real_digest(analysis)

    monkeypatch.setattr(write, "analysis_digest", digest)
    summary = store.save(newer, unchanged=kept)
    assert fingerprinted == [newer.analyses[0].article.id]
    assert (summary.articles_replaced, summary.articles_unchanged) == (1, 3)
    stored = store.load()
    assert stored.analyses[0] == newer.analyses[0]
    assert stored.analyses[1:] == make_result().analyses[1:]  # taken at the caller's word


def test_store_transactions_crash_mid_article_keeps_previous_state(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = make_result()
    store.save(old)
    newer = reanalysed(old)
    failing = newer.analyses[1].article.id
    real_event_rows = write.event_rows

    def event_rows(analysis: Analysis) -> list[Base]:
        # Runs after this article's sentences and mentions were flushed to the database.
        if analysis.article.id == failing:
            raise RuntimeError("simulated crash")
        return real_event_rows(analysis)

    monkeypatch.setattr(write, "event_rows", event_rows)
    with pytest.raises(RuntimeError, match="simulated crash"):
        store.save(newer)
    stored = store.load()
    assert stored.analyses[0] == newer.analyses[0]  # committed before the crash
    assert stored.analyses[1] == old.analyses[1]  # rolled back whole
    assert stored.entities == old.entities  # derived tables were never reached
    assert store.list_runs()[-1].finished is None


def test_store_transactions_crash_in_new_article_leaves_no_rows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def event_rows(analysis: Analysis) -> list[Base]:
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(write, "event_rows", event_rows)
    with pytest.raises(RuntimeError):
        store.save(make_result())
    counts = row_counts(store)
    assert counts["articles"] == counts["sentences"] == counts["mentions"] == 0


def test_store_transactions_derived_tables_replaced_as_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = make_result()
    store.save(old)

    def story_rows(stories: object, positions: object = None) -> list[list[Base]]:
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(write, "story_rows", story_rows)
    with pytest.raises(RuntimeError):
        store.save(reanalysed(old))
    stored = store.load()
    assert (stored.entities, stored.facts, stored.stories) == (old.entities, old.facts, old.stories)


def test_store_transactions_derived_false_keeps_derived(store: Store) -> None:
    old = make_result()
    store.save(old)
    store.save(Result(analyses=old.analyses[:1]), derived=False)
    assert store.load() == old


def test_store_transactions_skipped_recorded_once(store: Store) -> None:
    result = make_result()
    store.record_skipped(result.skipped)
    store.record_skipped(result.skipped, run_id=None)
    assert [s.to_skipped() for s in store.list_skipped()] == result.skipped
