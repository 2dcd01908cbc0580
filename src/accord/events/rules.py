"""Rule-based PLOVER coding: a verb lexicon matched over the dependency parse.

For one sentence the coder finds every trigger (a lexicon verb, noun or adjective whose required
object is present), keeps the one highest in the parse tree (so "threatened to impose sanctions"
is a THREATEN, "refused to meet" a REJECT, "agreed to exchange prisoners" an AGREE), and reads its
negation ("failed to agree", "did not sign"), intention ("will", "plans to", "ready to") and
condition ("if", "unless") from the words that govern it. An intended or conditional conflictual
act becomes a THREATEN (PLOVER codes threats apart from accomplished acts); an intended
cooperative act becomes an AGREE whose mode names the act ("will visit" is AGREE mode consult).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.analyze.spans import inside_word
from accord.events.lexicon import Entry, cue, entries, types

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_OBJECT_DEPS = frozenset(
    {
        "dobj",
        "obj",
        "attr",
        "dative",
        "nsubjpass",
        "prt",
        "compound",
        "amod",
        "xcomp",
        "ccomp",
        "oprd",
        "acomp",
        "nmod",
    }
)
_POS = {"VERB": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}
# Prepositions that put an event in the background of another ("during the talks, X rejected").
_SCENE_PREPS = frozenset(
    {"at", "during", "after", "before", "amid", "amidst", "following", "since", "despite", "ahead"}
)
RELATIVE_TAGS = frozenset({"WDT", "WP"})  # "which", "that", "who" opening a relative clause
_NEVER_EVENT_MODES = frozenset({"THREATEN", "DEMAND", "DISAPPROVE", "REJECT", "INVESTIGATE"})


@dataclass(slots=True)
class Trigger:
    """A lexicon match: ``token`` is the trigger word, ``anchor`` the verb of its clause."""

    token: Token
    anchor: Token
    entry: Entry
    depth: int


@dataclass(slots=True)
class RuleHit:
    """The event a sentence's best trigger codes, before actors are read."""

    trigger: Token
    anchor: Token
    type: str
    mode: str | None
    negated: bool
    intended: bool
    conditional: bool
    demand_target: Token | None = None  # "X said Y must ...": Y is the target


def object_lemmas(token: Token) -> set[str]:
    """Lemmas of the token's objects, particles, complements (a to-infinitive too) and
    prepositions (with objects, alone and as "preposition object": "for support" tells
    "attacked X for her support" from "attacked with air support"). A participle or relative
    clause that modifies a noun has that noun as its object: "a report released last year",
    "the records that Trump released". A complement clause that is a question adds its
    question word ("asked whether ...", "asked what it means")."""
    out: set[str] = set()
    if _modifies_its_object(token):
        out.update(_forms(token.head))
    for child in token.children:
        if child.dep_ in _OBJECT_DEPS:
            out.update(_forms(child))
            out.update(f for c in child.children if c.dep_ == "compound" for f in _forms(c))
            if child.dep_ == "ccomp":
                out.update(
                    c.lower_
                    for c in child.children
                    if (c.lower_ in ("whether", "if") and c.dep_ == "mark")
                    or c.tag_ in (*RELATIVE_TAGS, "WRB")  # "what", "how", "why"
                )
        elif child.dep_ == "advcl" and any(c.lower_ == "to" for c in child.children):
            # a to-infinitive the parser attached as advcl ("sworn to fight"): a complement
            out.update(_forms(child))
        elif child.dep_ in ("prep", "agent") and not _temporal(child):
            out.update(_forms(child))
            for c in child.children:
                if c.dep_ == "pobj":
                    out.update(_forms(c))
                    out.update(f"{child.lower_} {f}" for f in _forms(c))
    return out


def _modifies_its_object(token: Token) -> bool:
    """Whether a verb modifies the noun it acts on: a past participle ("the footage released
    Friday") or a relative clause whose relative word is its object ("the ad that the campaign
    released"); not "the group releasing hostages" or "the man who released them"."""
    if token.pos_ != "VERB" or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "acl":
        return token.tag_ == "VBN"
    return token.dep_ == "relcl" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.tag_ in RELATIVE_TAGS for c in token.children
    )


