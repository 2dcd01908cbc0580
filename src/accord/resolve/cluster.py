"""Across articles: groups become entities through a constrained union-find.

1. Locals with one signature form a group (:mod:`accord.resolve.groups`).
2. Candidate pairs of full names and things come from blocking keys
   (:mod:`accord.resolve.blocking`), are scored (:mod:`accord.resolve.scoring`) and merge best
   first, unless the two sides contain local entities of one article: two actors of one article
   are never one entity (a cannot-link constraint, checked on every merge); nor are two
   generations ("X Jr." and "X Sr."), even through a name without a suffix that matches both.
3. Bare surnames and short thing names attach afterwards (:mod:`accord.resolve.attach`); the
   surnames that joined nothing merge among themselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from accord.model import MergeEvidence
from accord.resolve.blocking import candidate_pairs
from accord.resolve.groups import Group
from accord.resolve.scoring import acronym_counts, ambiguous_short_names, score_pair
from accord.resolve.types import PERSON
from accord.resolve.unionfind import UnionFind


class Clusters:
    """Union-find over groups that refuses any merge joining two locals of one article."""

    def __init__(self, groups: Sequence[Group]) -> None:
        self.groups = groups
        self.uf: UnionFind[int] = UnionFind(g.index for g in groups)
        self.articles: dict[int, set[str]] = {g.index: g.articles for g in groups}
        self.suffixes: dict[int, set[str]] = {
            g.index: {g.person.suffix} if g.person is not None and g.person.suffix else set()
            for g in groups
        }
        self.evidence: list[tuple[int, MergeEvidence]] = [
            (g.index, e) for g in groups for e in g.evidence
        ]
        self._strong: dict[str, list[int]] | None = None

    def merge(self, a: int, b: int, evidence: MergeEvidence) -> bool:
        """Join the components of ``a`` and ``b`` unless they share an article or name two
        generations of one name."""
        ra, rb = self.uf.find(a), self.uf.find(b)
        if ra == rb:
            return False
        small, large = sorted((self.articles[ra], self.articles[rb]), key=len)
        if any(article in large for article in small):
            return False
        suffixes = self.suffixes[ra] | self.suffixes[rb]
        if len(suffixes) > 1:
            return False
        root = self.uf.union(ra, rb)
        merged = large | small
        self.articles.pop(ra), self.articles.pop(rb)
        self.articles[root] = merged
        self.suffixes.pop(ra), self.suffixes.pop(rb)
        self.suffixes[root] = suffixes
        self.evidence.append((root, evidence))
        return True

    def strong_groups_by_article(self) -> dict[str, list[int]]:
        """Per article, its groups that identify an actor alone (not a bare surname)."""
        if self._strong is None:
            self._strong = defaultdict(list)
            for g in self.groups:
                if g.label != PERSON or g.is_full_person:
                    for article in g.articles:
                        self._strong[article].append(g.index)
        return self._strong

    def evidence_by_root(self) -> dict[int, list[MergeEvidence]]:
        """Cross-article merge evidence, keyed by each component's representative."""
        out: dict[int, list[MergeEvidence]] = defaultdict(list)
        for index, evidence in self.evidence:
            out[self.uf.find(index)].append(evidence)
        return out

    def components(self) -> list[list[Group]]:
        """Components as lists of groups, ordered by their first group."""
        comps = self.uf.groups()
        ordered = sorted(comps.values(), key=min)
        return [[self.groups[i] for i in sorted(members)] for members in ordered]


def is_short(group: Group) -> bool:
    return group.person is not None and not group.person.is_full


def _merge_scored(clusters: Clusters, selected: list[int]) -> None:
    groups = clusters.groups
    acronyms, ambiguous = acronym_counts(groups), ambiguous_short_names(groups)
    pairs = candidate_pairs(groups, selected)
    decisions = [
        d for i, j in pairs if (d := score_pair(groups[i], groups[j], acronyms, ambiguous))
    ]
    for d in sorted(decisions, key=lambda d: (-d.score, d.left, d.right)):
        clusters.merge(d.left, d.right, d.evidence)


def merge_pairs(clusters: Clusters) -> None:
    """Score every candidate pair of full names and things and merge, best first."""
    _merge_scored(clusters, [g.index for g in clusters.groups if not is_short(g)])


def merge_leftover_surnames(clusters: Clusters) -> None:
    """Bare surnames that joined no full name merge among themselves ("Varga" in 3 articles)."""
    has_full = {clusters.uf.find(g.index) for g in clusters.groups if g.is_full_person}
    leftovers = [
        g.index
        for g in clusters.groups
        if is_short(g) and clusters.uf.find(g.index) not in has_full
    ]
    _merge_scored(clusters, leftovers)
