"""Why an article is in its story: the decision model's view of one placement.

Story clustering is a probability, not a rule, and it is wrong now and then (B3 F1 about 0.93
on unseen ECB+ topics), so a reader who doubts a grouping needs to see what it rests on. For
one stored article, :func:`explain_placement` takes the article out of its story and weighs it
against that story and the other candidate stories again, with the model and the document
frequencies the saved story index holds (``accord run`` placed it the same way): the
probability of each, each feature's share of the logit for its own story (bias + shares −
time penalty = logit), the entities and words it shares with the story, and the article it
copies when it is a near-duplicate. ``accord stories --why ARTICLE`` prints it.

What it cannot show: a batch tidy-up (a cut or a merge) decides on groups of articles, so an
article can sit in a story whose centroid, itself left out, it would not join on its own
(``probability`` below ``threshold``); the explanation then says so.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from accord.model import Analysis
from accord.stories.features import ArticleFeatures, weighted
from accord.stories.index import StoryIndex, StoryState, representative_title

SHOWN_KEYS = 8  # shared entities and words listed


@dataclass(frozen=True, slots=True)
class FeatureShare:
    """One similarity feature of the article and its story, and its part of the logit."""

    feature: str
    value: float
    logit: float


@dataclass(frozen=True, slots=True)
class StoryOdds:
    """A story the article could join and the model's probability that it belongs there."""

    story: str
    title: str
    articles: int  # articles in the story, the explained one left out
    probability: float
    own: bool  # the story that holds the article


@dataclass(frozen=True, slots=True)
class Placement:
    """Why ``article`` is in ``story`` (see the module docstring)."""

    article: str
    title: str
    story: str
    alone: bool  # the only article of its story: nothing to weigh it against but the others
    probability: float | None  # of joining its own story, itself left out (None when alone)
    threshold: float  # the model joins the most probable story at or above this
    bias: float  # the model's bias, with the incremental offset where it applies
    time_penalty: float  # logit taken off for the days between the article and the story
    shares: tuple[FeatureShare, ...]  # features for its own story, largest share first
    shared_entities: tuple[str, ...]  # entity ids (resolved) or "LABEL:name", heaviest first
    shared_words: tuple[str, ...]  # lemmas of the text, heaviest first
    copy_of: str | None  # the story article it is a near-copy of, if it is one
    candidates: tuple[StoryOdds, ...]  # its own story and the other candidates, most likely first

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return asdict(self)


def explain_placement(index: StoryIndex, analysis: Analysis) -> Placement:
    """The placement of one article of ``index`` (a saved index, ``StoryIndex.from_state``);
    ``KeyError`` when the index does not hold the article. The index is not changed: the
    article is taken out of a copy of its story."""
    art = index.extract_all([analysis])[0]
    sid = index.story_of(art.id)
    if sid is None:
        raise KeyError(art.id)
    story = index.state(sid)
    alone = story.articles == [art.id]
    own: StoryState | None = None
    if not alone:
        own = copy.deepcopy(story)
        own.remove(art)
    others = [s for s in index.candidates(art) if s.id != sid]
    weighed = [(index.probability(art, s), s) for s in ([own] if own else []) + others]
    weighed.sort(key=lambda ps: -ps[0])
    # its own story under the title it is stored with, the article in it
    odds = tuple(
        StoryOdds(
            s.id, representative_title(story if s is own else s), len(s.articles), p, s is own
        )
        for p, s in weighed
    )
    # the shares are shown for its own story, else for the story it came closest to joining
    target = own if own is not None else next((s for _, s in weighed), None)
    shares, bias, penalty = _shares(index, art, target) if target else ((), 0.0, 0.0)
    return Placement(
        article=art.id,
        title=art.title,
        story=sid,
        alone=alone,
        probability=next((o.probability for o in odds if o.own), None),
        threshold=index.model.threshold,
        bias=bias,
        time_penalty=penalty,
        shares=shares,
        shared_entities=_shared(
            weighted(art.entities, index.df), target.entities if target else {}
        ),
        shared_words=_shared(weighted(art.terms, index.df), target.terms if target else {}),
        copy_of=story.duplicates.get(art.id),
        candidates=odds,
    )


def _shares(
    index: StoryIndex, art: ArticleFeatures, story: StoryState
) -> tuple[tuple[FeatureShare, ...], float, float]:
    """Each feature's part of the logit for ``story``, the bias (with the incremental offset
    where the index applies it) and the time penalty, as :meth:`DecisionModel.probability`
    computes them."""
    model = index.model
    features = index.features(art, story)
    weights = model.weights_for(features)
    bias = weights.bias + (0.0 if index.frozen_df else model.online_shift)
    shares = sorted(
        (
            FeatureShare(name, features[name], w * features[name])
            for name, w in weights.weights.items()
            if name in features
        ),
        key=lambda share: -abs(share.logit),
    )
    return tuple(shares), bias, model.time_prior(story.gap_days(art.day))


def _shared(article: dict[str, float], story: dict[str, float]) -> tuple[str, ...]:
    """Keys of the article's IDF-weighted vector that the story's centroid holds too, the
    heaviest (article weight times story weight) first; entity keys without their "e:"."""
    common = sorted((k for k in article if k in story), key=lambda k: (-article[k] * story[k], k))
    return tuple(k.removeprefix("e:") for k in common[:SHOWN_KEYS])


def placement_lines(placement: Placement, names: Mapping[str, str] | None = None) -> list[str]:
    """``placement`` as the lines ``accord stories --why`` prints (``names``: entity id ->
    how to show it, e.g. "Port Selva (GPE)"; unresolved keys show as their text)."""
    p, names = placement, names or {}
    lines = [f"article {p.article}  {p.title}"]
    if p.copy_of:
        lines.append(f"a near-copy of {p.copy_of}, so it joined that article's story")
    own = next((o for o in p.candidates if o.own), None)
    if own is not None and p.probability is not None:
        lines.append(
            f"story {own.story}  {own.title}  ({own.articles} other article"
            f"{'' if own.articles == 1 else 's'})"
        )
        verdict = "at or above" if p.probability >= p.threshold else "below"
        lines.append(
            f"probability {p.probability:.2f} that it belongs there, itself left out "
            f"({verdict} the model's {p.threshold:.2f} to join)"
        )
        if p.probability < p.threshold:
            lines.append(
                "  (a batch step moved it there with other articles: a cut or a merge "
                "decides on groups, not on one article)"
            )
    else:
        lines.append(f"story {p.story}: the only article in it")
    if p.shares:
        about = "its story" if own is not None else "the closest other story"
        parts = [f"bias {p.bias:+.2f}"] + [
            f"{s.feature} {s.value:.2f} → {s.logit:+.2f}" for s in p.shares if s.logit
        ]
        if p.time_penalty:
            parts.append(f"time gap → {-p.time_penalty:+.2f}")
        lines.append(f"logit for {about}: " + "; ".join(parts))
    if p.shared_entities:
        shown = [names.get(k, k.split(":", 1)[-1]) for k in p.shared_entities]
        lines.append("shares the entities: " + ", ".join(shown))
    if p.shared_words:
        lines.append("shares the words: " + ", ".join(p.shared_words))
    others = [o for o in p.candidates if not o.own]
    lines.append("other candidate stories:" if others else "no other candidate story")
    lines.extend(f"  {o.probability:.2f}  {o.story}  {o.title}" for o in others)
    return lines