def _temporal(prep: Token) -> bool:
    """ "on Monday", "in March": a time phrase, never the object a trigger requires ("call on")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _forms(token: Token) -> tuple[str, str]:
    """Lemma and lower-case form ("relations" is lemmatised to "relation" but listed as is)."""
    return token.lemma_.lower(), token.lower_


def _naming(token: Token) -> bool:
    """ "called the outcome a first step": a naming verb with an object predicate names, it does
    not report a call (or any other event)."""
    if token.lemma_.lower() not in cue("naming"):
        return False
    return any(c.dep_ == "oprd" and c.ent_type_ not in ("DATE", "TIME") for c in token.children)


def _anchor(token: Token) -> Token:
    """The verb whose clause holds the token (the token itself for verbs)."""
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _match(token: Token) -> Entry | None:
    pos = _POS.get(token.pos_)
    if pos is None or token.ent_type_ in ("DATE", "TIME"):
        return None  # a month name in a date ("March 3, 2026") is no protest march
    if _hyphen_modifier(token) or _noun_modifier(token):
        return None  # "coal-fired power plants", "riot police": a description
    candidates = entries().get((pos, token.lemma_.lower()), ())
    if not candidates or _naming(token):
        return None
    objects = object_lemmas(token)
    words = {o for o in objects if " " not in o}  # not the "preposition object" pairs
    for entry in candidates:
        if entry.type in ("FIGHT", "ASSAULT") and words and words <= cue("figurative"):
            continue  # "promised to fight corruption", "battling the blaze": no violence
        if _ruled_out(entry, token, objects) or (entry.transitive and not _has_complement(token)):
            continue
        if not entry.requires or entry.requires & objects:
            return entry
    return None


def other_sense(token: Token) -> bool:
    """Whether the lexicon rules out the event senses of ``token`` here by name: one of its
    entries must not have the object it has ("released a statement") or must have none
    ("demonstrated her skill", "struck a pedestrian"). A sense that merely requires other
    objects ("called for talks", not "called him a liar") rules out nothing."""
    pos = _POS.get(token.pos_)
    candidates = entries().get((pos, token.lemma_.lower()), ()) if pos else ()
    if not candidates:
        return False
    objects = object_lemmas(token)
    return any(_ruled_out(e, token, objects) for e in candidates)


def _ruled_out(entry: Entry, token: Token, objects: set[str]) -> bool:
    """Whether ``entry`` names this use of ``token`` as another sense: an object it must not
    have ("released a statement"), or any object where it must have none ("demonstrated her
    skill", "striking a chord", "rally the team")."""
    return bool(entry.excludes & objects) or (entry.intransitive and _has_complement(token))


def _hyphen_modifier(token: Token) -> bool:
    """A word of a hyphenated modifier ("coal-fired", "Saudi-led", "state-sponsored"):
    it describes a noun, it does not report an event. Written without its hyphen ("life
    threatening injuries"), it is a participle right after the noun it folds in as its object,
    both modifying the same noun. A conjunct counts as the modifier it is joined to ("coal-
    and gas-fired plants")."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if token.i < 2 or first.dep_ not in ("amod", "compound", "nmod"):
        return False
    before = token.doc[token.i - 1]
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if any(t is not None and t.text in ("-", "–") and inside_word(t) for t in (before, after)):
        return True  # also its first word: "a fired-up team"
    return (
        token.tag_ in ("VBG", "VBN")
        and before.dep_ in ("npadvmod", "amod", "compound")
        and before.head.i in (token.i, token.head.i)
        and (before.tag_ == "NN" or _hyphen_modifier(before))  # "life", "non-life"
    )


def _noun_modifier(token: Token) -> bool:
    """A noun that says what kind of thing another noun is ("the release date", "riot
    police", "an arrest warrant", "attack code"): it names no event. Where the other noun
    is an event too ("a ceasefire agreement", "a protest march") that noun is the trigger;
    where it is an undertaking ("a mediation effort", "a bombing campaign") the pair is the
    act. A compound in a sentence with no verb, or on its root, is kept: the tagger reads
    headlines ("Riot Breaks Out", "Rioters in Greece attack police station") as noun
    phrases."""
    if token.dep_ != "compound" or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.head.lemma_.lower() in cue("undertaking"):
        return False
    return token.head.dep_ != "ROOT" and any(t.pos_ in ("VERB", "AUX") for t in token.sent)


_COMPLEMENT_DEPS = frozenset({"dobj", "obj", "xcomp", "ccomp", "nsubjpass"})
_AMOUNTS = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL", "DATE", "TIME"})


def _has_complement(token: Token) -> bool:
    """An object or complement clause that is not an amount: "declined to comment", "declined
    the offer", "the invitation was declined"; not "support declined 5 percent", "declining
    health"."""
    return any(
        child.dep_ in _COMPLEMENT_DEPS and not child.like_num and child.ent_type_ not in _AMOUNTS
        for child in token.children
    )


def triggers(sent: Span) -> list[Trigger]:
    """Every lexicon trigger of the sentence, best first (highest in the tree, verbs first)."""
    found: list[Trigger] = []
    for token in sent:
        entry = _match(token)
        if entry is None or _in_condition(token) or _described(token):
            continue
        anchor = _anchor(token)
        found.append(Trigger(token, anchor, entry, _depth(anchor) + _background(token, anchor)))
    found.sort(key=lambda t: (t.depth, t.token.pos_ != "VERB", t.token.i))
    return found


def _described(token: Token) -> bool:
    """ "the deal was a first step": a nominal trigger that a copula only describes is the topic
    of a comment, not an event the sentence reports."""
    head = token.head
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "nsubj" or head.lemma_ != "be":
        return False
    return any(c.dep_ in ("attr", "acomp") for c in head.children)


def _background(token: Token, anchor: Token) -> int:
    """Depth penalty for triggers that set the scene rather than report the event: a noun in an
    adverbial phrase ("at a meeting, X failed to agree") or a clause modifying a noun ("sources
    familiar with the talks said")."""
    penalty = 0
    if token.dep_ == "pobj" and token.head.lower_ in _SCENE_PREPS and token.head.head.i == anchor.i:
        penalty += 2
    if anchor.dep_ in ("relcl", "acl"):
        penalty += 2
    return penalty


def _governors(token: Token, limit: int = 3) -> list[Token]:
    """The verbs/adjectives the token's clause is a complement of ("failed" in "failed to agree")."""
    out: list[Token] = []
    current = token
    for _ in range(limit):
        if (
            current.dep_ not in ("xcomp", "ccomp", "acomp", "pcomp", "conj")
            or current.head.i == current.i
        ):
            break
        current = current.head
        out.append(current)
    return out


def _in_condition(token: Token) -> bool:
    """True when the token sits inside an "if"/"unless" clause (the condition, not the event)."""
    conditions = cue("condition")
    current = _anchor(token)
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in conditions for c in current.children):
            return True
        if current.dep_ not in ("conj", "xcomp") or current.head.i == current.i:
            return False
        current = current.head
    return False


def is_negated(trigger: Token, anchor: Token) -> bool:
    """Negated by "not"/"never", a negating governor ("failed to"), or "no"/"without"."""
    negwords = cue("negword")
    for tok in {trigger, anchor}:
        if any(
            c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in negwords)
            for c in tok.children
        ):
            return True
    if trigger.head.lower_ == "without" or anchor.head.lower_ == "without":
        return True
    if _negated_noun_chain(trigger, negwords):
        return True
    return any(g.lemma_.lower() in cue("negator") for g in _governors(anchor))


