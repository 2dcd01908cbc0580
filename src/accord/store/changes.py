"""Write only what changed in the cross-article tables (entities, facts, stories).

An incremental ``accord run`` recomputes entities, facts and stories from every stored article,
but one new article changes few of them: the entities it names, the stories it joins or a
tidy-up moves, and those stories' facts. Rewriting all the rows each run made a run's cost grow
with the database; this module compares the new lists with the ones the caller loaded and
deletes, inserts and re-positions only the rows that differ.

It trusts the loaded lists only after checking them against the database (same ids at the same
positions); otherwise :meth:`accord.store.Store.replace_derived` replaces everything, as it
always did.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from accord.store import write
from accord.store.schema import (
    Base,
    EntityMentionRow,
    EntityRow,
    FactEvidenceRow,
    FactRow,
    MergeEvidenceRow,
    StoryArticleRow,
    StoryDuplicateRow,
    StoryRow,
)

CHUNK = 500  # ids per DELETE ... IN (...), well under every backend's parameter limit


class Identified(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=Identified)


@dataclass(frozen=True, slots=True)
class Family(Generic[T]):
    """A parent table, its child tables (by their parent-id column name), and how to make rows."""

    parent: type[Base]
    children: tuple[tuple[type[Base], str], ...]
    rows: Callable[[Sequence[T], Sequence[int]], list[list[Base]]]


# The row builders are looked up on ``write`` at call time (so tests can stand in for them).
ENTITIES: Family[Any] = Family(
    EntityRow,
    ((EntityMentionRow, "entity_id"), (MergeEvidenceRow, "entity_id")),
    lambda items, positions: write.entity_rows(items, positions),
)
FACTS: Family[Any] = Family(
    FactRow,
    ((FactEvidenceRow, "fact_id"),),
    lambda items, positions: write.fact_rows(items, positions),
)
STORIES: Family[Any] = Family(
    StoryRow,
    ((StoryArticleRow, "story_id"), (StoryDuplicateRow, "story_id")),
    lambda items, positions: write.story_rows(items, positions),
)


@dataclass(slots=True)
class Changes(Generic[T]):
    """What turns the stored list into the new one."""

    delete: list[str]  # ids whose rows go (gone, or changed and written again)
    write: list[tuple[int, T]]  # (position, item) to insert: new or changed
    moved: list[tuple[str, int]]  # (id, new position) of unchanged items whose place changed

    def __len__(self) -> int:
        return len(self.delete) + len(self.write) + len(self.moved)


def diff(old: Sequence[T], new: Sequence[T]) -> Changes[T]:
    """The changes from ``old`` to ``new``, items matched by id and compared by value."""
    before = {item.id: (position, item) for position, item in enumerate(old)}
    ids = {item.id for item in new}
    changes: Changes[T] = Changes([i for i in before if i not in ids], [], [])
    for position, item in enumerate(new):
        hit = before.get(item.id)
        if hit is None or hit[1] != item:
            changes.write.append((position, item))
            if hit is not None:
                changes.delete.append(item.id)
        elif hit[0] != position:
            changes.moved.append((item.id, position))
    return changes


def holds(session: Session, family: Family[T], items: Sequence[T]) -> bool:
    """Whether the database's parent rows are exactly ``items``' ids at their positions (so the
    caller's loaded copy may stand for what is stored)."""
    table = family.parent.__table__
    stored = {row.id: row.position for row in session.execute(select(table.c.id, table.c.position))}
    return stored == {item.id: position for position, item in enumerate(items)}


def apply(session: Session, family: Family[T], changes: Changes[T]) -> None:
    """Delete, re-position and insert rows as ``changes`` says (children before parents, so no
    foreign key trips even where ON DELETE CASCADE is not enforced)."""
    parent = family.parent.__table__
    for start in range(0, len(changes.delete), CHUNK):
        ids = changes.delete[start : start + CHUNK]
        for child, column in family.children:
            session.execute(delete(child).where(child.__table__.c[column].in_(ids)))
        session.execute(delete(family.parent).where(parent.c.id.in_(ids)))
    if changes.moved:
        session.execute(update(family.parent), [{"id": i, "position": p} for i, p in changes.moved])
    if changes.write:
        positions = [position for position, _ in changes.write]
        items = [item for _, item in changes.write]
        for rows in family.rows(items, positions):
            session.add_all(rows)
            session.flush()
