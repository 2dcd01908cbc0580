"""Cross-article entity resolution (stage ``resolve``).

Contract: ``resolve(analyses, kb=None) -> list[Entity]``. Reads ``Analysis.mentions`` (label,
titles, roles, within-article ``chain``); sets ``Mention.entity`` on every mention it groups and
returns the entities with aliases, roles, mention spans, links and merge evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from accord.model import Analysis, Entity, Span


def resolve(analyses: Sequence[Analysis], kb: Any = None) -> list[Entity]:
    """PLACEHOLDER (issue 3): one entity per within-article chain, exact names only."""
    by_key: dict[tuple[str, str], Entity] = {}
    for analysis in analyses:
        for m in analysis.mentions:
            key = (m.label, m.text.lower())
            ent = by_key.get(key)
            if ent is None:
                ent = Entity(id=f"e{len(by_key) + 1}", name=m.text, type=m.label, aliases=[m.text])
                by_key[key] = ent
            ent.mentions.append(Span(m.article, m.start, m.end, m.text))
            m.entity = ent.id
    return list(by_key.values())
