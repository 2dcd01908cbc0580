"""Story clustering (stage ``stories``): group articles into stories, one real-world event each.

Contract: ``cluster(analyses, entities) -> list[Story]``: every article lands in exactly one story.
:class:`StoryIndex` is the incremental form: ``add(analysis) -> story id``, ``stories()``, and
``to_state()`` / ``from_state()`` so the store can keep it between runs. See ``docs/stories.md``.
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.embeddings import Encoder
from accord.model import Analysis, Entity, Story
from accord.stories.decision import DecisionModel, default_model, load_model, save_model
from accord.stories.index import StoryIndex

__all__ = [
    "DecisionModel",
    "StoryIndex",
    "cluster",
    "cluster_index",
    "default_model",
    "load_model",
    "publication_order",
    "save_model",
]


def publication_order(analyses: Sequence[Analysis]) -> list[Analysis]:
    """Articles by publication date when every article has one, else in input order."""
    if analyses and all(a.article.published for a in analyses):
        return sorted(analyses, key=lambda a: a.article.published or "")
    return list(analyses)


def cluster(
    analyses: Sequence[Analysis],
    entities: Sequence[Entity] = (),
    *,
    model: DecisionModel | None = None,
    encoder: Encoder | str | None = "default",
    refine: bool = True,
) -> list[Story]:
    """Batch clustering: the online algorithm run over the articles in publication order.

    Document frequencies are learned from the whole batch first (``StoryIndex.prime``), so early
    articles are compared with the same term weights as late ones. With ``refine`` (default, rounds
    from the model), every article is then taken out and placed again with all stories in view
    (:meth:`StoryIndex.refine`), which repairs early online mistakes; when the model has a
    ``split_below`` threshold, stories holding two similar events are then cut in two
    (:meth:`StoryIndex.split`) and the articles placed again, and last, stories whose articles would
    join each other at that same threshold are merged (:meth:`StoryIndex.merge`; no refinement
    after it, which would pull a merged block apart again one article at a time). ``entities`` is
    accepted for the stage contract; resolved ids are read from ``Mention.entity``.
    """
    del entities  # resolved ids already sit on the mentions
    return cluster_index(analyses, model=model, encoder=encoder, refine=refine).stories()


def cluster_index(
    analyses: Sequence[Analysis],
    *,
    model: DecisionModel | None = None,
    encoder: Encoder | str | None = "default",
    refine: bool = True,
) -> StoryIndex:
    """:func:`cluster` as the :class:`StoryIndex` holding its stories, so that later articles can
    join them incrementally (``to_state()`` saves it); the features of its last articles stay in
    the index's recent window (:meth:`StoryIndex.remember`), so a later run's tidy-up can still
    cut or merge their stories."""
    index = StoryIndex(model=model, encoder=encoder)
    ordered = publication_order(analyses)
    articles = index.extract_all(ordered)
    index.prime_features(articles)
    for art in articles:
        index.add_features(art)
    if refine and index.model.refine_rounds:
        index.refine(articles, rounds=index.model.refine_rounds)
        if index.model.split_below and index.split(articles):
            index.refine(articles, rounds=index.model.refine_rounds)
        if index.model.split_below:
            index.merge(articles)
    index.remember(articles)
    return index
