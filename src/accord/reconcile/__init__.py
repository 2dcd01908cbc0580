"""Reconciliation of facts across sources (stage ``reconcile``).

Contract: ``reconcile(analyses, stories, entities) -> list[Fact]``, run per story.
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.model import Analysis, Entity, Fact, Story


def reconcile(
    analyses: Sequence[Analysis], stories: Sequence[Story], entities: Sequence[Entity]
) -> list[Fact]:
    """PLACEHOLDER (issue 5): no facts yet."""
    return []
