"""Turning groups of aligned claims into facts with a status, evidence and conflicts."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from accord.model import Conflict, Event, Fact, FactStatus, Span
from accord.reconcile.align import PairScore
from accord.reconcile.claims import Claim
from accord.reconcile.duplicates import source_of

MIN_WORDS = 4  # shorter units (section headings, bylines) are not facts


def fact_id(story: str, claims: Sequence[Claim]) -> str:
    """Stable id from the story and the evidence spans."""
    key = story + "|" + "|".join(sorted(c.id for c in claims))
    return "f" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _span(claim: Claim) -> Span:
    return Span(claim.article, claim.start, claim.end, claim.text)


def _against(indices: list[int], scores: dict[tuple[int, int], PairScore]) -> dict[int, str]:
    """The claims that disagree with the group's kept account, each with its reason.

    The kept account is the largest set of claims that do not disagree with one another (the
    claims with fewest disagreements go first), so "40 boats" twice against "45 boats" once
    keeps 40 and lists 45 as the disagreement. Each reason reads from the disagreeing claim,
    its own value first ("number: 45 boats vs 40 boats")."""
    reasons: dict[int, dict[int, str]] = {i: {} for i in indices}
    for a_pos, i in enumerate(indices):
        for j in indices[a_pos + 1 :]:
            pair = scores.get((min(i, j), max(i, j)))
            if pair is not None and pair.reasons and pair.aligned:
                ordered = pair.reasons if i < j else [_swap(r) for r in pair.reasons]
                reasons[i][j] = "; ".join(ordered)
                reasons[j][i] = "; ".join(_swap(r) for r in ordered)
    kept: list[int] = []
    against: dict[int, str] = {}
    for i in sorted(indices, key=lambda k: (len(reasons[k]), indices.index(k))):
        clash = [k for k in kept if k in reasons[i]]
        if clash:
            against[i] = reasons[i][clash[0]]
        else:
            kept.append(i)
    return against


def _swap(reason: str) -> str:
    """ "number: A vs B" seen from the other claim: "number: B vs A"."""
    kind, _, values = reason.partition(": ")
    left, sep, right = values.partition(" vs ")
    return f"{kind}: {right} vs {left}" if sep else reason


def _status(claims: Sequence[Claim], duplicates: dict[str, str], conflicted: bool) -> FactStatus:
    if conflicted:
        return "conflicting"
    sources = {source_of(c.article, duplicates) for c in claims}
    return "corroborated" if len(sources) >= 2 else "single_source"


def _statement(
    claims: Sequence[Claim], indices: list[int], scores: dict[tuple[int, int], PairScore]
) -> str:
    """The most central evidence text (highest mean score to the others); body text preferred,
    and a unit that starts a sentence over a clause split off one ("negotiators said ...")."""

    def centrality(i: int) -> tuple[bool, bool, float]:
        values = [
            scores[min(i, j), max(i, j)].score for j in indices if (min(i, j), max(i, j)) in scores
        ]
        opens = claims_by[i].text.lstrip("\"“‘'")[:1].isupper()
        return (not claims_by[i].headline, opens, sum(values) / len(values) if values else 0.0)

    claims_by = {i: c for i, c in zip(indices, claims, strict=True)}
    best = max(indices, key=centrality)
    return readable(claims_by[best].text)


_LEADING = re.compile(r"^(?:(?:and|but|or|that|so|while|with)\b[\s,]*)+", re.IGNORECASE)


def readable(text: str) -> str:
    """A clause as a statement: one line, no leading conjunction, capitalised."""
    flat = _LEADING.sub("", " ".join(text.split())) or " ".join(text.split())
    return flat[:1].upper() + flat[1:]


def _type(
    claims: Sequence[Claim], events: Sequence[Event], support: Sequence[Claim] = ()
) -> tuple[str, list[str]]:
    """The PLOVER type of the events inside the evidence, else the class of the claims' main
    predicates (else of any of their predicates); and the ids of all those events. The type is
    read off the ``support`` claims where they have any: a disagreeing sentence is evidence of
    the fact, but a classifier misfire in it ("shares fell" read as a protest) should not name
    what the sources agree on."""
    inside = _events_inside(claims, events)
    if inside:
        named = _events_inside(support, events) or inside
        kind = Counter(e.type for e in named).most_common(1)[0][0]
        return kind, sorted({e.id for e in inside})
    for group in (support, claims):  # the main predicates' classes, else any predicate's
        classes = Counter(c.main_class for c in group if c.main_class) or Counter(
            k for c in group for k in c.classes
        )
        if classes:  # ties go to the first name (a claim's classes are an unordered set)
            return min(classes, key=lambda k: (-classes[k], k)), []
    return "STATEMENT", []


def _events_inside(claims: Sequence[Claim], events: Sequence[Event]) -> list[Event]:
    return [
        e
        for e in events
        for c in claims
        if e.article == c.article and c.start <= e.start and e.end <= c.end
    ]


def build_fact(
    story: str,
    all_claims: Sequence[Claim],
    indices: list[int],
    scores: dict[tuple[int, int], PairScore],
    duplicates: dict[str, str],
    events: Sequence[Event],
) -> Fact | None:
    """One fact from a group of claim indices, or None for a lone fragment too short to report
    or a group of headlines only (a headline summarises its article's body, whose claims are
    facts of their own)."""
    claims = [all_claims[i] for i in indices]
    if len(claims) == 1 and len(claims[0].text.split()) < MIN_WORDS:
        return None
    if all(c.headline for c in claims):
        return None
    told = {c.article for c in claims if not c.headline}
    indices = [i for i in indices if not (all_claims[i].headline and all_claims[i].article in told)]
    claims = [all_claims[i] for i in indices]  # a headline adds nothing to its own body's claim
    against = _against(indices, scores)
    support = [all_claims[i] for i in indices if i not in against]
    conflicts = [
        Conflict(
            all_claims[j].article,
            all_claims[j].start,
            all_claims[j].end,
            all_claims[j].text,
            reason=reason,
        )
        for j, reason in sorted(against.items())
    ]
    kind, event_ids = _type(claims, events, support)
    return Fact(
        id=fact_id(story, claims),
        statement=_statement(claims, indices, scores),
        type=kind,
        status=_status(claims, duplicates, bool(conflicts)),
        support=[_span(c) for c in support],
        conflicts=conflicts,
        story=story,
        events=event_ids,
    )


def build_value_conflict(
    story: str,
    all_claims: Sequence[Claim],
    lone: int,
    other: int,
    reason: str,
    events: Sequence[Event],
) -> Fact:
    """A conflicting fact from a lone claim and a claim of another article that disagrees with
    it on a value, while that claim stays evidence of its own fact too."""
    claims = [all_claims[lone], all_claims[other]]
    kind, event_ids = _type(claims, events, claims[:1])
    against = all_claims[other]
    return Fact(
        id=fact_id(story, claims),
        statement=readable(all_claims[lone].text),
        type=kind,
        status="conflicting",
        support=[_span(all_claims[lone])],
        conflicts=[Conflict(against.article, against.start, against.end, against.text, reason)],
        story=story,
        events=event_ids,
    )
