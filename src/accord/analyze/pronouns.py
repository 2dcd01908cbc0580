"""Third-person pronouns to the named actor they stand for, within one article.

"He called for harsh sanctions", "she told reporters", "its troops": the quote stage needs the
speaker behind "he said", the event stage the actor behind "he called for". Both ask
:func:`antecedent`, which answers from one pass over the document (``doc._.accord_antecedents``,
set by the ``accord_pronouns`` component, or computed on first use).

Written by hand: the neural coreference resolvers (coreferee, fastcoref, spacy-experimental)
need models that cannot be fetched here or do not support spaCy 3.8. The rules are the
classic salience ones (Lappin and Leass 1994): each sentence before the pronoun adds its most
salient mention of an actor (its within-article chain) to that actor's salience, more for a
subject, halved for each sentence back, half as much from inside quotation marks for a
pronoun outside them; the pronoun takes the most salient actor of a compatible kind:

- **label**: "he"/"she" a person, "it" an organisation or place, "they" a group;
- **gender**: "she" never a person whose title, role or first name is a man's ("Mr.",
  "spokesman", "Harlan"), "he" never a woman's; first names from the ``nomquamgender``
  package's name data (kept only where nearly all bearers are one gender), of a full name or
  of a one-word name that no longer name of the article ends with ("Melanie", not the
  "Benjamin" of "Regina Benjamin");
- **binding**: an object pronoun is never the subject of its own verb or of the verbs that
  share it ("Lee praised him", "Lee wanted to recruit him");
- **unnamed groups and things**: "they" after a plural noun nearer than any named group ("the
  thieves ... They fled"), "it" after such a singular subject ("the clip ... after it was
  posted") and the generic "they say" stand for no one named.

Scored on the ECB+ pronouns by ``benchmarks/pronouns.py`` (docs/architecture.md).
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from accord.analyze.coref import chain_mentions
from accord.analyze.lexicon import read_lines
from accord.analyze.spans import entity_at
from accord.quotes import lexicon as quote_lexicon
from accord.quotes.marks import find_quote_spans
from accord.resolve.given_names import first_name_gender
from accord.resolve.type_evidence import organisation_nouns, place_nouns

log = logging.getLogger(__name__)

PERSON = frozenset({"PERSON"})
GROUP = frozenset({"ORG", "GPE", "NORP"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})
# Pronouns that may stand for a thing or group no name was given (see _unnamed); a possessive
# "its"/"their" after a named organisation is nearly always that organisation's.
UNNAMED_CHECKED = frozenset({"it", "they", "them"})
# The labels an antecedent of each pronoun may carry.
PRONOUN_LABELS: dict[str, frozenset[str]] = {
    **dict.fromkeys(MALE | FEMALE, PERSON),
    **dict.fromkeys(NEUTER, frozenset({"ORG", "GPE"})),
    **dict.fromkeys(PLURAL, GROUP),
}
REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "pobj", "attr", "oprd"})
DIRECT_OBJECT_DEPS = frozenset({"dobj", "iobj", "dative"})
# Verbs whose subject is also the subject of the verb below them ("wanted to recruit him").
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "pcomp", "prep", "conj", "advcl", "acomp"})
# Clauses whose subject a pronoun subject of theirs may stand for ("said he would").
GOVERNED_DEPS = frozenset({"ccomp", "conj", "xcomp", "advcl"})
CLOSE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos"})
WINDOW = 2000  # characters an antecedent may lie back
SUBJECT_WEIGHT = 80  # Lappin and Leass: sentence recency 100, subject 80, object 50
OBJECT_WEIGHT = 50
RECENCY_WEIGHT = 100
QUOTED_FACTOR = 0.5  # a name inside quotation marks, for a pronoun outside them

if not Doc.has_extension("accord_antecedents"):
    Doc.set_extension("accord_antecedents", default=None)


def antecedent(token: Token) -> Span | None:
    """The named mention (an entity of ``doc.ents``) that ``token``, a third-person pronoun,
    stands for, or ``None`` when it is no such pronoun or no named actor fits."""
    doc = token.doc
    found = doc._.accord_antecedents
    if found is None:
        found = doc._.accord_antecedents = resolve_pronouns(doc)
    key = found.get(token.i)
    if key is None:
        return None
    return entity_at(doc, *key)


@dataclass(frozen=True, slots=True)
class _Mention:
    span: Span
    actor: object  # the within-article chain
    sentence: int
    weight: int  # recency plus the emphasis of its grammatical role
    speaker: bool  # the subject of a verb of saying
    quoted: bool  # inside quotation marks


def resolve_pronouns(doc: Doc) -> dict[int, tuple[int, int]]:
    """Pronoun token index -> (start_char, end_char) of its antecedent entity."""
    chains = doc._.accord_chains if Doc.has_extension("accord_chains") else None
    if chains is None:
        chains = chain_mentions(list(doc.ents))
    sentence_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
    quotes = [(q.open_at, q.outer_end) for q in find_quote_spans(doc.text)]  # in text order
    quote_starts = [lo for lo, _ in quotes]
    mentions = [
        _Mention(
            e,
            chains.get((e.start_char, e.end_char), e.text),
            sentence_of[e.start],
            _weight(e),
            _speaks(e.root),
            _in_quote(e.start_char, quotes, quote_starts),
        )
        for e in doc.ents
        if e.label_ in PERSON | GROUP
    ]
    genders = _genders(doc, mentions)
    starts = [m.span.start_char for m in mentions]  # doc.ents are in text order
    out: dict[int, tuple[int, int]] = {}
    for token in doc:
        labels = PRONOUN_LABELS.get(token.lower_)
        if labels is None or (token.pos_ != "PRON" and token.tag_ != "PRP$"):
            continue
        inside = _in_quote(token.idx, quotes, quote_starts)
        # only the mentions from WINDOW before the pronoun to its sentence's end can matter
        nearby = mentions[
            bisect_left(starts, token.idx - WINDOW) : bisect_right(starts, token.sent.end_char)
        ]
        found = _choose(token, sentence_of[token.i], nearby, labels, genders, inside)
        if found is not None:
            out[token.i] = (found.start_char, found.end_char)
    return out


def _in_quote(char: int, quotes: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether offset ``char`` lies inside one of ``quotes`` (outermost, in text order)."""
    k = bisect_right(starts, char) - 1
    return k >= 0 and char < quotes[k][1]


