"""Reports: the accord/1 JSON export, CSV tables, the Markdown/HTML dossier and PLOVER records.

Writers are chosen by name from a small registry, so a user can add a format without forking:
``register_writer("myformat", fn)`` where ``fn(result, target)`` writes to a path or ``-``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from accord.errors import ExportError
from accord.model import Result

Writer = Callable[[Result, str], None]
_WRITERS: dict[str, Writer] = {}


def register_writer(name: str, writer: Writer) -> None:
    _WRITERS[name] = writer


def _emit(text: str, target: str) -> None:
    if target == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        Path(target).write_text(text, encoding="utf-8")


def _json(result: Result, target: str) -> None:
    from accord.report.json_export import dumps

    _emit(dumps(result), target)


def _csv(result: Result, target: str) -> None:
    from accord.report.csv_export import table_csv, tables, write_csv

    if target == "-":
        _emit(table_csv(tables(result)["facts"]), target)
    else:
        write_csv(result, target)


def _markdown(result: Result, target: str) -> None:
    from accord.report.dossier import render_markdown

    _emit(render_markdown(result), target)


def _html(result: Result, target: str) -> None:
    from accord.report.dossier import render_html

    _emit(render_html(result), target)


def _plover(result: Result, target: str) -> None:
    from accord.events.plover import to_plover_records

    _emit(json.dumps(to_plover_records(result), ensure_ascii=False, indent=2), target)


for _name, _writer in (
    ("json", _json),
    ("csv", _csv),
    ("markdown", _markdown),
    ("html", _html),
    ("plover", _plover),
):
    register_writer(_name, _writer)


def write_report(result: Result, fmt: str, target: str) -> None:
    """Write ``result`` in format ``fmt`` to ``target`` (a path, a folder for csv, or ``-``)."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ExportError(f"unknown format {fmt!r}; known: {', '.join(sorted(_WRITERS))}")
    try:
        writer(result, target)
    except OSError as exc:
        raise ExportError(f"cannot write {fmt} to {target}: {exc}") from exc


__all__ = ["register_writer", "write_report"]
