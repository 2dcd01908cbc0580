"""The whole job as one library call: ingest → analyse → resolve → cluster → reconcile.

The CLI, the web app and the Dask runner all call :func:`run` (or its stages), so they agree.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from accord.analyze import analyze_articles
from accord.embeddings import Encoder
from accord.errors import AnalysisError, StorageError
from accord.ingest import read_paths
from accord.model import (
    Analysis,
    Article,
    Entity,
    Fact,
    Result,
    Skipped,
    Story,
    facts_by_story,
)
from accord.reconcile import reconcile
from accord.resolve import resolve
from accord.store.protocol import CorpusStore
from accord.stories import DecisionModel, StoryIndex, cluster, cluster_index, publication_order
from accord.stories.credits import credit_originals
from accord.stories.explain import Placement, explain_placement
from accord.stories.state import rename_entities

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _noop(stage: str, done: int, total: int) -> None:
    return None


def analyze_all(
    articles: Sequence[Article],
    nlp: Language | None = None,
    progress: Progress = _noop,
) -> tuple[list[Analysis], list[Skipped]]:
    """Analyse each article; one that fails is recorded as skipped and the batch goes on."""
    analyses: list[Analysis] = []
    skipped: list[Skipped] = []
    total = len(articles)
    for done, outcome in enumerate(analyze_articles(articles, nlp=nlp), start=1):
        if isinstance(outcome, AnalysisError):
            log.warning("%s", outcome)
            article = next((a for a in articles if a.id == outcome.article), None)
            path = (article.path if article else None) or str(outcome.article)
            skipped.append(Skipped(path=path, reason=str(outcome)))
        else:
            analyses.append(outcome)
        progress("analyse", done, total)
    return analyses, skipped


def apply_resolution(analyses: Sequence[Analysis], entities: Sequence[Entity]) -> None:
    """Point quote speakers and event actors at entity ids, once resolution has run.

    The mention ids they were found at are kept (``Quote.speaker_mention``,
    ``Event.source_mentions``...), so running resolution again over more articles is safe.
    """
    entity_of = {m.id: m.entity for a in analyses for m in a.mentions if m.entity}
    for analysis in analyses:
        for quote in analysis.quotes:
            if quote.speaker_mention:
                quote.speaker = entity_of.get(quote.speaker_mention)
        for event in analysis.events:
            if (
                not event.source_mentions
                and not event.target_mentions
                and event.location_mention is None
            ):
                event.source_mentions = list(event.source)
                event.target_mentions = list(event.target)
                event.location_mention = event.location
            event.source = [entity_of.get(x, x) for x in event.source_mentions]
            event.target = [entity_of.get(x, x) for x in event.target_mentions]
            if event.location_mention:
                event.location = entity_of.get(event.location_mention, event.location_mention)


def recompute(
    analyses: Sequence[Analysis],
    *,
    kb: Any = None,
    skipped: Sequence[Skipped] = (),
    progress: Progress = _noop,
) -> Result:
    """The cross-article stages over analyses already made: resolve, cluster, reconcile."""
    progress("resolve", 0, 1)
    entities = resolve(analyses, kb=kb)
    apply_resolution(analyses, entities)
    progress("resolve", 1, 1)
    progress("stories", 0, 1)
    stories = credit_originals(cluster(analyses, entities), _articles(analyses))
    progress("stories", 1, 1)
    progress("reconcile", 0, 1)
    facts = reconcile(analyses, stories, entities)
    progress("reconcile", 1, 1)
    return Result(
        analyses=list(analyses),
        entities=entities,
        facts=facts,
        stories=stories,
        skipped=list(skipped),
    )


def process(
    articles: Sequence[Article],
    *,
    nlp: Language | None = None,
    kb: Any = None,
    progress: Progress = _noop,
) -> Result:
    """Run every stage after ingest on articles already read."""
    analyses, skipped = analyze_all(articles, nlp=nlp, progress=progress)
    return recompute(analyses, kb=kb, skipped=skipped, progress=progress)


def run(
    paths: Sequence[str],
    *,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
    nlp: Language | None = None,
    kb: Any = None,
    progress: Progress = _noop,
) -> Result:
    """Read ``paths`` (files, folders, ``-``) and run the whole pipeline on them, in memory."""
    ingested = read_paths(paths, outlet=outlet, published=published, language=language)
    result = process(ingested.articles, nlp=nlp, kb=kb, progress=progress)
    result.skipped[:0] = ingested.skipped
    return result


def _load_kb(kb: str | None) -> Any:
    if kb is None:
        return None
    from accord.resolve import load_kb

    return load_kb(kb)


def _resolution_links(analysis: Analysis) -> tuple[Any, ...]:
    """What resolving again can change in a stored analysis (:func:`apply_resolution`): the
    entity of each mention, each quote's speaker, each event's actors and place. Comparing these
    before and after tells which stored articles changed, without fingerprinting whole
    analyses."""
    return (
        tuple(m.entity for m in analysis.mentions),
        tuple(q.speaker for q in analysis.quotes),
        tuple(
            (
                tuple(e.source),
                tuple(e.target),
                e.location,
                tuple(e.source_mentions),
                tuple(e.target_mentions),
                e.location_mention,
            )
            for e in analysis.events
        ),
    )


def _entity_renames(before: dict[str, str | None], analyses: Sequence[Analysis]) -> dict[str, str]:
    """Old entity id -> new one, where resolving again renamed an entity (by majority of the
    mentions that carried the old id)."""
    votes: dict[str, Counter[str]] = {}
    for analysis in analyses:
        for mention in analysis.mentions:
            old = before.get(mention.id)
            if old and mention.entity:
                votes.setdefault(old, Counter())[mention.entity] += 1
    renames = {old: counts.most_common(1)[0][0] for old, counts in votes.items()}
    return {old: new for old, new in renames.items() if old != new}


def place_stories(
    analyses: Sequence[Analysis],
    state: dict[str, Any] | None,
    renames: dict[str, str] | None = None,
    encoder: Encoder | str | None = "default",
    model: DecisionModel | None = None,
) -> StoryIndex:
    """The story index after placing ``analyses``: incrementally on a saved index (``state``,
    from ``StoryIndex.to_state()``; ``renames``: entity ids renamed since it was saved), in
    batch without one. What ``accord run`` does with each run's articles (``model``: the
    decision model, by default :func:`accord.stories.default_model`)."""
    if state is None:
        return cluster_index(analyses, encoder=encoder, model=model)
    index = StoryIndex.from_state(
        rename_entities(state, renames or {}), model=model, encoder=encoder
    )
    index.add_many(publication_order([a for a in analyses if index.story_of(a.article.id) is None]))
    index.tidy()  # the run's articles are all in: repair what was decided on young stories
    return index


def _articles(analyses: Sequence[Analysis]) -> dict[str, Article]:
    return {a.article.id: a.article for a in analyses}


def _stable_order(stories: Sequence[Story], before: Sequence[Story]) -> list[Story]:
    """``stories`` with each one's articles in their stored order, articles new to the story
    after them (in the index's order).

    A tidy-up takes articles out of their story and places them again, mostly back where they
    were; the index then lists such an article last. Keeping the stored order keeps a story the
    same, run after run, unless its members change.
    """
    old = {s.id: s.articles for s in before}
    out = []
    for story in stories:
        members = set(story.articles)
        kept = [a for a in old.get(story.id, ()) if a in members]
        known = set(kept)
        articles = [*kept, *(a for a in story.articles if a not in known)]
        out.append(replace(story, articles=articles))
    return out


def _affected(stories: Sequence[Story], before: Sequence[Story], changed: set[str]) -> list[Story]:
    """Stories whose facts must be reconciled again: new ones, ones whose articles or copies
    changed (as sets: the order of a story's articles carries no facts), and ones holding an
    article whose analysis changed."""
    old = {s.id: s for s in before}
    return [
        s
        for s in stories
        if s.id not in old
        or set(s.articles) != set(old[s.id].articles)
        or s.duplicates != old[s.id].duplicates
        or not changed.isdisjoint(s.articles)
    ]


def _merge_facts(
    stories: Sequence[Story],
    affected: Sequence[Story],
    kept: Sequence[Fact],
    redone: Sequence[Fact],
) -> list[Fact]:
    """The facts of ``stories`` in story order: ``redone`` for the ``affected`` stories (which
    were reconciled again), the ``kept`` ones for the others; facts of stories gone are dropped."""
    again = {s.id for s in affected}
    facts_of = facts_by_story([*(f for f in kept if f.story not in again), *redone])
    return [f for s in stories for f in facts_of.get(s.id, [])]


def update_store(
    store: CorpusStore,
    analyses: Sequence[Analysis] = (),
    *,
    kb: Any = None,
    skipped: Sequence[Skipped] = (),
    rebuild: bool = False,
    progress: Progress = _noop,
) -> Result:
    """Add newly analysed articles to what ``store`` holds, incrementally, and save.

    Resolution runs again over every article (a new article can merge or rename entities). Each
    new article joins the best story of the saved story index or starts a new one; facts are
    reconciled again only for the stories that changed (new articles, changed analyses), the
    others keep theirs. Analyses of already-stored articles are ignored, so running again on
    the same input changes nothing. Without a saved index (a new database, or stories made some
    other way), and with ``rebuild``, all stories are clustered again in batch.
    """
    stored = store.load()
    state = None if rebuild else store.load_story_index()
    known = {a.article.id for a in stored.analyses}
    new = list({a.article.id: a for a in analyses if a.article.id not in known}.values())
    if state is not None and not new and kb is None:
        store.save(Result(skipped=list(skipped)), derived=False)  # logs the run and skips
        return replace(stored, skipped=list(skipped))
    everything = [*stored.analyses, *new]
    before = {a.article.id: _resolution_links(a) for a in stored.analyses}
    entity_before = {m.id: m.entity for a in stored.analyses for m in a.mentions}
    entities = stored.entities
    if new or kb is not None:
        progress("resolve", 0, 1)
        entities = resolve(everything, kb=kb)
        apply_resolution(everything, entities)
        progress("resolve", 1, 1)
    progress("stories", 0, 1)
    index = place_stories(everything, state, _entity_renames(entity_before, everything))
    stories = credit_originals(
        _stable_order(index.stories(), stored.stories), _articles(everything)
    )
    progress("stories", 1, 1)
    changed = {a.article.id for a in everything if before.get(a.article.id) != _resolution_links(a)}
    affected = _affected(stories, stored.stories, changed)
    progress("reconcile", 0, len(affected))
    redone = reconcile(everything, affected, entities)
    facts = _merge_facts(stories, affected, stored.facts, redone)
    progress("reconcile", len(affected), len(affected))
    result = Result(everything, entities, facts, stories, list(skipped))
    store.save(
        result, story_index=index.to_state(), unchanged=before.keys() - changed, stored=stored
    )
    return result


def run_corpus(
    paths: Sequence[str],
    *,
    db: str | None = None,
    kb: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
    reader: str | None = None,
    progress: Progress = _noop,
    dask_scheduler: str | None = None,
) -> Result:
    """What ``accord run`` does: read ``paths``, analyse the articles the database does not have
    yet, add them to the stored corpus (:func:`update_store`), and save.

    With ``db=None`` nothing is stored and the result covers only ``paths``.
    """
    ingested = read_paths(
        paths, outlet=outlet, published=published, language=language, reader=reader
    )
    if db is None:
        analyses, failed = _analyse(ingested.articles, dask_scheduler, progress)
        skipped = [*ingested.skipped, *failed]
        return recompute(analyses, kb=_load_kb(kb), skipped=skipped, progress=progress)
    from accord.store import open_store

    with open_store(db) as store:
        known = store.article_ids()
        new = [a for a in ingested.articles if a.id not in known]
        analyses, failed = _analyse(new, dask_scheduler, progress)
        skipped = [*ingested.skipped, *failed]
        return update_store(store, analyses, kb=_load_kb(kb), skipped=skipped, progress=progress)


def rebuild_stories(store: CorpusStore, *, progress: Progress = _noop) -> Result:
    """What ``accord stories --rebuild`` does: cluster every stored article again in batch,
    reconcile the stories that changed, and save (with a fresh story index)."""
    return update_store(store, rebuild=True, progress=progress)


def story_placement(
    store: CorpusStore,
    article_id: str,
    *,
    stored: Result | None = None,
    encoder: Encoder | str | None = "default",
) -> Placement:
    """Why a stored article is in its story (``accord stories --why``): the saved story index
    weighs it against its story, itself left out, and the other candidate stories (see
    :mod:`accord.stories.explain`). ``stored``: what ``store.load()`` returns, when the caller
    has it already. ``StorageError`` when the article is not stored or no index was saved."""
    state = store.load_story_index()
    if state is None:
        raise StorageError(
            "no story index is saved in this database: run `accord run` or "
            "`accord stories --rebuild` first"
        )
    result = stored if stored is not None else store.load()
    analysis = next((a for a in result.analyses if a.article.id == article_id), None)
    if analysis is None:
        raise StorageError(f"no article {article_id!r} in the database")
    try:
        return explain_placement(StoryIndex.from_state(state, encoder=encoder), analysis)
    except KeyError:
        raise StorageError(
            f"article {article_id} is not in the saved story index: run `accord stories --rebuild`"
        ) from None


def _analyse(
    articles: Sequence[Article], dask_scheduler: str | None, progress: Progress
) -> tuple[list[Analysis], list[Skipped]]:
    if dask_scheduler:
        from accord.dask_runner import analyze_dask

        return analyze_dask(articles, scheduler=dask_scheduler, progress=progress)
    return analyze_all(articles, progress=progress)
