"""Transliteration skeletons and phonetic keys for names.

A *skeleton* is what is left of a name token once every spelling difference that a
romanisation or a machine translation through another script can introduce has been erased:
anyascii romanises the script (Cyrillic, Greek, accents), then the documented correspondence
table ``accord/data/translit_rules.tsv`` rewrites digraphs ("nt"→"d", "kh"→"h", "y"→"i", ...)
and doubled letters collapse. Two spellings with equal skeletons are transliteration variants.

The table is data, not code, so a reviewer can see and extend every rule; ``skeleton_trace``
reports which rules fired, which ``explain()`` prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import jellyfish
from anyascii import anyascii

_POSITIONS = frozenset({"any", "start", "end", "mid"})
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class TranslitRule:
    """One row of the correspondence table: ``source`` becomes ``target`` at ``position``."""

    source: str
    target: str
    position: str
    why: str

    def apply(self, token: str) -> str:
        """Rewrite every occurrence allowed by the rule's position."""
        if self.position == "start":
            return (
                self.target + token[len(self.source) :] if token.startswith(self.source) else token
            )
        if self.position == "end":
            return (
                token[: -len(self.source)] + self.target if token.endswith(self.source) else token
            )
        if self.position == "mid":
            return token[:1] + token[1:].replace(self.source, self.target)
        return token.replace(self.source, self.target)


def _parse_rule(line: str) -> TranslitRule:
    parts = line.split("\t")
    if len(parts) < 3 or parts[2] not in _POSITIONS:
        raise ValueError(f"bad transliteration rule: {line!r}")
    return TranslitRule(parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else "")


@lru_cache(maxsize=1)
def rules() -> tuple[TranslitRule, ...]:
    """The correspondence table, loaded once from ``accord/data/translit_rules.tsv``."""
    text = (files("accord") / "data" / "translit_rules.tsv").read_text(encoding="utf-8")
    rows = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(_parse_rule(ln) for ln in rows)


def fold_token(token: str) -> str:
    """Lower-case ASCII letters of one token: anyascii romanises any script, then non-letters go."""
    return re.sub(r"[^a-z]", "", anyascii(token).lower())


@lru_cache(maxsize=65536)
def skeleton_trace(token: str) -> tuple[str, tuple[str, ...]]:
    """The token's skeleton and the rules (``"from>to"``) that changed it, in order."""
    current = re.sub(r"(.)\1+", r"\1", fold_token(token))
    fired: list[str] = []
    for rule in rules():
        rewritten = rule.apply(current)
        if rewritten != current:
            fired.append(f"{rule.source}>{rule.target}")
            current = rewritten
    collapsed = re.sub(r"(.)\1+", r"\1", current)
    if collapsed != current:
        fired.append("double>single")
    return collapsed, tuple(fired)


def skeleton(token: str) -> str:
    """The transliteration skeleton of one name token ("Kovalskyy" and "Kovalski" agree)."""
    return skeleton_trace(token)[0]


def consonants(token: str) -> str:
    """The skeleton without vowels: a loose key for names whose vowels a translation changed."""
    return "".join(ch for ch in skeleton(token) if ch not in _VOWELS)


@lru_cache(maxsize=65536)
def phonetic(token: str) -> str:
    """Metaphone code of the skeleton (jellyfish): one more blocking key for sound-alikes."""
    sk = skeleton(token)
    return jellyfish.metaphone(sk) if sk else ""
