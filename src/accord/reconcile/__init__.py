"""Reconciliation of facts across sources (stage ``reconcile``).

Contract: ``reconcile(analyses, stories, entities) -> list[Fact]``, run per story. Each article is
split into claim units (:mod:`.claims`), claims of different articles in one story are aligned
(:mod:`.align`), and each group becomes a fact (:mod:`.facts`): *corroborated* when two or more
independent articles support it, *conflicting* when aligned claims disagree on a number, a date
or whether it happened, *single_source* otherwise. Near-duplicate articles (:mod:`.duplicates`)
count as one source.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from accord.model import Analysis, Entity, Fact, Span, Story
from accord.reconcile.align import duration_conflicts, group, score_matrix, share_counts
from accord.reconcile.claims import Claim, extract_claims
from accord.reconcile.duplicates import near_duplicates, source_of
from accord.reconcile.facts import build_fact, build_value_conflict
from accord.reconcile.similarity import claim_similarity

if TYPE_CHECKING:
    from spacy.language import Language

    from accord.embeddings import Encoder

__all__ = [
    "Claim",
    "extract_claims",
    "near_duplicates",
    "reconcile",
    "reconcile_story",
    "source_of",
    "story_duplicates",
]


def story_duplicates(story: Story, analyses: Sequence[Analysis]) -> dict[str, str]:
    """The story's copy map: as clustering filled it, else detected here by shingle overlap."""
    if story.duplicates:
        return dict(story.duplicates)
    return near_duplicates([a.article for a in analyses])


def reconcile_story(
    story: Story,
    analyses: Sequence[Analysis],
    *,
    nlp: Language | None = None,
    encoder: Encoder | bool | None = True,
) -> list[Fact]:
    """The facts of one story from the analyses of its articles."""
    claims = [c for a in analyses for c in extract_claims(a, nlp)]
    if not claims:
        return []
    similarity = claim_similarity(claims, encoder)
    scores = score_matrix(claims, similarity)
    duplicates = story_duplicates(story, analyses)
    events = [e for a in analyses for e in a.events]
    groups = share_counts(claims, group(claims, scores, similarity), scores)
    clashes = duration_conflicts(claims, groups, scores)
    taken = {lone for lone, _other, _reason in clashes}
    facts = [
        build_fact(story.id, claims, indices, scores, duplicates, events)
        for indices in groups
        if not (len(indices) == 1 and indices[0] in taken)
    ]
    facts.extend(
        build_value_conflict(story.id, claims, lone, other, reason, events)
        for lone, other, reason in clashes
    )
    order = {a.article.id: n for n, a in enumerate(analyses)}
    kept = [f for f in facts if f is not None]
    return sorted(kept, key=lambda f: (_rank(f), order.get(_first(f).article, 0), _first(f).start))


def _rank(fact: Fact) -> int:
    return {"conflicting": 0, "corroborated": 1, "single_source": 2}[fact.status]


def _first(fact: Fact) -> Span:
    return fact.support[0] if fact.support else fact.conflicts[0]


def reconcile(
    analyses: Sequence[Analysis],
    stories: Sequence[Story],
    entities: Sequence[Entity] = (),
    *,
    nlp: Language | None = None,
    encoder: Encoder | bool | None = True,
) -> list[Fact]:
    """Facts of every story; claims only align within one story (``Fact.story`` is its id).

    ``nlp`` is a spaCy pipeline with a parser (default: accord's configured model without NER);
    ``encoder=None`` forces the TF-IDF fallback instead of the shared sentence encoder.
    """
    by_id = {a.article.id: a for a in analyses}
    facts: list[Fact] = []
    for story in stories:
        members = [by_id[i] for i in story.articles if i in by_id]
        facts.extend(reconcile_story(story, members, nlp=nlp, encoder=encoder))
    return facts
