"""Writing only the derived rows that changed (``Store.save(..., stored=...)``)."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from accord.model import Entity, Fact, Result, Span, Story
from accord.store import Store, open_store, write
from accord.store.changes import diff
from accord.store.schema import Base
from test_store_support import BACKENDS, database_url, make_result
from test_store_transactions import row_counts


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with database_url(request.param, tmp_path) as url, open_store(url) as opened:
        yield opened


def derived(result: Result) -> tuple[list[Entity], list[Fact], list[Story]]:
    return (result.entities, result.facts, result.stories)


def next_run(result: Result) -> Result:
    """What a later run recomputes: one entity gains a mention, a fact goes, one comes, a
    story gains a copy, the stories change order; everything else is as it was."""
    newer = copy.deepcopy(result)
    newer.entities[1].mentions.append(Span(newer.analyses[0].article.id, 0, 4, "Kyiv"))
    newer.facts = [*newer.facts[1:], Fact("F9", "Prisoners exchanged", "RELEASE", "single_source")]
    newer.stories[1].duplicates = {newer.stories[1].articles[0]: newer.stories[1].articles[0]}
    newer.stories.reverse()
    return newer


def recording(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Record which items the row builders are asked for."""
    asked: dict[str, list[str]] = {}
    for name in ("entity_rows", "fact_rows", "story_rows"):
        real = getattr(write, name)

        def builder(
            items: Sequence[Any], positions: Any = None, *, _real: Any = real, _name: str = name
        ) -> list[list[Base]]:
            asked.setdefault(_name, []).extend(item.id for item in items)
            return _real(items, positions)  # type: ignore[no-any-return]

        monkeypatch.setattr(write, name, builder)
    return asked


def test_store_changes_diff_matches_by_id_and_compares_by_value() -> None:
    a, b, c, d = (Story(x, x.upper()) for x in "abcd")
    b2 = Story("b", "B, retitled")
    changes = diff([a, b, c], [b2, c, d])
    assert changes.delete == ["a", "b"]
    assert changes.write == [(0, b2), (2, d)]
    assert changes.moved == [("c", 1)]
    assert len(diff([a, b], [a, b])) == 0


def test_store_changes_writes_only_what_changed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(make_result())
    loaded = store.load()
    newer = next_run(loaded)
    asked = recording(monkeypatch)
    store.save(newer, stored=loaded, unchanged={a.article.id for a in loaded.analyses})
    assert asked == {
        "entity_rows": [newer.entities[1].id],
        "fact_rows": ["F9"],
        "story_rows": [newer.stories[-2].id],
    }
    assert derived(store.load()) == derived(newer)
    # The same rows as a wholesale replacement leaves.
    counts = row_counts(store)
    store.save(newer)
    assert row_counts(store) == counts | {"runs": counts["runs"] + 1}
    assert derived(store.load()) == derived(newer)


def test_store_changes_stale_copy_replaces_everything(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process saved since the caller loaded: its copy no longer says what is stored."""
    store.save(make_result())
    loaded = store.load()
    other = copy.deepcopy(loaded)
    other.facts = other.facts[:2]
    store.save(other)
    newer = next_run(loaded)
    asked = recording(monkeypatch)
    store.save(newer, stored=loaded)
    assert len(asked["fact_rows"]) == len(newer.facts)  # every row written again
    assert derived(store.load()) == derived(newer)


def test_store_changes_crash_keeps_the_previous_rows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(make_result())
    loaded = store.load()

    def story_rows(stories: object, positions: object = None) -> list[list[Base]]:
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(write, "story_rows", story_rows)
    with pytest.raises(RuntimeError, match="simulated crash"):
        store.save(next_run(loaded), stored=loaded)
    assert derived(store.load()) == derived(loaded)
    assert store.load_story_index() is None
