"""The whole job as one library call: ingest → analyse → resolve → cluster → reconcile.

The CLI, the web app and the Dask runner all call :func:`run` (or its stages), so they agree.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from accord.analyze import analyze_articles
from accord.errors import AnalysisError
from accord.ingest import read_paths
from accord.model import Analysis, Article, Entity, Result, Skipped
from accord.reconcile import reconcile
from accord.resolve import resolve
from accord.stories import cluster

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
    stories = cluster(analyses, entities)
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
    yet, re-run the cross-article stages over everything stored, and save.

    With ``db=None`` nothing is stored and the result covers only ``paths``.
    """
    ingested = read_paths(
        paths, outlet=outlet, published=published, language=language, reader=reader
    )
    store = None
    stored: list[Analysis] = []
    if db is not None:
        from accord.store import open_store

        store = open_store(db)
        stored = store.load().analyses
    known = {a.article.id for a in stored}
    new = [a for a in ingested.articles if a.id not in known]
    if dask_scheduler:
        from accord.dask_runner import analyze_dask

        analyses, failed = analyze_dask(new, scheduler=dask_scheduler, progress=progress)
    else:
        analyses, failed = analyze_all(new, progress=progress)
    skipped = [*ingested.skipped, *failed]
    result = recompute([*stored, *analyses], kb=_load_kb(kb), skipped=skipped, progress=progress)
    if store is not None:
        store.save(result)  # records result.skipped too
        store.close()
    return result
