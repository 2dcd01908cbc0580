"""A small regex sentence splitter and the detection of sentences repeated verbatim.

Ingest must stay light (no spaCy at read time), and it only needs sentence boundaries to find
verbatim repeats and to cut author bios, so a regex splitter is enough here; analysis re-splits
the text with spaCy later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from accord.ingest.data import data_lines

# End punctuation, closing quotes/brackets, then whitespace and an upper-case or digit start.
_END = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[*“\"‘'(\[]*[A-Z0-9])")
# A period glued to the next sentence without a space ("world news.A tiny ..."): only after a
# lower-case word, so initials ("U.S.A") and decimals stay whole.
_GLUED = re.compile(r"(?<=[a-z]{2})[.!?]+[”\"’]*(?=[A-Z][a-z]*\b)")
_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)$")
_LONGEST_ABBREVIATION = 12  # characters looked at before a period

MIN_REPEAT_WORDS = 6
"""A sentence must have at least this many words to count as a verbatim repeat."""


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(data_lines("sentence_abbreviations.txt"))


def _is_abbreviation(line: str, end: int) -> bool:
    """Whether the period at ``end`` closes an abbreviation or an initial ("Mr.", "J.", "p.m.").

    Not splitting there is the safe error: a merged sentence is never a false verbatim repeat.
    """
    match = _WORD_BEFORE.search(line, max(0, end - _LONGEST_ABBREVIATION), end)
    if match is None:
        return False
    word = match.group(1)
    return word in _abbreviations() or (len(word) == 1 and word.isalpha())  # "J.", "p.m."


def _line_ends(line: str, glued: bool) -> list[int]:
    """Offsets (within ``line``) just after each sentence-ending punctuation run."""
    ends = {m.end() for m in _END.finditer(line) if not _is_abbreviation(line, m.start())}
    if glued:
        ends.update(m.end() for m in _GLUED.finditer(line))
    return sorted(ends)


def split_sentences(text: str, *, glued: bool = False) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence; a line break always ends a sentence.

    Spans are stripped of surrounding whitespace, so only whitespace lies between them. With
    ``glued`` a sentence end followed directly by a capital ("news.A tiny") splits too.
    """
    offset = 0
    for line in text.splitlines(keepends=True):
        start = 0
        for end in [*_line_ends(line, glued), len(line)]:
            yield from _stripped(line, start, end, offset)
            start = end
        offset += len(line)


def _stripped(line: str, start: int, end: int, offset: int) -> Iterator[tuple[int, int]]:
    piece = line[start:end]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        yield offset + start + lead, offset + end - trail


def repeated_sentences(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Ranges of later verbatim copies of a sentence, and the repeated sentences themselves.

    The first occurrence is analysed; each later copy's range goes to ``Article.skip_ranges``.
    Whitespace differences do not matter; sentences under ``MIN_REPEAT_WORDS`` words are ignored.
    """
    seen: set[str] = set()
    ranges: list[tuple[int, int]] = []
    repeated: list[str] = []
    for start, end in split_sentences(text):
        key = " ".join(text[start:end].split())
        if len(key.split()) < MIN_REPEAT_WORDS:
            continue
        if key in seen:
            ranges.append((start, end))
            if key not in repeated:
                repeated.append(key)
        seen.add(key)
    return ranges, repeated
