"""Time expressions: do their values come from the text, or from the day accord runs?

Usage:
    python benchmarks/temporal.py             # ECB+ dev topics and PolNeAR dev
    python benchmarks/temporal.py --show 30   # also list that many expressions per grain

What is measured. There is no gold file of normalised dates among the public sets, so the
benchmark checks the one thing that is wrong by definition: a value that depends on the day of
the run. ECB+ articles (2008-2013) carry no publication date, and dateparser fills whatever a
phrase leaves out ("today", "September", "5:30 p.m.") from its reference date, which is the day
of the run when the article has none. Every DATE/TIME expression accord's analysis finds is
resolved as the analysis resolves it, and again with the run day moved by 400 days
(:func:`accord.analyze.temporal.run_day`); a value that changes is counted as
**run-day dependent**. PolNeAR articles (2016) have publication dates, so none of theirs should
move either. Also reported: how many expressions get a value, by grain (``day``, ``month``,
``year``, ``decade``, ``span``; ``relative`` and ``duration`` have none).

The analysis is accord's own (:func:`accord.analyze.analyze_articles`), about two minutes for
the 856 articles on 2 cores. Skips cleanly when ``../shared/data`` is absent.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from unittest import mock

import stories as corpus_tools  # the ECB+ loader of the stories scorer, in this folder
from accord.analyze import analyze_articles, temporal
from accord.model import Article

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear-dev"
SHIFT = timedelta(days=400)

Row = tuple[str, str | None, str, str | None]  # text, value, grain, value with the run day moved


def polnear_articles() -> list[Article]:
    """PolNeAR dev texts with their publication dates (``metadata.tsv``)."""
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        dates = {
            r["filename"]: r["publication_date"] for r in csv.DictReader(handle, delimiter="\t")
        }
    return [
        Article(id=path.stem, text=path.read_text(encoding="utf-8"), published=dates.get(path.stem))
        for path in sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    ]


def resolved_twice(articles: Sequence[Article]) -> list[Row]:
    """Every time expression the analysis resolves, with its value under a moved run day."""
    rows: list[Row] = []
    resolve: Callable[..., tuple[str | None, str]] = temporal.resolve_time
    moved_day = temporal.run_day() + SHIFT

    def recording(
        text: str, published: datetime | None, future: bool = False
    ) -> tuple[str | None, str]:
        value, grain = resolve(text, published, future)
        with mock.patch.object(temporal, "run_day", lambda: moved_day):
            moved, _ = resolve(text, published, future)
        rows.append((text, value, grain, moved))
        return value, grain

    with mock.patch.object(temporal, "resolve_time", recording):
        for _ in analyze_articles(articles):
            pass
    return rows


def report(name: str, rows: Sequence[Row], show: int) -> None:
    grains = Counter(grain for _, value, grain, _ in rows if value)
    moved = [r for r in rows if r[1] != r[3]]
    valued = sum(grains.values())
    print(
        f"{name:<8} {len(rows):5d} expressions, {valued:5d} with a value "
        f"({', '.join(f'{g} {n}' for g, n in grains.most_common())}); "
        f"run-day dependent: {len(moved)}"
    )
    for text, value, grain, other in moved[:show]:
        print(f"    moves: {text!r} {value} -> {other} ({grain})")
    if show:
        by_grain: dict[str, Counter[tuple[str, str | None]]] = defaultdict(Counter)
        for text, value, grain, _ in rows:
            by_grain[grain][text, value] += 1
        for grain, counts in sorted(by_grain.items()):
            sample = ", ".join(f"{t!r}={v}" for (t, v), _ in counts.most_common(show))
            print(f"    {grain}: {sample}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="list this many examples")
    args = parser.parse_args(argv)
    if not corpus_tools.DATA.exists() or not POLNEAR.exists():
        print(f"skipped: {corpus_tools.DATA} or {POLNEAR} is absent")
        return 0
    started = time.perf_counter()
    ecbplus = [article for article, _ in corpus_tools.load_corpus(range(1, 36))]
    for name, articles in (("ECB+", ecbplus), ("PolNeAR", polnear_articles())):
        dated = sum(a.published is not None for a in articles)
        print(f"{name}: {len(articles)} articles, {dated} with a publication date")
        report(name, resolved_twice(articles), args.show)
    print(
        f"({time.perf_counter() - started:.0f} s; run day {date.today()} and {date.today() + SHIFT})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
