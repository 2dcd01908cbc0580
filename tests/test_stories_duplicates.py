"""Near-duplicate detection: MinHash estimates of shingle Jaccard, copies vs rewrites."""

from __future__ import annotations

import numpy as np

from accord.model import Article, Story
from accord.stories import minhash
from accord.stories.credits import credit_originals
from accord.stories.text import tokens

BODY = (
    "The harbour authority of Port Sallow closed the northern quay on Monday after a cargo crane "
    "collapsed onto a moored ferry, injuring four dock workers. Inspectors from the transport "
    "ministry arrived in the afternoon and said the crane had failed a safety check in March. "
    "Ferry services to the outer islands will run from the southern pier until further notice."
)
REWRITE = (
    "Four dock workers were hurt in Port Sallow on Monday when a crane fell on a ferry at the "
    "northern quay, which the harbour authority then shut. The transport ministry sent "
    "inspectors, who noted a failed safety check in March; island ferries now leave from the "
    "southern pier."
)


def exact_jaccard(a: str, b: str) -> float:
    def shingles(text: str) -> set[str]:
        words = tokens(text)
        return {" ".join(words[i : i + minhash.SHINGLE]) for i in range(len(words) - 3)}

    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def similarity(a: str, b: str) -> float:
    sig_a, sig_b = minhash.signature(a), minhash.signature(b)
    assert sig_a is not None and sig_b is not None
    return float(minhash.jaccard(sig_a, sig_b[None, :])[0])


def test_stories_duplicates_copy_scores_high_and_rewrite_low() -> None:
    copy = "Crane collapse shuts Port Sallow quay\n" + BODY.replace("Monday", "Monday morning")
    assert similarity(BODY, copy) >= 0.7
    assert similarity(BODY, REWRITE) <= 0.2


def test_stories_duplicates_estimate_tracks_exact_jaccard() -> None:
    half = BODY.split(". ")
    edited = ". ".join(half[:2]) + ". A different closing sentence about weather and tides today."
    assert abs(similarity(BODY, edited) - exact_jaccard(BODY, edited)) < 0.2


def test_stories_duplicates_short_text_has_no_signature() -> None:
    assert minhash.signature("Port closed.") is None
    assert minhash.jaccard(np.zeros(minhash.PERMUTATIONS, np.uint32), np.zeros((0, 64))).size == 0


def _article(text: str, outlet: str | None, credit: str | None = None) -> Article:
    article = Article.from_text(text, outlet=outlet)
    article.provenance.attributed_to = credit
    return article


def test_stories_credit_points_copies_at_the_outlet_credited() -> None:
    wire = _article("Crane collapse shuts quay\n" + BODY, "Harbor Wire")
    paper = _article("Quay shut after crane falls\n" + BODY, "Daily Post", credit="the harbor wire")
    radio = _article("Crane falls\n" + BODY, "Kalm Radio", credit="Harbor Wire")
    articles = {a.id: a for a in (wire, paper, radio)}
    # the paper came first in the stream, so the clusterer called the wire and the radio its copies
    story = Story("s1", "t", [paper.id, wire.id, radio.id], {wire.id: paper.id, radio.id: paper.id})
    [fixed] = credit_originals([story], articles)
    assert fixed.duplicates == {paper.id: wire.id, radio.id: wire.id}
    assert fixed.articles == story.articles


def test_stories_credit_leaves_uncredited_and_self_credited_copies_alone() -> None:
    first = _article("Crane collapse shuts quay\n" + BODY, "Harbor Wire", credit="Harbor Wire")
    second = _article("Quay shut after crane falls\n" + BODY, "Daily Post")
    third = _article("Crane falls\n" + BODY, None, credit="Kalm Radio")  # credits no member
    story = Story("s1", "t", [first.id, second.id, third.id], {second.id: first.id})
    other = Story("s2", "u", [third.id])
    articles = {a.id: a for a in (first, second, third)}
    assert credit_originals([story, other], articles) == [story, other]
