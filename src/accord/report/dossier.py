"""The dossier: a human-readable account of each story, as Markdown or one self-contained HTML page.

Per story: what happened (who, where, when), the sources and which copies which, the actors with
their aliases and roles, the coded PLOVER events (who did what to whom, with the evidence sentence
and its outlet), the facts grouped by status with each source's evidence side by side, the quotes
by speaker, and what each outlet reports that no other does. The page is built from a
plain view model (:func:`build_dossier`) rendered by Jinja2 templates under ``templates/``; the
HTML template autoescapes every string and inlines its CSS, so the file opens anywhere offline.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath

from jinja2 import Environment, PackageLoader, StrictUndefined

from accord.ingest.sentences import split_sentences
from accord.model import (
    Analysis,
    Article,
    Entity,
    Event,
    Fact,
    Quote,
    Result,
    Span,
    Story,
    facts_by_story,
    mention_offsets,
)
from accord.resolve.local import mention_name

STATUS_ORDER = ("conflicting", "corroborated", "single_source")
STATUS_TITLES = {
    "conflicting": "Conflicting",
    "corroborated": "Corroborated",
    "single_source": "Single source",
}
ACTOR_TYPES = ("PERSON", "ORG", "NORP", "GPE")
PLACE_TYPES = ("GPE", "LOC", "FAC")
MAX_ACTORS = 60
SHOWN_ACTORS = 15  # the rest of the actor table is folded away in the HTML


@dataclass(slots=True)
class Source:
    """One article of a story as the dossier names it."""

    id: str
    label: str
    title: str
    published: str
    url: str
    copies: str | None = None  # label of the article this one copies


@dataclass(slots=True)
class Evidence:
    """One source's evidence for a fact: supporting text and text that contradicts it."""

    source: Source
    support: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (text, reason)


@dataclass(slots=True)
class FactView:
    id: str
    statement: str
    type: str
    status: str
    evidence: list[Evidence]
    reasons: list[str]


@dataclass(slots=True)
class ActorView:
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    mentions: int


@dataclass(slots=True)
class SpeakerQuotes:
    speaker: str
    quotes: list[tuple[str, str]]  # (quoted text, source label)


@dataclass(slots=True)
class EventView:
    """One coded event: type, mode, whether it did not happen, actors by canonical name, and the
    sentence it was read from with the outlet that printed it."""

    type: str
    mode: str
    negated: bool
    source: list[str]
    target: list[str]
    location: str
    date: str
    quantity: str
    evidence: str
    outlet: str
    method: str


@dataclass(slots=True)
class Coverage:
    """What one source contributes: facts it shares with others, and facts only it reports."""

    source: Source
    facts: int  # facts this source has evidence for
    shared: int  # ... of which other sources report too (corroborated or conflicting)
    exclusive: list[FactView]  # single-source facts only this source reports


@dataclass(slots=True)
class StoryView:
    id: str
    title: str
    who: list[str]
    where: list[str]
    when: str
    sources: list[Source]
    actors: list[ActorView]
    facts: dict[str, list[FactView]]
    quotes: list[SpeakerQuotes]
    coverage: list[Coverage]
    events: list[EventView] = field(default_factory=list)

    @property
    def fact_count(self) -> int:
        return sum(len(v) for v in self.facts.values())


@dataclass(slots=True)
class CorpusIndex:
    """The result read once and indexed by article and story, so that each story's view reads
    only its own articles: a scan of the whole result per story made the dossier quadratic in
    the corpus (10k articles in 2k stories)."""

    analyses: dict[str, Analysis]  # by article id, in the result's order
    position: dict[str, int]  # article id -> its place in the result
    names: dict[str, str]  # entity id -> canonical name
    entities: list[Entity]
    mentions: dict[str, Counter[int]]  # article id -> entity index -> mentions there
    facts: dict[str, list[Fact]]  # story id -> its facts, in the result's order

    @classmethod
    def of(cls, result: Result) -> CorpusIndex:
        analyses = {a.article.id: a for a in result.analyses}
        mentions: dict[str, Counter[int]] = {}
        for k, entity in enumerate(result.entities):
            for span in entity.mentions:
                mentions.setdefault(span.article, Counter())[k] += 1
        return cls(
            analyses=analyses,
            position={i: k for k, i in enumerate(analyses)},
            names={e.id: e.name for e in result.entities},
            entities=result.entities,
            mentions=mentions,
            facts=facts_by_story(result.facts),
        )

    def own(self, story: Story) -> list[Analysis]:
        """The analyses of the story's articles, in the result's order."""
        ids = sorted(
            {i for i in story.articles if i in self.analyses}, key=self.position.__getitem__
        )
        return [self.analyses[i] for i in ids]


