"""Within one article: mentions of one actor become one *local entity*.

Mentions join when the analyse stage put them in one coreference chain (checked: a chain never
joins a person with a non-person, nor two people whose names cannot match), when they carry the
same name, when a surname alone matches exactly one full name of the article, and when an
acronym spells exactly one multi-word name of the article. Two local entities of one article are
different actors: the cross-article step never merges them (a cannot-link constraint).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from accord.model import Analysis, MergeEvidence, Mention
from accord.resolve.gazetteer import Place, lookup_place
from accord.resolve.kb import KBEntry, KnowledgeBase
from accord.resolve.names import (
    PersonName,
    acronym_of,
    as_acronym,
    clean_surface,
    fold_phrase,
    parse_person,
)
from accord.resolve.similarity import person_match
from accord.resolve.types import PERSON, compatible, majority
from accord.resolve.unionfind import UnionFind

# A PERSON-labelled name is taken for a place only when the place is prominent enough that a
# person rarely goes by that name alone (cities below this population stay people: "Jackson").
RETYPE_CITY_POPULATION = 500_000


@dataclass(slots=True)
class Local:
    """One actor of one article: its mentions, names, type, roles and links."""

    article: str
    mentions: list[Mention]
    label: str
    names: list[str]  # cleaned surface forms, most complete first
    person: PersonName | None = None
    place: Place | None = None
    kb: KBEntry | None = None
    roles: list[str] = field(default_factory=list)
    evidence: list[MergeEvidence] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def is_full_person(self) -> bool:
        return self.person is not None and self.person.is_full

    def signature(self) -> tuple[str, ...]:
        """Exact identity key: locals of different articles with equal signatures merge at once."""
        if self.kb is not None:
            return ("kb", self.kb.id)
        if self.label == PERSON and self.person is not None:
            return ("person", fold_phrase(self.name))
        if self.place is not None:
            return ("geo", str(self.place.geonameid))
        return ("name", fold_phrase(self.name))


def _mention_key(m: Mention) -> tuple[str, str]:
    """Within one article, mentions with equal keys are one actor."""
    if m.label == PERSON:
        parsed = parse_person(m.text)
        return ("person", " ".join((*parsed.given, parsed.surname)))
    place = lookup_place(clean_surface(m.text))
    return ("thing", f"geo:{place.geonameid}" if place else fold_phrase(m.text))


def _chain_ok(a: Mention, b: Mention) -> bool:
    """Our own check of the analyse stage's chain link."""
    if not compatible(a.label, b.label):
        return False
    if a.label != PERSON:
        return True
    pa, pb = parse_person(a.text), parse_person(b.text)
    if pa.is_full and pb.is_full or not (pa.is_full or pb.is_full):
        return person_match(pa, pb).level in ("exact", "translit", "fuzzy")
    full, short = (pa, pb) if pa.is_full else (pb, pa)
    return short.surname in (full.surname, full.first) or person_match(full, short).matched


def _evidence(uf: UnionFind[int], ms: Sequence[Mention], i: int, j: int, rule: str) -> MergeEvidence:
    uf.union(i, j)
    left, right = clean_surface(ms[i].text), clean_surface(ms[j].text)
    return MergeEvidence(left, right, rule, 1.0, f"within article {ms[i].article}")


def _join_chains(uf: UnionFind[int], ms: Sequence[Mention], out: list[MergeEvidence]) -> None:
    by_chain: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(ms):
        if m.chain >= 0:
            by_chain[m.chain].append(i)
    for members in by_chain.values():
        anchor = max(members, key=lambda i: (len(ms[i].text), -i))
        for i in members:
            if i != anchor and _chain_ok(ms[anchor], ms[i]):
                out.append(_evidence(uf, ms, anchor, i, "chain"))


def _join_same_names(uf: UnionFind[int], ms: Sequence[Mention], out: list[MergeEvidence]) -> None:
    first: dict[tuple[str, str], int] = {}
    for i, m in enumerate(ms):
        key = _mention_key(m)
        if key in first and uf.find(first[key]) != uf.find(i):
            same = fold_phrase(ms[first[key]].text) == fold_phrase(m.text)
            rule = "same_name" if same else ("translit" if key[0] == "person" else "gazetteer")
            out.append(_evidence(uf, ms, first[key], i, rule))
        first.setdefault(key, i)


