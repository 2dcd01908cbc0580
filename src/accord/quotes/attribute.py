"""Quotes found in a parsed document, each with its kind, cue and speaker.

Order of evidence for one quote: a cue in its own sentence (before or after the quote, see
:func:`_ordered_cues`), then a "X said:" lead-in ending the previous paragraph, then the speaker of
a neighbouring quote in the same paragraph (a continuation quote has no cue of its own).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from accord.model import QuoteKind
from accord.quotes.context import QuoteLayout
from accord.quotes.cues import Cue, Side, dash_byline, find_cues, speaker_for
from accord.quotes.marks import DOUBLE_CLOSE, SINGLE_CLOSE, QuoteSpan, find_quote_spans
from accord.quotes.speakers import SUBJECT_DEPS, Speaker, SpeakerFinder

DIRECT_AFTER = frozenset(".!?:;,—–") | DOUBLE_CLOSE | SINGLE_CLOSE | {'"', "'"}
LEAD_IN_ENDS = frozenset({":", ","})
_WORK_PREPOSITIONS = frozenset({"on", "in", "at", "from", "about"})
MAX_GOVERNING_STEPS = 8  # heads climbed from an embedded quote to the verbs that govern it
Candidate = tuple[Cue, list[Token], Side]  # a cue, the context it was found in, and which side


@dataclass(frozen=True, slots=True)
class Finding:
    """One quote: its marks and words, kind, cue (a lemma or phrase) and speaker.
    ``inherited`` is set when the speaker came from a neighbouring quote, not a cue of its own."""

    span: QuoteSpan
    kind: QuoteKind
    cue: str | None = None
    speaker: Speaker | None = None
    inherited: bool = False


def quote_kind(text: str, span: QuoteSpan) -> QuoteKind:
    """ "direct" when the quote stands as its own clause (paragraph start, after a sentence end, a
    colon or a comma), else "partial"; a single embedded word is a "scare" quote."""
    lo = text.rfind("\n", 0, span.open_at) + 1
    before = text[lo : span.open_at].rstrip()
    if not before or before[-1] in DIRECT_AFTER:
        return "direct"
    words = text[span.start : span.end].strip(".,;:!?").split()
    return "scare" if len(words) <= 1 else "partial"


def _ordered_cues(layout: QuoteLayout, n: int, kind: QuoteKind) -> list[Candidate]:
    """Candidate cues, most likely first. A direct quote is cued after it (", X said") unless the
    words before it end in a lead-in ("X said: “...", "he said, “..."); an embedded quote is cued
    by the verb governing it earlier in the sentence."""
    before, after = layout.before(n, through_quotes=kind != "direct"), layout.after(n)
    before_cues = find_cues(before)
    first_after: list[Candidate] = [(c, after, "after") for c in find_cues(after)[:1]]
    last_before: list[Candidate] = [(c, before, "before") for c in reversed(before_cues)]
    lead_in = bool(before) and before[-1].text in LEAD_IN_ENDS
    if kind == "direct" and not lead_in:
        return [*first_after, *last_before]
    if kind == "direct":
        return [*last_before, *first_after]
    governing: list[Candidate] = [
        (c, before, "before") for c in _governing_cues(layout, n, before_cues)
    ]
    rest = [c for c in last_before if c[0] not in {g[0] for g in governing}]
    return [*governing, *rest, *first_after]


def _governing_cues(layout: QuoteLayout, n: int, before_cues: list[Cue]) -> list[Cue]:
    """The cues before an embedded quote that govern it in the parse, nearest first: "She says
    Trump's tweets accusing X are “lies”" is cued by "says" (the verb whose clause holds the
    quote), not by the nearer "accusing"."""
    doc = layout.doc
    span = layout.quotes[n]
    first = layout.first_token(span.open_at)
    last = layout.first_token(span.outer_end)
    inside = [t for t in doc[first:last] if layout.quote_of[t.i] == n and not t.is_punct]
    attached = next((t.head for t in inside if layout.quote_of[t.head.i] != n), None)
    if attached is None:
        return []
    cues = {c.token.i: c for c in before_cues}
    out: list[Cue] = []
    node = attached
    for _ in range(MAX_GOVERNING_STEPS):
        if node.i in cues:
            out.append(cues[node.i])
        if node.head.i == node.i:
            break
        node = node.head
    return out


def _previous_paragraph_lead_in(layout: QuoteLayout, n: int) -> list[Candidate]:
    """A quote opening its paragraph after a paragraph that ends "X continued:"."""
    span = layout.quotes[n]
    para = layout.paragraph(span.open_at)
    if layout.before(n) or layout.text[layout.para_starts[para] : span.open_at].strip():
        return []
    tail = layout.paragraph_tail(_previous_paragraph(layout, para))
    if not tail or tail[-1].text != ":":
        return []
    return [(c, tail, "before") for c in find_cues(tail)[-1:]]


def _paragraph_text(layout: QuoteLayout, para: int) -> str:
    starts = layout.para_starts
    end = starts[para + 1] - 1 if para + 1 < len(starts) else len(layout.text)
    return layout.text[starts[para] : end]


def _names_a_work(doc: Doc, span: QuoteSpan) -> bool:
    """Whether embedded quoted words are the title of a show, film, book or event rather than
    words someone spoke: written in capitals (every word but the small ones titles leave in
    lower case: articles, prepositions, "and", "to"), and named where a work is named: after
    "on", "in", "at", "from" or "about" ('said on Fox News's "Fox and Friends"', 'talking
    about "Collapse: How Societies Choose to Fail or Succeed"'), or beside a noun ('the film
    "American Pie"'). A slogan or nickname a verb reports keeps its speaker ('called him
    "Lyin' Ted"', 'proclaimed a goal of "Peace Through Strength"')."""
    quoted = doc.char_span(span.start, span.end, alignment_mode="expand")
    if quoted is None:
        return False
    words = [t for t in quoted if t.is_alpha]
    capitalised = [t for t in words if t.text[0].isupper()]
    small = {"ADP", "CCONJ", "DET", "PART"}
    if len(capitalised) < 2 or not all(t.text[0].isupper() or t.pos_ in small for t in words):
        return False
    # the quote's head: its first word attached outside it (its punctuation may hang elsewhere)
    inside = range(quoted.start, quoted.end)
    head = next((t for t in words if t.head.i not in inside or t.head.i == t.i), quoted.root)
    if head.dep_ == "pobj":
        return head.head.lower_ in _WORK_PREPOSITIONS
    noun = head.head
    # "called the pageant winner “Miss Piggy”", parsed as an apposition of the verb's object,
    # is a naming the verb reports: it keeps its speaker
    return (
        head.dep_ in ("appos", "compound", "nmod")
        and noun.pos_ in ("NOUN", "PROPN")
        and not (head.dep_ == "appos" and noun.dep_ == "dobj")
    )


def _attribute(layout: QuoteLayout, finder: SpeakerFinder, n: int) -> Finding:
    span = layout.quotes[n]
    kind = quote_kind(layout.text, span)
    if kind == "partial" and _names_a_work(layout.doc, span):
        return Finding(span, "scare")  # a name, not speech: no speaker, no continuation
    candidates = _ordered_cues(layout, n, kind) + _previous_paragraph_lead_in(layout, n)
    first: Finding | None = None
    for cue, region, side in candidates:
        speaker = speaker_for(cue, region, side, finder)
        finding = Finding(span, kind, cue.text, speaker)
        if speaker is not None and not _thing(speaker):
            return _promote(finding)
        first = first or finding
    if first is not None and kind == "scare":
        return Finding(span, kind)  # a scare quote near an unattributed verb: no cue either
    if first is None:
        byline = dash_byline(
            layout.after(n), layout.text[span.outer_end : span.outer_end + 4], finder
        )
        if byline is not None:
            return Finding(span, kind, None, byline)
    return first or Finding(span, kind)


def _thing(speaker: Speaker) -> bool:
    """An "it" that stands for no named actor: "She says it underscores that X is “unfit”" is
    cued by "says" too, whose speaker is a better answer."""
    return speaker.pronoun and speaker.mention is None and speaker.text.lower() == "it"


def _promote(finding: Finding) -> Finding:
    """A one-word quote that a speech verb attributes is the speaker's word, not a scare quote."""
    if finding.kind == "scare" and finding.speaker is not None:
        return replace(finding, kind="partial")
    return finding


def _continue_speakers(layout: QuoteLayout, findings: list[Finding]) -> list[Finding]:
    """Give a cue-less quote the speaker of the quote before it in its paragraph (else the one
    after it): '“A,” X said. “B.”' attributes B to X."""
    out = list(findings)
    for n, finding in enumerate(out):
        if finding.cue is not None or finding.speaker is not None or finding.kind == "scare":
            continue
        para = layout.paragraph(finding.span.open_at)
        neighbours = [*reversed(out[:n]), *out[n + 1 :]]
        for other in neighbours:
            if (
                layout.paragraph(other.span.open_at) == para
                and other.speaker
                and not other.inherited
            ):
                out[n] = replace(finding, speaker=other.speaker, inherited=True)
                break
    return out


def _subject_speaker(region: list[Token], finder: SpeakerFinder) -> Speaker | None:
    """The named person a clause is about ("Obama has a message: “...”"), for a quote that a
    sentence without a speech verb introduces."""
    for token in region:
        if token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT" and token.head in region:
            found = finder.of_token(token)
            if found is not None and found.mention is not None and found.mention.label_ == "PERSON":
                return found
    return None


def _sentence_speaker(region: list[Token], finder: SpeakerFinder) -> Speaker | None:
    """The speaker a neighbouring sentence names: its last speech cue's, else its subject."""
    cues = find_cues(region)
    if cues:
        found = speaker_for(cues[-1], region, "before", finder)
        if found is not None:
            return found
    return _subject_speaker(region, finder)


def _previous_paragraph(layout: QuoteLayout, para: int) -> int:
    prev = para - 1
    while prev >= 0 and not _paragraph_text(layout, prev).strip():
        prev -= 1
    return prev


def _carried_speaker(
    layout: QuoteLayout, finder: SpeakerFinder, findings: list[Finding], n: int
) -> Speaker | None:
    """For a direct quote with no cue at all: the speaker of the sentence before it, or, for a
    double-quoted paragraph of its own, the speaker the previous paragraph ends with."""
    span = layout.quotes[n]
    before = layout.before(n)
    if before and before[-1].text == ":":
        found = _subject_speaker(before, finder)
        if found is not None:
            return found
    first = layout.first_token(span.open_at)
    para = layout.paragraph(span.open_at)
    if layout.text[layout.para_starts[para] : span.open_at].strip() or not span.double:
        return _sentence_speaker(layout.sentence_before(first), finder) if first else None
    prev = _previous_paragraph(layout, para)
    if prev < 0:
        return None
    ending = [f for f in findings if layout.paragraph(f.span.open_at) == prev]
    if ending and ending[-1].speaker is not None and _ends_paragraph(layout, ending[-1].span, prev):
        return ending[-1].speaker
    return _sentence_speaker(layout.paragraph_tail(prev), finder)


def _ends_paragraph(layout: QuoteLayout, span: QuoteSpan, para: int) -> bool:
    """Whether only the quote's own cue ("..., he said.") follows it in its paragraph."""
    tail = _paragraph_text(layout, para)[span.outer_end - layout.para_starts[para] :]
    return sum(tail.count(c) for c in ".!?") <= 1


def _carry_over(
    layout: QuoteLayout, finder: SpeakerFinder, findings: list[Finding]
) -> list[Finding]:
    out = list(findings)
    for n, finding in enumerate(out):
        if finding.kind == "direct" and finding.cue is None and finding.speaker is None:
            speaker = _carried_speaker(layout, finder, out, n)
            if speaker is not None:
                out[n] = replace(finding, speaker=speaker, inherited=True)
    return out


def find_quotes(doc: Doc) -> list[Finding]:
    """Every quote in ``doc`` with its kind, cue and speaker (speaker mentions are ``doc.ents``)."""
    text = doc.text
    layout = QuoteLayout.build(doc, find_quote_spans(text))
    finder = SpeakerFinder(layout)
    findings = [_attribute(layout, finder, n) for n in range(len(layout.quotes))]
    return _carry_over(layout, finder, _continue_speakers(layout, findings))
