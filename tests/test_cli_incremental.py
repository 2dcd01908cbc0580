"""``accord run`` twice on one database: new articles join the saved stories (issue 6).

Through the real entry point (``python -m accord``), on hand-made articles about two invented
events, on SQLite and (with ``ACCORD_TEST_POSTGRES_URL``) PostgreSQL. One database per backend
goes through the whole sequence (first run, second run, same input again, a file mixing an old
and a new article, ``stories --rebuild``); the tests check what each step left.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from accord.model import Result
from accord.store import open_store
from accord.store.schema import Base
from cli_support import accord
from test_store_support import BACKENDS, database_url

pytestmark = pytest.mark.slow

DAM = (
    "Dam breach floods Varnholt valley\n"
    "A dam on the Selva river burst near Varnholt on Tuesday, flooding three villages. "
    "Governor Anika Pell said 40 people had been rescued. "
    '"The water rose within minutes," Pell told reporters in Varnholt.\n'
)
DAM_FOLLOW_UP = (
    "Varnholt flood: rescuers search for missing\n"
    "Rescuers in Varnholt searched on Wednesday for 12 people missing after the Selva dam burst. "
    "Governor Anika Pell said 45 people had been rescued so far. "
    "The Selva dam operator, Hydrovar, said it would investigate.\n"
)
CHESS = (
    "Chess championship opens in Brellin\n"
    "The world chess championship opened in Brellin on Friday. Defending champion Oskar Dmalt "
    "said he expected a long match against challenger Ruta Venn.\n"
)
DAM_SIRENS = (
    "Selva dam operator admits warning sirens failed\n"
    "Hydrovar, the operator of the burst Selva dam near Varnholt, said on Thursday that its "
    "warning sirens had failed. Governor Anika Pell said the death toll in Varnholt had risen "
    "to six and ordered an inquiry into Hydrovar."
)


def tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the ``runs`` log, in a stable order."""
    with open_store(url, migrate=False) as store, store.engine.connect() as connection:
        return {
            table.name: sorted(map(tuple, connection.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
            if table.name != "runs"
        }


def story_of(result: Result, article_id: str) -> str:
    return next(s.id for s in result.stories if article_id in s.articles)


@dataclass
class Corpus:
    """The database after each step, and what the steps printed."""

    folder: Path
    url: str
    ids: dict[str, str]
    after: dict[str, Result] = field(default_factory=dict)
    rows: dict[str, dict[str, list[tuple[Any, ...]]]] = field(default_factory=dict)
    procs: dict[str, subprocess.CompletedProcess[str]] = field(default_factory=dict)
    states: dict[str, Any] = field(default_factory=dict)

    def step(self, name: str, *args: str) -> None:
        proc = accord(*args, "--db", self.url, cwd=self.folder)
        assert proc.returncode == 0, proc.stderr
        self.procs[name] = proc
        with open_store(self.url) as store:
            self.after[name] = store.load()
            self.states[name] = store.load_story_index()
        self.rows[name] = tables(self.url)


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Corpus]:
    folder = tmp_path_factory.mktemp("incremental")
    for name, text in (("dam.txt", DAM), ("follow-up.txt", DAM_FOLLOW_UP), ("chess.txt", CHESS)):
        (folder / name).write_text(text)
    records = [
        {"text": DAM, "outlet": "Valley Wire", "published": "2031-06-03"},  # stored already
        {"text": DAM_SIRENS, "outlet": "Valley Wire", "published": "2031-06-05"},
    ]
    (folder / "mixed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    with database_url(request.param, folder) as url:
        corpus = Corpus(folder, url, {})
        corpus.step("first", "run", "dam.txt", "--published", "2031-06-03", "-q")
        corpus.step("second", "run", "follow-up.txt", "chess.txt", "--published", "2031-06-04")
        corpus.step("again", "run", "dam.txt", "follow-up.txt", "chess.txt", "-q")
        corpus.step("mixed", "run", "mixed.jsonl", "-q")
        corpus.ids = {Path(a.path or "").name: a.id for a in corpus.after["mixed"].articles}
        corpus.step("rebuild", "stories", "--rebuild")
        yield corpus


def test_cli_incremental_second_run_joins_the_saved_story(corpus: Corpus) -> None:
    first, second = corpus.after["first"], corpus.after["second"]
    dam, follow_up, chess = (corpus.ids[n] for n in ("dam.txt", "follow-up.txt", "chess.txt"))
    assert [s.articles for s in first.stories] == [[dam]]
    assert story_of(second, follow_up) == story_of(second, dam) == first.stories[0].id
    assert story_of(second, chess) != story_of(second, dam)
    assert len(second.analyses) == 3
    state = corpus.states["second"]
    assert state is not None
    assert sorted(a for s in state["stories"] for a in s["articles"]) == sorted(
        [dam, follow_up, chess]
    )
    assert "articles" in corpus.procs["second"].stderr  # the summary table


def test_cli_incremental_same_input_changes_nothing(corpus: Corpus) -> None:
    assert corpus.rows["again"] == corpus.rows["second"]
    assert corpus.after["again"] == corpus.after["second"]


def test_cli_incremental_mixed_file_adds_only_the_new_article(corpus: Corpus) -> None:
    before, after = corpus.after["again"], corpus.after["mixed"]
    assert [a.id for a in after.articles[:3]] == [a.id for a in before.articles]
    assert len(after.articles) == 4
    sirens, dam, chess = (corpus.ids[n] for n in ("mixed.jsonl", "dam.txt", "chess.txt"))
    assert story_of(after, sirens) == story_of(after, dam)
    # The chess story gained nothing: its facts were kept, not reconciled again.
    kept = [f for f in before.facts if f.story == story_of(before, chess)]
    assert [f for f in after.facts if f.story == story_of(after, chess)] == kept
    assert {f.story for f in after.facts} <= {s.id for s in after.stories}


def test_cli_incremental_rebuild_reclusters_in_batch(corpus: Corpus) -> None:
    rebuilt = corpus.after["rebuild"]
    groups = sorted(sorted(s.articles) for s in rebuilt.stories)
    assert groups == sorted(sorted(s.articles) for s in corpus.after["mixed"].stories)
    assert corpus.states["rebuild"] is not None
    listed = corpus.procs["rebuild"].stdout
    assert all(s.id in listed for s in rebuilt.stories)
    assert rebuilt.analyses == corpus.after["mixed"].analyses


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "html", "plover"])
def test_cli_incremental_export_reads_the_database(corpus: Corpus, fmt: str) -> None:
    out = corpus.folder / f"export-{fmt}"
    proc = accord("export", "-f", fmt, "-o", str(out), "--db", corpus.url, cwd=corpus.folder)
    assert proc.returncode == 0, proc.stderr
    if fmt == "json":
        export = json.loads(out.read_text())
        texts = {a["id"]: a["text"] for a in export["articles"]}
        assert len(texts) == 4 and len(export["stories"]) == len(corpus.after["rebuild"].stories)
        for fact in export["facts"]:
            for span in fact["support"] + fact["conflicts"]:
                assert texts[span["article"]][span["start"] : span["end"]] == span["text"]
    elif fmt == "csv":
        assert (out / "stories.csv").read_text().count("\n") > len(corpus.after["rebuild"].stories)
    else:
        assert out.stat().st_size > 0


def test_cli_incremental_show_reads_the_database(corpus: Corpus) -> None:
    proc = accord("show", "--db", corpus.url, cwd=corpus.folder)
    assert proc.returncode == 0, proc.stderr
    assert "Varnholt" in proc.stdout and "Brellin" in proc.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_cli_incremental_serve_reads_the_database(corpus: Corpus) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "accord", "serve", "--db", corpus.url, "--port", str(port)],
        cwd=corpus.folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        stories = None
        deadline = time.monotonic() + 120
        while stories is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories") as response:
                    stories = json.load(response)
            except OSError:
                time.sleep(0.5)
        assert stories is not None, server.stderr.read() if server.poll() is not None else ""
        assert {s["id"] for s in stories} == {s.id for s in corpus.after["rebuild"].stories}
    finally:
        server.terminate()
        server.wait(timeout=30)
