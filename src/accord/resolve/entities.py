"""Turning components of local entities into :class:`accord.model.Entity` records.

The canonical name is the knowledge base's name when linked, else the gazetteer's name for a
place, else the best-attested, most complete alias: the most words (for a thing, among the
names two articles write, when there are any), then the most articles,
then the spelling of the most *reliable* articles. An article's reliability is how often it
writes place names the way the gazetteer does ("Mumbai" rather than "Bombay"): an article whose
place names are off is usually one whose person names are off too (a machine translation).
Ids are ``{type}-{slug of the name}``, numbered on collision, so the same input gives the
same ids.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from anyascii import anyascii

from accord.model import Entity, MergeEvidence, Span
from accord.resolve.groups import Group
from accord.resolve.local import Local
from accord.resolve.names import acronym_of, as_acronym, fold_phrase, parse_person
from accord.resolve.types import PERSON, PLACE_LABELS


def article_reliability(locals_: Sequence[Local]) -> dict[str, float]:
    """Per article: smoothed share of its place mentions spelled as the gazetteer spells them."""
    canonical: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for local in locals_:
        if local.place is None:
            continue
        for m in local.mentions:
            total[local.article] += 1
            canonical[local.article] += fold_phrase(m.text) == fold_phrase(local.place.name)
    articles = {loc.article for loc in locals_}
    return {a: (canonical[a] + 1) / (total[a] + 2) for a in articles}


def _best_alias(locals_: Sequence[Local], reliability: dict[str, float], etype: str) -> str:
    articles: dict[str, set[str]] = defaultdict(set)
    weight: Counter[str] = Counter()  # reliability sum, in thousandths
    mentions: Counter[str] = Counter()
    for local in locals_:
        for name in local.names:
            articles[name].add(local.article)
        for m in local.mentions:
            mentions[m.text.strip()] += 1
    for name, arts in articles.items():
        weight[name] = round(1000 * sum(reliability.get(a, 0.5) for a in arts))
    if etype == PERSON:
        # a full name over a surname alone, however often that is written; among full names
        # the one most articles write: "Hillary Clinton", not the "Crooked Hillary Clinton"
        # one article's NER span gave, nor one article's "Donald J. Trump"
        parsed = {n: parse_person(n) for n in articles}
        surnames = {
            n
            for n, p in parsed.items()
            if len(n.split()) < 2 or any(p.is_surname_of(q) for q in parsed.values())
        }  # "Van Rompuy" beside "Herman Van Rompuy" is a surname too
        return min(
            articles,
            key=lambda n: (
                n in surnames,
                -len(articles[n]),
                -len(n.split()),
                -weight[n],
                -mentions[n],
                n,
            ),
        )
    return min(
        _attested(articles),
        key=lambda n: (-len(n.split()), -len(articles[n]), -weight[n], -mentions[n], n),
    )


def _attested(articles: dict[str, set[str]]) -> list[str]:
    """The names of a thing that two articles or more write, and the names whose initials spell
    one of them ("International Boxing Federation" beside "IBF"); all names when none is.

    A thing's name written in one article only is often a span the NER cut wrong: "Considering
    Lionsgate", "Computerworld - Microsoft", "Oregon State Police and Capt". A person's full name,
    which a report may give once and then shorten, keeps the most-words rule."""
    attested = [n for n, arts in articles.items() if len(arts) >= 2]
    spelled = {as_acronym(n) for n in attested} - {""}
    more = [n for n in articles if n not in attested and acronym_of(n) in spelled]
    return attested + more or list(articles)


def _entity_type(locals_: Sequence[Local]) -> str:
    counts = Counter(loc.label for loc in locals_ for _ in loc.mentions)
    label = min(counts, key=lambda lab: (-counts[lab], lab))
    if label not in PLACE_LABELS and label != "ORG" and any(loc.place for loc in locals_):
        return "GPE"
    return label


def _links(locals_: Sequence[Local]) -> dict[str, str]:
    links: dict[str, str] = {}
    places = Counter(loc.place for loc in locals_ if loc.place is not None)
    if places:
        links["geonames"] = str(places.most_common(1)[0][0].geonameid)
    countries = Counter(loc.country for loc in locals_ if loc.country is not None)
    if countries:
        links["country"] = countries.most_common(1)[0][0]
    kbs = Counter(loc.kb.id for loc in locals_ if loc.kb is not None)
    if kbs:
        links["kb"] = kbs.most_common(1)[0][0]
    return links


def _canonical(locals_: Sequence[Local], etype: str, reliability: dict[str, float]) -> str:
    kb = next((loc.kb for loc in locals_ if loc.kb is not None), None)
    if kb is not None:
        return kb.name
    places = Counter(loc.place for loc in locals_ if loc.place is not None)
    if places and etype != PERSON:
        return places.most_common(1)[0][0].name
    return _best_alias(locals_, reliability, etype)


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens ("Ciudad Juárez" → "ciudad-juarez")."""
    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-") or "x"


def _aliases(locals_: Sequence[Local], name: str) -> list[str]:
    counts = Counter(n for loc in locals_ for n in loc.names)
    ordered = sorted(counts, key=lambda n: (-counts[n], n))
    return [name, *[a for a in ordered if a != name]] if name in counts else ordered


def build_entity(
    component: Sequence[Group],
    evidence: list[MergeEvidence],
    reliability: dict[str, float],
    taken: set[str],
) -> Entity:
    """One entity from a component; sets ``Mention.entity`` on all its mentions."""
    locals_ = [loc for group in component for loc in group.locals]
    etype = _entity_type(locals_)
    name = _canonical(locals_, etype, reliability)
    base = f"{etype.lower()}-{slug(name)}"
    eid, n = base, 1
    while eid in taken:
        n += 1
        eid = f"{base}-{n}"
    taken.add(eid)
    mentions = sorted(
        (m for loc in locals_ for m in loc.mentions), key=lambda m: (m.article, m.start)
    )
    for m in mentions:
        m.entity = eid
    return Entity(
        id=eid,
        name=name,
        type=etype,
        aliases=_aliases(locals_, name),
        roles=list(dict.fromkeys(r for loc in locals_ for r in loc.roles)),
        mentions=[Span(m.article, m.start, m.end, m.text) for m in mentions],
        links=_links(locals_),
        evidence=_dedupe([e for loc in locals_ for e in loc.evidence] + evidence),
    )


def _dedupe(evidence: Sequence[MergeEvidence]) -> list[MergeEvidence]:
    """One line per (aliases, rule); repeats in other articles are counted in the detail."""
    first: dict[tuple[str, str, str], MergeEvidence] = {}
    repeats: Counter[tuple[str, str, str]] = Counter()
    for ev in evidence:
        key = (ev.left, ev.right, ev.rule)
        if key in first:
            repeats[key] += 1
        else:
            first[key] = ev
    out = []
    for key, ev in first.items():
        if repeats[key]:
            more = f"; and {repeats[key]} more time(s)"
            ev = MergeEvidence(ev.left, ev.right, ev.rule, ev.score, ev.detail + more)
        out.append(ev)
    return out