def _weight(ent: Span) -> int:
    """Lappin and Leass's weight of one mention: recency, plus more for a subject or a
    direct object (not for a name inside a prepositional phrase, "the wars of Peter")."""
    root = ent.root
    if root.dep_ == "appos":
        root = root.head
    if root.dep_ in SUBJECT_DEPS:
        return RECENCY_WEIGHT + SUBJECT_WEIGHT
    if root.dep_ in DIRECT_OBJECT_DEPS:
        return RECENCY_WEIGHT + OBJECT_WEIGHT
    return RECENCY_WEIGHT


def _speaks(token: Token) -> bool:
    """Whether ``token`` (or the phrase it is in apposition to) is the subject of a verb of
    saying ("Waldie said", "he told reporters")."""
    if token.dep_ == "appos":
        token = token.head
    return token.dep_ in SUBJECT_DEPS and token.head.lemma_.lower() in quote_lexicon.speech_verbs()


def _choose(
    token: Token,
    sentence: int,
    mentions: list[_Mention],
    labels: frozenset[str],
    genders: dict[object, str],
    inside: bool,
) -> Span | None:
    lo = token.idx - WINDOW
    word = token.lower_
    wanted = "m" if word in MALE else "f" if word in FEMALE else None
    bound = _bound_subjects(token) | _named_arguments(token)
    # by actor, and by last word: "He shot Mendez" after "Carlos Mendez" (the small model may
    # give the two mentions different labels, hence different chains)
    banned = {m.actor for m in mentions if m.span.root.i in bound}
    banned_words = {m.span[-1].lower_ for m in mentions if m.span.root.i in bound}
    speaking = _speaks(token)
    reporter = _reporter(token)
    # Lappin and Leass count each actor once per sentence, by its most salient mention there:
    # "Mr. Tribe, a scholar, was a mentor to Mr. Obama" gives Tribe no more than one subject
    salience: dict[tuple[object, int], float] = defaultdict(float)
    last: dict[object, Span] = {}
    for m in mentions:
        span = m.span
        if not (lo <= span.start_char and span.end_char <= token.idx) or span.label_ not in labels:
            continue
        if m.actor in banned or span[-1].lower_ in banned_words or (speaking and m.quoted):
            continue
        # "a Chinese security guard" is no "they"; "the Fijian rebels said they" is
        norp_ok = span.label_ != "NORP" or _group_noun(span)
        if not norp_ok and (reporter is None or not _names(span, reporter)):
            continue
        if wanted is not None and genders.get(m.actor, wanted) != wanted:
            continue
        weight: float = m.weight - (SUBJECT_WEIGHT if m.speaker and not speaking else 0)
        if m.quoted and not inside:
            weight *= QUOTED_FACTOR
        key = (m.actor, m.sentence)
        salience[key] = max(salience[key], weight * 0.5 ** (sentence - m.sentence))
        last[m.actor] = span
    if not salience:
        return None
    totals: dict[object, float] = defaultdict(float)
    for (actor, _), weight in salience.items():
        totals[actor] += weight
    if reporter is not None:
        named = {a for a, span in last.items() if _names(span, reporter)}
        heads = {a for a in named if last[a].root.i == reporter.i}
        if len(heads or named) == 1:
            return last[(heads or named).pop()]
    best = max(totals, key=lambda a: (totals[a], last[a].start_char))
    if word in UNNAMED_CHECKED and _unnamed(token, last[best], reporter):
        return None
    return last[best]


