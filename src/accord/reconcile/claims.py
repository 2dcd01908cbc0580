"""Claim units: the sentences and clauses of an article, with what they assert.

A claim is a character span of one article (a sentence, or a clause split off it) with its
actors (people, organisations, places), predicate class, content lemmas, numbers, dates and
polarity. Headlines are claims too; sentences inside ``Article.skip_ranges`` (verbatim repeats)
are not. Sentences are split where one sentence reports separable facts: a dated event clause
("since March 2022, when X invaded Y"), a fronted scene-setting phrase ("At a meeting that
lasted two hours, ..."), a dash between two clauses, coordinated clauses with their own subject
("..., but he would"), a trailing concessive or absolute clause, and a sentence boundary the
splitter missed after a closing quote.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from accord.calendar_dates import parse_day
from accord.ingest.build import headline_end as opening_headline_end
from accord.model import Analysis, Mention, Sentence
from accord.reconcile.actors import ACTOR_LABELS, mention_keys
from accord.reconcile.counts import counted
from accord.reconcile.dates import DateRange, anchored_events, find_dates, parse_iso
from accord.reconcile.lexicon import (
    FUTURE_AUX,
    negation_cues,
    negation_phrases,
    predicate_classes,
)
from accord.reconcile.numbers import Quantity, find_quantities
from accord.spacy_model import model_name
from accord.stamps import is_stamp

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

_PRONOUN_START = re.compile(r"^\W*(he|she|they|it|his|her|their|its|this|that|these)\b", re.I)
_DASH = re.compile(r"\s[–—-]\s")
# A sentence boundary the splitter missed: a quote closed on a comma, then a capitalised pronoun
# ('... unacceptable demands," He claimed ...'); "... demands," he said' stays one sentence.
_MISSED_BOUNDARY = re.compile(r"(?<=[,.!?][”\"])\s+(?=(?:He|She|They|It|We|I|This|That)\b)")
_DATE_PREPS = ("since", "until", "before", "after", "by", "from", "till")
_PERIOD_PARTS = frozenset({"late", "early", "mid", "mid-"})  # "since late 2007"
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "NUM"})  # names count as actors instead
_SCENE_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod", "mark"})  # "At a meeting ...,"
_CONCESSIVE = frozenset({"although", "though", "while", "whereas"})
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "attr", "prep", "dative"})
_QUOTE_MARKS = frozenset('“”"‘’')
_WORDS = re.compile(r"\w+")
_NAMING_DEPS = frozenset({"poss", "compound", "nmod", "amod", "nummod"})  # "Monday's quake"
_NOUNS = frozenset({"NOUN", "PROPN"})
_NOUN_CLAUSES = frozenset({"relcl", "acl"})  # "the fire that destroyed a warehouse on Saturday"
_FUTURE_HEADS = frozenset({"due", "set", "expect", "plan", "schedule"})  # "is due to start"
ATTRIBUTION_SCENE = 4  # "said after talks in Valletta": an attribution's own scene, in tokens
SCENE_TOKENS = 8  # a fronted phrase this long is a claim of its own even without a number
MIN_WORDS = 3  # shorter units (section headings, list debris) are not claims


@dataclass(slots=True)
class Claim:
    """One claim unit of one article; ``text == article.text[start:end]``."""

    article: str
    start: int
    end: int
    text: str
    sentence: int
    headline: bool = False
    actors: set[str] = field(default_factory=set)
    context_actors: set[str] = field(default_factory=set)  # of the sentence before, for pronouns
    persons: set[str] = field(default_factory=set)  # actor keys of named people (speakers too)
    classes: set[str] = field(default_factory=set)
    # the class of its main predicate, first in text order: "declined to comment" is a refusal
    main_class: str | None = None
    lemmas: set[str] = field(default_factory=set)
    negated: bool = False
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRange] = field(default_factory=list)  # when what it claims happened
    # dates of something it names ("Monday's earthquake", "the fire that broke out on Saturday")
    references: list[DateRange] = field(default_factory=list)
    bounds: list[DateRange] = field(default_factory=list)  # "since March 2022": agree, never clash
    anchored: bool = False  # a dated event clause split off its sentence
    tense: str = "present"  # "future" for a plan or forecast ("will meet"), "past", "present"
    cores: list[str] = field(default_factory=list)  # what is claimed, without who claims it
    core_actors: set[str] = field(default_factory=set)  # actors named inside the cores
    predicates: set[str] = field(default_factory=set)  # main verb lemmas ("take effect")
    verbless: bool = False  # its root is no verb ("The talks, hosted by Malta"; "with no deal")
    day: date | None = None  # the article's publication day, when it has one

    @property
    def variants(self) -> list[str]:
        """The texts compared with other claims: the whole unit and each reported content."""
        return [self.text, *self.cores]

    @property
    def id(self) -> str:
        return f"{self.article}:{self.start}-{self.end}"


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """spaCy's tagger and parser (accord's configured model), loaded once, NER left out."""
    import spacy

    return spacy.load(model_name(), exclude=["ner"])


def _skipped(sentence: Sentence, skip: list[tuple[int, int]]) -> bool:
    return any(start <= sentence.start and sentence.end <= end for start, end in skip)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces, commas and dashes."""
    while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—-"):
        end -= 1
    return start, end


