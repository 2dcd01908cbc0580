"""Reading names: folding, person-name parts, acronyms.

A person name is split into given names and a surname (with its particles, "von der X"), after
honorifics and generational suffixes are dropped (``accord/data/names_affixes.tsv``). Each part
also gets its transliteration skeleton (:mod:`accord.resolve.translit`), which is what names
are compared on. Other names (organisations, places) are compared as folded phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from anyascii import anyascii

from accord.resolve.translit import fold_token, skeleton

# Words skipped when an acronym is read off a multi-word name ("Bank of England" → BOE).
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "la", "le", "&"})
_TRADEMARKS = re.compile("[®™©℠]")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)


@lru_cache(maxsize=1)
def affixes() -> dict[str, str]:
    """word → kind ("honorific", "particle", "suffix") from ``names_affixes.tsv``, loaded once."""
    text = (files("accord") / "data" / "names_affixes.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, kind = line.split("\t")[:2]
            out[word.strip()] = kind.strip()
    return out


@lru_cache(maxsize=65536)
def clean_surface(text: str) -> str:
    """The mention text as an alias: whitespace normalised, possessive, trademark signs
    ("Academy Awards®") and "the " removed."""
    words = " ".join(_TRADEMARKS.sub("", text).split())
    words = _POSSESSIVE.sub("", words).strip(" ,.;:\"“”'‘’()[]")
    if words.lower().startswith("the ") and len(words) > 4:
        words = words[4:]
    return words


@lru_cache(maxsize=65536)
def fold_phrase(text: str) -> str:
    """Case-, script-, accent- and punctuation-insensitive form of a whole name."""
    return " ".join(name_words(text)).lower()


def name_words(text: str) -> list[str]:
    """The words of a name as :func:`fold_phrase` folds them, case kept ("Red-Sox's" →
    ["Red", "Sox"])."""
    ascii_text = anyascii(clean_surface(text)).replace("-", " ")
    return re.sub(r"[^A-Za-z0-9 ]", "", ascii_text).split()


def person_surface(text: str) -> str:
    """A personal name as an alias: the mention text without the titles before the name
    ("Defense Minister Ilse Varga" → "Ilse Varga")."""
    words = clean_surface(text).split()
    table = affixes()
    cut = [i for i, w in enumerate(words[:-1]) if table.get(fold_token(w)) == "honorific"]
    return " ".join(words[cut[-1] + 1 :] if cut else words)


def _tokens(text: str) -> list[str]:
    """Words of a personal name; a period also separates ("Gov.Jane Roe", "J.R. Roe")."""
    return [t for t in re.split(r"[\s.,]+", clean_surface(text)) if t]


@dataclass(frozen=True, slots=True)
class PersonName:
    """A personal name in parts; ``given`` and ``surname`` hold skeletons, ``raw_*`` folded text."""

    given: tuple[str, ...]
    surname: str
    raw_given: tuple[str, ...]
    raw_surname: str
    suffix: str = ""  # a generational suffix, folded ("jr", "iii"): Jr. and Sr. are two people

    @property
    def is_full(self) -> bool:
        """Has a given name (or initial) as well as a surname."""
        return bool(self.given) and bool(self.surname)

    @property
    def first(self) -> str:
        """Skeleton of the first given name ("" when there is none)."""
        return self.given[0] if self.given else ""

    def is_surname_of(self, other: PersonName) -> bool:
        """Whether this name is ``other``'s surname with its particles, a particle written
        capitalised as at the start of a sentence ("De Blasio" of "Bill de Blasio", "Van
        Rompuy" of "Herman Van Rompuy"): parsed alone, its particle reads as a given name."""
        particles = other.raw_surname.split()[:-1]
        return (
            bool(particles) and self.surname == other.surname and self.raw_given == tuple(particles)
        )


def _strip_affixes(words: list[str]) -> tuple[list[str], str]:
    """Drop everything up to the last honorific before the final word ("Defense Minister X",
    "British Prime Minister X Y") and trailing generational suffixes; (words, the suffix that
    ended the name, folded, or "")."""
    table = affixes()
    honorifics = [i for i, w in enumerate(words[:-1]) if table.get(fold_token(w)) == "honorific"]
    if honorifics:
        words = words[honorifics[-1] + 1 :]
    suffix = ""
    while len(words) > 1 and table.get(fold_token(words[-1])) == "suffix":
        suffix = suffix or fold_token(words[-1])
        words = words[:-1]
    return words, suffix


def _split_surname(words: list[str]) -> tuple[list[str], list[str]]:
    """(given words, surname words): the last word plus any particles right before it."""
    table = affixes()
    cut = len(words) - 1
    while cut > 1 and table.get(fold_token(words[cut - 1])) == "particle":
        cut -= 1
    return words[:cut], words[cut:]


@lru_cache(maxsize=65536)
def parse_person(text: str) -> PersonName:
    """Split ``text`` into given names and surname; a single word is taken as a surname."""
    words, suffix = _strip_affixes(_tokens(text))
    words = [w for w in words if fold_token(w)]
    if not words:
        return PersonName((), "", (), "")
    given, surname = _split_surname(words)
    last = surname[-1]
    return PersonName(
        given=tuple(skeleton(w) for w in given if skeleton(w)),
        surname=skeleton(last),
        raw_given=tuple(fold_token(w) for w in given),
        raw_surname=" ".join(fold_token(w) for w in surname),
        suffix=suffix,
    )


def acronym_of(text: str) -> str:
    """Initials of a multi-word name ("European Central Bank" → "ecb"); "" for one word.

    A word written in lower case gives no initial unless it is a surname particle ("al-Qaeda
    in the Arabian Peninsula" → "aqap"): "county Board of Supervisors", a span the NER began
    too early, does not spell CBS."""
    words = [
        folded
        for raw in re.split(r"[\s-]+", clean_surface(text))
        if (folded := fold_phrase(raw))
        and folded not in _ACRONYM_SKIP
        and not _lower_case_word(raw, folded)
    ]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _lower_case_word(raw: str, folded: str) -> bool:
    """Whether a word of a name is written in lower case and is no surname particle ("county"
    in "county Board of Supervisors", not "al" in "al-Qaeda"): no word of the name proper."""
    return raw[:1].islower() and affixes().get(folded) != "particle"


def as_acronym(text: str) -> str:
    """The folded letters when ``text`` is written as an acronym ("EU", "U.N."); else ""."""
    letters = re.sub(r"[.\s]", "", clean_surface(text))
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters.lower()
    return ""


def partial_forms(text: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """The word sequences a shorter name of the same thing could be, with the words each one
    drops and whether it begins the name: every proper prefix and suffix of the folded name
    ("boston red sox" → ("red sox", ("boston",), False), ("boston", ("red", "sox"), True), ...).

    A sequence that begins or ends with a function word, or with a word the name writes in
    lower case (not a surname particle), is none: "state Department of Revenue Services", a span
    the NER began too early, has no short form "State Department"."""
    raw = name_words(text)
    words = [w.lower() for w in raw]
    lower = {i for i, w in enumerate(raw) if _lower_case_word(w, words[i])}
    spans = [(0, k, True) for k in range(1, len(words))]
    spans += [(k, len(words), False) for k in range(1, len(words))]
    return [
        (" ".join(words[i:j]), tuple(words[j:] if prefix else words[:i]), prefix)
        for i, j, prefix in spans
        if not (_edge_is_function_word(words[i:j]) or i in lower or j - 1 in lower)
    ]


def _edge_is_function_word(words: list[str]) -> bool:
    return words[0] in _ACRONYM_SKIP or words[-1] in _ACRONYM_SKIP
