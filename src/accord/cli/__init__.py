"""accord's command line: a thin Typer layer over the library's public functions.

Each command lives in a module of its own in this package and registers on ``app``.
"""

from __future__ import annotations

from accord.cli import commands as _commands  # noqa: F401  (registers run/show/export)
from accord.cli.main import app

__all__ = ["app"]
