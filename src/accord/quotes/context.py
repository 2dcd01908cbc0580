"""Where a quote's attribution can be: the words around it in its own sentence and paragraph.

spaCy's sentence splitter often cuts inside a quotation, so the regions are found here from the
quotation marks and sentence-final punctuation *outside* quotes instead.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from accord.quotes.marks import QuoteSpan, paragraphs

SENTENCE_END = frozenset({".", "!", "?"})


@dataclass(slots=True)
class QuoteLayout:
    """Which paragraph each character is in and which quote (if any) covers each token."""

    doc: Doc
    quotes: list[QuoteSpan]
    para_starts: list[int]
    quote_of: list[int]  # per token: index into ``quotes`` or -1
    token_starts: list[int]
    text: str  # ``doc.text``, joined once: spaCy rebuilds it from the tokens on every access

    @classmethod
    def build(cls, doc: Doc, quotes: list[QuoteSpan]) -> QuoteLayout:
        text = doc.text
        starts = [lo for lo, _ in paragraphs(text)]
        quote_of = [-1] * len(doc)
        for n, quote in enumerate(quotes):
            span = doc.char_span(quote.open_at, quote.outer_end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    quote_of[i] = n
        return cls(doc, quotes, starts, quote_of, [t.idx for t in doc], text)

    def paragraph(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def inside_quote(self, token: Token) -> bool:
        return self.quote_of[token.i] >= 0

    def first_token(self, char: int) -> int:
        """Index of the first token that starts at or after ``char``."""
        return bisect_left(self.token_starts, char)

    def before(self, n: int, through_quotes: bool = False) -> list[Token]:
        """Tokens of quote ``n``'s sentence before its opening mark, back to a sentence end or
        the previous quote (skipped over when ``through_quotes``), within the paragraph."""
        quote = self.quotes[n]
        para = self.paragraph(quote.open_at)
        out: list[Token] = []
        i = self.first_token(quote.open_at) - 1
        while i >= 0:
            token = self.doc[i]
            if self.paragraph(token.idx) != para:
                break
            if self.quote_of[i] >= 0:
                if not through_quotes:
                    break
            elif token.text in SENTENCE_END:
                break
            elif not token.is_space:
                out.append(token)
            i -= 1
        return out[::-1]

    def after(self, n: int) -> list[Token]:
        """Tokens after quote ``n``'s closing mark up to a sentence end, the next quote or the
        paragraph end."""
        quote = self.quotes[n]
        if not quote.closed:
            return []
        para = self.paragraph(quote.open_at)
        out: list[Token] = []
        for i in range(self.first_token(quote.outer_end), len(self.doc)):
            token = self.doc[i]
            if self.quote_of[i] >= 0 or self.paragraph(token.idx) != para:
                break
            if token.text in SENTENCE_END:
                break
            if not token.is_space:
                out.append(token)
        return out

    def paragraph_tail(self, para: int) -> list[Token]:
        """The last sentence of paragraph ``para`` (outside quotes), for "X said:" lead-ins."""
        if para < 0:
            return []
        end = self.para_starts[para + 1] - 1 if para + 1 < len(self.para_starts) else len(self.text)
        out: list[Token] = []
        i = self.first_token(end) - 1
        while i >= 0 and self.paragraph(self.doc[i].idx) == para:
            token = self.doc[i]
            if self.quote_of[i] >= 0 or token.text in SENTENCE_END:
                break
            if not token.is_space:
                out.append(token)
            i -= 1
        return out[::-1]

    def sentence_before(self, i: int) -> list[Token]:
        """Tokens (outside quotes) of the sentence that ends before token ``i``, in its paragraph."""
        para = self.paragraph(self.doc[i].idx) if i < len(self.doc) else len(self.para_starts) - 1
        j = i - 1
        while j >= 0 and (
            self.doc[j].is_space or self.doc[j].text in SENTENCE_END or self.quote_of[j] >= 0
        ):
            j -= 1
        out: list[Token] = []
        while j >= 0 and self.paragraph(self.doc[j].idx) == para:
            token = self.doc[j]
            if self.quote_of[j] < 0:
                if token.text in SENTENCE_END:
                    break
                if not token.is_space:
                    out.append(token)
            j -= 1
        return out[::-1]
