"""PLOVER-style JSON records of accord's events (``accord export --format plover``).

Field names follow the PLOVER gold-standard records (openeventdata/PLOVER): ``id``, ``date``,
``event``, ``mode``, ``eventText``, ``source``/``target`` (lists of ``{"actorText", "code",
"sector"}``, the code an ISO 3166-1 alpha-3 country code),
``text``, ``eventLoc``, ``size``, ``language``, ``publication``, ``coder``, ``version``. As in
PLOVER, only non-empty fields are written. What PLOVER has no field for (negation, confidence,
which coder decided, entity ids, offsets, linked facts) goes in an ``accord`` block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accord.events.lexicon import types
from accord.events.quantity import number_value
from accord.model import Analysis, Entity, Event, Mention, Result

CODER = "accord"


@dataclass(frozen=True, slots=True)
class _Role:
    """One role's actor lists of an event (sectors and countries are empty in events saved
    before accord read them)."""

    refs: list[str]
    texts: list[str]
    sectors: list[str | None]
    countries: list[str | None]


def _actors(role: _Role, entities: dict[str, Entity]) -> list[dict[str, Any]]:
    """PLOVER actors: the surface text, ``code`` (ISO 3166-1 alpha-3, as PLOVER writes it) and
    ``sector``, plus accord's entity id and name when resolved."""
    out = []
    for k, (ref, text) in enumerate(zip(role.refs, role.texts, strict=False)):
        actor: dict[str, Any] = {"actorText": text}
        country = role.countries[k] if k < len(role.countries) else None
        if country and (code := _alpha3(country)):
            actor["code"] = code
        sector = role.sectors[k] if k < len(role.sectors) else None
        if sector:
            actor["sector"] = sector
        entity = entities.get(ref)
        if entity is not None:
            actor["entity"] = entity.id
            actor["name"] = entity.name
            if entity.type:
                actor["entityType"] = entity.type
        out.append(actor)
    return out


def _alpha3(alpha2: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return str(country.alpha_3) if country is not None else None


def _location(
    ref: str | None, entities: dict[str, Entity], mentions: dict[str, Mention]
) -> dict[str, Any] | None:
    """``eventLoc``: the place's name and its gazetteer link (GeoNames id) when resolved."""
    if ref is None:
        return None
    entity = entities.get(ref)
    if entity is not None:
        loc: dict[str, Any] = {"name": entity.name, "entity": entity.id}
        if "geonames" in entity.links:
            loc["geonamesID"] = entity.links["geonames"]
        return loc
    mention = mentions.get(ref)
    return {"name": mention.text} if mention is not None else None


def _size(quantity: str | None) -> int | float | None:
    """PLOVER ``size``: the number at the head of accord's quantity phrase."""
    if not quantity:
        return None
    return number_value(quantity.split()[:1])


def _date(event: Event, analysis: Analysis) -> str | None:
    if event.date:
        return event.date[:10]
    published = analysis.article.published
    return published[:10] if published else None


def event_record(
    event: Event, analysis: Analysis, entities: dict[str, Entity], mentions: dict[str, Mention]
) -> dict[str, Any]:
    """The PLOVER-style record of one event."""
    article = analysis.article
    record: dict[str, Any] = {
        "id": event.id,
        "date": _date(event, analysis),
        "event": event.type,
        "mode": event.mode,
        "source": _actors(
            _Role(event.source, event.source_text, event.source_sectors, event.source_countries),
            entities,
        ),
        "target": _actors(
            _Role(event.target, event.target_text, event.target_sectors, event.target_countries),
            entities,
        ),
        "text": event.text,
        "eventLoc": _location(event.location, entities, mentions),
        "size": _size(event.quantity),
        "language": article.language or "en",
        "publication": article.outlet,
        "url": article.url,
        "coder": CODER,
        "comment": "negated: the text reports that this did not happen" if event.negated else None,
    }
    record["accord"] = _accord_block(event)
    return {k: v for k, v in record.items() if v not in (None, [], "")}


def _accord_block(event: Event) -> dict[str, Any]:
    """What PLOVER has no field for: offsets, negation, confidence, coder, facts, 2021 names."""
    info = types().get(event.type)
    extra: dict[str, Any] = {
        "article": event.article,
        "start": event.start,
        "end": event.end,
        "negated": event.negated,
        "confidence": event.confidence,
        "method": event.method,
        "quantity": event.quantity,
        "facts": list(event.facts),
        "event2021": info.plover2021 if info else event.type,
        "mode2021": (event.mode or info.mode2021) if info else event.mode,
    }
    return {k: v for k, v in extra.items() if v is not None and v != []}


def to_plover_records(result: Result) -> list[dict[str, Any]]:
    """Every event of a run as a PLOVER-style record, in article then text order."""
    entities = {e.id: e for e in result.entities}
    mentions = {m.id: m for a in result.analyses for m in a.mentions}
    records: list[dict[str, Any]] = []
    for analysis in result.analyses:
        for event in sorted(analysis.events, key=lambda e: (e.start, e.id)):
            records.append(event_record(event, analysis, entities, mentions))
    return records
