"""Loading of accord's word lists (data files under ``accord/data``), once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of the data file ``accord/data/<name>``."""
    text = resources.files("accord").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]


@dataclass(frozen=True, slots=True)
class Titles:
    """Title head words ("minister") and the modifiers that occur only inside titles ("deputy")."""

    heads: frozenset[str]
    modifiers: frozenset[str]

    def is_head(self, word: str) -> bool:
        return word.lower() in self.heads

    def is_title_word(self, word: str) -> bool:
        low = word.lower()
        return low in self.heads or low in self.modifiers


@lru_cache(maxsize=1)
def titles() -> Titles:
    heads: set[str] = set()
    modifiers: set[str] = set()
    for line in read_lines("titles.txt"):
        if line.startswith("mod:"):
            modifiers.add(line[4:])
        else:
            heads.update(line.split())
    return Titles(frozenset(heads), frozenset(modifiers))


@lru_cache(maxsize=1)
def facility_words() -> dict[tuple[str, str], str]:
    """``(word, "first" | "last") -> label`` from ``types_facility_words.tsv``: the words that
    make a multi-word name a FAC or an ORG where they stand first or last in it."""
    out = {}
    for line in read_lines("types_facility_words.tsv"):
        word, position, label = line.split("\t")
        out[word.lower(), position] = label
    return out