def source_name(article: Article) -> str:
    """A short name for where an article came from: its outlet, else the outlet its "Source: X"
    line credits, else its file name, else the start of its id."""
    return (
        article.outlet
        or article.provenance.attributed_to
        or (PurePath(article.path).stem if article.path else "")
        or article.id[:8]
    )


def _label(article: Article, taken: set[str]) -> str:
    """A unique name for a source (:func:`source_name`, numbered when taken)."""
    base = source_name(article)
    label, n = base, 2
    while label in taken:
        label, n = f"{base} ({n})", n + 1
    taken.add(label)
    return label


def _sources(story: Story, index: CorpusIndex) -> list[Source]:
    taken: set[str] = set()
    sources = [
        Source(
            id=a.id,
            label=_label(a, taken),
            title=a.title or "",
            published=(a.published or "")[:10],
            url=a.url or "",
        )
        for a in (index.analyses[i].article for i in story.articles if i in index.analyses)
    ]
    by_id = {s.id: s for s in sources}
    for copy, original in story.duplicates.items():
        if copy in by_id and original in by_id:
            by_id[copy].copies = by_id[original].label
    return sources


def _story_entities(story: Story, index: CorpusIndex) -> list[tuple[Entity, int]]:
    """Entities mentioned in the story's articles, with their mention counts, most first."""
    counts: Counter[int] = Counter()
    for article in set(story.articles):
        counts.update(index.mentions.get(article, {}))
    ranked = sorted(counts.items(), key=lambda p: (-p[1], index.entities[p[0]].name, p[0]))
    return [(index.entities[k], n) for k, n in ranked]


def _actors(own: list[Analysis], ranked: list[tuple[Entity, int]]) -> list[ActorView]:
    """The story's actors with the spellings, titles and roles its own articles give them: an
    entity's roles from the rest of the corpus ("the Democratic nominee" in a story of
    another year) would read as if this story's sources said them."""
    names: dict[str, dict[str, None]] = {}
    roles: dict[str, dict[str, None]] = {}
    for analysis in own:
        for m in analysis.mentions:
            if m.entity is not None:
                names.setdefault(m.entity, {})[mention_name(m)] = None
                roles.setdefault(m.entity, {}).update(dict.fromkeys((*m.titles, *m.roles)))
    return [
        ActorView(
            e.name,
            e.type,
            [a for a in e.aliases if a != e.name and a in names.get(e.id, {})],
            list(roles.get(e.id, {})),
            n,
        )
        for e, n in ranked[:MAX_ACTORS]
    ]


def _when(own: list[Analysis]) -> str:
    """Publication dates of the sources, and the dates their texts mention most."""
    published = sorted({(a.article.published or "")[:10] for a in own} - {""})
    mentioned = Counter(
        t.value for a in own for t in a.times if t.value and t.grain in ("day", "month")
    )
    parts = []
    if published:
        span = published[0] if len(published) == 1 else f"{published[0]} to {published[-1]}"
        parts.append(f"reported {span}")
    if mentioned:
        parts.append("dates mentioned: " + ", ".join(v for v, _ in mentioned.most_common(3)))
    return "; ".join(parts) or "no dates given"


