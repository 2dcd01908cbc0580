"""accord's one data model.

An :class:`Article` owns its text. Everything accord finds in it (mentions, time expressions,
quotes, events, fact evidence) is a span: an article id plus character offsets ``start``/``end``
into ``Article.text``, with ``text`` equal to that slice. Cross-article objects (entities, facts,
stories) refer to articles and spans by id, never by copying text they do not own.

Stages and what they read/add::

    ingest     -> Article                         (accord.ingest.read_paths)
    analyze    Article -> Analysis                (sentences, mentions, times, quotes, events)
    resolve    [Analysis] -> [Entity]             (sets Mention.entity, Quote.speaker, Event actors)
    stories    [Analysis] -> [Story]
    reconcile  Story + [Analysis] -> [Fact]
    store / report  Result -> database, JSON/CSV/Markdown/HTML
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # spaCy is heavy; the model only names its Doc type.
    from spacy.tokens import Doc

SCHEMA = "accord/1"

FactStatus = Literal["corroborated", "single_source", "conflicting"]
QuoteKind = Literal["direct", "partial", "scare"]


def content_hash(text: str) -> str:
    """Stable article id: the first 16 hex digits of SHA-256 over whitespace-normalised text."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def mention_id(article: str, start: int, end: int) -> str:
    """Mention ids derive from offsets, so any component that knows a span knows its id."""
    return f"{article}:{start}-{end}"


def mention_offsets(mention: str) -> tuple[str, int, int] | None:
    """(article, start, end) of a :func:`mention_id`, or ``None`` when it is not one."""
    article, _, offsets = mention.rpartition(":")
    start, _, end = offsets.partition("-")
    if not (start.isdigit() and end.isdigit()):
        return None
    return article, int(start), int(end)


@dataclass(slots=True)
class Provenance:
    """Where an article came from and what ingest removed or repaired on the way in."""

    source_format: str = "text"
    attributed_to: str | None = None  # a trailing "Source: X" line, else a dateline credit
    removed: list[str] = field(
        default_factory=list
    )  # boilerplate cut from the text (bios, source lines, staff credits)
    duplicate_sentences: list[str] = field(default_factory=list)  # repeated verbatim, analysed once
    warnings: list[str] = field(default_factory=list)  # e.g. "invalid UTF-8 replaced"
    extra: dict[str, Any] = field(default_factory=dict)  # unknown input fields, kept as given
    published_from: str | None = None  # where Article.published came from: "metadata" (the
    # input's own field), "dateline" (a date line opening the text), "default" (--published)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source_format": self.source_format}
        if self.attributed_to is not None:
            out["attributed_to"] = self.attributed_to
        if self.published_from is not None:
            out["published_from"] = self.published_from
        for key in ("removed", "duplicate_sentences", "warnings"):
            value = getattr(self, key)
            if value:
                out[key] = list(value)
        if self.extra:
            out["extra"] = dict(self.extra)
        return out


