"""Loading of the ingest stage's word lists (data files under ``accord/data``), once per process.

Kept apart from ``accord.analyze`` so that reading files never imports spaCy.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of the data file ``accord/data/<name>``."""
    text = resources.files("accord").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return tuple(s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#"))


@cache
def data_sections(name: str) -> dict[str, tuple[str, ...]]:
    """Lines of a data file grouped under its ``[section]`` headers."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in data_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return {key: tuple(values) for key, values in sections.items()}
