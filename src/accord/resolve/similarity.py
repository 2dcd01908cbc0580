"""How alike two names are, level by level, with the reason in words.

Levels, strongest first:

* ``exact``     the folded names are equal;
* ``translit``  the transliteration skeletons are equal (see ``translit_rules.tsv``);
* ``fuzzy``     skeletons nearly equal: Jaro-Winkler ≥ 0.92 on skeletons of ≥ 4 letters, and the
                consonant skeletons agree (or Jaro-Winkler ≥ 0.95);
* ``weak``      only the consonant skeletons agree (a translation changed vowels): never enough
                alone, the resolver also asks for strongly agreeing roles;
* ``none``.

People are compared surname to surname; given names must then be *compatible* (equal skeleton,
an initial, or near-equal: "Kir"/"Keir"), never merely present: "Vladimir X" and "Vladimir Y"
do not match because their surnames do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from accord.resolve.names import PersonName
from accord.resolve.translit import consonants, skeleton_trace

FUZZY_JW = 0.92
FUZZY_JW_ANY = 0.95
WEAK_JW = 0.75
GIVEN_JW = 0.85
LEVEL_SCORE = {"exact": 1.0, "translit": 0.95, "fuzzy": 0.85, "weak": 0.6, "none": 0.0}


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A comparison's level, score (see ``LEVEL_SCORE``, refined by Jaro-Winkler) and reason."""

    level: str
    score: float
    detail: str = ""

    @property
    def matched(self) -> bool:
        return self.level != "none"


NO_MATCH = NameMatch("none", 0.0)


def _vowelless(sk: str) -> str:
    return "".join(ch for ch in sk if ch not in "aeiou")


def token_match(raw_a: str, raw_b: str, sk_a: str, sk_b: str) -> NameMatch:
    """Compare two name words given their folded forms and skeletons."""
    if raw_a == raw_b:
        return NameMatch("exact", 1.0, f"'{raw_a}' = '{raw_b}'")
    if sk_a == sk_b:
        rules = sorted(set(skeleton_trace(raw_a)[1]) ^ set(skeleton_trace(raw_b)[1]))
        return NameMatch("translit", 0.95, f"same skeleton '{sk_a}' (rules: {', '.join(rules)})")
    jw = JaroWinkler.similarity(sk_a, sk_b)
    same_consonants = _vowelless(sk_a) == _vowelless(sk_b) != ""
    detail = f"skeletons '{sk_a}'/'{sk_b}' Jaro-Winkler {jw:.2f}"
    if min(len(sk_a), len(sk_b)) >= 4 and (jw >= FUZZY_JW_ANY or (jw >= FUZZY_JW and same_consonants)):
        return NameMatch("fuzzy", round(0.8 + 0.1 * jw, 3), detail)
    if same_consonants and jw >= WEAK_JW:
        return NameMatch("weak", round(0.5 + 0.1 * jw, 3), detail + ", same consonants")
    return NameMatch("none", 0.0, detail)


def given_compatible(a: PersonName, b: PersonName) -> bool:
    """Could these given names belong to one person? True when either side has none."""
    for ga, gb in zip(a.given, b.given, strict=False):
        if not _given_word_compatible(ga, gb):
            return False
    return True


def _given_word_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    jw = JaroWinkler.similarity(a, b)
    return jw >= GIVEN_JW or (jw >= 0.8 and consonants(a) == consonants(b))


def person_match(a: PersonName, b: PersonName) -> NameMatch:
    """Surname level, demoted to ``none`` when the given names are incompatible."""
    if not a.surname or not b.surname:
        return NO_MATCH
    match = token_match(a.raw_surname.split()[-1], b.raw_surname.split()[-1], a.surname, b.surname)
    if not match.matched:
        return match
    if not given_compatible(a, b):
        return NameMatch("none", 0.0, f"given names differ ({' '.join(a.given)} / {' '.join(b.given)})")
    return match
