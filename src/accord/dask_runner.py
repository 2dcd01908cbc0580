"""Run accord on a big corpus with Dask: per-article analysis in parallel, the rest on the client.

The per-article stage (spaCy and accord's components) is embarrassingly parallel and takes nearly
all the time, so it runs in :mod:`dask.bag` partitions; every worker process loads the spaCy
pipeline once and keeps it in a module global. The cross-article stages (resolve, stories,
reconcile) need every analysis at once and run on the client through
:func:`accord.pipeline.recompute`, as :func:`accord.pipeline.process` does, so the result equals
``accord.pipeline.run`` on the same input; with a database, through
:func:`accord.pipeline.update_store`, as ``accord run`` does.

Schedulers: ``"synchronous"`` (debugging), ``"threads"`` (one process; the pipeline is shared and
used under a lock, so this mainly overlaps I/O), ``"processes"`` (a local pool, real parallelism),
or the address of a ``dask.distributed`` scheduler (``tcp://host:8786``) for a cluster whose
workers have accord installed.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import dask.bag as db
from dask.base import compute
from dask.callbacks import Callback

from accord.ingest import read_paths
from accord.model import Analysis, Article, Result, Skipped
from accord.pipeline import Progress, analyze_all, recompute, update_store

if TYPE_CHECKING:
    from dask.delayed import Delayed
    from spacy.language import Language

LOCAL_SCHEDULERS = frozenset({"threads", "processes", "synchronous", "sync", "single-threaded"})
ARTICLES_PER_PARTITION = 16  # at least one nlp.pipe batch per partition keeps spaCy efficient

_PIPELINES: dict[str | None, Language] = {}  # per worker process: model name -> loaded pipeline
_PIPELINE_LOCK = threading.Lock()  # spaCy pipelines are not documented as thread-safe


def _noop(stage: str, done: int, total: int) -> None:
    return None


def worker_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline of this process, loaded on first use (once per worker process)."""
    with _PIPELINE_LOCK:
        if model not in _PIPELINES:
            from accord.analyze import load_pipeline

            _PIPELINES[model] = load_pipeline(model)
        return _PIPELINES[model]


def analyze_partition(
    articles: Sequence[Article], model: str | None = None
) -> list[Analysis | Skipped]:
    """Analyse one partition on a worker; analyses come back without their spaCy ``Doc``.

    A ``Doc`` is large and tied to the worker's vocabulary, so it is dropped before the result
    is pickled back to the client; the cross-article stages work from the model objects.
    """
    nlp = worker_pipeline(model)
    with _PIPELINE_LOCK:
        analyses, skipped = analyze_all(list(articles), nlp=nlp)
    for analysis in analyses:
        analysis.doc = None
    return [*analyses, *skipped]


def default_partitions(n_articles: int, workers: int | None = None) -> int:
    """Enough partitions to keep every core busy, each at least one spaCy batch long."""
    workers = workers or os.cpu_count() or 1
    return max(1, min(2 * workers, math.ceil(n_articles / ARTICLES_PER_PARTITION)))


class _PartitionProgress(Callback):
    """Reports each finished partition to ``progress`` (local schedulers)."""

    def __init__(self, keys: set[Any], progress: Progress) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # dask's hints are partial
        self._keys, self._progress, self._done = keys, progress, 0
        self._lock = threading.Lock()

    def _posttask(self, key: Any, result: Any, dsk: Any, state: Any, worker_id: Any) -> None:
        if key in self._keys:
            with self._lock:
                self._done += 1
                self._progress("analyse", self._done, len(self._keys))


def _compute(parts: list[Delayed], scheduler: str, progress: Progress) -> list[list[Any]]:
    if scheduler in LOCAL_SCHEDULERS:
        with _PartitionProgress({p.key for p in parts}, progress):
            return list(compute(*parts, scheduler=scheduler))  # type: ignore[no-untyped-call]
    from distributed import Client, as_completed

    with Client(scheduler) as client:  # type: ignore[no-untyped-call]
        futures = client.compute(parts)
        for done, _ in enumerate(as_completed(futures), start=1):  # type: ignore[no-untyped-call]
            progress("analyse", done, len(futures))
        return list(client.gather(futures))


def analyze_dask(
    articles: Sequence[Article],
    *,
    scheduler: str = "threads",
    partitions: int | None = None,
    model: str | None = None,
    progress: Progress = _noop,
) -> tuple[list[Analysis], list[Skipped]]:
    """The per-article stage in Dask partitions, in input order, like ``pipeline.analyze_all``."""
    if not articles:
        return [], []
    n = partitions or default_partitions(len(articles))
    bag = db.from_sequence(list(articles), npartitions=min(n, len(articles)))  # type: ignore[no-untyped-call]
    parts = bag.map_partitions(analyze_partition, model).to_delayed()
    progress("analyse", 0, len(parts))
    outcomes = [item for part in _compute(parts, scheduler, progress) for item in part]
    analyses = [o for o in outcomes if isinstance(o, Analysis)]
    skipped = [o for o in outcomes if isinstance(o, Skipped)]
    return analyses, skipped


def process_dask(
    articles: Sequence[Article],
    *,
    scheduler: str = "threads",
    partitions: int | None = None,
    model: str | None = None,
    kb: Any = None,
    progress: Progress = _noop,
) -> Result:
    """``pipeline.process`` with the per-article stage on Dask."""
    analyses, skipped = analyze_dask(
        articles, scheduler=scheduler, partitions=partitions, model=model, progress=progress
    )
    return recompute(analyses, kb=kb, skipped=skipped, progress=progress)


def run_dask(
    paths: Sequence[str],
    *,
    db_url: str | None = None,
    scheduler: str = "threads",
    partitions: int | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
    model: str | None = None,
    kb: Any = None,
    progress: Progress = _noop,
) -> Result:
    """``pipeline.run`` on Dask: ingest on the client, analyse in parallel, then the rest.

    With ``db_url`` only the articles the database does not have yet are analysed, and they are
    added to it as ``accord run`` does (:func:`accord.pipeline.update_store`: they join the saved
    stories); the result then covers everything stored.
    """
    ingested = read_paths(paths, outlet=outlet, published=published, language=language)
    options: dict[str, Any] = {"scheduler": scheduler, "partitions": partitions, "model": model}
    if db_url is None:
        result = process_dask(ingested.articles, kb=kb, progress=progress, **options)
        result.skipped[:0] = ingested.skipped
        return result
    from accord.store import open_store

    with open_store(db_url) as store:
        known = store.article_ids()
        new = [a for a in ingested.articles if a.id not in known]
        analyses, failed = analyze_dask(new, progress=progress, **options)
        skipped = [*ingested.skipped, *failed]
        return update_store(store, analyses, kb=kb, skipped=skipped, progress=progress)


__all__ = ["analyze_dask", "process_dask", "run_dask", "worker_pipeline"]