@dataclass(slots=True)
class Article:
    """One news article. ``text`` is the analysed text; every offset in accord points into it.

    ``text`` begins with the headline line when there is one, so headlines are analysed too.
    ``skip_ranges`` are character ranges of ``text`` that analysis ignores (a sentence repeated
    verbatim is kept in the text so offsets stay true to the source, but analysed once).
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given or parsed
    language: str | None = None
    source_id: str | None = None  # the input record's own id
    path: str | None = None  # the input file, or "-" for stdin
    provenance: Provenance = field(default_factory=Provenance)
    skip_ranges: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, **meta: Any) -> Article:
        """Build an article whose id is the content hash of ``text``."""
        return cls(id=content_hash(text), text=text, **meta)


@dataclass(slots=True)
class Span:
    """A character range of one article; ``text == article.text[start:end]``."""

    article: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int = 0


@dataclass(slots=True)
class Mention:
    """A named-entity mention. ``chain`` groups mentions of one actor within the article;
    ``entity`` is the cross-article entity id set by the resolve stage."""

    id: str
    article: str
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...
    sentence: int
    chain: int = -1
    titles: list[str] = field(default_factory=list)  # "Defense Minister", "President"
    roles: list[str] = field(default_factory=list)  # "leader of the Russian delegation"
    entity: str | None = None


@dataclass(slots=True)
class TimeExpression:
    article: str
    start: int
    end: int
    text: str
    value: str | None  # ISO date resolved against Article.published, or None
    grain: str = "day"  # day, month, year, decade, span, duration, relative


@dataclass(slots=True)
class MergeEvidence:
    """Why two aliases were put in one entity (``accord explain`` prints these)."""

    left: str
    right: str
    rule: str
    score: float
    detail: str = ""


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # e.g. {"geonames": "745044", "kb": "Q..."}
    evidence: list[MergeEvidence] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    id: str
    article: str
    start: int
    end: int
    text: str  # the quoted words, without the quotation marks
    speaker: str | None = None  # entity id (after resolve); None for unnamed or unknown sources
    speaker_text: str | None = None  # the words naming the speaker ("a Ukrainian source")
    cue: str | None = None  # the speech verb
    kind: QuoteKind = "direct"
    speaker_mention: str | None = None  # Mention.id the speaker was found at


@dataclass(slots=True)
class Event:
    id: str
    article: str
    start: int
    end: int
    text: str
    type: str  # PLOVER event type
    mode: str | None = None
    source: list[str] = field(default_factory=list)  # entity ids (mention ids before resolve)
    target: list[str] = field(default_factory=list)
    source_text: list[str] = field(default_factory=list)
    target_text: list[str] = field(default_factory=list)
    # The actors' sectors (PLOVER/CAMEO actor types: GOV, MIL, REB, COP...), one per actor, None
    # where the words name none (a state acting as itself, a plain name).
    source_sectors: list[str | None] = field(default_factory=list)
    target_sectors: list[str | None] = field(default_factory=list)
    # The actors' countries (ISO 3166-1 alpha-2, as in entity links), one per actor, None where
    # neither the actor nor its phrase names one.
    source_countries: list[str | None] = field(default_factory=list)
    target_countries: list[str | None] = field(default_factory=list)
    location: str | None = None
    date: str | None = None
    quantity: str | None = None
    negated: bool = False
    confidence: float = 1.0
    method: str = "rules"
    facts: list[str] = field(default_factory=list)
    # The mention ids behind source/target/location, kept so resolution can run again.
    source_mentions: list[str] = field(default_factory=list)
    target_mentions: list[str] = field(default_factory=list)
    location_mention: str | None = None


@dataclass(slots=True)
class Conflict(Span):
    reason: str = ""


@dataclass(slots=True)
class Fact:
    id: str
    statement: str
    type: str
    status: FactStatus
    support: list[Span] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    story: str | None = None
    events: list[str] = field(default_factory=list)


def facts_by_story(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    """Facts grouped by story id, each story's in the order given (facts of no story left out):
    what every reader of a story's facts looks up, built once rather than scanned per story."""
    out: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.story is not None:
            out.setdefault(fact.story, []).append(fact)
    return out


@dataclass(slots=True)
class Story:
    id: str
    title: str
    articles: list[str] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)  # article id -> the article it copies


@dataclass(slots=True)
class Skipped:
    """An input that could not be used, and why (recorded in the database too)."""

    path: str
    reason: str
    line: int | None = None


@dataclass(slots=True)
class Analysis:
    """Everything the per-article stage found in one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    doc: Doc | None = None  # the spaCy Doc, kept in memory for later stages; never serialised


@dataclass(slots=True)
class Result:
    """The output of a whole run, what the store and the reports consume."""

    analyses: list[Analysis] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [a.article for a in self.analyses]

    @property
    def quotes(self) -> list[Quote]:
        return [q for a in self.analyses for q in a.quotes]

    @property
    def events(self) -> list[Event]:
        return [e for a in self.analyses for e in a.events]
