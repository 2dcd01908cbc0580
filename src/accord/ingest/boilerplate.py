"""Boilerplate removal that keeps provenance: trailing source lines and author bios.

Only the edges of an article are touched (its last lines, and its first paragraph or the one
right after the headline); everything removed is returned so ingest can keep it in
``Article.provenance.removed``. Bio detection uses general cues from ``data/bio_cues.txt``
(first-person singular words plus career vocabulary), never fixed phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from accord.ingest.data import data_sections
from accord.ingest.sentences import split_sentences

# "Source: X", "Source :X", "Sources - X", "Source – X" as the whole last line.
_SOURCE_LINE = re.compile(
    r"^[ \t]*sources?[ \t]*[:\-–—|][ \t]*(?P<name>[^\n]{1,80}?)[ \t.]*$", re.IGNORECASE
)
_QUOTE_MARKS = re.compile(r"[“”„\"«»]")
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_MAX_SOURCE_WORDS = 6
_MAX_HEADLINE_WORDS = 20
_MIN_RUN_CUES = 2


@dataclass(slots=True)
class Cleaned:
    """An article body after boilerplate removal, with what was removed and why."""

    text: str
    attributed_to: str | None = None
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Cues:
    first_person: frozenset[str]
    career: re.Pattern[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    sections = data_sections("bio_cues.txt")
    phrases = sorted(sections["career"], key=len, reverse=True)
    career = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)
    return _Cues(frozenset(sections["first_person"]), career)


def _first_person(sentence: str) -> bool:
    """Whether the sentence has a first-person singular word ("I" only when capitalised)."""
    words = _cues().first_person - {"i"}
    return any(tok == "I" or tok.lower() in words for tok in _TOKEN.findall(sentence))


def bio_cue_count(sentence: str) -> int:
    """Career cues in a first-person sentence outside quotation marks; 0 when not a bio sentence."""
    if _QUOTE_MARKS.search(sentence) or not _first_person(sentence):
        return 0
    return len(_cues().career.findall(sentence))


def clean(text: str) -> Cleaned:
    """Cut author bios at both edges and a trailing "Source: X" line; keep what was cut."""
    out = Cleaned(text.strip())
    out.text = _cut_head_bio(out.text, out.removed)
    changed = True
    while changed:
        changed = _cut_tail_bio(out) or _cut_source_line(out)
    return out


def _bio_run(text: str, spans: list[tuple[int, int]]) -> int:
    """Length of the leading run of bio sentences in ``spans`` (0 when weakly cued)."""
    count = cues = 0
    for start, end in spans:
        found = bio_cue_count(text[start:end])
        if not found:
            break
        count += 1
        cues += found
    return count if cues >= _MIN_RUN_CUES else 0


def _cut_head_bio(text: str, removed: list[str]) -> str:
    """Cut a bio at the very start, or right after a one-line headline."""
    spans = list(split_sentences(text, glued=True))
    first = 0
    run = _bio_run(text, spans)
    if not run and _is_headline(text, spans):
        first = 1
        run = _bio_run(text, spans[1:])
    if not run or first + run >= len(spans):
        return text
    cut_from, cut_to = spans[first][0], spans[first + run - 1][1]
    removed.append(text[cut_from:cut_to])
    rest = text[spans[first + run][0] :]
    return text[:cut_from] + rest if first == 0 else text[:cut_from].rstrip() + "\n" + rest


def _is_headline(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the first sentence is a whole short line of its own (a headline)."""
    if len(spans) < 2:
        return False
    start, end = spans[0]
    line_end = text.find("\n", start)
    return (
        line_end != -1
        and text[end:line_end].strip() == ""
        and len(text[start:end].split()) <= _MAX_HEADLINE_WORDS
    )


def _cut_tail_bio(out: Cleaned) -> bool:
    spans = list(split_sentences(out.text, glued=True))
    run = _bio_run(out.text, spans[::-1])
    if not run or run >= len(spans):
        return False
    cut_from = spans[-run][0]
    out.removed.append(out.text[cut_from:].strip())
    out.text = out.text[:cut_from].rstrip()
    return True


def _cut_source_line(out: Cleaned) -> bool:
    head, _, last = out.text.rpartition("\n")
    match = _SOURCE_LINE.match(last)
    if not head.strip() or match is None:
        return False
    name = match.group("name").strip()
    if not name or len(name.split()) > _MAX_SOURCE_WORDS:
        return False
    out.removed.append(last.strip())
    out.attributed_to = out.attributed_to or name
    out.text = head.rstrip()
    return True