def _group_noun(ent: Span) -> bool:
    """Whether a NORP mention names people ("the Russians", "Republicans"), not a quality of
    something ("a Chinese security guard", "the Republican nominee"): only people are "they"."""
    root = ent.root
    return root.tag_ in ("NNS", "NNPS") or (
        root.pos_ != "ADJ" and root.dep_ not in ("amod", "compound") and ent.text.endswith("s")
    )


def _reporter(token: Token) -> Token | None:
    """The named subject of the nearest clause that governs a subject pronoun's clause: "Lee
    said he would resign", "Fijian rebels said they would release ...": the pronoun is who
    that subject names, whatever came before."""
    if token.dep_ not in SUBJECT_DEPS:
        return None
    clause = token.head
    for _ in range(4):
        if clause.dep_ not in GOVERNED_DEPS or clause.head.i == clause.i:
            return None
        clause = clause.head
        for subject in clause.children:
            if subject.dep_ == "nsubj" and subject.pos_ != "PRON":
                return subject
    return None


def _names(span: Span, head: Token) -> bool:
    """Whether the mention ``span`` is the noun phrase headed by ``head`` or one of its close
    modifiers ("Fijian" in "the Fijian rebels", "a group of Yoruba leaders")."""
    token = span.root
    for _ in range(4):
        if token.i == head.i:
            return True
        of_phrase = token.lower_ == "of" if token.dep_ == "prep" else token.head.lower_ == "of"
        if token.dep_ not in CLOSE_DEPS and not (token.dep_ in ("prep", "pobj") and of_phrase):
            return False
        token = token.head
    return False


def _bound_subjects(token: Token) -> set[int]:
    """Tokens an object pronoun cannot stand for: the subjects of its own verb and of the
    verbs that share that subject ("Lee wanted to recruit him": not Lee)."""
    if token.dep_ not in OBJECT_DEPS or token.lower_ in REFLEXIVE:
        return set()
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    out: set[int] = set()
    for _ in range(4):
        out.update(t.i for s in verb.children if s.dep_ in SUBJECT_DEPS for t in s.subtree)
        if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head.i == verb.i:
            break
        verb = verb.head
    return out


