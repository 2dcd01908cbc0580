"""The PLOVER data files parse, and every type they name is in the type table."""

from __future__ import annotations

from accord.events.lexicon import cue, entries, types


def test_events_lexicon_types_known() -> None:
    known = set(types())
    used = {e.type for group in entries().values() for e in group}
    assert used <= known


def test_events_lexicon_requires_entries_come_first() -> None:
    for group in entries().values():
        flags = [bool(e.requires or e.excludes or e.transitive) for e in group]
        assert flags == sorted(flags, reverse=True)


def test_events_lexicon_object_conditions_parse() -> None:
    """ "*" asks for an object that is no amount, "!a|b" for any object but these."""
    (decline,) = entries()["verb", "decline"]
    assert decline.transitive and not decline.requires and not decline.excludes
    (release,) = entries()["verb", "release"]
    assert {"statement", "video"} <= release.excludes and not release.requires


def test_events_lexicon_types_map_to_plover2021() -> None:
    current = {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
    assert {t.plover2021 for t in types().values()} == current


def test_events_lexicon_cues_present() -> None:
    assert "fail" in cue("negator")
    assert "if" in cue("condition")
    assert cue("no-such-kind") == frozenset()
