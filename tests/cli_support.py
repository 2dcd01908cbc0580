"""Running the CLI through its real entry point (``python -m accord``) in tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def accord(
    *args: str, cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``accord ARGS`` in ``cwd`` (``env``: variables set on top of this process's)."""
    return subprocess.run(
        [sys.executable, "-m", "accord", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **env} if env else None,
    )


def scored_f1(stdout: str, score: str = "B3") -> float:
    """The F1 of ``score`` ("B3" or "pairwise") in the table ``accord stories --score`` prints."""
    row = next(line.split() for line in stdout.splitlines() if line.split()[1:2] == [score])
    return float(row[-2])
