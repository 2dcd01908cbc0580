"""The ``accord_events`` spaCy component: PLOVER events for every sentence that reports one.

Add it to any English pipeline with a parser and NER (``nlp.add_pipe("accord_events")``); it sets
``doc._.accord_events`` to a list of :class:`accord.model.Event` whose actors and place are mention
ids (``accord.model.mention_id``) of ``doc.ents``. Two coders back each other up (see
:mod:`accord.events.combine`): dependency rules over the PLOVER lexicon, and a classifier over
MiniLM sentence embeddings, words and the event verb's lemma (skipped when no encoder is installed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from spacy.language import Language
from spacy.tokens import Doc

from accord.events import actors as act
from accord.events.affiliation import country_of, nominal_actors, sector_of
from accord.events.classifier import Weights, packaged_weights
from accord.events.combine import RULE_CONFIDENCE, Decision, decide
from accord.events.lexicon import cue, entries, types
from accord.events.quantity import event_quantity
from accord.events.rules import (
    RuleHit,
    code_sentence,
    is_intended,
    is_negated,
    other_sense,
    secondary_hits,
)
from accord.model import Event, mention_id
from accord.resolve.names import acronym_of, as_acronym

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Span, Token

    from accord.embeddings import Encoder

log = logging.getLogger(__name__)
ONTOLOGIES = ("gsr", "plover2021")
_MEETINGS = frozenset({"CONSULT", "AGREE"})  # where these happen is a venue, not a target


@dataclass(slots=True)
class Reading:
    """What the rules make of one sentence: the hit (if any) and the clause to read actors from."""

    sent: Span
    hit: RuleHit | None
    trigger: Token | None
    anchor: Token | None

    @property
    def candidate(self) -> bool:
        return self.anchor is not None


@dataclass(slots=True)
class Participants:
    source: list[Span]
    target: list[Span]
    place: Span | None
    quantity: str | None


def _main_clause(sent: Span) -> Token | None:
    """The verb a classifier-coded event is read from: the root, or what a speech verb reports."""
    root = sent.root
    if root.lemma_.lower() in cue("speech"):
        reported = [c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"]
        if reported:
            return reported[0]
    light = root.lemma_.lower() in ("be", "have") or root.lemma_.lower() in cue("speech")
    return root if root.pos_ == "VERB" and not light else None


def read_sentence(sent: Span) -> Reading:
    """Rule reading of a sentence; a sentence without a hit is still a candidate for the
    classifier when its main verb has an actor subject."""
    hit = code_sentence(sent)
    if hit is not None:
        return Reading(sent, hit, hit.trigger, hit.anchor)
    verb = _main_clause(sent)
    if verb is None or other_sense(verb):
        # the lexicon says this verb is in another sense here ("struck a chord", "demonstrated
        # her skill"): the classifier, which reads its word, would code the event sense
        return Reading(sent, None, None, None)
    heads, _ = act.subject_heads(verb)
    if not act.entities_of(heads, act.actor_entities(sent)):
        return Reading(sent, None, None, None)
    return Reading(sent, None, verb, verb)


def reading_lemmas(reading: Reading) -> str:
    """Lemmas of the reading's event verb and trigger, the classifier's cue to the act."""
    if reading.anchor is None:
        return ""
    words = [reading.anchor.lemma_.lower()]
    if reading.hit is not None:
        words.append(reading.hit.trigger.lemma_.lower())
    return " ".join(words)


def participants(reading: Reading) -> Participants:
    """Source, target, place and quantity of the event a reading codes."""
    assert reading.trigger is not None and reading.anchor is not None
    trigger, anchor = reading.trigger, reading.anchor
    ents = act.actor_entities(reading.sent)
    hit = reading.hit
    if hit is not None and hit.demand_target is not None:
        source_heads = act.subject_heads(anchor)[0]
        demanded = [c for c in hit.demand_target.children if c.dep_ in ("nsubj", "nsubjpass")]
        target_heads = demanded or _target_heads(trigger, anchor, ents, None)
    else:
        subject, passive = act.subject_heads(anchor)
        if passive and trigger.i == anchor.i:
            source_heads, target_heads = act.agent_heads(anchor), subject
        else:
            source_heads = _owners(trigger) if _topic(trigger) else subject
            target_heads = _target_heads(trigger, anchor, ents, hit.type if hit else None)
    source = _without_acronyms(act.entities_of(source_heads, ents)) or nominal_actors(source_heads)
    taken = {e.start_char for e in source}
    target = [e for e in act.entities_of(target_heads, ents) if e.start_char not in taken]
    target = _without_acronyms(target)
    taken |= {e.start_char for e in target}
    where = act.place(anchor, trigger, taken, source=source)
    if not target and where is not None and hit is not None and _aimed_at(where, hit.type):
        target = [where]  # PLOVER codes the place an act is aimed at as its target
    target = target or nominal_actors(target_heads)
    complements = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")]
    nouns = [*target_heads, *act.object_heads(trigger), trigger]
    nouns += [h for c in complements for h in act.object_heads(c)]
    return Participants(source, target, where, event_quantity(nouns))


_TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})


def _topic(trigger: Token) -> bool:
    """A noun that is what its clause talks about ("asked about the attack", "spoke about
    the protests"): whoever talks about an act did not do it; its possessor did ("no
    illusions about Putin's threat")."""
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in _TOPIC_PREPS


def _owners(noun: Token) -> list[Token]:
    """The possessors of a noun ("Putin's threat")."""
    return [c for c in noun.children if c.dep_ == "poss"]


def _without_acronyms(found: list[Span]) -> list[Span]:
    """One actor once: an acronym beside the name it abbreviates ("the International Atomic
    Energy Agency, or IAEA") is the same actor, not a second one."""
    short = {e.start_char for e in found if as_acronym(e.text)}
    if not short or len(found) < 2:
        return found
    spelled = {acronym_of(e.text) for e in found if e.start_char not in short}
    return [e for e in found if e.start_char not in short or as_acronym(e.text) not in spelled]


def _aimed_at(place: Span, type_: str) -> bool:
    """Whether a place can be the target: not for meetings, nor a venue ("talks in X")."""
    if type_ in _MEETINGS:
        return False
    holder = place.root.head.head  # "in X" hangs from this word
    return not any(e.type in _MEETINGS for e in entries().get(("noun", holder.lemma_.lower()), ()))


def _target_heads(
    trigger: Token, anchor: Token, ents: dict[int, Span], type_: str | None
) -> list[Token]:
    """The first of these that names an actor (else the trigger's object phrases):

    * for a demand, the subject of the demanded clause ("demanded that X withdraw");
    * the trigger's object phrases; its complement clause's ("agreed to give aid to X"); its
      clause verb's (for a noun trigger); its owner's; a noun trigger's "of" object ("a
      suspension of air links with X");
    * the object of the act's purpose ("went on hunger strike to demand the resignation of X",
      "in protest at X's decision");
    * an "against" phrase anywhere in the clause ("mobilised reservists for a war against X");
    * for a threat, the subject of its condition ("threatened to walk out if X goes ahead").
    """
    for heads in _target_groups(trigger, anchor, type_):
        if act.entities_of(heads, ents):
            return heads
    return act.object_heads(trigger)


def _target_groups(trigger: Token, anchor: Token, type_: str | None) -> Iterator[list[Token]]:
    """The candidate phrase heads of :func:`_target_heads`, in order (lazily: most events stop
    at the first)."""
    if type_ == "DEMAND":
        yield _clause_subjects(trigger, anchor, ("ccomp", "acl"))
    yield act.object_heads(trigger)
    for complement in trigger.children:
        if complement.dep_ in ("xcomp", "ccomp"):
            yield act.object_heads(complement)
    if trigger.i != anchor.i:
        yield [h for h in act.object_heads(anchor) if h.i != trigger.i]
        yield _owners(trigger)
    yield act.of_heads(trigger)
    yield _purpose_heads(trigger, anchor)
    yield [*act.against_heads(trigger), *act.against_heads(anchor)]
    if type_ == "THREATEN":
        yield _clause_subjects(trigger, anchor, ("advcl",), cue("condition"))


def _clause_subjects(
    trigger: Token, anchor: Token, deps: tuple[str, ...], marks: frozenset[str] | None = None
) -> list[Token]:
    """Subjects of the clauses of these kinds (with one of ``marks``, when given) that hang from
    the trigger, its clause verb or their "to"-complements."""
    holders = [
        trigger,
        anchor,
        *(c for c in (*trigger.children, *anchor.children) if c.dep_ == "xcomp"),
    ]
    out: list[Token] = []
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ not in deps:
                continue
            if marks is not None and not any(
                m.dep_ == "mark" and m.lower_ in marks for m in clause.children
            ):
                continue
            out += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if out:
            break
    return out


def _purpose_heads(trigger: Token, anchor: Token) -> list[Token]:
    """Objects of the act's purpose: a "to"-clause ("to demand X") or an "in protest of X" phrase
    whose noun is itself an event word of the lexicon."""
    out: list[Token] = []
    for holder in (trigger, anchor):
        for child in holder.children:
            if child.dep_ in ("advcl", "acl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            ):
                out += act.object_heads(child)
            elif child.dep_ == "prep" and child.lower_ == "in":
                for noun in (c for c in child.children if c.dep_ == "pobj"):
                    if ("noun", noun.lemma_.lower()) in entries():
                        out += act.object_heads(noun) + act.of_heads(noun)
    return out


def _trimmed(sent: Span) -> tuple[int, int, str]:
    """The sentence's character span without surrounding whitespace."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    stripped = text.strip()
    return start, start + len(stripped), stripped


POINT_GRAINS = ("day", "month", "year")  # a decade or a season is background, not an event's date


def _date(doc: Doc, sent: Span, trigger: Token) -> str | None:
    """The resolved date of the time expression in the sentence nearest the trigger."""
    if not doc.has_extension("accord_times"):
        return None
    times = [
        t
        for t in (doc._.accord_times or [])
        if t.value
        and t.grain in POINT_GRAINS
        and sent.start_char <= t.start
        and t.end <= sent.end_char
    ]
    if not times:
        return None
    nearest = min(times, key=lambda t: abs(t.start - trigger.idx))
    return str(nearest.value)


class EventCoder:
    """Callable spaCy component; see the module docstring."""

    def __init__(
        self, use_classifier: bool = True, ontology: str = "gsr", confirm_rules: bool = False
    ) -> None:
        if ontology not in ONTOLOGIES:
            raise ValueError(
                f"accord_events: ontology must be one of {ONTOLOGIES}, not {ontology!r}"
            )
        self.use_classifier = use_classifier
        self.confirm_rules = confirm_rules
        self.ontology = ontology
        self._weights: Weights | None = None
        self._encoder: Encoder | None = None
        self._loaded = False

    def _model(self) -> tuple[Weights, Encoder] | None:
        """The classifier weights and encoder, loaded on first use (None: rules only)."""
        if not self._loaded:
            self._loaded = True
            if self.use_classifier:
                from accord.embeddings import get_encoder

                self._weights = packaged_weights()
                self._encoder = get_encoder() if self._weights is not None else None
        if self._weights is None or self._encoder is None:
            return None
        return self._weights, self._encoder

    def classify(
        self, texts: list[str], lemmas: list[str] | None = None
    ) -> tuple[npt.NDArray[np.float32] | None, tuple[str, ...]]:
        """Classifier probabilities for the texts (one batch), or None without a model;
        ``lemmas``: each text's event-verb and trigger lemmas (``reading_lemmas``)."""
        model = self._model()
        if model is None or not texts:
            return None, ()
        weights, encoder = model
        vectors = encoder.encode(texts)
        if vectors.shape[1] != weights.dimensions:
            log.warning(
                "accord_events: the encoder gives %d-dimensional vectors but the PLOVER classifier "
                "was trained on %d; coding with rules only (retrain: scripts/train_plover.py)",
                vectors.shape[1],
                weights.dimensions,
            )
            self._weights = None
            return None, ()
        features = weights.features(vectors, texts, lemmas or [""] * len(texts))
        return weights.predict_proba(features), weights.labels

    def __call__(self, doc: Doc) -> Doc:
        readings = [read_sentence(s) for s in doc.sents if any(t.is_alpha for t in s)]
        candidates = [(r, participants(r)) for r in readings if r.candidate]
        # A clear rule hit keeps its type whatever the classifier says (see combine), so only the
        # other sentences are encoded unless confirm_rules asks for the classifier's agreement.
        asked = [k for k, (r, p) in enumerate(candidates) if self._ask_classifier(r, p)]
        probs, labels = self.classify(
            [candidates[k][0].sent.text for k in asked],
            [reading_lemmas(candidates[k][0]) for k in asked],
        )
        rows = {k: probs[j] for j, k in enumerate(asked)} if probs is not None else {}
        events: list[Event] = []
        for k, (reading, parts) in enumerate(candidates):
            hit = reading.hit
            row = rows.get(k)
            rule = hit.type if hit else None
            dyadic = bool(parts.source and parts.target)
            decision = decide(rule, bool(parts.source), row, labels, dyadic=dyadic)
            if decision is None:
                continue
            events.append(self._event(doc, reading, parts, decision))
            if hit is not None and decision.method != "classifier":
                events.extend(self._secondary(doc, reading.sent, hit))
        doc._.accord_events = events
        return doc

    def _ask_classifier(self, reading: Reading, parts: Participants) -> bool:
        return self.confirm_rules or reading.hit is None or not parts.source

    def _secondary(self, doc: Doc, sent: Span, primary: RuleHit) -> list[Event]:
        """Rule events a sentence reports besides its first one (see ``secondary_hits``)."""
        out: list[Event] = []
        for hit in secondary_hits(sent, primary):
            reading = Reading(sent, hit, hit.trigger, hit.anchor)
            decision = Decision(hit.type, "rules", RULE_CONFIDENCE)
            out.append(self._event(doc, reading, participants(reading), decision))
        return out

    def _event(self, doc: Doc, reading: Reading, parts: Participants, decision: Decision) -> Event:
        assert reading.trigger is not None and reading.anchor is not None
        article = str(doc._.accord_article or "") if doc.has_extension("accord_article") else ""
        hit = reading.hit
        start, end, text = _trimmed(reading.sent)
        type_, mode, negated = self._type_mode(reading, decision)
        return Event(
            id=f"{article}:event:{start}-{end}:{reading.trigger.idx}:{type_}",
            article=article,
            start=start,
            end=end,
            text=text,
            type=type_,
            mode=mode,
            source=[mention_id(article, e.start_char, e.end_char) for e in parts.source],
            target=[mention_id(article, e.start_char, e.end_char) for e in parts.target],
            source_text=[e.text for e in parts.source],
            target_text=[e.text for e in parts.target],
            source_sectors=[sector_of(e) for e in parts.source],
            target_sectors=[sector_of(e) for e in parts.target],
            source_countries=[country_of(e) for e in parts.source],
            target_countries=[country_of(e) for e in parts.target],
            location=(
                mention_id(article, parts.place.start_char, parts.place.end_char)
                if parts.place is not None
                else None
            ),
            date=_date(doc, reading.sent, reading.trigger),
            quantity=parts.quantity,
            negated=negated if hit is None else hit.negated,
            confidence=round(decision.confidence, 3),
            method=decision.method,
        )

    def _type_mode(self, reading: Reading, decision: Decision) -> tuple[str, str | None, bool]:
        """Type and mode in the configured ontology; negation read by the rules either way."""
        assert reading.trigger is not None and reading.anchor is not None
        hit = reading.hit
        type_ = decision.type
        mode = hit.mode if hit is not None and hit.type == type_ else None
        if hit is None and is_intended(reading.trigger, reading.anchor):
            mode = "intend"
        negated = is_negated(reading.trigger, reading.anchor)
        info = types().get(type_)
        if self.ontology == "plover2021" and info is not None:
            type_, mode = info.plover2021, mode or info.mode2021
        return type_, mode, negated


@Language.factory(
    "accord_events",
    requires=["doc.sents", "doc.ents"],
    assigns=["doc._.accord_events"],
    default_config={"use_classifier": True, "ontology": "gsr", "confirm_rules": False},
)
def make_event_coder(
    nlp: Language, name: str, use_classifier: bool, ontology: str, confirm_rules: bool
) -> EventCoder:
    """Factory of the ``accord_events`` component.

    ``ontology``: "gsr" (type names of the PLOVER gold records, the default) or "plover2021";
    ``confirm_rules``: also run the classifier on sentences a rule codes clearly (slower; only
    changes ``confidence`` and ``method``)."""
    return EventCoder(use_classifier, ontology, confirm_rules)


def _register_extensions() -> None:
    for attr, default in (("accord_events", None), ("accord_article", None)):
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=default)


_register_extensions()
__all__ = [
    "EventCoder",
    "Reading",
    "make_event_coder",
    "participants",
    "read_sentence",
    "reading_lemmas",
]