def _join_surnames(uf: UnionFind[int], ms: Sequence[Mention], out: list[MergeEvidence]) -> None:
    """A surname alone joins the article's only full name with that surname."""
    full: dict[str, set[int]] = defaultdict(set)
    for i, m in enumerate(ms):
        parsed = parse_person(m.text) if m.label == PERSON else None
        if parsed is not None and parsed.is_full:
            full[parsed.surname].add(i)
    for i, m in enumerate(ms):
        parsed = parse_person(m.text) if m.label == PERSON else None
        if parsed is None or parsed.is_full or not parsed.surname:
            continue
        roots = {uf.find(j) for j in full.get(parsed.surname, ())}
        if len(roots) == 1 and uf.find(i) not in roots:
            target = min(full[parsed.surname])
            out.append(_evidence(uf, ms, target, i, "surname_in_article"))


def _join_acronyms(uf: UnionFind[int], ms: Sequence[Mention], out: list[MergeEvidence]) -> None:
    """An acronym joins the article's only multi-word name it spells ("EU" → European Union)."""
    spelled: dict[str, set[int]] = defaultdict(set)
    for i, m in enumerate(ms):
        if m.label != PERSON and acronym_of(m.text):
            spelled[acronym_of(m.text)].add(i)
    for i, m in enumerate(ms):
        letters = as_acronym(m.text) if m.label != PERSON else ""
        roots = {uf.find(j) for j in spelled.get(letters, ())} if letters else set()
        if len(roots) == 1 and uf.find(i) not in roots:
            out.append(_evidence(uf, ms, min(spelled[letters]), i, "acronym_in_article"))


def _ordered_names(ms: Sequence[Mention]) -> list[str]:
    """Distinct cleaned surface forms, most complete (most words), then most frequent, first."""
    counts: dict[str, int] = defaultdict(int)
    for m in ms:
        counts[clean_surface(m.text) or m.text] += 1
    return sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n))


def _as_place(label: str, names: Sequence[str], has_roles: bool) -> Place | None:
    """The gazetteer place a local denotes, if any; a PERSON only for prominent places."""
    if label == PERSON:
        if has_roles or any(parse_person(n).is_full and lookup_place(n) is None for n in names):
            return None
        place = lookup_place(names[0])
        prominent = place is not None and (
            place.kind != "city" or place.population >= RETYPE_CITY_POPULATION
        )
        return place if prominent else None
    for name in names:
        place = lookup_place(name)
        if place is not None:
            return place
    return None


def _place_label(label: str, place: Place) -> str:
    if label in ("GPE", "LOC", "FAC", "ORG"):
        return label
    return "LOC" if place.kind == "continent" else "GPE"


def _make_local(ms: list[Mention], kb: KnowledgeBase | None) -> Local:
    label = majority(m.label for m in ms)
    names = _ordered_names(ms)
    roles = list(dict.fromkeys(r for m in ms for r in (*m.titles, *m.roles)))
    place = _as_place(label, names, bool(roles))
    if place is not None:
        label = _place_label(label, place)
    local = Local(ms[0].article, ms, label, names, place=place, roles=roles)
    if label == PERSON:
        local.person = parse_person(names[0])
    if kb is not None:
        local.kb = kb.link(names, label)
    return local


def build_locals(analysis: Analysis, kb: KnowledgeBase | None = None) -> list[Local]:
    """The article's local entities, in order of first mention."""
    ms = sorted(analysis.mentions, key=lambda m: (m.start, m.end))
    uf: UnionFind[int] = UnionFind(range(len(ms)))
    evidence: list[MergeEvidence] = []
    for join in (_join_chains, _join_same_names, _join_surnames, _join_acronyms):
        join(uf, ms, evidence)
    locals_: list[Local] = []
    index: dict[int, Local] = {}
    for root, members in uf.groups().items():
        local = _make_local([ms[i] for i in members], kb)
        index[root] = local
        locals_.append(local)
    for ev in evidence:
        owner = next(loc for loc in locals_ if ev.left in loc.names or ev.right in loc.names)
        owner.evidence.append(ev)
    return locals_