def _negated_noun_chain(trigger: Token, negwords: frozenset[str]) -> bool:
    """ "no progress on a truce": a noun trigger inside a phrase headed by a negated noun."""
    current = trigger
    for _ in range(6):
        if current.pos_ not in ("NOUN", "PROPN", "ADP") or current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in negwords for c in current.children
        ):
            return True
    return False


def is_intended(trigger: Token, anchor: Token) -> bool:
    """Future, hypothetical or intended: a modal, or governed by "plan"/"ready"/"prepare"..."""
    modals, intentions = cue("modal"), cue("intention")
    chain = [anchor, *_governors(anchor)]
    if any(c.dep_ == "aux" and c.lower_ in modals for tok in chain for c in tok.children):
        return True
    if any(tok.lemma_.lower() in intentions for tok in chain[1:]):
        return True
    if _headline_future(chain[-1]):
        return True
    if trigger.i == anchor.i or anchor.lemma_.lower() not in intentions:
        return False
    # "a strike is planned", "talks set for Monday"; but an explosion that "went off", or
    # protests that "went on", happened: "go" intends only with a complement ("going to")
    return anchor.lemma_.lower() != "go" or any(c.dep_ == "xcomp" for c in anchor.children)


def _attempted(anchor: Token) -> bool:
    """ "tried to kill", "attempted to storm": the only intention words governing the act are
    attempt words, with no modal ("will try to" is still an intention)."""
    chain = [anchor, *_governors(anchor)]
    if any(c.dep_ == "aux" and c.lower_ in cue("modal") for tok in chain for c in tok.children):
        return False
    words = {tok.lemma_.lower() for tok in chain[1:]} & cue("intention")
    return bool(words) and words <= cue("attempt")


