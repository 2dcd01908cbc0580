"""A digest of accord's code and data files, naming the benchmarks' on-disk caches.

A benchmark that caches accord's analyses (``pronouns.py``, ``ecbplus_events.py``,
``stories.py``) keys the cache by the files that produce them, leaving out the stage it
measures: a change to that stage re-scores in seconds, a change anywhere else re-analyses. Not a
benchmark of its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "accord"
SUFFIXES = frozenset({".py", ".txt", ".tsv"})


def code_digest(salt: str, skip: Collection[str] = (), skip_prefix: tuple[str, ...] = ()) -> str:
    """16 hex digits of SHA-256 over ``salt`` and every code or data file of ``src/accord``
    whose path inside the package has no part (folder or file name) in ``skip`` and whose file
    name starts with none of ``skip_prefix`` (``"reconcile_"``: the stage's data files)."""
    digest = hashlib.sha256(salt.encode())
    for path in sorted(PACKAGE.rglob("*")):
        skipped = set(path.relative_to(PACKAGE).parts) & set(skip) or (
            skip_prefix and path.name.startswith(skip_prefix)
        )
        if path.suffix in SUFFIXES and not skipped:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
