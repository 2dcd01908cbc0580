"""What an event actor belongs to: its sector (PLOVER's actor ``sector``, CAMEO's actor types:
GOV, MIL, REB, COP, OPP, CVL...) and its country, read from the words of the actor's phrase.

Sectors: "Russian officials" is GOV, "the Israeli army" MIL, "riot police" COP, "Serbian President
Vojislav Kostunica" GOV, "Serbian Workers' Union" LAB, "rebel leaders" REB; a country named as the
actor ("Norway agreed ...") has none: the state itself acts. The words are in
``data/plover_sectors.tsv``; see its header for the codes and the order they are read in.

Countries (ISO 3166-1 alpha-2, as in entity links): the actor's own name when it is a country,
a nationality, a seat of government or a place ("Norway", "Russian", "the Kremlin", "Baghdad"),
else a nationality or country in its phrase ("Serbian President X", "Romania's new government",
"the Serbian Workers' Union").

Why by hand: CAMEO's agents dictionary, the usual source of these codes, ships in no package
accord can install; a short table of common newswire words covers the frequent cases.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from accord.analyze.lexicon import read_lines
from accord.analyze.spans import inside_word
from accord.resolve.gazetteer import lookup_place
from accord.resolve.nationality import country_code
from accord.resolve.types import PLACE_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Paths from an entity up to the head of the phrase it sits in ("Russian" → "officials",
# "Poland" → "parliament", "Romanian" → "Hungarian" → "officials", "workers of X").
_UP = frozenset({"compound", "amod", "nmod", "poss", "conj", "appos", "pobj"})
_OF = frozenset({"of", "from"})  # "workers of X", "negotiators from X": the workers, negotiators
_MODIFIERS = frozenset({"compound", "amod", "nmod"})
_OWNERS = _MODIFIERS | {"poss"}  # where a phrase names whose it is ("Romania's government")
TOWN_POPULATION = 50_000  # a place named as an actor stands for its country above this size


@lru_cache(maxsize=1)
def sector_words() -> dict[str, tuple[str | None, bool]]:
    """Word or two-word phrase → (code, weak); a weak word yields to a modifier's code."""
    table: dict[str, tuple[str | None, bool]] = {}
    for line in read_lines("plover_sectors.tsv"):
        word, code = line.split("\t")
        weak = code.endswith("?")
        table[word] = (code.rstrip("?") or None, weak)
    return table


def _heads(entity: Span) -> list[tuple[Token, bool]]:
    """The entity's root and the words above it up to the head of the noun phrase it sits in,
    outermost first ("Russian" → "officials"; "President X" in "the removal of President X":
    "removal", then X; "Prime Minister, X" read as an appositive: "Minister", then X), each with
    whether it lies beyond an "of"/"from" phrase: such a head speaks for the entity only by its
    own words ("workers of X"), not its modifiers ("the police killings of X" are no police)."""
    chain = [(entity.root, False)]
    token, beyond = entity.root, False
    for _ in range(6):
        if token.dep_ == "prep" and token.lower_ in _OF:
            token, beyond = token.head, True
        elif token.dep_ in _UP and token.head.i != token.i:
            if token.dep_ == "pobj" and token.head.lower_ not in _OF:
                break
            token = token.head
        else:
            break
        if token.dep_ != "prep":
            chain.append((token, beyond))
    return chain[::-1]


def sector_of(entity: Span) -> str | None:
    """The actor sector the entity's phrase names, or None (a state or a plain name)."""
    table = sector_words()
    weak: str | None = None
    for head, beyond in _heads(entity):
        for words in _candidates(head)[:1] if beyond else _candidates(head):
            for word in words:
                found = table.get(word)
                if found is None:
                    continue
                code, is_weak = found
                if not is_weak:
                    return code
                weak = weak or code
                break  # a generic head: its modifiers may still name the sector
    if weak is None and entity.label_ == "NORP" and entity.root.tag_ in ("NNPS", "NNS"):
        return "CVL"  # a people named as the actor ("Iraqi Kurds", "ethnic Albanians")
    return weak


