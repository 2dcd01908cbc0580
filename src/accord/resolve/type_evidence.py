"""Entity types from evidence in the text, for names that no gazetteer knows.

spaCy's small model types an unfamiliar one-word name by its shape, so a fictional country
("Freedonia") comes out PERSON in one sentence, ORG in the next and GPE in a third. The text
says what it is:

* **possessive state nouns**: "Freedonia's border / prime minister" (``types_state_nouns.txt``,
  weak) and "Freedonia's government / chief negotiator" (half as much: "Putin's envoy" is a
  leader's);
* **demonym morphology**: a capitalised word that is a name of the set plus a demonym ending
  (``types_demonym_suffixes.tsv``: "Freedonia" + "n"), tagged NORP or used as an adjective
  ("a Freedonian official"), makes the base a country (strong) and the word NORP;
* **place prepositions**: "talks in Freedonia" (``types_place_prepositions.txt``; weak);
* **coordination** with a country: "Freedonia and Sylvania", "Freedonia-Sylvania talks" (weak;
  propagated until nothing changes); "X and Y" with Y a person is person evidence for X;
* **a place noun and "of"** right before the name ("the island of Kestra", "the town of Velm";
  ``types_place_nouns.txt``) in any of its uses, with no person evidence: a place (GPE),
  whatever its tags (the model tags an unfamiliar island's name FAC or ORG by its shape);
* **a ship noun** right before the name ("the ferry Kestrel"; ``types_vessel_nouns.txt``) in
  at least a fourth of its uses, or once in apposition with it ("the Santa Lirio, the ferry
  that overturned": an apposition says what the name is), with no person evidence: a ship,
  typed FAC (the name types kept have no vehicle type);
* **an organisation noun** beside the name (``types_organisation_nouns.txt``): in apposition,
  "the operator, Cova Lines, said" or "MyBroadband, the largest IT website in South Africa"
  (the noun heads the apposition: "X, a bank employee" is no bank), once, or right before a
  one-word name, "telecom operator Seacom" (a full name after an occupation is a person's:
  "radio operator Tom Hale"), in at least a fourth of its uses, with no person evidence: an
  ORG, whatever its tags (the model types an unfamiliar company PERSON or GPE by its shape);
* GPE/LOC tags of the same name elsewhere (they count only beside evidence from the words);
* **a medium**: a one-word name between a possessor and a medium's thing ("her Twitter feed",
  "on its Facebook page") or after a verb of publishing and "on" ("said on Twitter")
  (``types_medium_words.tsv``), once, with no person evidence: an ORG, whatever its tags (the
  model tags a social network's name PERSON by its shape; a person is never "said on");
* **a plural after "the"**: a one-word name written "the Xs" in most of its uses ("the Colts",
  "the Jaguars": a team, band or family) is an ORG, whatever its tags, unless it is mostly tagged
  NORP ("the Kurds"); places written that way ("the Philippines") are in the gazetteer.

A person needs person evidence: a title or honorific right before the name, a role found by the
analyse stage, the word being part of a longer PERSON name in the set (unless it is a known
place, "Jordan" in "Michael Jordan", or mostly written "the Xs"), or "and"/"or" with such a
person; a one-word name with it that is tagged PERSON somewhere is a PERSON everywhere, a
longer name with it that is tagged PERSON in more than half of its uses too (a name mostly
written "the Xs" is an ORG before any of this). A
one-word PERSON-tagged name without it becomes a place when it has a demonym, or when the words
around it (each counting for two PERSON tags) plus its GPE/LOC tags at least match its PERSON
tags: news that names a leader by surname alone may write "X's envoy" once, but spaCy tags the
surname PERSON every time. A GeoNames place or seat of government tagged PERSON is left to the
gazetteer rules. Then one name gets one type: every occurrence of a name takes the name's
winning label (the majority of its non-person tags; a demonym adds 3 to GPE; ties go to GPE when
words around it speak for a place, else to ORG). Works on plain text and offsets, so the analyse
stage runs it per article and the resolve stage across all articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise

from accord.resolve.gazetteer import lookup_place, well_known
from accord.resolve.given_names import known_first_name
from accord.resolve.names import affixes, fold_phrase
from accord.resolve.nationality import demonym_country, metonym_country

PERSON = "PERSON"
PLACE_TAGS = frozenset({"GPE", "LOC"})
# Ties between non-person labels go to the first of this order (GPE when words around the
# name speak for a place).
LABEL_ORDER = ("ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")
CONNECTORS = frozenset({"and", "or", ",", "-", "–", "&"})
DEMONYM_WEIGHT = 3  # a demonym of the name outweighs a few stray PERSON tags
# Each piece of weak place evidence outweighs this many PERSON tags: spaCy tags an unfamiliar
# one-word name PERSON by its shape, consistently, so the tags count for less than the text.
PERSON_TAGS_PER_EVIDENCE = 2
SHARED_NOUN_WEIGHT = 0.5  # "X's government": a country's, or its leader's
MIN_BASE_LENGTH = 4
VESSEL_SHARE = 4  # a name right after a ship noun in at least 1 of this many uses is a ship
# (and one right after an organisation noun an organisation)
MAX_APPOSITION_MODIFIERS = 3  # "X, the largest IT website": words before the noun
MAX_MODIFIERS = 2  # words between "'s" and the state noun: "X's top diplomat"
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\s")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
_NOUN_BEFORE = re.compile(r"\b([a-z]+) +$")
_PLACE_NOUN_OF = re.compile(r"\b([a-z]+) +of +$")
_CAPITAL_NEXT = re.compile(r" +[A-Z]")
_CAP_WORD = re.compile(r"\b([A-Z][a-z]+)\b")
_DETERMINERS = frozenset({"a", "an", "the"})
_NEXT_WORD = re.compile(r"\s*(and|or|,|-|–|&)\s*([A-Z][a-z]+)\b")
_NOUN_COMMA_BEFORE = re.compile(r"\b([a-z]+), +$")
_POSSESSORS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
_POSSESSOR_BEFORE = re.compile(r"(?:\b([a-z]+)|['’]s?) +$", re.IGNORECASE)
_VERB_ON_BEFORE = re.compile(r"\b([a-z]+) +on +$")
_APPOSITION_AFTER = re.compile(
    rf", +(?:a|an|the) +((?:[\w-]+ +){{0,{MAX_APPOSITION_MODIFIERS}}}?)([a-z]+)"
    r"(?=[,.;:]| +(?:in|on|at|for|from|with|that|which|who|based|owned|run)\b)"
)


@dataclass(slots=True)
class Named:
    """One name occurrence: offsets into text ``doc`` of the set, its NER label, and whether the
    analyse stage found a title or role for it."""

    doc: int
    start: int
    end: int
    label: str
    titled: bool = False


def _data_lines(name: str) -> list[str]:
    text = (files("accord") / "data" / name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and line[0] != "#"]


@lru_cache(maxsize=1)
def state_nouns() -> dict[tuple[str, ...], float]:
    """Nouns whose possessor is a state, as word tuples, with their weight as place evidence:
    1 when only a place has one ("border"), 1/2 when a leader has one too ("government")."""
    weights = {"country": 1.0, "shared": SHARED_NOUN_WEIGHT}
    table = {}
    for line in _data_lines("types_state_nouns.txt"):
        noun, kind = line.split("\t")
        table[tuple(noun.lower().split())] = weights[kind.strip()]
    return table


@lru_cache(maxsize=1)
def demonym_suffixes() -> tuple[tuple[str, str], ...]:
    """(strip, add) pairs that turn a country name into its demonym."""
    pairs = (line.split("\t") for line in _data_lines("types_demonym_suffixes.tsv"))
    return tuple((p[0].strip(), p[1].strip()) for p in pairs)


def _word_set(name: str) -> frozenset[str]:
    """The data file ``name`` as a set of lower-case words, one per line."""
    return frozenset(line.strip().lower() for line in _data_lines(name))


@lru_cache(maxsize=1)
def vessel_nouns() -> frozenset[str]:
    return _word_set("types_vessel_nouns.txt")


@lru_cache(maxsize=1)
def organisation_nouns() -> frozenset[str]:
    """Kinds of organisation, lower case (``types_organisation_nouns.txt``)."""
    return _word_set("types_organisation_nouns.txt")


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Kinds of place written "the <noun> of X", lower case (``types_place_nouns.txt``)."""
    return _word_set("types_place_nouns.txt")


