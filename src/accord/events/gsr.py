"""Reader for the PLOVER gold-standard records (openeventdata/PLOVER ``PLOVER_GSR_CAMEO.txt``).

The file is one JSON array; each record codes one sentence (``text``) with ``event``, ``mode``,
``context``, ``source``/``target`` actor lists (``actorText``, ``code``, ``sector``) and optional
``eventLoc``, ``size``, ``dead``. The ``DOCUMENT`` record documents the file and is skipped.
Used by the training script and the benchmark; accord never reads it at run time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold event: the sentence, its PLOVER type and mode, its actors' surface strings and
    their sectors (the first three letters of the gold ``sector``, upper case: "REBkur" is REB;
    None where the gold has none, "" where it codes the sector as unknown, "***") and country
    codes (the gold ``code`` as written: ISO 3166-1 alpha-3, or IGO, NGO...)."""

    id: str
    text: str
    type: str
    mode: str | None
    context: str | None
    source: tuple[str, ...] = field(default_factory=tuple)
    target: tuple[str, ...] = field(default_factory=tuple)
    location: str | None = None
    source_sectors: tuple[str | None, ...] = field(default_factory=tuple)
    target_sectors: tuple[str | None, ...] = field(default_factory=tuple)
    source_codes: tuple[str | None, ...] = field(default_factory=tuple)
    target_codes: tuple[str | None, ...] = field(default_factory=tuple)


def _listed(value: Any) -> list[dict[str, Any]]:
    """The actor objects of a ``source``/``target`` field ("" or None means no actor)."""
    if not isinstance(value, list):
        return []
    return [a for a in value if isinstance(a, dict) and a.get("actorText")]


def _actors(value: Any) -> tuple[str, ...]:
    """Actor strings of a ``source``/``target`` field."""
    return tuple(a["actorText"].strip() for a in _listed(value))


def _sectors(value: Any) -> tuple[str | None, ...]:
    """The actors' sectors, aligned with :func:`_actors`."""
    out: list[str | None] = []
    for actor in _listed(value):
        sector = actor.get("sector")
        out.append(None if not sector else "" if sector == "***" else str(sector)[:3].upper())
    return tuple(out)


def _codes(value: Any) -> tuple[str | None, ...]:
    """The actors' country codes, aligned with :func:`_actors`."""
    return tuple(str(a["code"]) if a.get("code") else None for a in _listed(value))


def _record(raw: dict[str, Any]) -> GoldRecord | None:
    text, event = raw.get("text"), raw.get("event")
    if not text or not event or event == "DOCUMENT":
        return None
    loc = raw.get("eventLoc")
    return GoldRecord(
        id=str(raw.get("id", "")),
        text=" ".join(str(text).split()),
        type=str(event).upper(),
        mode=raw.get("mode") or None,
        context=raw.get("context") or None,
        source=_actors(raw.get("source")),
        target=_actors(raw.get("target")),
        location=loc.get("name") if isinstance(loc, dict) else None,
        source_sectors=_sectors(raw.get("source")),
        target_sectors=_sectors(raw.get("target")),
        source_codes=_codes(raw.get("source")),
        target_codes=_codes(raw.get("target")),
    )


def load_gsr(path: Path) -> list[GoldRecord]:
    """The event records of a PLOVER gold-standard file, in file order."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [r for item in raw if (r := _record(item)) is not None]
