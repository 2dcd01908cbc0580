"""Who a cue's speaker is: a named entity, a pronoun's antecedent, or an unnamed source.

The small spaCy parser is noisy, so every dependency cue (the subject of a speech verb) has a
surface fallback (the nearest name before the verb, then "said X" inversion).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord.analyze.pronouns import PRONOUN_LABELS
from accord.analyze.pronouns import antecedent as resolve_antecedent
from accord.analyze.roles import title_holder
from accord.quotes.context import QuoteLayout
from accord.quotes.lexicon import source_nouns

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependents that keep a verb's subject: "X said, adding ..." (advcl), "X went on to say" (xcomp).
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj"})
NP_RIGHT_DEPS = frozenset({"prep", "amod", "nummod", "compound", "pobj"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """The words naming a speaker (``start``/``end`` in the text) and the entity mention it is
    (for a pronoun, its antecedent; ``None`` for an unnamed source)."""

    text: str
    start: int
    end: int
    mention: Span | None = None
    pronoun: bool = False


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of ``verb``, borrowed from the governing verb when it has none."""
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if node.dep_ not in CLIMB_DEPS or node.head is node:
            return None
        node = node.head
    return None


class SpeakerFinder:
    """Speaker look-ups for one document (entity index and coreference chains built once)."""

    def __init__(self, layout: QuoteLayout) -> None:
        self.layout = layout
        self.doc: Doc = layout.doc
        self.ents = [e for e in self.doc.ents if e.label_ in SPEAKER_LABELS]
        self.ent_of: dict[int, Span] = {i: e for e in self.ents for i in range(e.start, e.end)}
        chains = (
            getattr(self.doc._, "accord_chains", None)
            if Doc.has_extension("accord_chains")
            else None
        )
        self.chains: dict[tuple[int, int], int] = dict(chains or {})

    def named(self, token: Token) -> Span | None:
        """The entity ``token`` heads (a possessor inside "Russia’s leader" heads nothing)."""
        ent = self.ent_of.get(token.i)
        if ent is None or token.dep_ == "poss" or token.tag_ == "POS":
            return None
        return ent

    def of_token(self, token: Token) -> Speaker | None:
        """The speaker a subject (or a noun phrase after "according to") names."""
        if self.layout.inside_quote(token):
            return None
        if token.dep_ == "appos" and not self.named(token):
            # "X, a top Y surrogate, said" without a parsed subject: the nearest noun before
            # the verb describes the person named before it, not its own modifier Y
            holder = self.named(token.head)
            if holder is not None and holder.label_ == "PERSON" and token.head.i < token.i:
                return self.entity(holder)
        source = is_source_noun(token)
        ent = self.named(token)
        if ent is not None and not source:
            return self.entity(ent)
        if token.lower_ in PRONOUN_LABELS:
            return self.pronoun(token)
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self.of_token(token.head.head)  # "X, who said ...": the relative clause's noun
        # "the Freedonian government said" speaks for Freedonia; "a Freedonian official" does not.
        linked = {"appos"} if source else {"appos", "compound"}
        for child in token.children:
            ent = self.named(child) if child.dep_ in linked else None
            if ent is not None and ent.root == child:
                return self.entity(ent)
        if token.pos_ in {"NOUN", "PROPN", "NUM"} or (
            token.dep_ in SUBJECT_DEPS and token.pos_ != "PRON"
        ):
            found = self.unnamed(token)  # the tagger calls "official" in "an official said" ADJ
            person = title_holder(token) if source else None
            return found if person is None else Speaker(found.text, found.start, found.end, person)
        return None

    def possessor(self, token: Token) -> Speaker | None:
        """The speaker a possessive names ("Trump’s", "his") in "X's claim that ..."."""
        ent = self.ent_of.get(token.i)
        if ent is not None:
            return self.entity(ent)
        if token.lower_ in PRONOUN_LABELS:
            return self.pronoun(token)
        return self.of_token(token)

    def entity(self, ent: Span) -> Speaker:
        return Speaker(ent.text, ent.start_char, ent.end_char, ent)

    def unnamed(self, head: Token) -> Speaker:
        """An unnamed source: the noun phrase headed by ``head`` ("a source of the delegation")."""
        start, end = head.left_edge.i, head.i + 1
        for child in head.rights:
            if child.dep_ not in NP_RIGHT_DEPS or child.left_edge.i != end:
                break
            end = child.right_edge.i + 1
        while start < end and self.doc[start].is_punct:
            start += 1
        while end > start and self.doc[end - 1].is_punct:
            end -= 1
        span = self.doc[start:end]
        return Speaker(span.text, span.start_char, span.end_char)

    def pronoun(self, token: Token) -> Speaker:
        antecedent = resolve_antecedent(token)
        if antecedent is not None:
            antecedent = self.fullest(antecedent, token.idx)
        return Speaker(token.text, token.idx, token.idx + len(token), antecedent, pronoun=True)

    def fullest(self, ent: Span, near: int) -> Span:
        """The mention of ``ent``'s within-article chain with the fullest name (nearest on ties)."""
        chain = self.chains.get((ent.start_char, ent.end_char))
        if chain is None:
            return ent
        same = [e for e in self.ents if self.chains.get((e.start_char, e.end_char)) == chain]
        return max(same, key=lambda e: (len(e), e.start_char <= near, -abs(e.start_char - near)))


def is_source_noun(token: Token) -> bool:
    """A lower-case noun describing an unnamed person ("official", "aide", "minister")."""
    return token.is_lower and (
        token.lemma_.lower() in source_nouns() or token.lower_ in source_nouns()
    )