def _named_arguments(token: Token) -> set[int]:
    """Tokens a subject pronoun cannot stand for: the objects of its own verb ("He shot
    Ortiz" is not Ortiz)."""
    if token.dep_ not in SUBJECT_DEPS:
        return set()
    verb = token.head
    out: set[int] = set()
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            out.update(t.i for t in child.subtree)
        elif child.dep_ == "prep":
            out.update(t.i for p in child.children if p.dep_ == "pobj" for t in p.subtree)
    return out


def _unnamed(token: Token, named: Span, reporter: Token | None) -> bool:
    """Whether "they" or "it" stands for something no name was given: the generic "they
    say", or a common noun of its number ("thieves", "the clip"), a subject or (for "they") an
    object, in the pronoun's sentence or the one before, that comes after the named actor's
    last mention or is a subject where that mention is not. A noun for a kind of
    organisation or place does not count ("the company said it" is most often the company
    named before), nor the subject of the verb of saying that reports the pronoun ("the
    software maker said it")."""
    head = token.head
    plural = token.lower_ in PLURAL
    if plural and token.dep_ == "nsubj" and head.lemma_ == "say" and head.tag_ in ("VBP", "VB"):
        return True
    first = token.sent.start
    if first > 0:
        first = token.doc[first - 1].sent.start
    tag, deps = ("NNS", SUBJECT_DEPS | OBJECT_DEPS) if plural else ("NN", SUBJECT_DEPS)
    kinds = organisation_nouns() | place_nouns()
    if reporter is not None and not _speaks(reporter):
        reporter = None  # "the clip drew ridicule after it was posted" is about the clip
    for t in token.doc[first : token.i]:
        if t.tag_ != tag or t.ent_type_ or t.dep_ not in deps or t == reporter:
            continue
        if t.lemma_.lower() in kinds or t.lower_ in kinds:
            continue
        # the noun competes when it comes after the name, or is a subject where the name is not
        if t.i >= named.end or (t.dep_ in SUBJECT_DEPS and named.root.dep_ not in SUBJECT_DEPS):
            return True
    return False


# ---------------------------------------------------------------------------------- gender


def _genders(doc: Doc, mentions: list[_Mention]) -> dict[object, str]:
    """'m' or 'f' for the person actors whose title, role or first name tells it."""
    titles = doc._.accord_titles if Doc.has_extension("accord_titles") else None
    roles = doc._.accord_roles if Doc.has_extension("accord_roles") else None
    votes: dict[object, set[str]] = defaultdict(set)
    for m in mentions:
        span = m.span
        if span.label_ != "PERSON":
            continue
        key = (span.start_char, span.end_char)
        described = [*((titles or {}).get(key, [])), *((roles or {}).get(key, []))]
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        named = genders_named([*described, before])
        if named:
            votes[m.actor] |= named
    # A first name tells the gender; a one-word name is taken for one only when no longer
    # name of the article ends with it ("Melanie said", in a feature that gives no surname;
    # not "Benjamin" after "Regina Benjamin", nor "Graham" after "Lindsey Graham").
    surnames = {m.span[-1].lower_ for m in mentions if len(m.span) > 1}
    for m in mentions:
        span = m.span
        if span.label_ != "PERSON" or m.actor in votes:
            continue
        if len(span) > 1 or span[0].lower_ not in surnames:
            gender = first_name_gender(span[0].text)
            if gender is not None:
                votes[m.actor].add(gender)
    return {actor: next(iter(v)) for actor, v in votes.items() if len(v) == 1}


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    """Titles and nouns of a gender ("mr.": m, "actress": f), from ``gender_words.tsv``."""
    table: dict[str, str] = {}
    for line in read_lines("gender_words.tsv"):
        word, _, gender = line.partition("\t")
        table[word.strip()] = gender.strip()
    return table


def genders_named(texts: Iterable[str]) -> set[str]:
    """The genders ('m', 'f') that the words of ``texts`` name ("Mr.", "actress"; see
    :func:`gender_words`)."""
    words = gender_words()
    return {words[w] for text in texts for w in text.lower().split() if w in words}
