"""Reading an event's participants from the parse: source and target actors, place, quantity.

Actors are ``doc.ents`` (so they have mention ids): the entities of the trigger clause's subject
(source) and of its object or "against/with/on/to" phrase (target). Passives swap roles ("was
attacked by X"); a pronoun stands for the named actor the analyse stage's pronoun resolver
gives it (:mod:`accord.analyze.pronouns`). Coordinated entities make a compound actor ("X and Y agreed").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from accord.analyze.pronouns import antecedent
from accord.analyze.roles import title_holder
from accord.analyze.spans import dateline_end, entity_at, ents_in
from accord.events.lexicon import cue
from accord.events.rules import RELATIVE_TAGS
from accord.model import mention_offsets
from accord.resolve.types import PLACE_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
TARGET_PREPS = frozenset(
    {"against", "with", "on", "to", "toward", "towards", "upon", "from", "at", "between", "into"}
)
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
# Paths from a phrase head to an entity that keep the entity the phrase's referent ("Poland's
# parliament", "Russian and Ukrainian officials") rather than something it mentions in passing.
_CLOSE_DEPS = frozenset(
    {
        "compound",
        "amod",
        "poss",
        "conj",
        "cc",
        "appos",
        "nmod",
        "det",
        "nummod",
        "case",
        "punct",
        "npadvmod",
        "quantmod",
    }
)
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
# words before a participle clause that borrows its subject ("when asked whether ...")
_PARTICIPLE_MARKS = frozenset({"when", "while", "once", "if", "unless", "after", "before", "until"})


def actor_entities(sent: Span) -> dict[int, Span]:
    """Actor entities of the sentence, by the index of their root token (a dateline's place,
    "KYIV, May 3 (Wire) - ...", is where the story was filed, never an actor)."""
    start = dateline_end(sent)
    return {e.root.i: e for e in ents_in(sent) if e.label_ in ACTOR_LABELS and e.start >= start}


def _path_ok(token: Token, head: Token, close_only: bool) -> bool:
    """Whether ``token`` hangs from ``head`` by dependency labels that keep it part of the phrase."""
    current = token
    while current.i != head.i:
        if current.dep_ in _CLAUSE_DEPS:
            return False
        if close_only and current.dep_ not in _CLOSE_DEPS and not _of_phrase(current):
            return False
        if current.head.i == current.i:
            return False
        current = current.head
    return True


def _of_phrase(token: Token) -> bool:
    """ "of X" inside a phrase ("government of Sindh province") counts as part of it."""
    if token.dep_ == "prep":
        return token.lower_ == "of"
    return token.dep_ == "pobj" and token.head.lower_ == "of"


def phrase_entities(head: Token, ents: dict[int, Span]) -> list[Span]:
    """The entities a noun phrase refers to: close ones first, else any outside sub-clauses."""
    inside = [ents[t.i] for t in head.subtree if t.i in ents]
    close = [e for e in inside if _path_ok(e.root, head, close_only=True)]
    if close:
        return _drop_modifiers(close, head)
    loose = [
        e
        for e in inside
        if _path_ok(e.root, head, close_only=False) and not _in_place_phrase(e.root, head)
    ]
    if not loose:
        return []
    # "negotiators from X and Y": the first entity and those coordinated with it
    joined = {c.i for c in loose[0].root.conjuncts}
    return [loose[0], *(e for e in loose[1:] if e.root.i in joined)]


def _drop_modifiers(found: list[Span], head: Token) -> list[Span]:
    """ "Russian Foreign Minister Ivan Petrov", "Ivan Petrov, the UN envoy": the named head is the
    actor, not its nationality or the organisation of its role."""
    named_head = [
        e for e in found if e.root.i == head.i and e.label_ in ("PERSON", "ORG", "GPE", "NORP")
    ]
    if not named_head:
        return found
    heads = {head.i, *(c.i for c in head.conjuncts)}
    return [e for e in found if e.root.i in heads]


def _in_place_phrase(token: Token, head: Token) -> bool:
    """Whether the token is inside an "in/at/near" phrase below ``head`` (a place, not an actor)."""
    current = token
    while current.i != head.i and current.head.i != current.i:
        if current.dep_ == "prep" and current.lower_ in PLACE_PREPS:
            return True
        current = current.head
    return False


def _children(token: Token, deps: Iterable[str]) -> list[Token]:
    wanted = set(deps)
    return [c for c in token.children if c.dep_ in wanted]


def subject_heads(verb: Token) -> tuple[list[Token], bool]:
    """The subject phrase heads of a clause verb (climbing through "to"-complements and
    coordination) and whether the clause is passive. A participle clause is passive: the
    subject it borrows is what it was done to ("Backed by Russia, the rebels ...", "Asked
    to describe the device, O'Neill said ..."), not when reached through a complement ("when
    forced to defend it, X ...": X defends)."""
    current, participle, climbed_complement = verb, False, False
    for _ in range(4):
        for deps, passive in ((("nsubj", "csubj"), False), (("nsubjpass",), True)):
            found = _children(current, deps)
            if found and current.dep_ == "relcl" and all(t.tag_ in RELATIVE_TAGS for t in found):
                # "the program, which allows ...", "anybody who complains": the relative
                # pronoun stands for the noun its clause modifies
                return [current.head], passive
            if found:
                return found, passive or participle
        if current.dep_ == "relcl":
            return [current.head], False
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.dep_ == "dobj":
            # "issued a declaration demanding that ...": the declaration's issuer demands
            current = current.head.head
            continue
        if current.dep_ not in ("xcomp", "conj", "advcl", "acomp") or current.head.i == current.i:
            break
        if current.dep_ == "xcomp":
            climbed_complement = True
        elif not climbed_complement and _participle_clause(current):
            participle = True
        current = current.head
    return [], False


def _participle_clause(verb: Token) -> bool:
    """A past participle heading an adverbial clause without an auxiliary or subject of its
    own, before its main clause or after "when", "while", "if"... ("Arrested on Friday, ...",
    "... when asked whether ...")."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN":
        return False
    if _children(verb, ("aux", "auxpass", "nsubj", "nsubjpass")):
        return False
    return verb.i < verb.head.i or any(
        c.dep_ in ("advmod", "mark") and c.lower_ in _PARTICIPLE_MARKS for c in verb.children
    )


def agent_heads(verb: Token) -> list[Token]:
    """The "by X" phrase heads of a passive verb."""
    return [p for a in _children(verb, ("agent",)) for p in _children(a, ("pobj",))]


def object_heads(token: Token) -> list[Token]:
    """Direct objects, datives, and the objects of target prepositions of a trigger."""
    heads = _children(token, ("dobj", "dative", "obj"))
    # a phrasal verb's particle may carry the phrase ("kidnapped up to 16 advisers")
    holders = [token, *_children(token, ("prt",))]
    for prep in (p for h in holders for p in _children(h, ("prep",))):
        if prep.lower_ in TARGET_PREPS:
            heads.extend(_children(prep, ("pobj",)))
    return heads


def of_heads(token: Token) -> list[Token]:
    """The "of" objects of a noun ("the arrest of X", "a suspension of links with X")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    return [
        p
        for prep in _children(token, ("prep",))
        if prep.lower_ == "of"
        for p in prep.children
        if p.dep_ == "pobj"
    ]


def against_heads(token: Token) -> list[Token]:
    """The objects of "against" anywhere in the token's phrase or clause, not inside a
    sub-clause ("mobilised reservists for a war against X"): "against" names whom an act is
    aimed at wherever it hangs."""
    return [
        p
        for t in token.subtree
        if t.dep_ == "prep" and t.lower_ == "against" and _path_ok(t, token, close_only=False)
        for p in t.children
        if p.dep_ == "pobj"
    ]


def resolve_pronoun(token: Token) -> Span | None:
    """The named actor a pronoun stands for: for "I" or "we" inside a quote, its speaker
    ("'We are ready to fight,' Petrov said"); else what the analyse stage's resolver says
    (:func:`accord.analyze.pronouns.antecedent`: "X said he would ...", "he" after X in an
    earlier sentence)."""
    if token.pos_ != "PRON":
        return None
    if token.lower_ in FIRST_PERSON:
        return _quote_speaker(token)
    return antecedent(token)


def _quote_speaker(token: Token) -> Span | None:
    """The speaker entity of the quote ``token`` lies in (``doc._.accord_quotes``, set by the
    quote stage), if it has one."""
    doc = token.doc
    quotes = doc._.accord_quotes if doc.has_extension("accord_quotes") else None
    quote = next((q for q in quotes or [] if q.start <= token.idx < q.end), None)
    found = mention_offsets(quote.speaker_mention or "") if quote is not None else None
    return entity_at(doc, found[1], found[2]) if found is not None else None


def entities_of(heads: Iterable[Token], ents: dict[int, Span]) -> list[Span]:
    """Entities of several phrase heads, in text order, without repeats: those a phrase
    names, else the actor a pronoun stands for, else the one person the article gave the
    phrase's title ("the minister" after "Defence Minister Ivo Marek")."""
    found: dict[int, Span] = {}
    for head in heads:
        named = phrase_entities(head, ents)
        if not named:
            actor = resolve_pronoun(head) or title_holder(head)
            named = [actor] if actor is not None else []
        for ent in named:
            found.setdefault(ent.start_char, ent)
    return [found[k] for k in sorted(found)]


def place(
    anchor: Token,
    trigger: Token,
    exclude: set[int],
    anywhere: bool = True,
    source: Iterable[Span] = (),
) -> Span | None:
    """Where it happened: a place entity in an "in/at/near" phrase of the trigger or its clause
    (``source``: the event's source actors, whose own words are no reporting clause)."""
    ents = {e.root.i: e for e in ents_in(anchor.sent) if e.label_ in PLACE_LABELS}
    for token in (trigger, anchor, *object_heads(trigger)):
        for prep in _children(token, ("prep",)):
            if prep.lower_ not in PLACE_PREPS:
                continue
            for ent in entities_of(_children(prep, ("pobj",)), ents):
                if ent.start_char not in exclude:
                    return ent
    if not anywhere:
        return None
    return _any_place(anchor.sent, trigger, ents, exclude, source)


def _any_place(
    sent: Span, trigger: Token, ents: dict[int, Span], exclude: set[int], source: Iterable[Span]
) -> Span | None:
    """Otherwise the place in an "in/at/near" phrase anywhere in the sentence nearest the trigger
    (news sentences often put the place of an act on a modifier: "troops in X opened fire"),
    outside the clauses that report the event."""
    found = [
        e
        for i, e in ents.items()
        if e.start_char not in exclude
        and e.start >= dateline_end(sent)
        and e.root.dep_ == "pobj"
        and e.root.head.lower_ in PLACE_PREPS
        and sent.start <= i < sent.end
    ]
    if found:
        reporting = _reporting_clause(trigger, source)
        found = [e for e in found if e.root.i not in reporting]
    return min(found, key=lambda e: abs(e.start - trigger.i)) if found else None


def _reporting_clause(trigger: Token, source: Iterable[Span]) -> set[int]:
    """Token indices of the clauses that report the event ("..., sources in X said"): the
    words of every speech verb above the trigger, except the branch the trigger is in. Where
    the speaker is the event's source ("speaking in X, she made a demand"), the saying is the
    act itself and its words stay."""
    speech = cue("speech")
    actors = {e.root.i for e in source}
    out: set[int] = set()
    branch = trigger
    for verb in trigger.ancestors:
        if verb.lemma_.lower() in speech:
            words = {t.i for t in verb.subtree} - {t.i for t in branch.subtree}
            if not words & actors:
                out |= words
        branch = verb
    return out
