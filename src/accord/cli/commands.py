"""``accord run``, ``show``, ``export``, ``explain``, ``stories`` and ``serve``.

Exit codes: 0 everything was read, 1 some inputs were skipped (they are listed), 2 usage error.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from accord.cli.main import app
from accord.model import Result

if TYPE_CHECKING:
    from accord.store import Store
    from accord.stories.labels import LabelRow, StoryLabels

err = Console(stderr=True, soft_wrap=True)  # messages name files: never cut a path in two
out = Console()

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite file or SQLAlchemy URL (default: accord.db in this folder)."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]


def _write_reports(
    result: Result, json_out: str | None, markdown_out: str | None, html_out: str | None
) -> None:
    from accord.report import write_report

    for fmt, target in (("json", json_out), ("markdown", markdown_out), ("html", html_out)):
        if target:
            write_report(result, fmt, target)


def _summary(result: Result) -> Table:
    table = Table(title="accord run", show_header=True)
    for column in ("articles", "entities", "quotes", "events", "facts", "stories", "skipped"):
        table.add_column(column, justify="right")
    table.add_row(
        *(
            str(n)
            for n in (
                len(result.analyses),
                len(result.entities),
                len(result.quotes),
                len(result.events),
                len(result.facts),
                len(result.stories),
                len(result.skipped),
            )
        )
    )
    return table


class _Notes(logging.Handler):
    """Collects what ingest repaired (``extra={"accord_note": True}``) to list after the run.

    Installing it also keeps Python's last-resort handler from printing accord's warnings a
    second time: skipped inputs are listed from the result instead.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "accord_note", False):
            self.messages.append(record.getMessage())


def _progress_bar(quiet: bool, label_width: int) -> Progress:
    """The progress bar of long commands, on standard error, gone when done (``--quiet``: off)."""
    return Progress(
        TextColumn(f"{{task.description:<{label_width}}}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=True,
    )


@contextmanager
def _collect_notes() -> Iterator[_Notes]:
    logger = logging.getLogger("accord")
    notes = _Notes()
    logger.addHandler(notes)
    try:
        yield notes
    finally:
        logger.removeHandler(notes)


def _report_notes(notes: _Notes) -> None:
    for message in notes.messages:
        err.print(f"[yellow]note[/] {message}", highlight=False, markup=True)


def _report_skipped(result: Result) -> None:
    for skipped in result.skipped:
        line = f":{skipped.line}" if skipped.line else ""
        err.print(
            f"[yellow]skipped[/] {skipped.path}{line}: {skipped.reason}",
            highlight=False,
            markup=True,
        )


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")],
    db: DbOption = None,
    json_out: Annotated[
        str | None,
        typer.Option("--json", help="Write the accord/1 JSON export here (- for stdout)."),
    ] = None,
    markdown_out: Annotated[
        str | None, typer.Option("--markdown", help="Write the Markdown dossier here.")
    ] = None,
    html_out: Annotated[
        str | None, typer.Option("--html", help="Write the HTML dossier here.")
    ] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Outlet name for inputs that do not say.")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date for inputs that do not say.")
    ] = None,
    language: Annotated[
        str | None, typer.Option(help="Language code for inputs that do not say.")
    ] = None,
    reader: Annotated[
        str | None,
        typer.Option(
            help="Force one input reader (text, html, json, jsonl, feed) instead of by extension."
        ),
    ] = None,
    kb: Annotated[
        Path | None, typer.Option(help="Knowledge base (JSONL) to link entities to.")
    ] = None,
    no_db: Annotated[
        bool, typer.Option("--no-db", help="Do not store anything; only write reports.")
    ] = False,
    dask: Annotated[
        bool, typer.Option("--dask", help="Analyse articles in parallel with Dask.")
    ] = False,
    scheduler: Annotated[
        str, typer.Option(help="Dask scheduler: threads, processes, synchronous or an address.")
    ] = "processes",
    quiet: QuietOption = False,
) -> None:
    """Ingest, analyse, resolve, cluster and reconcile articles; store them and write reports."""
    from accord.pipeline import run_corpus

    with (
        _collect_notes() as notes,
        _progress_bar(quiet, label_width=10) as bar,
    ):
        tasks: dict[str, TaskID] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        result = run_corpus(
            paths,
            db=None if no_db else (db or "accord.db"),
            kb=str(kb) if kb else None,
            outlet=outlet,
            published=published,
            language=language,
            reader=reader,
            progress=progress,
            dask_scheduler=scheduler if dask else None,
        )
    _write_reports(result, json_out, markdown_out, html_out)
    _report_notes(notes)
    _report_skipped(result)
    if not quiet:
        err.print(_summary(result))
    raise typer.Exit(1 if result.skipped else 0)


