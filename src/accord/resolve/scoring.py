"""Scoring: whether two groups denote one entity, how strongly, and why.

People: surname level (:mod:`accord.resolve.similarity`) with compatible given names, checked
against roles (:mod:`accord.resolve.roles`). Things: same folded name, acronym, skeleton, one
fuzzy word; never two GeoNames places or KB ids, nor names differing in a number.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from accord.model import MergeEvidence
from accord.resolve.groups import Group
from accord.resolve.names import PersonName, acronym_of, as_acronym, fold_phrase
from accord.resolve.roles import compare_roles
from accord.resolve.similarity import NameMatch, person_match, token_match
from accord.resolve.translit import skeleton
from accord.resolve.types import PERSON, compatible, same_kind

WEAK_SAME_GIVEN_JW = 0.85
# A span that joins two phrases with a dash, slash or colon is a headline or byline the NER ran
# together ("Computerworld - Microsoft", "Bettie Page: Life"), not one thing's full name.
_SEPARATOR = re.compile(r"\s[-–—/|]\s|:\s")


@dataclass(frozen=True, slots=True)
class Decision:
    """A pair to merge, how strongly, and why."""

    score: float
    left: int
    right: int
    evidence: MergeEvidence


def decide_person(
    a: PersonName, b: PersonName, roles_a: Sequence[str], roles_b: Sequence[str]
) -> tuple[NameMatch, str] | None:
    """Name match plus role check for two people; None when they must not merge.

    Exact and transliterated surnames (with compatible given names) merge unless the roles
    conflict; a fuzzy surname too; a weak one (only consonants agree) only with strongly
    agreeing roles, or with the very same given names and a close surname (same first letter,
    Jaro-Winkler of the skeletons ≥ ``WEAK_SAME_GIVEN_JW``).
    """
    match = person_match(a, b)
    roles = compare_roles(roles_a, roles_b)
    if not match.matched or (roles.conflict and match.level != "exact"):
        return None
    if roles.strong:
        return match, f"roles agree ({', '.join(sorted(roles.shared))})"
    if match.level == "weak":
        close = (
            a.surname[:1] == b.surname[:1]
            and JaroWinkler.similarity(a.surname, b.surname) >= WEAK_SAME_GIVEN_JW
        )
        if not (a.is_full and a.given == b.given and close):
            return None
        return match, f"same given names ({' '.join(a.raw_given)})"
    return match, ""


def _score_people(a: Group, b: Group) -> Decision | None:
    if a.is_full_person != b.is_full_person:
        return None  # a surname alone joins a full name only when unambiguous (attach_surnames)
    assert a.person is not None and b.person is not None
    decided = decide_person(a.person, b.person, a.roles, b.roles)
    return None if decided is None else person_decision(a, b, *decided)


def person_decision(a: Group, b: Group, match: NameMatch, why: str, kind: str = "name") -> Decision:
    """``kind`` is "name" for two full names (or two bare surnames), "surname" for a bare
    surname joining a full name."""
    roles = why.startswith("roles")
    score = round(match.score + (0.1 if why else 0.0), 3)
    detail = "; ".join(x for x in (match.detail, why) if x)
    rule = f"{kind}_{match.level}" + ("+roles" if roles else "+given" if why else "")
    evidence = MergeEvidence(a.first.name, b.first.name, rule, score, detail)
    return Decision(score, a.index, b.index, evidence)


def _score_things(
    a: Group, b: Group, acronyms: dict[str, int], ambiguous: Mapping[str, str | None] | None = None
) -> Decision | None:
    pa, pb = a.first.place, b.first.place
    if (pa and pb and pa.geonameid != pb.geonameid) or (
        a.first.kb and b.first.kb and a.first.kb.id != b.first.kb.id
    ):
        return None
    blocked_a, blocked_b = _blocked(a, b, ambiguous), _blocked(b, a, ambiguous)
    for na in a.names:
        if na in blocked_a:
            continue  # "House", short for the White House here, a committee there
        for nb in b.names:
            if nb in blocked_b:
                continue
            found = _thing_match(na, nb, a.label, b.label, acronyms, both_places=bool(pa and pb))
            if found is not None:
                rule, score, detail = found
                return Decision(score, a.index, b.index, MergeEvidence(na, nb, rule, score, detail))
    return None


def _thing_match(
    na: str, nb: str, la: str, lb: str, acronyms: dict[str, int], both_places: bool
) -> tuple[str, float, str] | None:
    fa, fb = fold_phrase(na), fold_phrase(nb)
    if fa == fb and compatible(la, lb):
        return "same_name", 1.0, f"folded '{fa}'"
    if not same_kind(la, lb) or re.findall(r"\d+", fa) != re.findall(r"\d+", fb):
        return None  # numbers tell things apart ("Model 8" vs "Model 11")
    for short, long_ in ((na, nb), (nb, na)):
        letters = as_acronym(short)
        if letters and letters == acronym_of(long_) and acronyms.get(letters, 0) == 1:
            return "acronym", 0.9, f"'{short}' spells '{long_}' (the only name it spells)"
    ska = " ".join(skeleton(w) for w in fa.split())
    skb = " ".join(skeleton(w) for w in fb.split())
    if both_places:
        return None
    if ska == skb:
        return "name_translit", 0.9, f"same skeleton '{ska}'"
    return _one_word_fuzzy(fa.split(), fb.split())


def _one_word_fuzzy(wa: list[str], wb: list[str]) -> tuple[str, float, str] | None:
    """Names of equal length whose words all share skeletons but one, and that one a fuzzy
    match ("Dragomirov Institute" / "Dragomirev Institute")."""
    if len(wa) != len(wb):
        return None
    differing = [(a, b) for a, b in zip(wa, wb, strict=True) if skeleton(a) != skeleton(b)]
    if len(differing) != 1:
        return None
    a, b = differing[0]
    match = token_match(a, b, skeleton(a), skeleton(b))
    return (
        ("name_fuzzy", round(0.8 * match.score, 3), match.detail)
        if match.level == "fuzzy"
        else None
    )


def acronym_counts(groups: Iterable[Group]) -> dict[str, int]:
    """How many distinct multi-word names spell each acronym (an acronym links only if one)."""
    spelled: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        if group.label != PERSON:
            for name in group.names:
                if acronym_of(name):
                    spelled[acronym_of(name)].add(fold_phrase(name))
    return {letters: len(names) for letters, names in spelled.items()}


def _blocked(group: Group, other: Group, ambiguous: Mapping[str, str | None] | None) -> set[str]:
    """The names through which ``group`` may not join ``other``: ambiguous short forms it took
    in an article (:func:`ambiguous_short_names`), unless ``other`` is that short name written
    alone and ``group`` its dominant owner."""
    if not ambiguous:
        return set()
    own, others_own, full = _own_names(group), _own_names(other), fold_phrase(group.first.name)
    out: set[str] = set()
    for name in group.names:
        folded = fold_phrase(name)
        if folded not in ambiguous or folded in own:
            continue
        if ambiguous[folded] == full and folded in others_own:
            continue
        out.add(name)
    return out


def _own_names(group: Group) -> set[str]:
    """The folded full names of a group's locals (not the short forms they took in articles)."""
    return {fold_phrase(loc.name) for loc in group.locals}


