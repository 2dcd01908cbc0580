"""Human-readable account of one entity: what it is, which spellings it joined, and why.

``accord explain ENTITY`` prints this. Each line of evidence names the two aliases it joined,
the rule, the score and the detail (the skeletons compared, the transliteration rules that made
them equal, the roles that agreed). Rules:

* within one article: ``chain`` (the analyse stage's coreference, checked), ``same_name``,
  ``translit``, ``gazetteer``, ``nationality``, ``full_name_in_article``, ``surname_in_article``,
  ``principal_surname`` (a surname several full names share, joined to the one the article
  introduces first), ``acronym_in_article``, ``partial_name_in_article``;
* across articles: ``same_name``, ``gazetteer``, ``kb``, ``nationality`` (a shared key),
  ``name_<level>`` (two full names, or two bare surnames), ``surname_<level>`` (a bare surname
  joining the one full name it matches), with level ``exact``/``translit``/``fuzzy``/``weak``
  and ``+roles`` (titles or roles agreed), ``+given`` (identical given names), ``+context``
  (co-occurring entities chose among several candidates) or ``+prominent`` (the candidate the
  corpus names ten times as often as any other); ``acronym``, ``partial_name``.
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.model import Entity
from accord.resolve.names import fold_phrase


def _evidence_lines(entity: Entity) -> list[str]:
    lines: list[str] = []
    for ev in entity.evidence:
        joined = f'"{ev.left}"' if ev.left == ev.right else f'"{ev.left}" + "{ev.right}"'
        detail = f" ({ev.detail})" if ev.detail else ""
        lines.append(f"  - {joined}: {ev.rule}, score {ev.score:.2f}{detail}")
    return lines or ["  - a single name; nothing was merged"]


def explain(entity: Entity) -> str:
    """A multi-line text saying what ``entity`` is and why each alias belongs to it."""
    articles = sorted({s.article for s in entity.mentions})
    lines = [
        f"{entity.name} [{entity.type}] id={entity.id}",
        f"  aliases: {', '.join(entity.aliases)}",
        f"  mentions: {len(entity.mentions)} in {len(articles)} article(s): {', '.join(articles)}",
    ]
    if entity.roles:
        lines.append(f"  roles: {'; '.join(entity.roles)}")
    if entity.links:
        lines.append("  links: " + ", ".join(f"{k}={v}" for k, v in sorted(entity.links.items())))
    lines.append("evidence:")
    lines.extend(_evidence_lines(entity))
    return "\n".join(lines)


def find_entities(entities: Sequence[Entity], query: str) -> list[Entity]:
    """Entities an ``accord explain QUERY`` means: the one with that id, else those whose name
    or an alias equals the query (case-, accent- and punctuation-insensitive)."""
    by_id = [e for e in entities if e.id == query]
    if by_id:
        return by_id
    key = fold_phrase(query)
    return [e for e in entities if any(fold_phrase(n) == key for n in (e.name, *e.aliases))]