def _evidence(fact: Fact, sources: list[Source]) -> list[Evidence]:
    """Each source's spans for a fact, in source order, sources without evidence left out."""
    rows = []
    for source in sources:
        support = [_clean(s) for s in fact.support if s.article == source.id]
        conflicts = [(_clean(c), c.reason) for c in fact.conflicts if c.article == source.id]
        if support or conflicts:
            rows.append(Evidence(source, support, conflicts))
    return rows


def _clean(span: Span) -> str:
    return " ".join(span.text.split())


def _facts(facts: list[Fact], sources: list[Source]) -> dict[str, list[FactView]]:
    grouped: dict[str, list[FactView]] = {status: [] for status in STATUS_ORDER}
    for fact in facts:
        view = FactView(
            fact.id,
            " ".join(fact.statement.split()),
            fact.type,
            fact.status,
            _evidence(fact, sources),
            sorted({c.reason for c in fact.conflicts if c.reason}),
        )
        grouped.setdefault(fact.status, []).append(view)
    return grouped


def _speaker(quote: Quote, names: dict[str, str]) -> str:
    if quote.speaker and quote.speaker in names:
        return names[quote.speaker]
    if quote.speaker_text:
        return f"{quote.speaker_text} (unnamed)"
    return "Unattributed"


# At most this many characters between two parts of one quoted sentence: a closing mark, the
# attribution ("he said", "Mr. Obama told reporters") and an opening mark.
ATTRIBUTION_GAP = 80


def _quotes(
    own: list[Analysis], names: dict[str, str], sources: list[Source]
) -> list[SpeakerQuotes]:
    labels = {s.id: s.label for s in sources}
    grouped: dict[str, list[tuple[str, str]]] = {}
    for analysis in own:
        for parts in _sentences_quoted(analysis.article.text, analysis.quotes):
            text = " … ".join(" ".join(q.text.split()).rstrip(",") for q in parts)
            grouped.setdefault(_speaker(parts[0], names), []).append(
                (text, labels[analysis.article.id])
            )
    ranked = sorted(grouped.items(), key=lambda p: (p[0] == "Unattributed", -len(p[1]), p[0]))
    return [SpeakerQuotes(speaker, quotes) for speaker, quotes in ranked]


def _sentences_quoted(text: str, quotes: list[Quote]) -> list[list[Quote]]:
    """The article's quotes, the parts of one sentence that an attribution splits ("My hope,"
    he said, "is that ...") kept together: a reader wants the sentence, not "My hope"."""
    out: list[list[Quote]] = []
    for quote in sorted(quotes, key=lambda q: q.start):
        if out and _continues(text, out[-1][-1], quote):
            out[-1].append(quote)
        else:
            out.append([quote])
    return out


def _continues(text: str, before: Quote, quote: Quote) -> bool:
    """Whether ``quote`` goes on the sentence ``before`` left open, by the same speaker, past
    an attribution only."""
    if (before.speaker, before.speaker_text) != (quote.speaker, quote.speaker_text):
        return False
    if before.text.rstrip().endswith((".", "!", "?")) or quote.start - before.end > ATTRIBUTION_GAP:
        return False
    # one sentence from the end of the first part to the first letter of the second: the
    # attribution ends none (", Mr. Obama said, " does not; ", he said. " or a line break does)
    return len(list(split_sentences(text[before.end : quote.start + 1]))) == 1


def _actor_names(
    ids: list[str], texts: list[str], sectors: list[str | None], names: dict[str, str]
) -> list[str]:
    """Canonical entity names of an event's actors, the surface text where one is unresolved,
    with the actor's sector where it has one ("Russia (GOV)")."""
    out = []
    for k, actor in enumerate(ids):
        name = " ".join((names.get(actor) or (texts[k] if k < len(texts) else actor)).split())
        sector = sectors[k] if k < len(sectors) else None
        label = f"{name} ({sector})" if sector else name
        if label not in out:
            out.append(label)
    return out


def _place(event: Event, names: dict[str, str], analyses: dict[str, Analysis]) -> str:
    """The event's place by canonical name, else the text of its mention in the article."""
    if not event.location:
        return ""
    if event.location in names:
        return names[event.location]
    found = mention_offsets(event.location_mention or event.location)
    if found is not None and found[0] in analyses:
        article, start, end = found
        return " ".join(analyses[article].article.text[start:end].split())
    return ""


