"""Properties that hold for any input: every mention resolved, distinct actors of one article
kept apart, ids stable."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.resolve import explain, resolve
from accord.resolve.names import parse_person
from test_resolve_helpers import M, article

NAME = st.text(alphabet="aeikmnorstvyz", min_size=2, max_size=7).map(str.capitalize)
LABEL = st.sampled_from(["PERSON", "ORG", "GPE", "NORP", "FAC"])
MENTION = st.builds(
    lambda g, s, label, full: M(f"{g} {s}" if full else s, label), NAME, NAME, LABEL, st.booleans()
)
ARTICLES = st.lists(st.lists(MENTION, min_size=1, max_size=6), min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(ARTICLES)
def test_resolution_invariants(spec: list[list[M]]) -> None:
    analyses = [article(f"art{i}", *ms) for i, ms in enumerate(spec)]
    entities = resolve(analyses)
    assert all(m.entity for a in analyses for m in a.mentions)
    assert len({e.id for e in entities}) == len(entities)
    for a in analyses:
        full = {}
        for m in a.mentions:
            parsed = parse_person(m.text)
            if m.label == "PERSON" and parsed.is_full:
                full.setdefault(m.entity, set()).add((parsed.given, parsed.surname))
        assert all(len(names) == 1 for names in full.values())
    assert all(explain(e) for e in entities)


def test_odd_mention_texts_do_not_break_resolution() -> None:
    a = article("a", M("’s"), M("-", "ORG"), M("The", "GPE"), M("Dr.", "PERSON"))
    entities = resolve([a])
    assert all(m.entity for m in a.mentions) and entities