def _headline_future(verb: Token) -> bool:
    """ "Boats to be released as talks end": a main verb with only "to" for an auxiliary is the
    headline future ("X to do Y" means X will do Y)."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB":
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_conditional(anchor: Token) -> bool:
    """The event's clause (or one that governs it) has an "if"/"unless" clause attached."""
    conditions = cue("condition")
    for tok in [anchor, *_governors(anchor)]:
        for child in tok.children:
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in conditions for m in child.children
            ):
                return True
    return False


def _demand_clause(sent: Span) -> tuple[Token, Token] | None:
    """ "X said Y must do Z": the speech verb and the obligated clause's verb."""
    speech, obligation = cue("speech"), cue("obligation")
    for token in sent:
        if token.dep_ != "ccomp" or token.head.lemma_.lower() not in speech:
            continue
        if any(c.dep_ == "aux" and c.lower_ in obligation for c in token.children):
            return token.head, token
    return None


def _threat_mode(best: Trigger, others: list[Trigger]) -> str | None:
    """The mode of a THREATEN: what is threatened, read from the trigger it governs."""
    if best.entry.mode:
        return best.entry.mode
    for other in others:
        if other is not best and _complement_of(other, best):
            info = types().get(other.entry.type)
            if info and info.threat_mode:
                return info.threat_mode
    return None


def code_sentence(sent: Span) -> RuleHit | None:
    """The rule-coded event of one sentence, or None when no lexicon trigger fires."""
    demand = _demand_clause(sent)
    found = triggers(sent)
    if demand and (not found or _depth(demand[0]) <= found[0].depth):
        speech, clause = demand
        return RuleHit(speech, speech, "DEMAND", None, False, False, False, demand_target=clause)
    if not found:
        return None
    return _hit(_ordered_act(found[0], found), found)


def _ordered_act(best: Trigger, found: list[Trigger]) -> Trigger:
    """ "ordered the arrest of", "ordered patrols": an authority's order whose object is itself
    an event noun enacts that event (CAMEO codes the act), unlike "ordered X to ..." (DEMAND)."""
    if best.token.lemma_.lower() != "order" or best.entry.type != "DEMAND":
        return best
    for other in found:
        if (
            other.token.head.i == best.token.i
            and other.token.dep_ == "dobj"
            and other.token.pos_ == "NOUN"
            and other.entry.type not in _NEVER_EVENT_MODES
        ):
            return Trigger(other.token, best.anchor, other.entry, best.depth)
    return best


def secondary_hits(sent: Span, primary: RuleHit) -> list[RuleHit]:
    """Further events of a sentence that PLOVER codes separately from the first one:

    * an act coordinated with the primary one ("kidnapped advisers and exploded bombs");
    * the demand inside an ultimatum or a conditional threat ("gave X an ultimatum to withdraw",
      "threatened sanctions unless X withdraws"): a threat of that kind is also a DEMAND.
    """
    out: list[RuleHit] = []
    found = triggers(sent)
    coordinated = {primary.anchor.i, *(c.i for c in primary.anchor.conjuncts)}
    seen = {primary.type}
    for trig in found:
        if trig.anchor.i == primary.anchor.i or trig.anchor.i not in coordinated:
            continue
        hit = _hit(trig, found)
        if hit.type not in seen:
            seen.add(hit.type)
            out.append(hit)
    out += _failed_agreements(found, primary, seen)
    demanded = _demanded_action(primary) if primary.type == "THREATEN" else None
    if demanded is not None and "DEMAND" not in seen:
        out.append(
            RuleHit(
                primary.trigger,
                primary.anchor,
                "DEMAND",
                None,
                False,
                False,
                False,
                demand_target=demanded,
            )
        )
    return out