@lru_cache(maxsize=1)
def place_prepositions() -> frozenset[str]:
    return _word_set("types_place_prepositions.txt")


@lru_cache(maxsize=1)
def medium_words() -> dict[str, frozenset[str]]:
    """kind ("noun", "verb") → the words that make a name beside them a medium
    (``types_medium_words.tsv``)."""
    table: dict[str, set[str]] = defaultdict(set)
    for line in _data_lines("types_medium_words.tsv"):
        kind, word = line.split("\t")
        table[kind.strip()].add(word.strip().lower())
    return {kind: frozenset(words) for kind, words in table.items()}


def demonym_forms(base: str) -> set[str]:
    """The regular demonyms of ``base`` ("Freedonia" → {"Freedonian", "Freedoniaese", ...})."""
    out = set()
    for strip, add in demonym_suffixes():
        if base.lower().endswith(strip) and len(base) - len(strip) >= MIN_BASE_LENGTH:
            out.add(base[: len(base) - len(strip)] + add)
    return out


def _words_after(text: str, end: int, count: int) -> list[str]:
    """Up to ``count`` lower-cased words after ``end``, stopping at punctuation."""
    words = []
    for token in text[end : end + 80].split():
        match = _WORD.fullmatch(token.rstrip('.,;:!?"”’)'))
        if match is None:
            break
        words.append(match.group(0).lower())
        if len(words) == count or token[-1] in '.,;:!?"”’)':
            break
    return words


