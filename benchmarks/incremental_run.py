"""Cost of an incremental ``accord run``: adding a few articles to a stored corpus.

What a feed user does every hour: the database holds N articles with their entities, stories and
facts, and a run adds 1 or 10 new ones. The baseline is the run that made that database (all N
articles at once into an empty one, in the same process), so the ratio says what share of a
full run one increment costs. Each increment runs on its own copy of the database, 3 times with
different articles; the median is printed, split by stage from ``update_store``'s progress
callback (load and save are what is left).

Articles: ECB+ dev (``../shared/data/ecbplus-dev/``), shuffled, analysed as in
``benchmarks/stories.py`` (sentences and cached NER; no quotes or events, so reconciliation
works on claims parsed from the text). Skips cleanly when the data is absent.

Run: ``.venv/bin/python benchmarks/incremental_run.py [--articles 700] [--adds 1 10]``.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import stories as corpus_tools  # the ECB+ loader of the scorer, in this script's folder
from accord.model import Analysis
from accord.pipeline import update_store
from accord.store import open_store

REPEATS = 3
STAGES = ("resolve", "stories", "reconcile")


class StageClock:
    """Seconds per stage, from the ``(stage, done, total)`` progress calls of ``update_store``."""

    def __init__(self) -> None:
        self.started: dict[str, float] = {}
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if done == 0:
            self.started[stage] = now
        if done == total and stage in self.started:
            self.seconds[stage] = now - self.started.pop(stage)


def timed_run(db: Path, analyses: Sequence[Analysis]) -> tuple[float, dict[str, float]]:
    """Wall time of one ``update_store`` of ``analyses`` into ``db`` (opening it included)."""
    clock = StageClock()
    start = time.perf_counter()
    with open_store(str(db)) as store:
        update_store(store, copy.deepcopy(list(analyses)), progress=clock)
    return time.perf_counter() - start, clock.seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=700, help="articles already stored")
    parser.add_argument("--adds", type=int, nargs="+", default=[1, 10], help="articles per run")
    parser.add_argument("--seed", type=int, default=1, help="shuffle of the ECB+ articles")
    args = parser.parse_args(argv)
    corpus = corpus_tools.load_corpus(corpus_tools.ALL_TOPICS)
    if not corpus:
        print(f"skipped: no ECB+ data at {corpus_tools.DATA}")
        return 0
    analyses, _ = corpus_tools.build_analyses([a for a, _ in corpus])
    stream = corpus_tools.ordered(analyses, args.seed)
    needed = args.articles + REPEATS * max(args.adds)
    if len(stream) < needed:
        print(f"only {len(stream)} articles; --articles plus 3 x the largest add needs {needed}")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.db"
        full, stages = timed_run(base, stream[: args.articles])
        print(
            f"full run of {args.articles} articles into an empty database: {full:.1f} s "
            f"({', '.join(f'{k} {v:.1f} s' for k, v in stages.items())})"
        )
        for n in args.adds:
            walls, parts = [], []
            for rep in range(REPEATS):
                db = Path(tmp) / f"add{n}-{rep}.db"
                shutil.copy(base, db)
                start = args.articles + rep * n
                wall, stages = timed_run(db, stream[start : start + n])
                walls.append(wall)
                parts.append(stages)
            wall = statistics.median(walls)
            median = {k: statistics.median(p[k] for p in parts) for k in STAGES}
            rest = wall - sum(median.values())
            print(
                f"adding {n:>3} article(s): median {wall:.2f} s of {[round(w, 2) for w in walls]}"
                f" = {wall / full:.3f}x the full run; "
                + ", ".join(f"{k} {v:.2f} s" for k, v in median.items())
                + f", load and save {rest:.2f} s"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