def _failed_agreements(found: list[Trigger], primary: RuleHit, seen: set[str]) -> list[RuleHit]:
    """ "talks ended with no agreement", "talks end without a deal": besides the meeting, the
    sentence reports an agreement that did not happen (a negated AGREE, as PLOVER codes it), even
    beside an accomplished or intended AGREE ("boats to be freed as talks end without a deal")."""
    for trig in found:
        token = trig.token
        if trig.entry.type != "AGREE" or token.pos_ != "NOUN" or token.i == primary.trigger.i:
            continue
        if (primary.type == "AGREE" and primary.negated) or not is_negated(token, trig.anchor):
            continue
        seen.add("AGREE")
        return [RuleHit(token, trig.anchor, "AGREE", trig.entry.mode, True, False, False)]
    return []


def _demanded_action(threat: RuleHit) -> Token | None:
    """The clause an ultimatum or a conditional threat demands of its target, if any."""
    trigger = threat.trigger
    if trigger.pos_ == "NOUN":
        for child in trigger.children:
            if child.dep_ in ("acl", "relcl", "ccomp") and child.pos_ == "VERB":
                return child
    conditions = cue("condition")
    for tok in (threat.anchor, *_governors(threat.anchor)):
        for child in tok.children:
            marks = [m for m in child.children if m.dep_ == "mark" and m.lower_ in conditions]
            if child.dep_ == "advcl" and any(m.lower_ == "unless" for m in marks):
                return child
    return None


def _promised_threat(best: Trigger, found: list[Trigger]) -> str | None:
    """ "vowed to retaliate": promising a conflictual act is a threat; returns its mode."""
    if best.token.lemma_.lower() not in cue("promise"):
        return None
    for other in found:
        info = types().get(other.entry.type)
        if other is best or info is None or info.cooperative or info.threat_mode is None:
            continue
        if _complement_of(other, best):
            return info.threat_mode
    return None


def _complement_of(inner: Trigger, outer: Trigger) -> bool:
    """Whether ``inner`` is what ``outer`` governs: its clause is a complement of the outer
    trigger ("threatened to cut"), or it is the outer verb's object ("threatened a strike")."""
    if inner.token.head.i == outer.token.i and inner.token.dep_ in ("dobj", "xcomp", "ccomp"):
        return True
    return any(g.i == outer.token.i for g in _governors(inner.anchor))


def _military_subject(anchor: Token) -> bool:
    """Whether the clause's subject (or passive agent) is an armed force ("troops", "jets")."""
    military = cue("military")
    heads = [c for c in anchor.children if c.dep_ == "nsubj"]
    heads += [p for a in anchor.children if a.dep_ == "agent" for p in a.children]
    return any(h.lemma_.lower() in military for h in heads)


def _hit(best: Trigger, found: list[Trigger]) -> RuleHit:
    token, anchor = best.token, best.anchor
    negated = is_negated(token, anchor)
    intended = is_intended(token, anchor)
    conditional = is_conditional(anchor)
    type_, mode = best.entry.type, best.entry.mode
    info = types().get(type_)
    if intended and info is not None and not info.cooperative and _attempted(anchor):
        intended = False  # "tried to assassinate": an attempted attack is the attack
    promised = _promised_threat(best, found)
    if promised is not None:
        type_, mode = "THREATEN", promised
    if type_ == "THREATEN":
        mode = mode or _threat_mode(best, found)
    if type_ == "ASSAULT" and mode is None and _military_subject(anchor):
        type_ = "FIGHT"  # PLOVER: violence by armed forces is conventional military force
    info = types().get(type_)
    if info is None or type_ in _NEVER_EVENT_MODES:
        return RuleHit(token, anchor, type_, mode, negated, intended, conditional)
    if (intended or conditional) and not info.cooperative and not negated:
        return RuleHit(token, anchor, "THREATEN", info.threat_mode, False, intended, conditional)
    if intended and negated and info.cooperative:
        return RuleHit(token, anchor, "REJECT", mode, False, intended, conditional)
    if intended and info.cooperative and type_ != "AGREE":
        # PLOVER (after CAMEO 03x) codes an intent to cooperate as AGREE; the mode keeps what.
        return RuleHit(token, anchor, "AGREE", type_.lower(), negated, intended, conditional)
    return RuleHit(token, anchor, type_, mode, negated, intended, conditional)