def _candidates(head: Token) -> list[list[str]]:
    """What to look up, in order: the head (as a two-word phrase with its nearest modifier
    first), then each modifier nearest first (each also as a phrase), then an appositive's head."""
    modifiers = sorted(
        (c for c in head.children if c.dep_ in _MODIFIERS and c.i < head.i),
        key=lambda c: -c.i,
    )
    out = [_forms(head, modifiers[0] if modifiers else None)]
    out += [
        _forms(m, next((c for c in m.children if c.dep_ in _MODIFIERS), None)) for m in modifiers
    ]
    out += [
        _forms(a, next((c for c in a.children if c.dep_ in _MODIFIERS), None))
        for a in head.children
        if a.dep_ == "appos"
    ]
    return out


def _forms(token: Token, modifier: Token | None) -> list[str]:
    """The lemma (and the word as written) of a token, after the phrase with its modifier."""
    lemma, lower = token.lemma_.lower(), token.lower_
    words = [lemma] if lemma == lower else [lemma, lower]
    if token.pos_ == "PROPN" and lemma == lower and lower.endswith("s"):
        words.append(lower[:-1])  # a capitalised plural keeps its "s" ("Republicans", "Rebels")
    if modifier is not None:
        words = [f"{modifier.lemma_.lower()} {w}" for w in words] + words
    return words


def country_of(entity: Span) -> str | None:
    """The country the actor is or belongs to (ISO 3166-1 alpha-2), or None."""
    own = _own_country(entity)
    if own is not None:
        return own
    for head, _ in _heads(entity):
        for child in head.children:
            if child.dep_ not in _OWNERS or entity.start <= child.i < entity.end:
                continue
            for word in child.subtree:  # "Serbian" in "Serbian President X"
                code = _word_country(word)
                if code is not None:
                    return code
    for token in entity:  # "the Serbian Workers' Union"
        code = _word_country(token)
        if code is not None:
            return code
    if entity.label_ == "":  # an actor named by what it is: "rebels in the Ivory Coast"
        for prep in entity.root.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from"):
                for place in (c for c in prep.children if c.dep_ == "pobj"):
                    code = country_code(place.doc[place.left_edge.i : place.i + 1].text)
                    if code is not None:
                        return code
    return None


def _own_country(entity: Span) -> str | None:
    """A country, nationality or seat of government by its whole name; a place's country."""
    text = entity.text
    code = country_code(text)
    if code is None and entity.label_ in PLACE_LABELS:
        place = lookup_place(text)
        # a small town's name is more often a misread name than the place ("DuVernay" is a
        # film director, not Duvernay, Quebec)
        if place is not None and (place.kind != "city" or place.population >= TOWN_POPULATION):
            code = place.countrycode
    return code


def _word_country(token: Token) -> str | None:
    """The country a modifier word names ("Serbian", "Romania's", "U.S.")."""
    return country_code(token.text) if token.pos_ in ("ADJ", "PROPN", "NOUN") else None


def nominal_actors(heads: list[Token]) -> list[Span]:
    """Actors named by what they are, not by name ("Rebels blocked the roads", "police fired on
    protesters"): the phrase heads whose word names a sector, with their modifiers, as spans.
    Used only where a phrase holds no named entity."""
    table = sector_words()
    out: list[Span] = []
    for head in [h for first in heads for h in (first, *first.conjuncts)]:
        if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_:
            continue
        if not any(table.get(w, (None, False))[0] for w in _forms(head, None)):
            continue
        out.append(head.doc[_modifiers_start(head) : head.i + 1])
    return out


def _modifiers_start(head: Token) -> int:
    """Where the run of modifiers before the head begins ("riot police", "low-level workers";
    no determiner, possessor or number)."""
    start = head.i
    while start > head.sent.start:
        before = head.doc[start - 1]
        if not (start - 1 < before.head.i <= head.i):  # it modifies a word of the run
            break
        if before.dep_ not in _MODIFIERS and not (before.text == "-" and inside_word(before)):
            break
        start -= 1
    return start
