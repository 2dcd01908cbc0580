"""The Dask runner: same result as ``accord.pipeline.run``, order kept, Docs dropped, picklable."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from accord import dask_runner
from accord.model import Analysis, Article, Result, Skipped

ARTICLES = {
    "harbor.txt": (
        "Harbor deal signed in Tessaly\n"
        "Prime Minister Arlen Voss met Governor Mira Calder in Tessaly on Tuesday. "
        "\u201cThe harbor will reopen next month,\u201d Voss said after the meeting."
    ),
    "harbor2.txt": (
        "Voss and Calder agree on harbor\n"
        "Arlen Voss and Mira Calder signed the harbor agreement in Tessaly. "
        "\u201cWe have waited long enough,\u201d Calder told reporters."
    ),
    "storm.txt": (
        "Storm closes schools in Brevik\n"
        "A storm closed schools across Brevik on Friday, Mayor Ilse Rund said."
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("dask_corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder)]


def _export(result: Result) -> dict[str, Any]:
    from accord.report.json_export import to_dict

    return to_dict(result)


@pytest.fixture(scope="module")
def expected(corpus: list[str], nlp: Any) -> Result:
    from accord.pipeline import run

    result = run(corpus, nlp=nlp)
    for analysis in result.analyses:
        analysis.doc = None
    return result


@pytest.mark.slow
@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_dask_result_equals_pipeline_run(
    corpus: list[str], expected: Result, scheduler: str
) -> None:
    result = dask_runner.run_dask(corpus, scheduler=scheduler, partitions=2)
    assert len(result.analyses) == len(ARTICLES)
    assert result.analyses == expected.analyses
    assert result.entities == expected.entities
    assert result.stories == expected.stories
    assert result.facts == expected.facts
    assert _export(result) == _export(expected)


@pytest.mark.slow
def test_dask_analyses_come_back_without_doc_and_pickle(corpus: list[str], nlp: Any) -> None:
    from accord.ingest import read_paths

    articles = read_paths(corpus).articles
    outcomes = dask_runner.analyze_partition(articles)
    analyses = [o for o in outcomes if isinstance(o, Analysis)]
    assert len(analyses) == len(articles)
    assert all(a.doc is None for a in analyses)
    assert pickle.loads(pickle.dumps(outcomes)) == outcomes


@pytest.mark.slow
def test_dask_saves_to_the_database_when_given_one(
    corpus: list[str], expected: Result, tmp_path: Path
) -> None:
    from accord.store import open_store

    url = f"sqlite:///{tmp_path / 'dask.db'}"
    dask_runner.run_dask(corpus, db_url=url, scheduler="synchronous")
    assert open_store(url).article_ids() == {a.id for a in expected.articles}


@pytest.mark.slow
def test_dask_adds_new_articles_to_a_database_incrementally(
    corpus: list[str], expected: Result, tmp_path: Path
) -> None:
    from accord.store import open_store

    url = f"sqlite:///{tmp_path / 'dask.db'}"
    first = sorted(Path(corpus[0]).iterdir())[0]
    dask_runner.run_dask([str(first)], db_url=url, scheduler="synchronous")
    result = dask_runner.run_dask(corpus, db_url=url, scheduler="synchronous")
    ids = {a.id for a in expected.articles}
    assert {a for s in result.stories for a in s.articles} == ids
    with open_store(url) as store:
        assert store.article_ids() == ids
        assert store.load_story_index() is not None
        assert [r.counts["articles_added"] for r in store.list_runs()] == [1, len(ids) - 1]


def _fake_analyze_all(
    articles: Sequence[Article], nlp: Any = None, **_: Any
) -> tuple[list[Analysis], list[Skipped]]:
    """Stands in for spaCy: every article 'analysed', the ones titled 'bad' skipped."""
    good = [Analysis(article=a) for a in articles if a.title != "bad"]
    bad = [Skipped(path=a.path or a.id, reason="boom") for a in articles if a.title == "bad"]
    return good, bad


@pytest.fixture()
def fake_nlp(monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    monkeypatch.setattr(dask_runner, "analyze_all", _fake_analyze_all)
    monkeypatch.setattr(dask_runner, "worker_pipeline", lambda model=None: None)
    return [
        Article.from_text(f"Article number {i}", title="bad" if i == 4 else None, path=f"{i}.txt")
        for i in range(10)
    ]


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_dask_partitions_keep_input_order_and_report_progress(
    fake_nlp: list[Article], scheduler: str
) -> None:
    calls: list[tuple[str, int, int]] = []
    analyses, skipped = dask_runner.analyze_dask(
        fake_nlp, scheduler=scheduler, partitions=3, progress=lambda *c: calls.append(c)
    )
    assert [a.article.id for a in analyses] == [a.id for a in fake_nlp if a.title != "bad"]
    assert skipped == [Skipped(path="4.txt", reason="boom")]
    assert calls[0] == ("analyse", 0, 3)
    assert calls[-1] == ("analyse", 3, 3)


def test_dask_distributed_scheduler_address(fake_nlp: list[Article]) -> None:
    """A scheduler address runs the partitions on that cluster (here an in-process one)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        calls: list[tuple[str, int, int]] = []
        analyses, skipped = dask_runner.analyze_dask(
            fake_nlp,
            scheduler=cluster.scheduler_address,
            partitions=2,
            progress=lambda *c: calls.append(c),
        )
    assert len(analyses) == 9 and len(skipped) == 1
    assert calls[-1] == ("analyse", 2, 2)


def test_dask_empty_input_analyses_nothing() -> None:
    assert dask_runner.analyze_dask([]) == ([], [])


@pytest.mark.parametrize(
    ("articles", "workers", "expected"), [(0, 2, 1), (10, 2, 1), (100, 2, 4), (1000, 8, 16)]
)
def test_dask_default_partitions(articles: int, workers: int, expected: int) -> None:
    assert dask_runner.default_partitions(articles, workers) == expected