@app.command()
def show(
    db: DbOption = None, skipped: Annotated[bool, typer.Option(help="List skipped inputs.")] = False
) -> None:
    """Summarise what is in the database: stories, entities, facts and skipped inputs."""
    from accord.store import open_store

    store = open_store(db)
    result = store.load()
    out.print(_summary(result))
    for story in result.stories:
        out.print(
            f"[bold]{story.id}[/] {story.title}  ({len(story.articles)} articles)", highlight=False
        )
    entities = Table("id", "name", "type", "aliases", "mentions", title="entities")
    for e in sorted(result.entities, key=lambda e: -len(e.mentions))[:30]:
        entities.add_row(e.id, e.name, e.type, ", ".join(e.aliases), str(len(e.mentions)))
    out.print(entities)
    if skipped:
        for s in result.skipped:
            out.print(f"{s.path}: {s.reason}", highlight=False, markup=False)


FORMATS = ("json", "csv", "markdown", "html", "plover")


@app.command()
def export(
    format: Annotated[
        str, typer.Option("--format", "-f", help="json, csv, markdown, html or plover.")
    ] = "json",
    output: Annotated[
        str, typer.Option("--output", "-o", help="File (folder for csv); - for stdout.")
    ] = "-",
    db: DbOption = None,
) -> None:
    """Export what is in the database."""
    from accord.report import write_report
    from accord.store import open_store

    if format not in FORMATS:
        err.print(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    result = open_store(db).load()
    write_report(result, format, output)


@app.command()
def explain(
    entity: Annotated[str, typer.Argument(help="Entity id or name.")],
    db: DbOption = None,
) -> None:
    """Say why the aliases of an entity were merged (the evidence behind each join)."""
    from accord.resolve import explain as explain_entity
    from accord.store import open_store

    result = open_store(db).load()
    wanted = entity.casefold()
    matches = [
        e
        for e in result.entities
        if e.id == entity
        or e.name.casefold() == wanted
        or wanted in (a.casefold() for a in e.aliases)
    ]
    if not matches:
        err.print(f"no entity {entity!r} in the database")
        raise typer.Exit(1)
    for match in matches:
        out.print(explain_entity(match), highlight=False, markup=False)


@app.command()
def stories(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Re-cluster every stored article in batch.")
    ] = False,
    score: Annotated[
        Path | None,
        typer.Option(
            "--score",
            help="Score the stored stories against a labels CSV (columns article, story): "
            "B3 and pairwise precision, recall and F1.",
            dir_okay=False,
        ),
    ] = None,
    calibrate: Annotated[
        Path | None,
        typer.Option(
            "--calibrate",
            help="Fit a story decision model on the stored articles a labels CSV names "
            "(columns article, story, optional group); needs --out.",
            dir_okay=False,
        ),
    ] = None,
    model_out: Annotated[
        Path | None,
        typer.Option("--out", help="With --calibrate: the model file to write.", dir_okay=False),
    ] = None,
    why: Annotated[
        str | None,
        typer.Option(
            "--why",
            help="Say why this article (id or unique id prefix) is in its story: the model's "
            "probability, each feature's share, what it shares with the story, the other "
            "candidate stories.",
        ),
    ] = None,
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """List, re-cluster, score or calibrate the stories in the database, or say why an article
    is in its story."""
    from accord.pipeline import rebuild_stories
    from accord.store import open_store

    if why is not None and (rebuild or score or calibrate):
        err.print("--why reads the stored stories: run it on its own")
        raise typer.Exit(2)
    if why is not None:
        with open_store(db) as store:
            _why(store, why)
        return
    if (calibrate is None) != (model_out is None):
        err.print("--calibrate and --out go together: the labels to fit on and the model file")
        raise typer.Exit(2)
    if calibrate is not None and score is not None:
        err.print("--score and --calibrate are separate runs: score after using the new model")
        raise typer.Exit(2)
    labels = _story_labels(score or calibrate)
    with open_store(db) as store:
        result = rebuild_stories(store) if rebuild else store.load()
    if calibrate is not None and model_out is not None:
        _calibrate(result, labels, model_out, quiet)
        return
    if score is not None:
        _score(result, labels)
        return
    _list_stories(result)


def _why(store: Store, wanted: str) -> None:
    """Print :func:`accord.pipeline.story_placement` for one article (exit 1 when there is
    none to explain)."""
    from accord.errors import StorageError
    from accord.pipeline import story_placement
    from accord.stories.explain import placement_lines

    result = store.load()
    ids = [a.article.id for a in result.analyses if a.article.id.startswith(wanted)]
    if len(ids) != 1:
        found = "no stored article" if not ids else f"{len(ids)} stored articles"
        err.print(f"{found} with an id starting {wanted!r}", highlight=False, markup=False)
        raise typer.Exit(1)
    try:
        placement = story_placement(store, ids[0], stored=result)
    except StorageError as exc:
        err.print(str(exc), highlight=False, markup=False)
        raise typer.Exit(1) from None
    names = {e.id: f"{e.name} ({e.type})" for e in result.entities}
    for line in placement_lines(placement, names):
        out.print(line, highlight=False, markup=False, soft_wrap=True)


def _list_stories(result: Result) -> None:
    """Each story's id and title, then one line per article: id, day, source and headline, copies
    marked with the source and id of what they copy."""
    from accord.report.dossier import source_name

    articles = {a.id: a for a in result.articles}
    for story in result.stories:
        out.print(f"[bold]{escape(story.id)}[/] {escape(story.title)}", soft_wrap=True)
        for article_id in story.articles:
            article = articles.get(article_id)
            line = f"   {article_id}"
            if article is not None:
                day = (article.published or "")[:10] or "-"
                line += f"  {day:<10}  {source_name(article)}  {article.title or ''}"
            original = story.duplicates.get(article_id)
            if original:
                source = articles.get(original)
                line += f"  (copy of {source_name(source) + ' ' if source else ''}{original})"
            out.print(line, highlight=False, markup=False, soft_wrap=True)


def _story_labels(path: Path | None) -> list[LabelRow]:
    """The rows of a labels file (none without one); a bad file is a usage error (exit 2)."""
    from accord.errors import IngestError
    from accord.stories.labels import read_labels

    if path is None:
        return []
    try:
        return read_labels(path)
    except IngestError as error:
        err.print(str(error), highlight=False, markup=False)
        raise typer.Exit(2) from error


def _matched(result: Result, rows: list[LabelRow]) -> StoryLabels:
    """The labels matched to the stored articles; what did not match is reported."""
    from accord.stories.labels import match_labels

    matched = match_labels(rows, result.articles)
    for what, keys in (
        ("name no stored article", matched.unmatched),
        ("name several stored articles", matched.ambiguous),
        ("give one article two stories", matched.conflicting),
    ):
        if keys:
            shown = ", ".join(keys[:5]) + (f" and {len(keys) - 5} more" if len(keys) > 5 else "")
            err.print(
                f"{len(keys)} label rows {what} (left out): {shown}",
                highlight=False,
                markup=False,
            )
    if not matched.labels:
        err.print("no labelled article is in the database")
        raise typer.Exit(1)
    return matched


def _score(result: Result, rows: list[LabelRow]) -> None:
    from accord.stories.scores import b_cubed, pairwise

    matched = _matched(result, rows)
    story_of = {a: s.id for s in result.stories for a in s.articles}
    ids = [a for a in matched.labels if a in story_of]
    pred, gold = [story_of[a] for a in ids], [matched.labels[a] for a in ids]
    out.print(
        f"{len(ids)} labelled articles: {len(set(gold))} labelled stories, "
        f"{len(set(pred))} stored stories",
        highlight=False,
    )
    table = Table()
    for column in ("score", "precision", "recall", "F1"):
        table.add_column(column, justify="right")
    for name, values in (("B3", b_cubed(pred, gold)), ("pairwise", pairwise(pred, gold))):
        table.add_row(name, *(f"{v:.3f}" for v in values))
    out.print(table)


def _calibrate(result: Result, rows: list[LabelRow], target: Path, quiet: bool) -> None:
    from accord.embeddings import get_encoder
    from accord.stories import save_model
    from accord.stories.calibrate import CalibrationError
    from accord.stories.calibrate import calibrate as fit

    matched = _matched(result, rows)
    labelled = [a for a in result.analyses if a.article.id in matched.labels]
    with _progress_bar(quiet, label_width=60) as progress:
        task = progress.add_task("fitting weights", total=None)

        def advance(done: int, total: int, message: str) -> None:
            progress.update(task, completed=done, total=total, description=message[:60])

        try:
            model = fit(
                labelled, matched.labels, matched.groups, encoder=get_encoder(), progress=advance
            )
        except CalibrationError as error:
            err.print(str(error), highlight=False, markup=False)
            raise typer.Exit(1) from error
    save_model(model, target)
    scores = model.header["calibration_b3_f1"]
    err.print(
        f"wrote {target}: join threshold folded into the biases, split_below "
        f"{model.split_below}, use_embedding {model.use_embedding}; cross-fitted B3 F1 "
        + ", ".join(f"{k} {v:.3f}" for k, v in scores.items()),
        highlight=False,
    )
    err.print(
        f"use it with ACCORD_STORIES_MODEL={target} (then `accord stories --rebuild`)",
        highlight=False,
        markup=False,
    )


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the database as a web app and JSON API."""
    import uvicorn

    from accord.web.app import create_app

    uvicorn.run(create_app(db), host=host, port=port)


def main() -> None:  # pragma: no cover - console entry
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
