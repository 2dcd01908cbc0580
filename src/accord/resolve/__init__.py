"""Cross-article entity resolution (stage ``resolve``).

Contract: ``resolve(analyses, kb=None) -> list[Entity]``. Reads ``Analysis.mentions`` (label,
titles, roles, within-article ``chain``); sets ``Mention.entity`` on every mention and returns
the entities with canonical name, type, aliases, roles, mention spans, links (``geonames``,
``kb``) and the evidence for every merge (``explain(entity)`` prints it).

How: capitalised common words the tagger took for names ("Turnout was 61%") are taken out of
``Analysis.mentions`` first (:mod:`.common_words`); mention labels are then made consistent across articles from the text's type evidence
(:mod:`.type_evidence`); mentions of one article become local entities (:mod:`.local`); locals are grouped by
exact signature (:mod:`.groups`), compared only within blocking keys (:mod:`.blocking`), scored
on names under transliteration rules plus roles (:mod:`.scoring`), merged with union-find under
a cannot-link constraint (:mod:`.cluster`); bare surnames and short names attach last
(:mod:`.attach`); components become entities (:mod:`.entities`). See docs/resolve.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.model import Analysis, Entity
from accord.resolve.attach import attach_partial_names, attach_surnames
from accord.resolve.cluster import Clusters, merge_leftover_surnames, merge_pairs
from accord.resolve.common_words import drop_common_words
from accord.resolve.entities import article_reliability, build_entity
from accord.resolve.explain import explain, find_entities
from accord.resolve.gazetteer import Place, lookup_place
from accord.resolve.groups import make_groups
from accord.resolve.kb import KBEntry, KnowledgeBase, load_kb
from accord.resolve.local import Local, build_locals
from accord.resolve.type_evidence import Named, is_personal_role, repair_labels

__all__ = [
    "KBEntry",
    "KnowledgeBase",
    "Place",
    "explain",
    "find_entities",
    "load_kb",
    "lookup_place",
    "resolve",
]


def resolve(
    analyses: Sequence[Analysis], kb: KnowledgeBase | None = None, *, prune: bool = True
) -> list[Entity]:
    """Group every mention of every article into cross-article entities.

    ``prune``: first remove the mentions that the articles show to be capitalised common words
    (:func:`accord.resolve.common_words.drop_common_words`); ``False`` keeps every mention, for
    mentions that are given rather than found (gold annotations)."""
    if prune:
        drop_common_words(analyses)
    retype_mentions(analyses)
    locals_: list[Local] = [loc for a in analyses for loc in build_locals(a, kb)]
    clusters = Clusters(make_groups(locals_))
    merge_pairs(clusters)
    attach_surnames(clusters)
    merge_leftover_surnames(clusters)
    attach_partial_names(clusters)
    evidence = clusters.evidence_by_root()
    reliability = article_reliability(locals_)
    taken: set[str] = set()
    entities = []
    for component in clusters.components():
        root = clusters.uf.find(component[0].index)
        entities.append(build_entity(component, evidence.get(root, []), reliability, taken))
    return entities


def retype_mentions(analyses: Sequence[Analysis]) -> None:
    """One name, one type across the articles: set ``Mention.label`` from the evidence of all
    articles (a demonym in one article makes its base a country in all; see
    :mod:`accord.resolve.type_evidence`)."""
    texts = [a.article.text for a in analyses]
    mentions = [m for a in analyses for m in a.mentions]
    found = [
        Named(i, m.start, m.end, m.label, bool(m.titles) or any(map(is_personal_role, m.roles)))
        for i, a in enumerate(analyses)
        for m in a.mentions
    ]
    for mention, label in zip(mentions, repair_labels(texts, found), strict=True):
        mention.label = label