def _segments(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split a sentence at dated event clauses and dashes: (start, end, is_anchored)."""
    pieces: list[tuple[int, int, bool]] = []
    cursor = start
    for event in anchored_events(text[start:end]):
        date_end = (
            start + event.start + len(text[start + event.start : start + event.end].split(",")[0])
        )
        pieces.append((cursor, date_end, False))
        pieces.append((start + event.start, start + event.end, True))
        cursor = start + event.end
    pieces.append((cursor, end, False))
    out: list[tuple[int, int, bool]] = []
    for a, b, anchored in pieces:
        if anchored:
            out.append((a, b, True))
            continue
        cut = a
        breaks = sorted(
            [*_DASH.finditer(text, a, b), *_MISSED_BOUNDARY.finditer(text, a, b)],
            key=lambda m: m.start(),
        )
        for match in breaks:
            if (
                len(text[cut : match.start()].split()) >= 4
                and len(text[match.end() : b].split()) >= 4
            ):
                out.append((cut, match.start(), False))
                cut = match.end()
        out.append((cut, b, False))
    return [(s, e, an) for s, e, an in ((*_trim(text, a, b), an) for a, b, an in out) if e > s]


def _clause_cuts(span: Span) -> list[int]:
    """Token offsets (within ``span``) where a new claim starts inside one parsed segment."""
    cuts: list[int] = []
    root = span.root
    subjects = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass", "expl")]
    if subjects:
        first = min(t.left_edge.i for t in subjects)
        fronted = [t for t in root.children if t.i < first and t.dep_ != "punct"]
        before = [t for t in span if t.i < first]
        if (
            len(before) >= 4
            and before[-1].text == ","
            and all(t.dep_ in _SCENE_DEPS for t in fronted)
            and (len(before) >= SCENE_TOKENS or _has_value(span.doc[span.start : first]))
        ):
            cuts.append(first - span.start)
        cuts.extend(_modifier_cuts(span, subjects))
    cuts.extend(_trailing_cuts(span))
    cuts.extend(_attribution_cuts(span))
    for token in span:
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and _own_clause(token, span):
            left = token.left_edge.i
            ccs = [c for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
            edge = min([left, *[c.i for c in ccs]])
            if edge - span.start >= 4:
                cuts.append(edge - span.start)
    return sorted(set(cuts))


def _own_clause(token: Token, span: Span) -> bool:
    """Whether a coordinated verb heads a claim of its own: it has its own subject ("..., but
    he would"), or it is a second predicate of the main verb's subject, with its own complement,
    of the other polarity ("X refused to concede | and called the count a theft"): one claim
    has one polarity, so a negated and an affirmed predicate are two claims."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return True
    edge = token.left_edge.i
    if not (
        token.head.i == span.root.i
        and span.root.pos_ == "VERB"
        and any(c.dep_ in _COMPLEMENTS for c in token.children)
        and span.end - edge >= 4
        and edge - span.start >= 4
    ):
        return False
    cues = negation_cues()
    return _negated(span.doc[span.start : edge], cues) != _negated(span.doc[edge : span.end], cues)


def _modifier_cuts(span: Span, subjects: list[Token]) -> list[int]:
    """A cut after a subject's participial modifier set off by commas: "The talks, hosted by
    Malta, | produced no deal" reports who hosted the talks and what they produced."""
    cuts: list[int] = []
    for subject in subjects:
        for acl in (c for c in subject.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")):
            left, right = acl.left_edge.i, acl.right_edge.i
            if (
                left - 1 >= span.start
                and span.doc[left - 1].text == ","
                and right + 1 < span.end
                and span.doc[right + 1].text == ","
                and right + 1 - subject.left_edge.i >= 4
                and span.end - right >= 4
            ):
                cuts.append(right + 1 - span.start)
    return cuts


def _attribution_cuts(span: Span) -> list[int]:
    """A cut before a trailing attribution that says more than who spoke: "X will release 40
    boats, | negotiators said after talks in Valletta on Friday" also reports the talks. The
    speech verb heads the sentence (its content before it) or hangs off it as parataxis."""
    root = span.root
    classes = predicate_classes()
    for verb in (root, *[c for c in root.children if c.dep_ == "parataxis" and c.i > root.i]):
        if classes.get(verb.lemma_.lower()) != "STATEMENT":
            continue
        reported = verb is not root or any(
            c.dep_ == "ccomp" and c.i < verb.i for c in verb.children
        )
        speakers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        scene = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
        if not (reported and speakers):
            continue
        start = min(t.left_edge.i for t in speakers)
        if (
            start - span.start >= 4
            and span.doc[start - 1].text == ","
            and any(len(list(c.subtree)) >= ATTRIBUTION_SCENE for c in scene)
        ):
            return [start - span.start]
    return []


def _has_value(part: Span) -> bool:
    """A short scene-setting phrase is worth a claim of its own when it has a number or date."""
    return bool(find_quantities(part.text) or find_dates(part.text))


def _trailing_cuts(span: Span) -> list[int]:
    """Cuts before a trailing concessive clause (", although X") or absolute ("with X doing Y")."""
    cuts: list[int] = []
    for token in span.root.children:
        if token.i <= span.root.i or token.i == span.start:
            continue
        previous = span.doc[token.left_edge.i - 1]
        if previous.text != ",":
            continue
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        absolute = token.lower_ == "with" and any(
            (c.pos_ == "VERB" and any(g.dep_ == "nsubj" for g in c.children))
            or any(g.dep_ == "det" and g.lemma_.lower() in negation_cues() for g in c.children)
            for c in token.children
        )  # ", with X doing Y", ", with no agreement on X"
        if (token.dep_ == "advcl" and marks & _CONCESSIVE) or absolute:
            cuts.append(token.left_edge.i - span.start)
    return cuts


Unit = tuple[int, int, int, bool, "Doc | Span"]  # start, end, sentence, anchored, its tokens

# Only these components are needed for clause splitting, lemmas and negation; a full accord
# pipeline passed in as ``nlp`` runs with the rest disabled.
_PARSE_PIPES = frozenset(
    {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "morphologizer", "senter"}
)


def parse(nlp: Language, texts: list[str]) -> list[Doc]:
    """Tag and parse ``texts`` with only the components reconciliation needs."""
    disable = [name for name in nlp.pipe_names if name not in _PARSE_PIPES]
    return list(nlp.pipe(texts, disable=disable))


def _split_parsed(doc: Doc, base: int) -> list[tuple[int, int, Span]]:
    """Clauses of one parsed segment: character spans offset by ``base``, with their tokens."""
    spans: list[tuple[int, int, Span]] = []
    for sent in doc.sents:
        cuts = [0, *_clause_cuts(sent), len(sent)]
        for a, b in itertools.pairwise(cuts):
            if b > a:
                part = sent[a:b]
                spans.append((base + part.start_char, base + part.end_char, part))
    return spans


def claim_spans(analysis: Analysis, nlp: Language | None = None) -> list[Unit]:
    """(start, end, sentence index, is_anchored, tokens) of every claim unit in the article."""
    text = analysis.article.text
    skip = analysis.article.skip_ranges
    raw: list[tuple[int, int, int, bool]] = []
    for index, sentence in enumerate(_sentences(analysis)):
        if _skipped(sentence, skip) or is_stamp(text[sentence.start : sentence.end]):
            continue  # a repeat, or a "Published 9 June 2013 | Updated ..." line: no claim
        raw.extend((a, b, index, an) for a, b, an in _segments(text, sentence.start, sentence.end))
    docs = parse(nlp or load_parser(), [text[a:b] for a, b, _, _ in raw])
    out: list[Unit] = []
    for (a, b, index, anchored), doc in zip(raw, docs, strict=True):
        if anchored:
            out.append((a, b, index, True, doc))
            continue
        for s, e, part in _split_parsed(doc, a):
            s, e = _trim(text, s, e)
            if e > s:
                out.append((s, e, index, False, part))
    return sorted(out, key=lambda u: (u[0], u[1]))


def _sentences(analysis: Analysis) -> list[Sentence]:
    """The analysis' sentences, or the article's lines when the analyse stage gave none."""
    if analysis.sentences:
        return analysis.sentences
    text = analysis.article.text
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Sentence(pos, pos + len(line)))
        pos += len(line) + 1
    return out


def extract_claims(analysis: Analysis, nlp: Language | None = None) -> list[Claim]:
    """Every claim unit of one analysed article, with its features filled in."""
    text = analysis.article.text
    headline_end = opening_headline_end(analysis.article.text, analysis.article.title)
    claims: list[Claim] = []
    seen: set[str] = set()
    for start, end, index, anchored, doc in claim_spans(analysis, nlp):
        key = " ".join(text[start:end].lower().split())
        if key in seen or len(_WORDS.findall(key)) < MIN_WORDS:
            continue  # a clause repeated verbatim counts once; headings and fragments not at all
        seen.add(key)
        headline = end <= headline_end
        titled = (
            headline and len(_WORDS.findall(key)) >= 5
        )  # a verbless headline still says something
        if not titled and not any(t.pos_ in ("VERB", "AUX") for t in doc) and not _nominal(doc):
            continue  # without a predicate a fragment claims nothing ("The Russia-Ukraine conflict.")
        claim = Claim(
            analysis.article.id,
            start,
            end,
            text[start:end],
            index,
            headline=headline,
            anchored=anchored,
        )
        _fill(claim, analysis, doc)
        claims.append(claim)
    _add_context(claims, analysis)
    return claims


def _nominal(doc: Doc | Span) -> bool:
    """A verbless unit that still claims something: a negated event noun split off a sentence
    ("with no agreement on the disputed maritime border")."""
    classes = predicate_classes()
    return len(doc) >= 4 and any(
        t.pos_ == "NOUN"
        and classes.get(t.lemma_.lower(), "STATEMENT") != "STATEMENT"
        and any(c.dep_ == "det" and c.lemma_.lower() in negation_cues() for c in t.children)
        for t in doc
    )


def _inside(m: Mention | object, start: int, end: int) -> bool:
    return start <= getattr(m, "start", -1) and getattr(m, "end", -1) <= end


def _fill(claim: Claim, analysis: Analysis, doc: Doc | Span) -> None:
    """Set actors (places included), predicate classes, lemmas, polarity, numbers and dates."""
    for mention in analysis.mentions:
        if not _inside(mention, claim.start, claim.end) or mention.label not in ACTOR_LABELS:
            continue
        claim.actors |= mention_keys(mention)
        if mention.label == "PERSON":
            claim.persons |= mention_keys(mention)
    for quote in analysis.quotes:
        if quote.speaker and quote.start < claim.end and claim.start < quote.end:
            claim.actors.add("id:" + quote.speaker)
            claim.persons.add("id:" + quote.speaker)
    _fill_predicate(claim, doc)
    for mention in analysis.mentions:
        named = _inside(mention, claim.start, claim.end) and mention.label in ACTOR_LABELS
        if named and any(mention.text in core for core in claim.cores):
            claim.core_actors |= mention_keys(mention)
    claim.quantities = counted(find_quantities(claim.text, bare=True), doc, claim.text)
    claim.dates, claim.references = _event_dates(claim, analysis, doc)
    claim.day = parse_day(analysis.article.published)
    claim.bounds = [
        d for s, _e, d in find_dates(claim.text) if _word_before(claim.text, s) in _DATE_PREPS
    ]


def _main_predicates(doc: Doc | Span) -> set[int]:
    """Token indices of the claim's main predicate: its root, the verbs that complete it ("failed
    to agree"), and what a reporting verb reports ("X said [that Y failed to agree]")."""
    tokens = list(doc)
    inside = {t.i for t in tokens}
    main = {t.i for t in tokens if t.dep_ == "ROOT" or t.head.i not in inside}
    reporting = predicate_classes()
    for _ in range(2):
        main |= {
            t.i
            for t in tokens
            if t.head.i in main
            and (
                t.dep_ == "xcomp"
                or (t.dep_ == "ccomp" and reporting.get(t.head.lemma_.lower()) == "STATEMENT")
            )
        }
    return main


def _predicate_keys(doc: Doc | Span, main: set[int]) -> set[str]:
    """The lemmas of the claim's main verbs, a light verb with its object ("take effect",
    "take place"), reporting verbs left out: "X will take effect on Monday" and "Y takes effect
    on Friday" say the same kind of thing about different values (``main``: the indices
    :func:`_main_predicates` gives)."""
    reporting = predicate_classes()
    keys: set[str] = set()
    for token in doc:
        lemma = token.lemma_.lower()
        modifier = token.dep_ == "acl" and token.head.i in main and token.head.pos_ != "VERB"
        if (token.i not in main and not modifier) or token.pos_ != "VERB":
            continue  # "The talks, hosted by Malta": the participle is what the unit says
        if reporting.get(lemma) == "STATEMENT":
            continue
        if not token.is_stop:
            keys.add(lemma)
        for child in token.children:
            if child.dep_ in ("dobj", "prt") and not child.is_stop:
                keys.add(f"{lemma} {child.lemma_.lower()}")
    return keys


def _verbless(doc: Doc | Span, main: set[int]) -> bool:
    """Whether the unit's root is no verb: a fragment split off a sentence."""
    roots = [t for t in doc if t.i in main and t.dep_ not in ("xcomp", "ccomp")]
    return bool(roots) and all(t.pos_ not in ("VERB", "AUX") for t in roots)


def _tense(doc: Doc | Span, main: set[int]) -> str:
    """ "future" when the claim is about what will happen ("will release", "agreed that talks
    would follow", "is due to start"), "past" when its main predicate is in the past tense
    ("ended", "has met"), else "present" ("take effect on Friday" may be either). After clause
    splitting most claims hold one clause, so any future verb in the claim counts."""
    for token in doc:
        if token.dep_ in ("aux", "auxpass") and token.lower_ in FUTURE_AUX:
            return "future"
        if token.lemma_.lower() in _FUTURE_HEADS and any(
            c.dep_ == "xcomp" or (c.dep_ == "auxpass" and token.tag_ == "VBN")
            for c in token.children
        ):
            return "future"  # "is due to start", "is planned for September"
    reporting = predicate_classes()
    for token in doc:
        if reporting.get(token.lemma_.lower()) == "STATEMENT" and any(
            c.dep_ == "ccomp" for c in token.children
        ):
            continue  # "X said" is past; what X said need not be
        if token.i in main and (
            token.tag_ == "VBD"
            or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in token.children)
            or (token.tag_ == "VBN" and any(c.lemma_ == "have" for c in token.children))
        ):
            return "past"
    return "present"


def _negated(doc: Doc | Span, cues: frozenset[str], main: set[int] | None = None) -> bool:
    """Whether the claim's main predicate, or what a reporting verb reports, is negated ("failed
    to agree", "there was no progress", "said nothing would happen"); a negation inside any other
    subordinate clause ("..., saying it was not accurate") does not count."""
    tokens = list(doc)
    main = _main_predicates(doc) if main is None else main
    for token in tokens:
        if token.lemma_.lower() not in cues and token.dep_ != "neg":
            continue
        if token.i in main:  # "failed to agree", "refused"
            return True
        if token.pos_ not in ("VERB", "AUX", "ADJ") and token.head.i in main:  # "did not meet"
            return True
        if token.dep_ == "det" and token.head.head.i in main:  # "there was no progress"
            return True
    return any(
        _phrase_at(tokens, k, phrase) and (t.i in main or t.head.i in main)
        for k, t in enumerate(tokens)
        for phrase in negation_phrases()
    )


def _phrase_at(tokens: list[Token], k: int, phrase: tuple[str, ...]) -> bool:
    """Whether a multiword negation cue ("stop short of", "without VERB") starts at ``k``."""
    if k + len(phrase) > len(tokens):
        return False
    return all(
        t.pos_ == word if word.isupper() else t.lemma_.lower() == word
        for t, word in zip(tokens[k : k + len(phrase)], phrase, strict=True)
    )


def _fill_predicate(claim: Claim, doc: Doc | Span) -> None:
    classes = predicate_classes()
    negation = negation_cues()
    claim.cores = _cores(doc)
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ in _CONTENT_POS and not token.is_stop and len(lemma) > 1:
            claim.lemmas.add(lemma)
        if (
            lemma in classes
            and classes[lemma] != "STATEMENT"
            and token.pos_ in ("VERB", "NOUN", "ADJ")
        ):
            claim.classes.add(classes[lemma])
    main = _main_predicates(doc)
    claim.main_class = next(
        (
            classes[t.lemma_.lower()]
            for t in doc
            if t.i in main
            and t.pos_ in ("VERB", "NOUN", "ADJ")
            and classes.get(t.lemma_.lower(), "STATEMENT") != "STATEMENT"
        ),
        None,
    )
    claim.negated = _negated(doc, negation, main)
    claim.predicates = _predicate_keys(doc, main)
    claim.verbless = _verbless(doc, main)
    claim.tense = _tense(doc, main)


def _cores(doc: Doc | Span) -> list[str]:
    """The reported contents of a reporting clause: complements of its speech verbs."""
    classes = predicate_classes()
    out: list[str] = []
    tokens = list(doc)
    low, high = (tokens[0].i, tokens[-1].i) if tokens else (0, -1)

    def inside(t: Token) -> bool:  # a reported clause can run past a clause cut
        return low <= t.i <= high

    for token in doc:
        if classes.get(token.lemma_.lower()) != "STATEMENT" or token.pos_ != "VERB":
            continue
        for content in (c for c in token.children if c.dep_ in ("ccomp", "xcomp")):
            words = [
                t
                for t in content.subtree
                if inside(t) and not (t.dep_ == "mark" and t.i < content.i)
            ]
            text = "".join(
                t.whitespace_ if t.text in _QUOTE_MARKS else t.text_with_ws for t in words
            )
            text = " ".join(text.split())
            if len(words) >= 4:
                out.append(text)
    return out


def _word_before(text: str, position: int) -> str:
    """The word before ``position``, a part-of-period word skipped: "since" for "since late
    2007", so such a date stays a bound."""
    words = text[:position].split()
    while words and words[-1].lower() in _PERIOD_PARTS:
        words.pop()
    return words[-1].lower() if words else ""


def _event_dates(
    claim: Claim, analysis: Analysis, doc: Doc | Span
) -> tuple[list[DateRange], list[DateRange]]:
    """(dates of the claim's own event, dates of things it only names), "since"/"until" bounds
    left out of both. "The death toll from Monday's earthquake rose to 23 on Tuesday" claims
    something of Tuesday and names Monday's earthquake: a report that the search was called off
    on Thursday differs from it in day because the events do, not because the sources disagree.
    """
    if claim.anchored:
        events = anchored_events(claim.text)
        return ([events[0].date] if events else []), []
    found: list[tuple[int, int, DateRange]] = [
        (start, end, value)
        for start, end, value in find_dates(claim.text)
        if _word_before(claim.text, start) not in _DATE_PREPS
        and value.granularity != "decade"  # "a 1940s pompadour", "in the 1960s": background
    ]
    dated = analysis.article.published is not None
    for time in analysis.times:
        # Without a publication date or a year in the text, a resolved date is a guess.
        trusted = dated or bool(re.search(r"\b\d{4}\b", time.text))
        if trusted and _inside(time, claim.start, claim.end) and time.grain in ("day", "month"):
            resolved = parse_iso(time.value)
            if resolved and _word_before(analysis.article.text, time.start) not in _DATE_PREPS:
                found.append((time.start - claim.start, time.end - claim.start, resolved))
    lead = doc.text.find(claim.text) if len(doc) else -1
    offset = doc[0].idx + lead if lead >= 0 else None
    dates: list[DateRange] = []
    references: list[DateRange] = []
    for start, end, value in found:
        named = offset is not None and _names_a_reference(doc, offset + start, offset + end)
        bucket = references if named else dates
        if value not in dates and value not in references:
            bucket.append(value)
    if not dates:  # "Monday's earthquake killed 23": the named event is what it claims
        return references, []
    return dates, references


def _names_a_reference(doc: Doc | Span, start: int, end: int) -> bool:
    """Whether the date at character offsets [start, end) of the parse dates something the claim
    names rather than what it claims: it modifies a noun ("Monday's earthquake", "the 3 March
    attack", "survivors of the quake of 3 March") or sits in a clause that describes one ("the
    fire that destroyed a warehouse on Saturday"). Dates of the main predicate and of its
    complement clauses ("agreed that a ceasefire would begin on 1 May") are the claim's own."""
    tokens = [t for t in doc if start <= t.idx < end]
    if not tokens:
        return False
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if any(r.dep_ in _NAMING_DEPS and r.head.pos_ in _NOUNS for r in roots):
        return True
    main = _main_predicates(doc)
    node = roots[0] if roots else tokens[0]
    while node.head.i != node.i and node.i not in main:
        node = node.head
        if node.i in main:
            break
        if node.pos_ in _NOUNS or (node.pos_ in ("VERB", "AUX") and node.dep_ in _NOUN_CLAUSES):
            return True
    return False


def _add_context(claims: list[Claim], analysis: Analysis) -> None:
    """Claims that open with a pronoun, or name no actor, borrow the actors of the sentence
    before and of the earlier clauses of their own sentence ("X refused to concede | and called
    the count a theft": the second clause is still about X)."""
    by_sentence: dict[int, set[str]] = {}
    for claim in claims:
        if _PRONOUN_START.match(claim.text) or not claim.actors:
            claim.context_actors = set(by_sentence.get(claim.sentence - 1, set()))
            claim.context_actors |= by_sentence.get(claim.sentence, set())
        by_sentence.setdefault(claim.sentence, set()).update(claim.actors)
