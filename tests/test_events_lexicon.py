"""The PLOVER data files parse, and every type they name is in the type table."""

from __future__ import annotations

from accord.events.lexicon import cue, entries, types


def test_events_lexicon_types_known() -> None:
    known = set(types())
    used = {e.type for group in entries().values() for e in group}
    assert used <= known


def test_events_lexicon_requires_entries_come_first() -> None:
    """Entries that require an object, then those with another condition, then the rest:
    "rallied behind the leader" is support before "rallied" alone is a protest."""
    for group in entries().values():
        ranks = [
            0 if e.requires else 1 if e.excludes or e.transitive or e.intransitive else 2
            for e in group
        ]
        assert ranks == sorted(ranks)
    assert [e.type for e in entries()["verb", "rally"]][:2] == ["SUPPORT", "SUPPORT"]


def test_events_lexicon_object_conditions_parse() -> None:
    """ "*" asks for an object that is no amount, "!a|b" for any object but these."""
    (decline,) = entries()["verb", "decline"]
    assert decline.transitive and not decline.requires and not decline.excludes
    (release,) = entries()["verb", "release"]
    assert {"statement", "video"} <= release.excludes and not release.requires
    # "!*": no object at all; "!*|down": nor the particle "down"
    (demonstrate,) = entries()["verb", "demonstrate"]
    assert demonstrate.intransitive and not demonstrate.excludes
    strike = next(e for e in entries()["verb", "strike"] if e.type == "PROTEST")
    assert strike.intransitive and "down" in strike.excludes and "*" not in strike.excludes


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
