"""The Typer application object; command modules in this package register on it."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="accord",
    help="Reconcile news coverage of one event from several outlets into one source-attributed record.",
    no_args_is_help=True,
    add_completion=False,
)
