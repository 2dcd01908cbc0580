"""Aligning claims across the articles of one story, and finding where aligned claims disagree.

Every pair of claims from different articles gets a score: the semantic similarity of their texts
plus small rewards for shared actors, predicate class, content words, and agreeing numbers or
dates, minus a penalty when both name people and none in common. A pair above ``ALIGN`` is one
fact. A pair whose numbers, dates or polarity are incompatible is a conflict only when the rest of
the evidence is strong (``CONFLICT``), so two unrelated numbers never make a conflict by chance.
Claims are grouped by average linkage so one loose pair cannot chain two facts together.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from accord.reconcile.claims import Claim
from accord.reconcile.dates import DateRange
from accord.reconcile.numbers import Quantity, compatible, kind, same_kind

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

ALIGN = 0.55  # score above which two claims of different articles may report one fact
MARGIN = 0.05  # ... if the pair also stands out from each claim's nearest neighbours by this
LINK = 0.5  # average cross-article score two groups need to merge
SAME_ARTICLE_LINK = 0.65  # ... when the merged group would hold two claims of one article
SAME_ARTICLE_SIM = 0.5  # ... and those two claims need this text similarity to each other
CONFLICT = 0.62  # score (values left out) above which incompatible values are a conflict
POLARITY_CONFLICT = 0.85  # opposite polarity is a conflict only for near-paraphrases
CANDIDATE = 0.3  # pairs below this similarity are candidates only if they share a rare actor
NEIGHBOURS = 3  # how many nearest claims of the other article define a claim's neighbourhood
VALUE_CONFLICT = 0.35  # score at which a lone claim's duration is checked against another's
DURATION_RATIO = 10.0  # durations further apart than this time different things
TENSE_PENALTY = 0.1  # the two date different events: a plan and a past event, or two days
PREDICATE_BONUS = 0.05  # both claims' main verb is the same (light verbs with their object)
UNIT_PENALTY = 0.1  # both claims count things, and never the same kind of thing
SHARE_UNITS = frozenset({"percent", "%", "per", "percentage", "pct"})
MEASURE_PENALTY = 0.05  # ... and one states only percentages, the other only counts
HEADLINE_ALIGN = 0.75  # a headline joins a body claim of another article only this close
SPEAKER_BONUS = 0.04  # two reports by one speaker about things no actor links


@dataclass(slots=True)
class PairScore:
    """How well two claims align, and the reasons they disagree (empty when they agree).

    ``score`` is similarity plus evidence rewards; ``margin`` is how far it stands above the two
    claims' usual similarity to the other article, which keeps generic sentences ("the conflict
    goes on") from aligning with everything in a story where every sentence is on one topic.
    """

    score: float
    reasons: list[str] = field(default_factory=list)
    margin: float = 1.0
    mutual: bool = False  # each claim is the other's best match in the other article

    @property
    def aligned(self) -> bool:
        distinct = self.margin >= MARGIN or self.mutual
        return distinct and self.score >= (CONFLICT if self.reasons else ALIGN)


@dataclass(slots=True)
class Specificity:
    """Inverse document frequency (0..1) of actor keys and lemmas over a story's claims:
    sharing the actor every sentence names says little, sharing a rare one says a lot."""

    actors: dict[str, float]
    lemmas: dict[str, float]

    @classmethod
    def of(cls, claims: Sequence[Claim]) -> Specificity:
        n = max(len(claims), 2)
        actors: Counter[str] = Counter(k for c in claims for k in c.actors)
        lemmas: Counter[str] = Counter(k for c in claims for k in c.lemmas)
        scale = math.log(n)
        return cls(
            {k: math.log(n / v) / scale for k, v in actors.items()},
            {k: math.log(n / v) / scale for k, v in lemmas.items()},
        )


def _actor_bonus(a: Claim, b: Claim, spec: Specificity) -> float:
    if a.cores and b.cores and not (a.core_actors & b.core_actors):
        # two reports: sharing only the speaker says who talks, not that they say one thing
        return SPEAKER_BONUS if a.actors & b.actors else 0.0
    shared = a.actors & b.actors
    if shared:
        return 0.12 * max(spec.actors.get(k, 1.0) for k in shared)
    context = (a.actors | a.context_actors) & (b.actors | b.context_actors)
    if context:  # "He said ..." names the actor of the sentence before
        return 0.1 * max(spec.actors.get(k, 1.0) for k in context)
    if a.persons and b.persons:  # both name people, and no one in common
        return -0.1
    return 0.0


def _specific_actor_shared(a: Claim, b: Claim, spec: Specificity) -> bool:
    """Whether two claims name an actor that few claims of the story name."""
    shared = (a.actors | a.context_actors) & (b.actors | b.context_actors)
    return any(spec.actors.get(k, 1.0) >= 0.5 for k in shared)


def _lexical_bonus(a: Claim, b: Claim, spec: Specificity) -> float:
    bonus = 0.05 if a.classes & b.classes else 0.0
    if a.predicates & b.predicates:  # the same main verb ("take effect", "release")
        bonus += PREDICATE_BONUS
    elif any(c.verbless and c.predicates for c in (a, b)):
        bonus -= PREDICATE_BONUS  # a modifier fragment says only what its participle says
    if ("REJECT" in a.classes) != ("REJECT" in b.classes):  # rejecting X is not doing X
        bonus -= 0.08
    if a.negated and b.negated and a.classes & b.classes:  # "failed to agree" ~ "no deal"
        bonus += 0.05
    elif a.negated != b.negated:
        bonus -= 0.05
    shared = sorted((spec.lemmas.get(k, 1.0) for k in a.lemmas & b.lemmas), reverse=True)
    if any(
        qa.unit != qb.unit and same_kind(qa.unit, qb.unit)
        for qa in a.quantities
        for qb in b.quantities
    ):  # "people" ~ "protesters": one counted thing in two words, as if one lemma were shared
        shared = sorted([*shared, 1.0], reverse=True)
    return bonus + 0.04 * sum(shared[:3])


def _value_checks(a: Claim, b: Claim) -> tuple[float, list[str]]:
    """Reward for agreeing numbers and dates, and a reason per disagreement."""
    bonus, reasons, counted = 0.0, [], False
    units_a = Counter(kind(q.unit) for q in a.quantities)
    units_b = Counter(kind(q.unit) for q in b.quantities)
    for qa in a.quantities:
        for qb in b.quantities:
            if (qa.change or qb.change) and a.day != b.day:
                continue  # "jumped 28 percent" on Monday, "fell 4 percent" a week later
            if _denied_bound(qa, a) or _denied_bound(qb, b):
                continue  # "none of the offers is for more than eight years": no 8+ years
            verdict = compatible(qa, qb)
            if verdict is True:
                bonus, counted = max(bonus, 0.12), True
            elif (
                verdict is False
                and units_a[kind(qa.unit)] == 1
                and units_b[kind(qb.unit)] == 1
                and comparable_durations(qa, qb)
            ):
                # only one count of this thing on each side, so they must be the same count
                reasons.append(f"number: {qa.describe()} vs {qb.describe()}")
    if (
        a.quantities
        and b.quantities
        and not any(same_kind(qa.unit, qb.unit) for qa in a.quantities for qb in b.quantities)
    ):
        bonus -= UNIT_PENALTY  # both count something, never the same thing
        if _measure(a) != _measure(b) and "duration" not in (_measure(a), _measure(b)):
            bonus -= MEASURE_PENALTY  # a share ("52 percent of the vote") is no count of seats
    if a.dates and b.dates and {a.tense, b.tense} == {"future", "past"}:
        bonus -= TENSE_PENALTY  # a dated plan and a dated past event are two events
    elif _days_news(a, b):
        bonus -= TENSE_PENALTY  # each dates what happened on its own day: two days of a story
    elif a.dates and b.dates and not _overlap(a.dates, b.dates):
        if _overlap(a.dates, b.references) or _overlap(b.dates, a.references):
            bonus -= TENSE_PENALTY  # one names the other's event as past: what followed it
        else:
            reasons.append(f"date: {a.dates[0].label} vs {b.dates[0].label}")
    elif _overlap([*a.dates, *a.references], [*b.dates, *b.references]):
        bonus += 0.05
    if any(x.overlaps(y) for x in a.bounds for y in b.bounds):
        bonus += 0.05
    if reasons and counted:  # one agreeing count among several: the others count other things
        reasons = []
    if reasons and a.day is not None and b.day is not None and a.day != b.day:
        # reports of different days: a toll or a count may have been updated in between
        reasons.append(f"reported {_days_apart(a.day, b.day)} apart")
    return bonus, reasons


def _denied_bound(quantity: Quantity, claim: Claim) -> bool:
    """Whether ``quantity`` is a range ("more than eight years", "about 500") that its claim
    denies: the negation turns the range around, so the claim states no value to compare."""
    ranged = quantity.low != quantity.high or quantity.low_open or quantity.high_open
    return claim.negated and ranged


def _days_apart(a: date, b: date) -> str:
    days = abs((a - b).days)
    return "1 day" if days == 1 else f"{days} days"


def _days_news(a: Claim, b: Claim) -> bool:
    """Whether two claims from articles published on different days each date an event on their
    own publication day or the day before, on different days: a story followed over days
    ("resigned on Friday" on Friday, "named a successor on Sunday" on Sunday) reports one
    occurrence a day, and their dates differ because the events do, not because the sources
    disagree. Two reports of one event that give it different days are still compared when
    either report dates it away from its own day, or both come out on the same day."""
    if a.day is None or b.day is None or a.day == b.day or not a.dates or not b.dates:
        return False
    if _overlap(a.dates, b.dates):
        return False
    return all(_on_its_day(d, a.day) for d in a.dates) and all(
        _on_its_day(d, b.day) for d in b.dates
    )


def _overlap(left: Sequence[DateRange], right: Sequence[DateRange]) -> bool:
    return any(x.overlaps(y) for x in left for y in right)


def _on_its_day(value: DateRange, day: date) -> bool:
    return value.granularity == "day" and 0 <= (day - value.start).days <= 1


def _measure(claim: Claim) -> str:
    """What a claim's numbers measure: "share" (all percentages), "count", "duration" or "mixed"."""
    kinds = {
        "share" if q.unit in SHARE_UNITS else "duration" if q.is_duration else "count"
        for q in claim.quantities
    }
    return kinds.pop() if len(kinds) == 1 else "mixed"