def state_noun_weight(text: str, end: int) -> float:
    """The weight of the state noun that ``text[end:]`` possesses ("'s top diplomat": shared),
    after at most two modifiers; 0 when there is none."""
    rest = text[end : end + 3]
    if not _POSSESSIVE_AFTER.match(rest + " "):
        return 0.0
    gap = 2 if rest[:2] in ("'s", "’s") else 1
    words = _words_after(text, end + gap, MAX_MODIFIERS + 3)
    nouns = state_nouns()
    for i in range(MAX_MODIFIERS + 1):
        for n in (3, 2, 1):
            weight = nouns.get(tuple(words[i : i + n]))
            if weight is not None:
                return weight
    return 0.0


def _word_before(text: str, start: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return match.group(1).lower() if match else ""


def noun_before(text: str, start: int) -> str:
    """The lower-case word right before ``start``, with nothing but spaces between ("" when
    there is none): the ship noun of "the ferry Kestrel" (not "left the ship. Kestrel ..."),
    the organisation noun of "telecom operator Seacom"."""
    match = _NOUN_BEFORE.search(text, max(0, start - 30), start)
    return match.group(1) if match else ""


def apposition_nouns(text: str, start: int, end: int) -> list[str]:
    """Lower-case nouns in apposition with the name at ``text[start:end]``.

    "The operator, Cova Lines, did not respond" gives "operator" (the name closed by a comma:
    "the company, Lena Varn said," is a quote tag); "MyBroadband, the largest IT website in
    South Africa" and "the Santa Lirio, the ferry that overturned" give "website" and "ferry"
    (the head of the apposition: followed by punctuation, a preposition or a relative, so
    "Hale, a bank employee" gives nothing; not "of", which makes a quantity of a noun and
    often opens the next clause: "in the Capitol, a group of senators met")."""
    if text[end : end + 1] != ",":
        return []  # both kinds follow the name with a comma (and most names are not)
    out = []
    before = _NOUN_COMMA_BEFORE.search(text, max(0, start - 30), start)
    if before is not None:
        out.append(before.group(1))
    after = _APPOSITION_AFTER.match(text, end)
    if after is not None:
        out.append(after.group(2))
    return out


def after_place_noun(text: str, start: int, end: int) -> bool:
    """Right after a kind of place and "of", and all of the name there: "the island of Kestra"
    (a name cannot fill that slot and be a person: "the town of Velm"), not the first word of
    a longer one ("the city of Kestra Heights")."""
    if _CAPITAL_NEXT.match(text, end):
        return False
    match = _PLACE_NOUN_OF.search(text, max(0, start - 40), start)
    return match is not None and match.group(1).lower() in place_nouns()


def is_medium_use(text: str, start: int, end: int) -> bool:
    """A one-word name used as a medium: between a possessor and a medium noun ("her Twitter
    feed", "the club's Instagram account"; not "Obama's account", where the possessor is the
    name) or right after a verb of publishing and "on" ("said on Twitter"; not "on Twitter's
    site", where the name possesses)."""
    words = medium_words()
    after = _words_after(text, end, 1)
    if after and after[0] in words.get("noun", frozenset()) and text[end : end + 1] == " ":
        possessor = _POSSESSOR_BEFORE.search(text, max(0, start - 30), start)
        if possessor is not None and (
            possessor.group(1) is None or possessor.group(1).lower() in _POSSESSORS
        ):
            return True
    if _POSSESSIVE_AFTER.match(text[end : end + 3] + " "):
        return False
    verb = _VERB_ON_BEFORE.search(text, max(0, start - 30), start)
    return verb is not None and verb.group(1) in words.get("verb", frozenset())


def is_titled(text: str, start: int) -> bool:
    """An honorific or title word right before the name ("President X", "Dr. X")."""
    return affixes().get(_word_before(text, start)) == "honorific"


def is_personal_role(role: str) -> bool:
    """A role that only a person has: a "who" clause, or an office ("the foreign minister")."""
    words = role.lower().replace(",", " ").split()
    table = affixes()
    return bool(words) and (
        words[0] in ("who", "whom", "whose") or any(table.get(w) == "honorific" for w in words)
    )


def is_plural_after_the(text: str, start: int, end: int) -> bool:
    """A capitalised one-word name in a plural form right after "the" ("the Colts", "the
    Beatles"; not "the premises" nor an acronym, "the SOS")."""
    word = text[start:end]
    return (
        word[:1].isupper()
        and word[1:].islower()
        and word.endswith("s")
        and not word.endswith("ss")
        and _word_before(text, start) == "the"
    )


def after_place_preposition(text: str, start: int, end: int) -> bool:
    """ "in X" (not "in X's view")."""
    if _POSSESSIVE_AFTER.match(text[end : end + 3] + " "):
        return False
    return _word_before(text, start) in place_prepositions()


@dataclass(slots=True)
class _Evidence:
    """What the set says about one folded name."""

    words: int = 1
    tags: Counter[str] = field(default_factory=Counter)
    person: bool = False
    titled: bool = False  # person evidence of its own: a title or role (not another name's)
    state_nouns: float = 0.0
    demonym_of: int = 0  # the name has a demonym in the set
    prepositions: int = 0
    coordinated: int = 0
    is_demonym: bool = False
    known_place: bool = False  # a GeoNames place or a seat of government
    well_known_place: bool = False  # ... not a town (see ``gazetteer.well_known``)
    group_uses: int = 0  # "the Jaguars": a plural name after "the"
    vessel_uses: int = 0  # "the ferry Kestrel": a ship's name
    vessel_appositions: int = 0  # "the Santa Lirio, the ferry that ...": says what it is
    organisation_uses: int = 0  # "telecom operator Seacom": an organisation's name
    organisation_appositions: int = 0  # "the operator, Cova Lines,": says what it is
    place_noun_uses: int = 0  # "the island of Kestra": a place
    medium_uses: int = 0  # "said on Twitter", "her Twitter feed": a medium, says what it is

    def strong(self) -> int:
        return DEMONYM_WEIGHT * (self.demonym_of + self.place_noun_uses)

    def textual(self) -> float:
        """Weak evidence read off the words around the name (not the NER's tags)."""
        return self.state_nouns + self.prepositions + self.coordinated

    def label(self) -> str | None:
        """The one label for every occurrence of this name; ``None`` leaves the tags alone."""
        if self._a_group():  # before person evidence: "the Colts and Manning" makes no person
            return "ORG"
        if self._a_vessel():
            return "FAC"
        if self._an_organisation():
            return "ORG"
        if self.place_noun_uses and not (self.person or self.known_place or self.is_demonym):
            return "GPE"  # "the island of Kestra": the text says what it is, whatever its tags
        if self.person:
            if self.words == 1:
                return PERSON if self.tags[PERSON] else None
            # a full name with person evidence, tagged PERSON in most of its uses: the odd ORG
            # tag ("Nadia Orlova" once out of ten) is an NER slip, and would split the person
            return PERSON if 2 * self.tags[PERSON] > sum(self.tags.values()) else None
        if self.known_place:  # the gazetteer rules decide about people
            return None if self.tags[PERSON] else self._thing_label()
        if self.is_demonym:
            return "NORP"
        if self.tags[PERSON]:
            return self._thing_label() if self.words == 1 and self._not_a_person() else None
        return self._thing_label()

    def _a_group(self) -> bool:
        """A one-word name mostly written as "the Xs": a team, band or family, never one
        person's name (a person's surname is written bare: "Adams said", even where "the Adams
        administration" occurs once). Places written so ("the Philippines") are known places,
        and peoples ("the Kurds") demonyms or mostly tagged NORP."""
        return (
            self.words == 1
            and 2 * self.group_uses > sum(self.tags.values())
            and not (self.known_place or self.is_demonym or _mostly(self.tags, "NORP"))
        )

    def _a_vessel(self) -> bool:
        """Written right after a ship noun ("the ferry Kestrel") in at least a fourth of its
        uses, or once with one in apposition, with no person evidence: a ship, whatever its
        tags (the model calls an unfamiliar ship's name a person in one report and an
        organisation in the next)."""
        vessel = _often_or_apposed(self.vessel_uses, self.vessel_appositions, self.tags)
        return vessel and not self.person

    def _an_organisation(self) -> bool:
        """Right after an organisation noun in at least a fourth of its uses, or once with one
        in apposition, or used once as a medium ("said on Twitter"), with no person evidence,
        no known place or demonym (a country is no company), and not a longer name tagged
        PERSON in most of its uses ("Tom Hale, the ferry operator," is the man)."""
        return (
            _often_or_apposed(
                self.organisation_uses,
                self.organisation_appositions + self.medium_uses,
                self.tags,
            )
            and not (self.person or self.known_place or self.is_demonym)
            and not (self.words > 1 and _mostly(self.tags, PERSON))
        )

    def _not_a_person(self) -> bool:
        """A demonym, or words around the name that, with the GPE/LOC tags, match the PERSON
        tags (each word counting for PERSON_TAGS_PER_EVIDENCE tags). Tags alone decide nothing:
        one GPE and one PERSON tag for "Bloomberg" say only that the NER hesitated."""
        if self.strong() > 0:
            return True
        place_tags = sum(self.tags[t] for t in PLACE_TAGS)
        text = self.textual()
        return text > 0 and self.tags[PERSON] <= PERSON_TAGS_PER_EVIDENCE * text + place_tags

    def _thing_label(self) -> str:
        scores: dict[str, float] = {
            t: n for t, n in self.tags.items() if t != PERSON and t in LABEL_ORDER
        }
        # Organisations have no demonyms; "in X" and "X and Y" fit them too, so only a demonym
        # moves an ORG-tagged name to GPE, and the words around it only break a tie.
        bonus = self.strong()
        if bonus or not scores:
            scores["GPE"] = scores.get("GPE", 0) + (bonus or 1)
        elif self.textual() > 0 and "GPE" in scores:
            scores["GPE"] += 0.5
        return min(scores, key=lambda t: (-scores[t], LABEL_ORDER.index(t)))


def _key(text: str) -> str:
    return fold_phrase(text)


def _surface(texts: Sequence[str], n: Named) -> str:
    return texts[n.doc][n.start : n.end]


def _gather(texts: Sequence[str], names: Sequence[Named]) -> dict[str, _Evidence]:
    evidence: dict[str, _Evidence] = defaultdict(_Evidence)
    full_names = [  # the folded words of each person's name of two words or more
        _key(surface).split()
        for n in names
        if n.label == PERSON and len((surface := _surface(texts, n)).split()) > 1
    ]
    person_words = {w for words in full_names for w in words}
    # the surnames of names that open with a first name ("Alicia Machado", not "Palmer Fire")
    surnames = {words[-1] for words in full_names if known_first_name(words[0])}
    for n in names:
        text = texts[n.doc]
        key = _key(_surface(texts, n))
        ev = evidence[key]
        ev.words = len(key.split())
        ev.tags[n.label] += 1
        single = ev.words == 1
        if n.titled or (single and is_titled(text, n.start)):
            ev.person = ev.titled = True
        ev.state_nouns += state_noun_weight(text, n.end)
        ev.prepositions += after_place_preposition(text, n.start, n.end)
        if demonym_country(key) is not None:
            ev.is_demonym = True
        if single and is_plural_after_the(text, n.start, n.end):
            ev.group_uses += 1
        before, apposed = noun_before(text, n.start), apposition_nouns(text, n.start, n.end)
        if before in vessel_nouns():
            ev.vessel_uses += 1
        elif any(noun in vessel_nouns() for noun in apposed):
            ev.vessel_appositions += 1
        elif any(noun in organisation_nouns() for noun in apposed):
            ev.organisation_appositions += 1
        elif before in organisation_nouns() and " " not in _surface(texts, n).strip():
            ev.organisation_uses += 1  # a full name there is a person's: "operator Tom Hale"
        if after_place_noun(text, n.start, n.end):
            ev.place_noun_uses += 1
        if single and is_medium_use(text, n.start, n.end):
            ev.medium_uses += 1
        place = lookup_place(_surface(texts, n))
        if place is not None or metonym_country(key) is not None:
            ev.known_place = True
            ev.well_known_place |= place is None or well_known(place)
    # A word of a longer person's name is person evidence ("Darrow" after "Ilse Darrow"), but
    # not for a known place: "Egypt" in a company name tagged PERSON ("Etisalat Egypt"), or
    # "Jordan" in "Michael Jordan", would make the country a person in every article; a small
    # town's name is a surname as often, when it ends a name that opens with a first name
    # ("Machado" after "Alicia Machado"; not "Palmer" after the NER's "Palmer Fire"). Nor for
    # a name written "the Xs" in most uses, which no person's is ("the Colts" beside the
    # NER's "Colts QB Andrew Luck").
    for word in person_words & evidence.keys():
        ev = evidence[word]
        town = ev.known_place and (ev.well_known_place or word not in surnames)
        if ev.words == 1 and not town and not ev._a_group():
            ev.person = True
    return evidence


def _adjective_uses(texts: Sequence[str], words: set[str]) -> set[str]:
    """Those of ``words`` (lower case) written capitalised like adjectives: after "a/an/the",
    before a lower-case word ("a Freedonian official")."""
    out = set()
    for text in texts:
        for match in _CAP_WORD.finditer(text):
            word = match.group(1).lower()
            if word not in words or word in out:
                continue
            after = text[match.end() : match.end() + 2]
            if (
                after[:1] == " "
                and after[1:].islower()
                and (_word_before(text, match.start()) in _DETERMINERS)
            ):
                out.add(word)
    return out


def _find_demonyms(texts: Sequence[str], evidence: dict[str, _Evidence]) -> None:
    """Mark names with a demonym in the set, and the demonyms themselves."""
    bases = {
        base: demonym_forms(base)
        for base, ev in evidence.items()
        if not (ev.person or ev.words != 1 or ev.is_demonym or _mostly(ev.tags, "NORP"))
    }  # "Kurd" + "ish" is one nationality's two words, not a country
    adjectives = _adjective_uses(texts, {f for forms in bases.values() for f in forms})
    norp = {k for k, ev in evidence.items() if ev.tags["NORP"]}
    for base, forms in bases.items():
        for form in forms:
            derived = evidence.get(form)
            if derived is not None and derived.person:
                continue
            if form in norp or form in adjectives:
                evidence[base].demonym_of += 1
                if derived is not None:
                    derived.is_demonym = True


def _often_or_apposed(uses: int, appositions: int, tags: Counter[str]) -> bool:
    """Evidence read off a noun beside the name: an apposition says what the name is, once is
    enough ("the Santa Lirio, the ferry that overturned"); a noun right before it must come in
    at least one use in :data:`VESSEL_SHARE` ("the ferry Kestrel")."""
    return appositions > 0 or (uses > 0 and VESSEL_SHARE * uses >= sum(tags.values()))


def _mostly(tags: Counter[str], label: str) -> bool:
    return 2 * tags[label] > sum(tags.values())


def _coordinations(
    texts: Sequence[str], names: Sequence[Named], evidence: dict[str, _Evidence]
) -> list[tuple[str, str]]:
    """Pairs of names joined by "and", "or", a comma or a hyphen, both ways round; a name
    joined to a person by "and"/"or" gets person evidence ("Trump and Putin")."""
    ordered = sorted(names, key=lambda n: (n.doc, n.start))
    joined: dict[tuple[int, int], tuple[str, str, str]] = {}  # (doc, offset) → keys, connector
    for a, b in pairwise(ordered):
        text = texts[a.doc]
        between = text[a.end : b.start].strip() if a.doc == b.doc else ""
        if between in CONNECTORS and _continues(between, text, b.end):
            joined[(a.doc, a.end)] = (_key(_surface(texts, a)), _key(_surface(texts, b)), between)
    for n in ordered:  # the NER often misses the second name: "Freedonia-Sylvania talks"
        match = _NEXT_WORD.match(texts[n.doc], n.end)
        if (
            match
            and (n.doc, n.end) not in joined
            and match.group(2).lower() in evidence
            and _continues(match[1], texts[n.doc], match.end())
        ):
            joined[(n.doc, n.end)] = (_key(_surface(texts, n)), match.group(2).lower(), match[1])
    people = {k for k, ev in evidence.items() if ev.person or (ev.words > 1 and ev.tags[PERSON])}
    pairs = []
    for ka, kb, connector in joined.values():
        pairs += [(ka, kb), (kb, ka)]
        if connector in ("and", "or"):
            for key, other in ((ka, kb), (kb, ka)):
                evidence[key].person |= other in people
    return pairs


def _continues(connector: str, text: str, end: int) -> bool:
    """A comma joins two names only inside a list or a subject ("X, Y and Z", "X, Y trade
    boats"), not in an address or an apposition ("this is America, Chris.")."""
    if connector != ",":
        return True
    after = text[end : end + 5]
    return (
        after[:1] == ","
        or after.startswith((" and ", " or "))
        or (after[:1] == " " and after[1:2].islower())
    )


def _propagate(pairs: list[tuple[str, str]], evidence: dict[str, _Evidence]) -> dict[str, str]:
    """Decide labels, letting a conjunct of a place count as place evidence, until stable."""
    decided = {k: ev.label() for k, ev in evidence.items()}
    for _ in range(4):
        for ev in evidence.values():
            ev.coordinated = 0
        for key, other in pairs:
            if decided.get(other) in PLACE_TAGS:
                evidence[key].coordinated += 1
        updated = {k: ev.label() for k, ev in evidence.items()}
        if updated == decided:
            break
        decided = updated
    return {k: v for k, v in decided.items() if v is not None}


def decide_labels(texts: Sequence[str], names: Sequence[Named]) -> list[str | None]:
    """The label the evidence gives each of ``names`` (``texts[n.doc]`` is the text it points
    into); ``None`` where the evidence decides nothing."""
    evidence = _gather(texts, names)
    _find_demonyms(texts, evidence)
    decided = _propagate(_coordinations(texts, names, evidence), evidence)
    _short_forms_of_things(evidence, decided)
    return [decided.get(_key(_surface(texts, n))) for n in names]


def _short_forms_of_things(evidence: dict[str, _Evidence], decided: dict[str, str]) -> None:
    """A one-word name tagged PERSON, with no title or role of its own, that ends one longer
    name the words beside it make a ship or an organisation, and no other longer name, takes
    that name's label: "Sukanya" beside "Indian Naval ship, INS Sukanya," is the ship (its
    being a word of "INS Sukanya", which the NER tags PERSON, is no person evidence then)."""
    things = {
        key
        for key, ev in evidence.items()
        if ev.words > 1 and key in decided and (ev._a_vessel() or ev._an_organisation())
    }
    longer: dict[str, list[str]] = defaultdict(list)
    for key, ev in evidence.items():
        if ev.words > 1:
            for word in set(key.split()):
                longer[word].append(key)
    for word, ev in evidence.items():
        holders = longer.get(word, [])
        if (
            ev.words == 1
            and ev.tags[PERSON]
            and len(holders) == 1
            and holders[0] in things
            and holders[0].split()[-1] == word
            and not (ev.titled or ev.known_place or ev.is_demonym)
        ):
            decided[word] = decided[holders[0]]


def repair_labels(texts: Sequence[str], names: Sequence[Named]) -> list[str]:
    """The label each of ``names`` should carry: the evidence's, else its own."""
    decided = decide_labels(texts, names)
    return [label or n.label for n, label in zip(names, decided, strict=True)]
