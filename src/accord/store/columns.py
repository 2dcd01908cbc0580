"""Model fields ↔ table columns, by one naming rule instead of a hand-written copy per table.

A column is named after the model field it holds, except where SQL or the table's key needs
another name (:data:`RENAMED`: ``end`` and ``left``/``right`` are SQL keywords, and a child row
names its parent as ``<parent>_id``). Lists and dicts are copied on the way in and out, so a
stored row never shares a list with a model object.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import fields
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")

RENAMED = {
    "article": "article_id",
    "start": "start_char",
    "end": "end_char",
    "entity": "entity_id",
    "story": "story_id",
    "left": "left_alias",
    "right": "right_alias",
}


def column(field_name: str) -> str:
    """The column that holds the model field ``field_name``."""
    return RENAMED.get(field_name, field_name)


def _copied(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def to_columns(obj: DataclassInstance, *, skip: Collection[str] = ()) -> dict[str, Any]:
    """``obj``'s fields as column values (keyword arguments for a row class)."""
    return {
        column(f.name): _copied(getattr(obj, f.name)) for f in fields(obj) if f.name not in skip
    }


@cache
def _init_columns(cls: type[DataclassInstance]) -> tuple[tuple[str, str], ...]:
    """(field, column) of each field ``cls.__init__`` takes (``fields()`` is slow to ask per row)."""
    return tuple((f.name, column(f.name)) for f in fields(cls) if f.init)


def from_columns(cls: type[T], row: object, **given: Any) -> T:
    """A ``cls`` built from ``row``'s columns; ``given`` fields are taken as given instead."""
    values = {
        name: _copied(getattr(row, col)) for name, col in _init_columns(cls) if name not in given
    }
    return cls(**values, **given)