def score_pair(a: Claim, b: Claim, similarity: float, spec: Specificity | None = None) -> PairScore:
    """Alignment score of two claims from different articles given their text similarity."""
    spec = spec or Specificity({}, {})
    base = similarity + _actor_bonus(a, b, spec) + _lexical_bonus(a, b, spec)
    bonus, reasons = _value_checks(a, b)
    if reasons:
        return PairScore(base, reasons)
    # Negation cues are noisy ("no longer", "not only"): opposite polarity is a conflict only
    # for near-paraphrases that share a predicate class.
    if a.negated != b.negated and a.classes & b.classes and base + bonus >= POLARITY_CONFLICT:
        return PairScore(base + bonus, [f"polarity: {_polarity(a)} vs {_polarity(b)}"])
    return PairScore(base + bonus)


def _polarity(claim: Claim) -> str:
    return "negated" if claim.negated else "affirmed"


def duration_conflicts(
    claims: Sequence[Claim], groups: list[list[int]], scores: dict[tuple[int, int], PairScore]
) -> list[tuple[int, int, str]]:
    """(lone claim, claim of another article, reason) where a claim no other article confirms
    states how long something lasted and a related claim elsewhere gives a duration it cannot
    share ("The meeting lasted three hours" vs "talks ended after less than two hours").

    The other claim may already belong to a fact about something else (the talks' place and
    day), so the disagreement is its own fact. Durations of different orders of magnitude
    (hours vs years) time different things and are not compared."""
    lone = [g[0] for g in groups if len(g) == 1 and not claims[g[0]].headline]
    out: list[tuple[int, int, str]] = []
    for b in lone:
        best: tuple[float, int, str] | None = None
        for a, other in enumerate(claims):
            pair = scores.get((min(a, b), max(a, b)))
            if pair is None or other.article == claims[b].article or other.headline:
                continue
            reason = _duration_clash(claims[b], other)
            related = pair.score >= VALUE_CONFLICT and claims[b].classes & other.classes
            if reason and related and (best is None or pair.score > best[0]):
                best = (pair.score, a, reason)
        if best is not None and (best[1], b) not in {(x, y) for x, y, _r in out}:
            out.append((b, best[1], best[2]))
    return out


