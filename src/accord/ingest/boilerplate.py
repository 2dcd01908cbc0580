"""Boilerplate removal that keeps provenance: trailing source lines and author bios.

Only the edges of an article are touched (its last lines, and its first paragraph or the one
right after the headline); everything removed is returned so ingest can keep it in
``Article.provenance.removed``. Bio detection uses general cues from ``data/bio_cues.txt``
(first-person singular words plus career vocabulary), never fixed phrases. A third-person bio
("Maria Kell is Coastline News' correspondent in Port Selva. She has covered the islands since
2019.") is cut only at the end of an article, and only when it opens with a name and a newsroom
job; a third-person sentence about a journalist anywhere else stays.
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
# "<Name> is|was|has been|writes|reports|covers ...": a third-person bio's opening sentence. One
# to four capitalised words, the first no article or pronoun ("The journalist ..." is news).
_NAMED_SUBJECT = re.compile(
    r"^(?!(?:The|A|An|This|That|These|Those|It|He|She|They|We|I)\b)"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*\s+"
    r"(?:is|was|has been|had been|writes|wrote|reports|reported|covers|covered)\b"
)
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She|They)\b")
# Staff credit lines that close a report, written in a few fixed newsroom forms: credits by job
# ("(Reporting by A; additional reporting by B; Editing by C)", "--additional reporting from
# A."), contributors ("A and B contributed reporting.", "Associated Press writer A contributed to
# this report.") and where each reporter was ("A reported from Kabul, and B from Doha.").
_PERSON_NAME = r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*"  # two to four capitalised words
_CREDIT_BY_JOB = re.compile(  # the job, then names and places only: "Reporting by A in Kabul"
    r"(?i:(?:additional\s+)?(?:reporting|writing|editing|research|compiled))\s+(?i:by|from)\s+"
    r"[A-Z][\w'’.-]*(?:,?\s+(?:[A-Z][\w'’.-]*|and|in|at|&))*"
)
_CONTRIBUTORS = re.compile(
    r"[A-Z].*?\bcontribut(?:ed|es)\s+(?:(?:additional\s+)?(?:reporting|research)"
    r"(?:\s+(?:from|in)\s+[^.;]+)?|to\s+(?:this|the)\s+(?:report|story|article))\.?"
)
_REPORTED_FROM = re.compile(
    rf"{_PERSON_NAME}(?:(?:,\s*|,?\s+and\s+){_PERSON_NAME})*\s+reported\s+from\s+"
    r"(?!.*\b(?:that|said|says)\b)[^;]+"  # "... reported from Gaza that ..." is news
)
_CREDIT_EDGES = "()[]-–—. \t"
_MAX_CREDIT_WORDS = 60


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
    role: re.Pattern[str]


def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    sections = data_sections("bio_cues.txt")
    return _Cues(
        frozenset(sections["first_person"]),
        _alternation(sections["career"]),
        _alternation(sections["newsroom_role"]),
    )


def _first_person(sentence: str) -> bool:
    """Whether the sentence has a first-person singular word.

    "I" counts only as a capital letter and not right after a capitalised word inside the
    sentence, where it is a Roman numeral ("World War I", "Phase I").
    """
    words = _cues().first_person - {"i"}
    tokens = _TOKEN.findall(sentence)
    for index, token in enumerate(tokens):
        if token == "I" and not (index > 1 and tokens[index - 1][0].isupper()):
            return True
        if token.lower() in words:
            return True
    return False


@dataclass(frozen=True, slots=True)
class BioSignal:
    """How much a sentence reads like an author's self-description."""

    cues: int  # career cues found; 0 when the sentence is no bio sentence at all
    first_person: bool

    @property
    def is_bio(self) -> bool:
        """First person with a career cue, or (continuing a bio) at least two career cues."""
        return self.cues >= (1 if self.first_person else _MIN_RUN_CUES)


def bio_signal(sentence: str) -> BioSignal:
    """Career cues and first-person use of a sentence; quoted speech is never a bio."""
    if _QUOTE_MARKS.search(sentence):
        return BioSignal(0, False)
    return BioSignal(len(_cues().career.findall(sentence)), _first_person(sentence))


def clean(text: str) -> Cleaned:
    """Cut author bios at both edges, a trailing "Source: X" line and closing staff credits
    ("Reporting by X; Editing by Y", "X contributed reporting"); keep what was cut."""
    out = Cleaned(text.strip())
    out.text = _cut_head_bio(out.text, out.removed)
    changed = True
    while changed:
        changed = _cut_tail_bio(out) or _cut_source_line(out) or _cut_credit_line(out)
    return out


def _bio_run(text: str, spans: list[tuple[int, int]]) -> int:
    """Length of the leading run of bio sentences in ``spans``.

    A run counts only with a first-person sentence in it and enough cues overall, so a
    third-person sentence about a journalist is never cut on its own.
    """
    signals = []
    for start, end in spans:
        signal = bio_signal(text[start:end])
        if not signal.is_bio:
            break
        signals.append(signal)
    cues = sum(s.cues for s in signals)
    first_person = any(s.first_person for s in signals)
    return len(signals) if first_person and cues >= _MIN_RUN_CUES else 0


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


def _third_person_tail(text: str, spans: list[tuple[int, int]]) -> int:
    """Length of a third-person bio at the end of ``spans``: sentences with a career cue whose
    subject is a name or he/she/they, the first of them "<Name> is ... <newsroom job>", with at
    least two cues in all (quoted speech never counts)."""
    run: list[tuple[int, bool]] = []  # (cues, opens the bio) of each sentence, last first
    for start, end in reversed(spans):
        sentence = text[start:end].strip()
        cues = 0 if _QUOTE_MARKS.search(sentence) else len(_cues().career.findall(sentence))
        named = bool(_NAMED_SUBJECT.match(sentence))
        if not cues or not (named or _PRONOUN_SUBJECT.match(sentence)):
            break
        run.append((cues, named and bool(_cues().role.search(sentence))))
    while run and not run[-1][1]:
        run.pop()  # the bio opens with its author's name and job
    return len(run) if sum(cues for cues, _ in run) >= _MIN_RUN_CUES else 0


def _cut_tail_bio(out: Cleaned) -> bool:
    spans = list(split_sentences(out.text, glued=True))
    run = _bio_run(out.text, spans[::-1]) or _third_person_tail(out.text, spans)
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


def _credit_line(line: str) -> bool:
    """Whether ``line`` is nothing but staff credits (see ``_CREDIT_BY_JOB`` and the others)."""
    inner = line.strip(_CREDIT_EDGES)
    if _CONTRIBUTORS.fullmatch(inner + ".") or _REPORTED_FROM.fullmatch(inner):
        return True
    parts = [p.strip(_CREDIT_EDGES) for p in inner.split(";")]
    return all(_CREDIT_BY_JOB.fullmatch(p) for p in parts)


def _cut_credit_line(out: Cleaned) -> bool:
    """Cut a closing line that credits the newsroom staff who wrote or reported the story:
    it names journalists, not actors of the story (see :func:`_credit_line`). Only a whole last
    line, short and without quoted speech."""
    head, _, last = out.text.rpartition("\n")
    line = last.strip()
    if not head.strip() or _QUOTE_MARKS.search(line) or len(line.split()) > _MAX_CREDIT_WORDS:
        return False
    if not _credit_line(line):
        return False
    out.removed.append(line)
    out.text = head.rstrip()
    return True
