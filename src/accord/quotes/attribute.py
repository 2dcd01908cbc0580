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
from accord.quotes.cues import Cue, Side, find_cues, speaker_for
from accord.quotes.marks import DOUBLE_CLOSE, SINGLE_CLOSE, QuoteSpan, find_quote_spans
from accord.quotes.speakers import Speaker, SpeakerFinder

DIRECT_AFTER = frozenset(".!?:;,—–") | DOUBLE_CLOSE | SINGLE_CLOSE | {'"', "'"}
LEAD_IN_ENDS = frozenset({":", ","})


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
    """"direct" when the quote stands as its own clause (paragraph start, after a sentence end, a
    colon or a comma), else "partial"; a single embedded word is a "scare" quote."""
    lo = text.rfind("\n", 0, span.open_at) + 1
    before = text[lo : span.open_at].rstrip()
    if not before or before[-1] in DIRECT_AFTER:
        return "direct"
    words = text[span.start : span.end].strip(".,;:!?").split()
    return "scare" if len(words) <= 1 else "partial"


def _ordered_cues(layout: QuoteLayout, n: int, kind: QuoteKind) -> list[tuple[Cue, list[Token], Side]]:
    """Candidate cues, most likely first. A direct quote is cued after it (", X said") unless the
    words before it end in a lead-in ("X said: “...", "he said, “..."); an embedded quote is cued
    by the verb governing it earlier in the sentence."""
    before, after = layout.before(n, through_quotes=kind != "direct"), layout.after(n)
    first_after = [(c, after, "after") for c in find_cues(after)[:1]]
    last_before = [(c, before, "before") for c in find_cues(before)[-1:]]
    lead_in = bool(before) and before[-1].text in LEAD_IN_ENDS
    if kind == "direct" and not lead_in:
        return [*first_after, *last_before]  # type: ignore[list-item]
    return [*last_before, *first_after]  # type: ignore[list-item]


def _previous_paragraph_lead_in(layout: QuoteLayout, n: int) -> list[tuple[Cue, list[Token], Side]]:
    """A quote opening its paragraph after a paragraph that ends "X continued:"."""
    span = layout.quotes[n]
    para = layout.paragraph(span.open_at)
    if layout.before(n) or layout.doc.text[layout.para_starts[para] : span.open_at].strip():
        return []
    prev = para - 1
    while prev >= 0 and not _paragraph_text(layout, prev).strip():
        prev -= 1
    tail = layout.paragraph_tail(prev)
    if not tail or tail[-1].text != ":":
        return []
    return [(c, tail, "before") for c in find_cues(tail)[-1:]]


def _paragraph_text(layout: QuoteLayout, para: int) -> str:
    starts = layout.para_starts
    end = starts[para + 1] - 1 if para + 1 < len(starts) else len(layout.doc.text)
    return layout.doc.text[starts[para] : end]


def _attribute(layout: QuoteLayout, finder: SpeakerFinder, n: int) -> Finding:
    span = layout.quotes[n]
    kind = quote_kind(layout.doc.text, span)
    candidates = _ordered_cues(layout, n, kind) + _previous_paragraph_lead_in(layout, n)
    first: Finding | None = None
    for cue, region, side in candidates:
        speaker = speaker_for(cue, region, side, finder)
        finding = Finding(span, kind, cue.text, speaker)
        if speaker is not None:
            return _promote(finding)
        first = first or finding
    return first or Finding(span, kind)


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
        if finding.cue is not None or finding.kind == "scare":
            continue
        para = layout.paragraph(finding.span.open_at)
        neighbours = [*reversed(out[:n]), *out[n + 1 :]]
        for other in neighbours:
            if layout.paragraph(other.span.open_at) == para and other.speaker and not other.inherited:
                out[n] = replace(finding, speaker=other.speaker, inherited=True)
                break
    return out


def find_quotes(doc: Doc) -> list[Finding]:
    """Every quote in ``doc`` with its kind, cue and speaker (speaker mentions are ``doc.ents``)."""
    layout = QuoteLayout.build(doc, find_quote_spans(doc.text))
    finder = SpeakerFinder(layout)
    findings = [_attribute(layout, finder, n) for n in range(len(layout.quotes))]
    return _continue_speakers(layout, findings)
