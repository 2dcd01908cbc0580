"""An optional knowledge base of known entities (``accord ... --kb FILE``).

Format: JSON Lines, one entity per line::

    {"id": "Q42", "name": "Douglas Adams", "type": "PERSON",
     "aliases": ["Douglas Noel Adams"], "description": "English writer"}

``id`` and ``name`` are required; ``type`` is an accord label (PERSON, ORG, GPE, LOC, NORP, FAC,
EVENT; missing means any); ``aliases`` and ``description`` are optional, other keys are ignored.
A Wikidata export maps as id = QID, name = English label, aliases = English aliases. Blank
lines and lines starting with ``#`` are skipped.

Linking is exact and conservative: a name links to a KB entry when its folded form equals the
entry's name or an alias, or, for a full person name, when its transliteration skeleton does
(given and surname), and only when exactly one entry of a compatible type matches.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from accord.errors import ResolutionError
from accord.resolve.names import fold_phrase, parse_person
from accord.resolve.types import compatible


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One known entity."""

    id: str
    name: str
    type: str | None = None
    aliases: tuple[str, ...] = ()
    description: str = ""


def _person_key(name: str) -> tuple[str, str] | None:
    parsed = parse_person(name)
    return (parsed.first, parsed.surname) if parsed.is_full else None


@dataclass(slots=True)
class KnowledgeBase:
    """Entries with exact indexes on folded names and on person-name skeletons."""

    entries: dict[str, KBEntry] = field(default_factory=dict)
    _by_name: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _by_person: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def from_entries(cls, entries: Iterable[KBEntry]) -> KnowledgeBase:
        kb = cls()
        for entry in entries:
            kb.add(entry)
        return kb

    def add(self, entry: KBEntry) -> None:
        """Index ``entry`` under its name and aliases."""
        self.entries[entry.id] = entry
        for name in (entry.name, *entry.aliases):
            self._by_name[fold_phrase(name)].add(entry.id)
            key = _person_key(name)
            if key is not None and entry.type in (None, "PERSON"):
                self._by_person[key].add(entry.id)

    def link(self, names: Iterable[str], label: str) -> KBEntry | None:
        """The single entry that one of ``names`` (of type ``label``) denotes, if exactly one."""
        found: set[str] = set()
        for name in names:
            found |= self._by_name.get(fold_phrase(name), set())
            key = _person_key(name) if label == "PERSON" else None
            if key is not None:
                found |= self._by_person.get(key, set())
        typed = {
            i
            for i in found
            if self.entries[i].type is None or compatible(self.entries[i].type or label, label)
        }
        return self.entries[typed.pop()] if len(typed) == 1 else None

    def __len__(self) -> int:
        return len(self.entries)


def _entry(record: object, where: str) -> KBEntry:
    if not isinstance(record, dict) or not record.get("id") or not record.get("name"):
        raise ResolutionError(f"{where}: a KB record needs an object with 'id' and 'name'")
    aliases = record.get("aliases") or []
    if not isinstance(aliases, list):
        raise ResolutionError(f"{where}: 'aliases' must be a list of strings")
    return KBEntry(
        id=str(record["id"]),
        name=str(record["name"]),
        type=str(record["type"]).upper() if record.get("type") else None,
        aliases=tuple(str(a) for a in aliases),
        description=str(record.get("description") or ""),
    )


def load_kb(path: str | Path) -> KnowledgeBase:
    """Read a JSONL knowledge base; raises ResolutionError naming the bad file and line."""
    kb = KnowledgeBase()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResolutionError(f"{path}: cannot read knowledge base ({exc.strerror})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ResolutionError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        kb.add(_entry(record, f"{path}:{number}"))
    return kb
