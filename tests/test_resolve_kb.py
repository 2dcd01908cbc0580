"""The optional knowledge base: loading the documented JSONL format and linking entities."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import ResolutionError
from accord.resolve import load_kb, resolve
from test_resolve_helpers import M, article, entity_of

KB_FILE = Path(__file__).parent / "data" / "kb_small.jsonl"


def test_load_kb_reads_entries_and_skips_comments() -> None:
    kb = load_kb(KB_FILE)
    assert len(kb) == 5
    assert kb.entries["KB3"].aliases == ("NTC", "the Council of Northern Trade")


def test_kb_gives_canonical_name_and_id_and_joins_variants() -> None:
    kb = load_kb(KB_FILE)
    a = article("a", M("Borys Kovalenko"))
    b = article("b", M("Boris Kovalenko"))
    entities = resolve([a, b], kb=kb)
    entity = next(e for e in entities if e.id == entity_of(a, "Borys Kovalenko"))
    assert entity.name == "Boris Kovalenko"
    assert entity.links["kb"] == "KB1"
    assert entity_of(b, "Boris Kovalenko") == entity.id


def test_kb_links_persons_by_skeleton_but_respects_type() -> None:
    kb = load_kb(KB_FILE)
    a = article("a", M("Nadia Ferrantt"), M("Nadia Ferrant", "ORG"))
    entities = {e.id: e for e in resolve([a], kb=kb)}
    assert entities[entity_of(a, "Nadia Ferrantt") or ""].links.get("kb") == "KB2"
    assert "kb" not in entities[entity_of(a, "Nadia Ferrant") or ""].links


def test_two_kb_ids_never_merge() -> None:
    kb = load_kb(KB_FILE)
    a = article("a", M("Boris Kovalenko"))
    b = article("b", M("Nadia Ferrant"))
    resolve([a, b], kb=kb)
    assert entity_of(a, "Boris Kovalenko") != entity_of(b, "Nadia Ferrant")


def test_bad_kb_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "kb.jsonl"
    bad.write_text('{"id": "X1", "name": "Ok"}\n{"name": "no id"}\n', encoding="utf-8")
    with pytest.raises(ResolutionError, match=r"kb.jsonl:2"):
        load_kb(bad)
    with pytest.raises(ResolutionError, match="cannot read"):
        load_kb(tmp_path / "missing.jsonl")
