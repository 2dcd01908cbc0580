"""Quotation marks to quoted spans, on the raw text (no spaCy needed).

Written by hand because no maintained library pairs quotation marks the way news text needs:
straight and curly marks mixed, apostrophes that look like closing single quotes ("don’t",
"leaders’"), single quotes nested in double ones, and quotes the source never closed (they end at
the end of their paragraph). Only outermost quotes are returned; a nested quote is part of its
outer quote's text.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = frozenset("“„«‟")
DOUBLE_CLOSE = frozenset("”»")
SINGLE_OPEN = frozenset("‘‚‹")
SINGLE_CLOSE = frozenset("’›")
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
OPENING_CONTEXT = frozenset("([{—–-/")
DOUBLE_MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | {STRAIGHT_DOUBLE}
SINGLE_CLOSERS = SINGLE_CLOSE | {STRAIGHT_SINGLE}
ALL_MARKS = DOUBLE_MARKS | SINGLE_OPEN | SINGLE_CLOSERS


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation: ``open_at``/``close_at`` are the marks' offsets (``close_at`` is the paragraph
    end when the source left the quote open); ``start``/``end`` bound the quoted words."""

    open_at: int
    close_at: int
    start: int
    end: int
    closed: bool
    double: bool

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (or the paragraph end)."""
        return self.close_at + 1 if self.closed else self.close_at


@dataclass(slots=True)
class _Open:
    at: int
    char: str
    double: bool


def _before(text: str, i: int, lo: int) -> str:
    return text[i - 1] if i > lo else " "


def _after(text: str, i: int, hi: int) -> str:
    return text[i + 1] if i + 1 < hi else " "


def _starts_word(prev: str, nxt: str) -> bool:
    """A mark that opens: at the start, after a space or an opening bracket, before a non-space."""
    opening = prev.isspace() or prev in OPENING_CONTEXT or prev in DOUBLE_OPEN or prev == '"'
    return opening and not nxt.isspace()


def _ends_word(prev: str, nxt: str) -> bool:
    """A mark that closes: after a non-space and not inside a word."""
    return not prev.isspace() and not nxt.isalnum()


def _role(char: str, prev: str, nxt: str, stack: list[_Open]) -> str | None:
    """'open', 'close' or None (an apostrophe or a stray mark) for one mark in its context."""
    top = stack[-1] if stack else None
    if char in DOUBLE_OPEN:
        if top is not None and top.char == "„" and char == "“":
            return "close"  # German-style „low-high“ pairs
        if top is not None and top.char == char and _ends_word(prev, nxt) and not prev.isspace():
            return "close"  # the same curly mark used on both sides
        return "open"
    if char in DOUBLE_CLOSE:
        if any(o.double for o in stack):
            return "close"
        return "open" if _starts_word(prev, nxt) else None
    if char == STRAIGHT_DOUBLE:
        if not any(o.double for o in stack):
            return "open"
        if top is not None and top.char != char and _starts_word(prev, nxt):
            return "open"
        return "close"
    return _single_role(char, prev, nxt, top)


def _single_role(char: str, prev: str, nxt: str, top: _Open | None) -> str | None:
    if prev.isalnum() and nxt.isalnum():
        return None  # an apostrophe inside a word: don’t, Russia’s
    in_single = top is not None and not top.double
    if in_single and _ends_word(prev, nxt) and char in SINGLE_CLOSERS:
        return "close"
    if (char in SINGLE_OPEN or char == STRAIGHT_SINGLE) and _starts_word(prev, nxt):
        return "open"
    return None


def _span(text: str, opening: _Open, close_at: int, closed: bool) -> QuoteSpan | None:
    start, end = opening.at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return QuoteSpan(opening.at, close_at, start, end, closed, opening.double)


def _close(stack: list[_Open], char: str) -> _Open | None:
    """Pop up to the opener this closing mark matches; unclosed inner single quotes are dropped."""
    double = char in DOUBLE_MARKS
    while stack:
        opening = stack.pop()
        if opening.double == double:
            return opening
    return None


def _scan_paragraph(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    stack: list[_Open] = []
    for i in range(lo, hi):
        char = text[i]
        if char not in ALL_MARKS:
            continue
        role = _role(char, _before(text, i, lo), _after(text, i, hi), stack)
        if role == "open":
            if stack and stack[-1].double and stack[-1].char == char and char in DOUBLE_OPEN:
                # A second “ inside a “: the source forgot to close the first one.
                _emit(found, _span(text, stack.pop(), i, closed=False), stack)
            stack.append(_Open(i, char, char in DOUBLE_MARKS))
        elif role == "close" and stack:
            opening = _close(stack, char)
            if opening is not None:
                _emit(found, _span(text, opening, i, closed=True), stack)
    outer = next((o for o in stack if o.double), None)
    if outer is not None:  # left open by the source: the quote ends with its paragraph
        _emit(found, _span(text, outer, hi, closed=False), [])
    return found


def _emit(found: list[QuoteSpan], span: QuoteSpan | None, stack: list[_Open]) -> None:
    if span is not None and not stack:
        found.append(span)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text``: accord treats every line as a paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every outermost quotation in ``text``, in order."""
    # Two straight apostrophes stand for a double quote in some newswire (''like this''); the
    # second becomes a space so that offsets stay those of ``text``.
    marked = text.replace("''", '" ')
    return [q for lo, hi in paragraphs(marked) for q in _scan_paragraph(marked, lo, hi)]
