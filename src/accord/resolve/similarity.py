"""How alike two names are, level by level, with the reason in words.

Levels, strongest first:

* ``exact``     the folded names are equal;
* ``translit``  the transliteration skeletons are equal (see ``translit_rules.tsv``);
* ``fuzzy``     skeletons nearly equal: Jaro-Winkler ≥ 0.93 on skeletons of ≥ 5 letters, and the
                consonant skeletons agree (or Jaro-Winkler ≥ 0.95);
* ``weak``      only the consonant skeletons agree (a translation changed vowels): never enough
                alone, the resolver also asks for strongly agreeing roles;
* ``none``.

People are compared surname to surname; given names must then be *compatible* (equal skeleton,
an initial, a nickname of the other ("Bill"/"William", :mod:`accord.resolve.given_names`),
Jaro-Winkler ≥ 0.9 ("Jon"/"John"), or ≥ 0.8 with the same consonants
("Oleksandr"/"Aleksandr"); a leading initial or first name one side drops is skipped: "W. Mark
X"/"Mark X"), never merely present: "Oleg X" and "Oleg Y" do not match because their surnames
do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from accord.resolve.given_names import first_name_gender, same_given_name
from accord.resolve.names import PersonName
from accord.resolve.translit import consonants, skeleton_trace

FUZZY_JW = 0.93
FUZZY_JW_ANY = 0.95
WEAK_JW = 0.75
FUZZY_MIN_LENGTH = 5
GIVEN_JW = 0.9
GIVEN_JW_SAME_CONSONANTS = 0.8
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
    if sk_a.startswith(sk_b) or sk_b.startswith(sk_a) or _gendered(sk_a, sk_b):
        # "Ivanov"/"Ivanova", "Kowalski"/"Kowalska", "Petro"/"Petrov": another ending makes
        # another name (often the feminine form: a different person), though Jaro-Winkler
        # rates such pairs highly.
        return NameMatch("none", 0.0, f"'{sk_a}'/'{sk_b}': different endings of one stem")
    jw = JaroWinkler.similarity(sk_a, sk_b)
    same_consonants = _vowelless(sk_a) == _vowelless(sk_b) != ""
    detail = f"skeletons '{sk_a}'/'{sk_b}' Jaro-Winkler {jw:.2f}"
    if min(len(sk_a), len(sk_b)) >= FUZZY_MIN_LENGTH and (
        jw >= FUZZY_JW_ANY or (jw >= FUZZY_JW and same_consonants)
    ):
        return NameMatch("fuzzy", round(0.8 + 0.1 * jw, 3), detail)
    if same_consonants and jw >= WEAK_JW:
        return NameMatch("weak", round(0.5 + 0.1 * jw, 3), detail + ", same consonants")
    return NameMatch("none", 0.0, detail)


_FEMININE = ("aia", "ia", "a")  # Slavic feminine surname endings, as skeletons (-aya, -a)


def _gendered(a: str, b: str) -> bool:
    """Masculine and feminine forms of one surname ("kovalski"/"kovalska")."""
    for fem, masc in ((a, b), (b, a)):
        for ending in _FEMININE:
            if fem.endswith(ending) and masc.endswith("i") and fem[: -len(ending)] == masc[:-1]:
                return True
    return False


def given_compatible(a: PersonName, b: PersonName, spelled: bool = False) -> bool:
    """Could these given names belong to one person? True when either side has none.

    Word by word from the first ("Frederick C." / "Fred"), or, when one side has fewer given
    names, whole words word by word from the surname back: news drops a leading initial or
    first name that a person does not go by ("W. Mark X" / "Mark X", "Sharron Diane X" /
    "Diane X"). ``spelled``: the words must be spelled alike (or be an initial or a nickname
    of each other), as within one article, whose writer spells a name one way: there "Ilse"
    and "Ilsa" are two people."""
    words_a, words_b = _given_words(a), _given_words(b)
    if all(_given_word_compatible(x, y, spelled) for x, y in zip(words_a, words_b, strict=False)):
        return True
    short, long = sorted((words_a, words_b), key=len)
    if not short or len(short) == len(long):
        return False
    # whole words only: "Louis X" is not "Vincent L. X" (a middle initial: two brothers)
    return all(
        min(len(x[0]), len(y[0])) > 1 and _given_word_compatible(x, y, spelled)
        for x, y in zip(short, long[-len(short) :], strict=True)
    )


def _given_words(name: PersonName) -> list[tuple[str, str]]:
    """(skeleton, folded word) per given name; the folded word is "" where a word without a
    skeleton makes the two lists differ in length (the skeleton alone then decides)."""
    if len(name.raw_given) == len(name.given):
        return list(zip(name.given, name.raw_given, strict=True))
    return [(g, "") for g in name.given]


def _given_word_compatible(a: tuple[str, str], b: tuple[str, str], spelled: bool = False) -> bool:
    (sk_a, raw_a), (sk_b, raw_b) = a, b
    if sk_a == sk_b and not (spelled and raw_a != raw_b):
        return True
    if len(sk_a) == 1 or len(sk_b) == 1:
        return sk_a[0] == sk_b[0]
    if raw_a and raw_b and same_given_name(raw_a, raw_b):
        return True  # "Bill" / "William", "Katie" / "Kathryn"
    if spelled or _genders_differ(raw_a, raw_b):
        return False  # "Paul" / "Paula", "Daniel" / "Daniela": a man's and a woman's name
    jw = JaroWinkler.similarity(sk_a, sk_b)
    return jw >= GIVEN_JW or (
        jw >= GIVEN_JW_SAME_CONSONANTS and consonants(sk_a) == consonants(sk_b)
    )


def _genders_differ(a: str, b: str) -> bool:
    """Whether two folded given names are each borne almost only by one gender, not the same
    one (:func:`accord.resolve.given_names.first_name_gender`)."""
    ga = first_name_gender(a) if a else None
    gb = first_name_gender(b) if b else None
    return ga is not None and gb is not None and ga != gb


def person_match(a: PersonName, b: PersonName) -> NameMatch:
    """Surname level, demoted to ``none`` when the given names are incompatible."""
    if not a.surname or not b.surname:
        return NO_MATCH
    match = token_match(a.raw_surname.split()[-1], b.raw_surname.split()[-1], a.surname, b.surname)
    if not match.matched:
        return match
    if not (given_compatible(a, b) or a.is_surname_of(b) or b.is_surname_of(a)):
        return NameMatch(
            "none", 0.0, f"given names differ ({' '.join(a.given)} / {' '.join(b.given)})"
        )
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return NameMatch("none", 0.0, f"generations differ ({a.suffix} / {b.suffix})")
    return match