def _duration_clash(a: Claim, b: Claim) -> str | None:
    """The reason two claims' only durations disagree, or None."""
    da = [q for q in a.quantities if q.is_duration]
    db = [q for q in b.quantities if q.is_duration]
    if len(da) != 1 or len(db) != 1 or compatible(da[0], db[0]) is not False:
        return None
    if not comparable_durations(da[0], db[0]):
        return None
    return f"duration: {da[0].describe()} vs {db[0].describe()}"


def comparable_durations(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities can time one thing: counts always, durations only within an order
    of magnitude ("three hours" vs "less than two hours", not "two hours" vs "a decade")."""
    if not (a.is_duration and b.is_duration):
        return True
    near_a = a.high if math.isfinite(a.high) else a.low
    near_b = b.high if math.isfinite(b.high) else b.low
    return min(near_a, near_b) > 0 and max(near_a, near_b) / min(near_a, near_b) <= DURATION_RATIO


def score_matrix(
    claims: Sequence[Claim], similarity: npt.NDArray[np.float32]
) -> dict[tuple[int, int], PairScore]:
    """Scores of every cross-article pair (i < j) of ``claims``, with their margins."""
    spec = Specificity.of(claims)
    scores: dict[tuple[int, int], PairScore] = {}
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if a.article == b.article:
                continue
            sim = float(similarity[i, j])
            if a.headline and b.headline:  # two summaries of many facts: never one fact alone
                scores[i, j] = PairScore(sim, margin=-1.0)
            elif sim >= CANDIDATE or _specific_actor_shared(a, b, spec):
                scores[i, j] = score_pair(a, b, sim, spec)
            else:  # not a candidate: its text score is all the grouping needs
                scores[i, j] = PairScore(sim, margin=-1.0)
    _set_margins(claims, scores)
    for (i, j), pair in scores.items():
        headline = claims[i].headline or claims[j].headline
        if headline and (not pair.mutual or pair.score < HEADLINE_ALIGN):
            pair.margin, pair.mutual = -1.0, False  # a headline sums up many facts
    return scores


def _set_margins(claims: Sequence[Claim], scores: dict[tuple[int, int], PairScore]) -> None:
    """margin = score minus the mean of both claims' neighbourhoods in the other article
    (cross-domain similarity local scaling, as used to match translated word vectors);
    mutual = the two claims are each other's nearest neighbour."""
    per: dict[tuple[int, str], list[float]] = {}
    for (i, j), pair in scores.items():
        per.setdefault((i, claims[j].article), []).append(pair.score)
        per.setdefault((j, claims[i].article), []).append(pair.score)
    for values in per.values():
        values.sort(reverse=True)
    hood = {
        key: sum(values[:NEIGHBOURS]) / min(len(values), NEIGHBOURS) for key, values in per.items()
    }
    for (i, j), pair in scores.items():
        pair.margin = pair.score - 0.5 * (hood[i, claims[j].article] + hood[j, claims[i].article])
        best_i, best_j = per[i, claims[j].article][0], per[j, claims[i].article][0]
        pair.mutual = pair.score >= best_i and pair.score >= best_j


def group(
    claims: Sequence[Claim],
    scores: dict[tuple[int, int], PairScore],
    similarity: npt.NDArray[np.float32] | None = None,
) -> list[list[int]]:
    """Claim indices grouped into facts by greedy average-linkage over aligned pairs.

    A merge that would put two claims of one article into one fact also needs those claims to
    say much the same thing (``similarity``), so two different sentences of one article cannot
    both join a fact through one claim of another article that resembles each a little."""
    cluster_of = {i: i for i in range(len(claims))}
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    edges = sorted((p for p in scores.items() if p[1].aligned), key=lambda p: -p[1].score)
    for (i, j), _pair in edges:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        repeats = [
            (k, m)
            for k in members[ci]
            for m in members[cj]
            if claims[k].article == claims[m].article
        ]
        needed = SAME_ARTICLE_LINK if repeats else LINK
        if _linkage(members[ci], members[cj], claims, scores) < needed:
            continue
        if similarity is not None and any(
            similarity[k, m] < SAME_ARTICLE_SIM
            for k, m in repeats
            if not (claims[k].headline or claims[m].headline)  # a headline sums up its body
        ):
            continue
        for k in members[cj]:
            cluster_of[k] = ci
        members[ci].extend(members.pop(cj))
    return [sorted(m) for m in members.values()]


def share_counts(
    claims: Sequence[Claim], groups: list[list[int]], scores: dict[tuple[int, int], PairScore]
) -> list[list[int]]:
    """Groups where a claim also serves a second fact through a count its own fact has no use
    for: "Rights groups said 80 protesters were detained in Kessel on Monday" joins the march in
    Kessel on Monday, and also the arrests ("Police said 30 people were arrested").

    The claim must align with a claim of the other group, link to that group on average like a
    merge would (``LINK``), and count a kind of thing that the other group counts and no other
    claim of its own group does; the other group must hold no claim of its article. A claim
    serves at most one extra fact, and groups without a count never gain a claim this way."""
    out = [list(g) for g in groups]
    counted = [
        {kind(q.unit) for i in g for q in claims[i].quantities if not q.is_duration} for g in groups
    ]
    for gi, group_ in enumerate(groups):
        for c in group_:
            own = [q for q in claims[c].quantities if not q.is_duration]
            others = {kind(q.unit) for i in group_ if i != c for q in claims[i].quantities}
            spare = [q for q in own if not any(same_kind(q.unit, k) for k in others)]
            best: tuple[float, int] | None = None
            for hi, other in enumerate(groups):
                if hi == gi or not counted[hi] or (claims[other[0]].headline and len(other) == 1):
                    continue
                if any(claims[h].article == claims[c].article for h in other):
                    continue
                if not any(same_kind(q.unit, k) for q in spare for k in counted[hi]):
                    continue
                pairs = [scores.get((min(c, h), max(c, h))) for h in other]
                if not any(p is not None and p.aligned for p in pairs):
                    continue
                link = _linkage([c], other, claims, scores)
                if link >= LINK and (best is None or link > best[0]):
                    best = (link, hi)
            if best is not None:
                out[best[1]] = sorted([*out[best[1]], c])
    return out


def _linkage(
    left: list[int],
    right: list[int],
    claims: Sequence[Claim],
    scores: dict[tuple[int, int], PairScore],
) -> float:
    """Average score over the cross-article pairs between two groups."""
    values = [
        scores[min(i, j), max(i, j)].score
        for i in left
        for j in right
        if claims[i].article != claims[j].article
    ]
    return sum(values) / len(values) if values else 0.0
