"""What the numbers of a claim count, read from its parse.

:mod:`.numbers` finds quantities in text by words alone; the parse then says what each one
counts and whether it can be compared at all: the noun its number modifies ("45 fishing boats"),
the subject of a verb of level when no noun follows ("the death toll rose to 34"), a preposition
that is no comparative ("criticism over two strikes"), a count of added things that is no total
("three more bridges"), and the size of a change rather than a level ("jumped 28 percent").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.reconcile.numbers import PERCENT, Quantity, find_quantities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_LEVEL_VERBS = frozenset(
    {"rise", "climb", "reach", "stand", "increase", "jump", "grow", "mount", "hit", "top", "be"}
    | {"fall", "drop", "exceed", "pass", "surpass", "soar"}
)
_INCREMENT_WORDS = frozenset({"more", "other", "additional", "further", "extra", "new", "another"})
_TALLY_NOUNS = frozenset({"number", "count", "total", "tally", "figure"})
_PREPOSITION_CUES = frozenset({"over", "under", "above", "below", "about", "around"})


def counted(quantities: list[Quantity], doc: Doc | Span, text: str) -> list[Quantity]:
    """Quantities that count a noun, each counting the noun its number modifies ("45 fishing
    boats" counts boats, "25 Karvonian officials" officials); without a parse of the number,
    the word after it must not be an adjective ("seven consecutive terms" names no unit)."""
    adjectives = {t.lower_ for t in doc if t.pos_ == "ADJ"}
    lead = doc.text.find(text) if len(doc) else -1
    first = doc[0].idx if len(doc) else 0
    out: list[Quantity] = []
    for q in quantities:
        if lead >= 0 and _preposition_cue(q, doc, first + lead):
            q = _without_cue(q, text)
        number = _last_number(q, doc, first + lead) if lead >= 0 else None
        head = level = None
        if number is not None and not q.is_duration and q.unit != PERCENT:
            head = _counted_noun(number)
            level = None if head else _level_of(number)
        if head is not None:
            number, noun = head
            if _increment(number, noun):
                continue  # "three more bridges", "eight other people": no total to compare
            written = doc.doc.text[number.idx + len(number.text) : noun.idx + len(noun.text)]
            unit = noun.lemma_.lower()
            out.append(q.with_noun(unit, " ".join(written.split()), change=_change(number)))
        elif level is not None:
            out.append(q.with_noun(*level))
        elif not q.unit:
            continue  # a bare number whose parse says nothing of what it counts
        elif q.unit == PERCENT and lead >= 0:
            out.append(q.with_noun(q.unit, q.noun, change=number is not None and _change(number)))
        elif q.is_duration or q.text.split()[-1].lower() not in adjectives:
            out.append(q)
    return out


def _last_number(q: Quantity, doc: Doc | Span, offset: int) -> Token | None:
    """The last number token of a quantity found at ``offset`` in ``doc`` ("one thousand": the
    "thousand"), which the parse attaches to what it counts; None when the parse has none."""
    numbers = [
        t for t in doc if q.start <= t.idx - offset < q.end and (t.like_num or t.pos_ == "NUM")
    ]
    return numbers[-1] if numbers else None


def _increment(number: Token, noun: Token) -> bool:
    """Whether a count is of things added to an earlier count: "three more bridges", "eight
    other people", "another 5 cases", "12 new infections"."""
    return any(
        c.lower_ in _INCREMENT_WORDS and c.dep_ in ("amod", "advmod", "det") for c in noun.children
    ) or any(c.lower_ in _INCREMENT_WORDS for c in number.children)


def _change(number: Token) -> bool:
    """Whether a number gives the size of a change ("shares jumped 28 percent", "fell by 4
    percent") rather than a level: its noun is the extent of a verb of level."""
    noun = number.head if number.dep_ == "nummod" else number
    verb = noun.head.head if noun.head.lower_ == "by" else noun.head
    extent = noun.dep_ in ("npadvmod", "dobj") or noun.head.lower_ == "by"
    return extent and verb.lemma_.lower() in _LEVEL_VERBS and verb.lemma_.lower() != "be"


def _level_of(number: Token) -> tuple[str, str] | None:
    """(lemma, noun as written) of what a number gives the level of, when its noun is the subject
    of a verb of level ("the death toll rose to 34", "the number of dead stood at 33", "the toll
    reached 34", "the toll is 34"), so that two reports of a toll compare as counts of the dead."""
    if number.dep_ == "pobj" and number.head.lower_ in ("to", "at"):
        verb = number.head.head
    elif number.dep_ in ("dobj", "attr"):
        verb = number.head
    else:
        return None
    if verb.lemma_.lower() not in _LEVEL_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    if subject.lemma_.lower() in _TALLY_NOUNS:  # "the number of dead": what is counted
        counted = [g for c in subject.children if c.lower_ == "of" for g in c.children]
        if not counted or counted[0].pos_ not in ("NOUN", "ADJ"):
            return None
        subject = counted[0]
    words = [
        c for c in subject.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < subject.i
    ]
    written = " ".join([*(w.lower_ for w in words), subject.lower_])
    return subject.lemma_.lower(), written


def _preposition_cue(q: Quantity, doc: Doc | Span, offset: int) -> bool:
    """Whether the word that made ``q`` a comparative is a preposition of a noun instead: "weeks
    of criticism over two national rail strikes" counts two strikes, not more than two."""
    if q.text.split()[0].lower() not in _PREPOSITION_CUES:
        return False
    cue = next((t for t in doc if t.idx - offset == q.start), None)
    if cue is None:
        return False
    if cue.i > 0 and cue.doc[cue.i - 1].dep_ == "cc":
        # "criticism over the collapse and over two strikes": the same preposition again
        earlier = [t for t in cue.doc[: cue.i] if t.lower_ == cue.lower_ and t.dep_ == "prep"]
        if earlier and earlier[-1].head.pos_ in ("NOUN", "PROPN"):
            return True
    if cue.dep_ == "conj" and cue.head.pos_ == "ADP":
        cue = cue.head
    # as a comparative the word modifies the number ("over 200 people": quantmod)
    return cue.dep_ in ("prep", "conj") and cue.head.pos_ in ("NOUN", "PROPN")


def _without_cue(q: Quantity, text: str) -> Quantity:
    """``q`` read again with its first word left out."""
    cue = len(q.text.split()[0])
    masked = text[: q.start] + " " * cue + text[q.start + cue : q.end]
    again = [r for r in find_quantities(masked) if r.start >= q.start]
    return again[0] if again else q


def _counted_noun(number: Token) -> tuple[Token, Token] | None:
    """(number token, the noun it counts) when the number modifies a noun."""
    if number.dep_ != "nummod":
        return None
    noun = number.head
    return (number, noun) if noun.pos_ in ("NOUN", "PROPN") else None