def _events(own: list[Analysis], index: CorpusIndex, sources: list[Source]) -> list[EventView]:
    """The story's events in source order, then in reading order within each article."""
    names = index.names
    order = {s.id: k for k, s in enumerate(sources)}
    labels = {s.id: s.label for s in sources}
    mine = sorted(
        (e for a in own for e in a.events if e.article in order),
        key=lambda e: (order[e.article], e.start),
    )
    return [
        EventView(
            type=e.type,
            mode=e.mode or "",
            negated=e.negated,
            source=_actor_names(e.source, e.source_text, e.source_sectors, names),
            target=_actor_names(e.target, e.target_text, e.target_sectors, names),
            location=_place(e, names, index.analyses),
            date=e.date or "",
            quantity=e.quantity or "",
            evidence=" ".join(e.text.split()),
            outlet=labels[e.article],
            method=e.method,
        )
        for e in mine
    ]


def _coverage(views: dict[str, list[FactView]], sources: list[Source]) -> list[Coverage]:
    out = []
    for source in sources:
        mine = [
            f for fs in views.values() for f in fs if any(e.source is source for e in f.evidence)
        ]
        exclusive = [f for f in mine if f.status == "single_source"]
        out.append(Coverage(source, len(mine), len(mine) - len(exclusive), exclusive))
    return out


def _summary_names(
    ranked: list[tuple[Entity, int]], types: tuple[str, ...], limit: int
) -> list[str]:
    """The names of the most mentioned entities of these types, each name once (the NER may
    have typed one name two ways: the actors table shows both, the summary one)."""
    names = dict.fromkeys(e.name for e, _ in ranked if e.type in types)
    return list(names)[:limit]


def build_story(story: Story, index: CorpusIndex) -> StoryView:
    """The dossier view of one story (``index``: :meth:`CorpusIndex.of` the whole result)."""
    sources = _sources(story, index)
    own = index.own(story)
    ranked = _story_entities(story, index)
    facts = _facts(index.facts.get(story.id, []), sources)
    return StoryView(
        id=story.id,
        title=" ".join((story.title or "Untitled story").split()),
        who=_summary_names(ranked, ("PERSON", "ORG"), 6),
        where=_summary_names(ranked, PLACE_TYPES, 4),
        when=_when(own),
        sources=sources,
        actors=_actors(own, ranked),
        facts=facts,
        quotes=_quotes(own, index.names, sources),
        coverage=_coverage(facts, sources),
        events=_events(own, index, sources),
    )


def build_dossier(result: Result) -> list[StoryView]:
    """View models of every story; articles outside any story form one story of their own."""
    stories = list(result.stories)
    covered = {i for s in stories for i in s.articles}
    loose = [a.id for a in result.articles if a.id not in covered]
    if loose:
        stories.append(Story("unclustered", "Articles outside any story", loose))
    index = CorpusIndex.of(result)
    return [build_story(story, index) for story in stories]


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: object) -> str:
    """Article text made inert in Markdown: one line, markup characters backslash-escaped."""
    flat = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat).replace("&", "&amp;")


@lru_cache(maxsize=2)
def _environment(html: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("accord.report", "templates"),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.globals["STATUS_TITLES"] = STATUS_TITLES
    env.globals["STATUS_ORDER"] = STATUS_ORDER
    env.globals["SHOWN_ACTORS"] = SHOWN_ACTORS
    return env


def _render(template: str, result: Result, html: bool) -> str:
    stories = build_dossier(result)
    return _environment(html).get_template(template).render(stories=stories, result=result)


def render_markdown(result: Result) -> str:
    """The dossier as Markdown; every article string is escaped so it renders as plain text."""
    return _render("dossier.md.j2", result, html=False)


def render_html(result: Result) -> str:
    """The dossier as one self-contained HTML page (inline CSS, no scripts or external assets)."""
    return _render("dossier.html.j2", result, html=True)
