"""Every module of the package imports on its own, first, in a fresh interpreter: an import
cycle that a full test run hides (another module happened to be imported first) breaks a user's
``from accord.quotes.lexicon import ...``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import accord

PACKAGE = Path(accord.__file__).parent
# not importable on their own by design: the CLI entry point runs, Alembic loads the rest
SKIP = ("__main__", "migrations")


def _modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if any(skip in parts for skip in SKIP):
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.mark.slow
def test_every_module_imports_first() -> None:
    script = (
        "import subprocess, sys\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "def fails(m):\n"
        "    run = subprocess.run([sys.executable, '-c', 'import ' + m], capture_output=True)\n"
        "    return run.returncode != 0\n"
        "with ThreadPoolExecutor(2) as pool:\n"
        "    bad = [m for m, f in zip(sys.argv[1:], pool.map(fails, sys.argv[1:])) if f]\n"
        "print(' '.join(bad))\n"
    )
    modules = _modules()
    assert len(modules) > 100
    result = subprocess.run(
        [sys.executable, "-c", script, *modules], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == []
