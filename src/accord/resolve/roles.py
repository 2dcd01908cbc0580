"""Comparing what two mentions are said to be: titles and role descriptions.

Each title or role ("Defense Minister", "the leader of the Ukrainian delegation") becomes a set
of content words, with synonyms and inflections read through ``names_role_words.tsv``
("defence" = "defense", "led" = "leader"). Two mentions *agree strongly* when some title or role
of each shares at least two content words and neither adds a modifier or a qualifier the other
lacks (countries, their demonyms and metonyms read as one affiliation: "Ukraine's" = "Ukrainian") ("Deputy Defense Minister" ≠ "Defense Minister"; the "Russian delegation" ≠ the
"Ukrainian delegation"); they *conflict* when their roles are of one kind but differ in that way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from anyascii import anyascii

from accord.resolve.nationality import country_code

Terms = frozenset[str]


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    text = (files("accord") / "data" / "names_role_words.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, kind = line.split("\t")[:2]
            table[word.strip()] = kind.strip()
    return table


def _modifiers() -> frozenset[str]:
    return frozenset(w for w, k in _words().items() if k == "modifier")


def _generic() -> frozenset[str]:
    return frozenset(w for w, k in _words().items() if k == "generic")


@lru_cache(maxsize=16384)
def role_terms(text: str) -> Terms:
    """The content words of one title or role, normalised (order and function words ignored)."""
    table = _words()
    out: set[str] = set()
    for word in re.findall(r"[A-Za-z]+", re.sub(r"'s\b", "", anyascii(text))):
        raw = word.lower()
        kind = table.get(raw, "")
        if kind != "stop" and word[0].isupper() and (code := country_code(word)):
            out.add(f"country:{code.lower()}")
            continue
        if kind == "stop":
            continue
        if kind == "generic":
            out.add(raw)
            continue
        word = kind[1:] if kind.startswith("=") else raw
        out.add(word)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """How two mentions' roles compare: ``strong``, ``conflict`` and the words that decided."""

    strong: bool
    conflict: bool
    shared: Terms = frozenset()
    differing: Terms = frozenset()


def _compare(a: Terms, b: Terms) -> RoleMatch:
    shared = a & b
    differing = a ^ b
    if not shared - _modifiers():
        return RoleMatch(False, False, shared, differing)
    # One side may omit words ("Minister" vs "Defense Minister"); both adding words ("Foreign
    # Minister" vs "Defense Minister"), or a modifier on either side, means two offices.
    subset = a <= b or b <= a
    conflict = bool(differing & _modifiers()) or not subset
    strong = not conflict and len(shared - _modifiers() - _generic()) >= 2
    return RoleMatch(strong, conflict, shared, differing)


def compare_roles(left: Iterable[str], right: Iterable[str]) -> RoleMatch:
    """Strong if any pair of roles agrees; a conflict only if some pair conflicts and none agree."""
    left_terms = [t for t in {role_terms(r) for r in left} if t]
    right_terms = [t for t in {role_terms(r) for r in right} if t]
    conflict: RoleMatch | None = None
    for a in left_terms:
        for b in right_terms:
            match = _compare(a, b)
            if match.strong:
                return match
            if match.conflict and conflict is None:
                conflict = match
    return conflict or RoleMatch(False, False)
