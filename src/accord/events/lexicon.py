"""The PLOVER data files (verb lexicon, type table, cue words), parsed once per process.

The lexicon is data, not code (``accord/data/plover_*.tsv``), so users can extend it without
touching the coder; see the header of each file for its source and columns.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from accord.analyze.lexicon import read_lines


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon line: ``lemma`` (as ``pos``) triggers ``type`` when one of ``requires`` is
    its object (any object, or none, when ``requires`` is empty), none of ``excludes`` is, and,
    when ``transitive``, it has an object or complement that is no number ("declined to
    comment", not "support declined 5 percent"); when ``intransitive``, it has none
    ("thousands demonstrated", not "she demonstrated her skill")."""

    pos: str
    lemma: str
    type: str
    mode: str | None
    requires: frozenset[str]
    excludes: frozenset[str] = frozenset()
    transitive: bool = False
    intransitive: bool = False


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """A PLOVER type of the gold records, its 2021 name and mode, and how it is threatened."""

    name: str
    plover2021: str
    mode2021: str | None
    cooperative: bool
    threat_mode: str | None


def _dash(value: str) -> str | None:
    return None if value in ("-", "") else value


def _split(line: str, width: int) -> list[str]:
    parts = line.split("\t")
    if len(parts) != width:
        raise ValueError(f"PLOVER data line needs {width} tab-separated columns: {line!r}")
    return [p.strip() for p in parts]


@lru_cache(maxsize=1)
def entries() -> dict[tuple[str, str], tuple[Entry, ...]]:
    """Lexicon entries by ``(pos, lemma)``: those that require an object first, then those
    with another condition on it, then the rest ("rallied behind the leader" is support before
    "rallied" alone is a protest)."""
    table: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for line in read_lines("plover_verbs.tsv"):
        pos, lemma, type_, mode, requires = _split(line, 5)
        table[(pos, lemma)].append(Entry(pos, lemma, type_, _dash(mode), *_requirement(requires)))
    return {
        key: tuple(
            sorted(
                v,
                key=lambda e: (
                    not e.requires,
                    not (e.excludes or e.transitive or e.intransitive),
                ),
            )
        )
        for key, v in table.items()
    }


def _requirement(column: str) -> tuple[frozenset[str], frozenset[str], bool, bool]:
    """(requires, excludes, transitive, intransitive) of the lexicon's last column: ``-``,
    ``a|b``, ``*`` (transitive) or ``!a|b`` (any object but these), where ``!*`` is no object
    at all ("!*|down": none, and no particle "down" either)."""
    if column == "-":
        return frozenset(), frozenset(), False, False
    if column == "*":
        return frozenset(), frozenset(), True, False
    if column.startswith("!"):
        words = frozenset(column[1:].split("|"))
        return frozenset(), words - {"*"}, False, "*" in words
    return frozenset(column.split("|")), frozenset(), False, False


@lru_cache(maxsize=1)
def types() -> dict[str, TypeInfo]:
    """The type table, by gold-record type name."""
    out: dict[str, TypeInfo] = {}
    for line in read_lines("plover_types.tsv"):
        name, new, mode, polarity, threat = _split(line, 5)
        out[name] = TypeInfo(name, new, _dash(mode), polarity == "cooperative", _dash(threat))
    return out


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Cue words by kind (negator, intention, modal, condition, obligation, speech, negword)."""
    table: dict[str, set[str]] = defaultdict(set)
    for line in read_lines("plover_cues.tsv"):
        kind, word = _split(line, 2)
        table[kind].add(word)
    return {kind: frozenset(words) for kind, words in table.items()}


def cue(kind: str) -> frozenset[str]:
    """The cue words of one kind (empty when the file has none)."""
    return cues().get(kind, frozenset())
