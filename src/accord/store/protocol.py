"""What the pipeline and the web app need of a store, as a typing protocol.

:class:`accord.store.Store` has it; tests stand in for it with small fakes. One definition, so
that :func:`accord.pipeline.update_store` and the web app's submissions agree on it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Protocol

from accord.model import Result


class CorpusStore(Protocol):
    """Load everything stored, the saved story index, and save a result (see ``Store.save``)."""

    def load(self) -> Result: ...

    def load_story_index(self) -> dict[str, Any] | None: ...

    def save(
        self,
        result: Result,
        *,
        derived: bool = True,
        story_index: dict[str, Any] | None = None,
        unchanged: Collection[str] = (),
        stored: Result | None = None,
    ) -> Any: ...
