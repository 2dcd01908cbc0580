"""Article text as HTML with mentions and quotes marked, built from character offsets.

Spans may overlap (a mention inside a quote, two quotes sharing words), so the text is cut at
every span boundary and each piece is escaped and wrapped in the marks that cover it. No piece of
article text reaches the output unescaped; the only markup is the tags written here.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to highlight: ``kind`` becomes a CSS class, ``href`` makes it a link."""

    start: int
    end: int
    kind: str
    href: str | None = None
    title: str | None = None


def _boundaries(length: int, marks: Sequence[Mark]) -> list[int]:
    cuts = {0, length}
    for mark in marks:
        cuts.update((max(0, min(mark.start, length)), max(0, min(mark.end, length))))
    return sorted(cuts)


def _wrap(piece: str, covering: list[Mark]) -> Markup:
    """Escape ``piece`` and wrap it in one element per covering mark (links innermost)."""
    html = escape(piece)
    links = [m for m in covering if m.href]
    for mark in [m for m in covering if not m.href]:
        html = Markup('<span class="{}">{}</span>').format(mark.kind, html)
    if links:  # a link inside a link is invalid HTML: the narrowest span's link wins
        mark = min(links, key=lambda m: m.end - m.start)
        kinds = " ".join(sorted({m.kind for m in links}))
        html = Markup('<a class="{}" href="{}" title="{}">{}</a>').format(
            kinds, mark.href, mark.title or "", html
        )
    return html


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """Return ``text`` as safe HTML with every mark applied; empty marks are ignored."""
    live = [m for m in marks if m.end > m.start]
    cuts = _boundaries(len(text), live)
    pieces = []
    for start, end in itertools.pairwise(cuts):
        covering = [m for m in live if m.start <= start and end <= m.end]
        pieces.append(_wrap(text[start:end], covering))
    return Markup("").join(pieces)


def in_context(text: str, start: int, end: int, window: tuple[int, int]) -> Markup:
    """The text of ``window`` (usually the sentence) with ``start:end`` marked."""
    lo, hi = window
    return Markup("{}<mark>{}</mark>{}").format(
        text[lo:start].lstrip(), text[start:end], text[end:hi].rstrip()
    )