def ambiguous_short_names(groups: Iterable[Group]) -> dict[str, str | None]:
    """Folded short names of things that stand for different full names in different articles,
    each with its dominant owner (the full name with at least twice the mentions of any other)
    or None: "House" for the White House in one report and for the House Intelligence
    Committee in another, "Post" for the Washington Post and the Huffington Post. Such a name
    never joins two of its owners (the White House and the committee stay apart, as two names
    an acronym spells do); written alone, it joins its dominant owner, if any ("Church" the
    church of the story rather than the Catholic Church named once). Two full names are one
    owner when one holds the other ("Goldman Sachs", "Goldman Sachs Group") or when both begin
    with the short name, which then is the distinctive part ("Watergate scandal", "Watergate
    affair"); a head word they share ("Post", "Church") or a word that heads one and modifies
    the other ("House") names different things."""
    owners: dict[str, set[tuple[str, bool]]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    for group in groups:
        if group.label == PERSON:
            continue
        if _SEPARATOR.search(group.first.name):
            continue  # "Computerworld - Microsoft", "Worldandnation / Watergate": no one name
        own = _own_names(group)
        full = fold_phrase(group.first.name)
        mentions[full] += sum(len(loc.mentions) for loc in group.locals)
        for name in group.names:
            folded = fold_phrase(name)
            if folded not in own:
                owners[folded].add((full, f"{full} ".startswith(f"{folded} ")))
    out: dict[str, str | None] = {}
    for short, owned in owners.items():
        if _conflict(owned):
            ranked = sorted({name for name, _ in owned}, key=lambda n: -mentions[n])
            top = ranked[0] if mentions[ranked[0]] >= 2 * mentions[ranked[1]] else None
            out[short] = top
    return out


def _conflict(owners: set[tuple[str, bool]]) -> bool:
    """Whether two of a short name's owners (full name, begins with it) are different things."""
    return any(
        not (_holds(x, y) or _holds(y, x) or (x_begins and y_begins))
        for x, x_begins in owners
        for y, y_begins in owners
    )


def _holds(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def score_pair(
    a: Group, b: Group, acronyms: dict[str, int], ambiguous: Mapping[str, str | None] | None = None
) -> Decision | None:
    """Whether and how strongly two groups denote one entity (None: keep apart); ``ambiguous``:
    short names that join none of their owners to another, only to the name written alone
    (:func:`ambiguous_short_names`)."""
    if not compatible(a.label, b.label):
        return None
    if a.label == PERSON:
        return _score_people(a, b)
    return _score_things(a, b, acronyms, ambiguous)
