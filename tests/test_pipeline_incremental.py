"""The pieces of ``accord.pipeline.update_store`` that need no spaCy: which stories are
reconciled again, and how a saved story index follows renamed entities."""

from __future__ import annotations

from accord.model import Analysis, Article, Event, Fact, Mention, Quote, Story
from accord.pipeline import (
    _affected,
    _entity_renames,
    _merge_facts,
    _resolution_links,
    _stable_order,
)
from accord.stories.state import rename_entities


def _analysis(article_id: str, entities: list[str]) -> Analysis:
    article = Article(id=article_id, text="x" * 20)
    mentions = [
        Mention(f"{article_id}:{i}", article_id, i, i + 1, "x", "PERSON", 0, entity=entity)
        for i, entity in enumerate(entities)
    ]
    return Analysis(article=article, mentions=mentions)


def _fact(fact_id: str, story: str) -> Fact:
    return Fact(fact_id, "statement", "CONSULT", "single_source", story=story)


def test_pipeline_incremental_affected_stories() -> None:
    before = [Story("s1", "A", ["a", "b"]), Story("s2", "B", ["c"]), Story("s3", "C", ["d"])]
    after = [
        Story("s1", "A", ["a", "b", "e"]),  # gained an article
        Story("s2", "B", ["c"]),  # unchanged, but c's analysis changed
        Story("s3", "C", ["d"], duplicates={"d": "d"}),  # copies changed
        Story("s4", "D", ["f"]),  # new
        Story("s5", "E", ["g"]),
    ]
    before.append(Story("s5", "E title changes nothing", ["g"]))
    assert [s.id for s in _affected(after, before, changed={"c", "e"})] == ["s1", "s2", "s3", "s4"]
    assert _affected(before, before, changed=set()) == []


def test_pipeline_incremental_reordered_story_is_not_affected() -> None:
    """A tidy-up that places an article back into its own story lists it last; that story's
    facts need no reconciling again."""
    before = [Story("s1", "A", ["a", "b", "c"], duplicates={"c": "a"})]
    reordered = [Story("s1", "A", ["b", "c", "a"], duplicates={"c": "a"})]
    assert _affected(reordered, before, changed=set()) == []
    copies_changed = [Story("s1", "A", ["b", "c", "a"], duplicates={"c": "b"})]
    assert [s.id for s in _affected(copies_changed, before, changed=set())] == ["s1"]


def test_pipeline_incremental_stories_keep_their_stored_article_order() -> None:
    before = [Story("s1", "A", ["a", "b", "c"]), Story("s2", "B", ["d", "e"])]
    after = [
        Story("s1", "A2", ["b", "x", "a"]),  # c moved out, x joined, a was placed again
        Story("s2", "B", ["e", "d", "c"]),  # c joined
        Story("s3", "C", ["z", "y"]),  # new
    ]
    stable = _stable_order(after, before)
    assert [s.articles for s in stable] == [["a", "b", "x"], ["d", "e", "c"], ["z", "y"]]
    assert [s.title for s in stable] == ["A2", "B", "C"]
    assert after[0].articles == ["b", "x", "a"]  # the index's stories are not modified


def test_pipeline_incremental_entity_renames_follow_the_majority() -> None:
    before = {"a:0": "person-pell", "a:1": "person-pell", "b:0": "person-pell", "b:1": "gpe-x"}
    after = [
        _analysis("a", ["person-anika-pell", "person-anika-pell"]),
        _analysis("b", ["person-pell-2", "gpe-x"]),
    ]
    assert _entity_renames(before, after) == {"person-pell": "person-anika-pell"}


def test_pipeline_incremental_renamed_state_merges_entity_keys() -> None:
    state = {
        "version": 1,
        "documents": 3,
        "document_frequency": {"e:old": 2, "e:new": 1, "flood": 3},
        "stories": [
            {
                "id": "s1",
                "articles": ["a"],
                "entities": {"e:old": 1.5, "e:new": 1.0, "e:other": 2.0},
                "persons": {"e:old": 1.0},
                "terms": {"flood": 0.5},
                "duplicates": {},
                "first_day": None,
            }
        ],
    }
    renamed = rename_entities(state, {"old": "new"})
    assert renamed["document_frequency"] == {"e:new": 2, "flood": 3}
    (story,) = renamed["stories"]
    assert story["entities"] == {"e:new": 2.5, "e:other": 2.0}
    assert story["persons"] == {"e:new": 1.0}
    assert (story["terms"], story["articles"], story["first_day"]) == ({"flood": 0.5}, ["a"], None)
    assert state["stories"][0]["entities"]["e:old"] == 1.5  # the saved state is not modified
    assert rename_entities(state, {}) is state
    assert rename_entities({**state, "version": 99}, {"old": "new"})["version"] == 99


def test_pipeline_incremental_merge_facts_keeps_unaffected_stories() -> None:
    stories = [Story("s1", "A", ["a"]), Story("s2", "B", ["b"]), Story("s3", "C", ["c"])]
    kept = [_fact("f1", "s1"), _fact("f2", "s2"), _fact("f9", "gone")]
    redone = [_fact("f3", "s3")]
    # s1 was reconciled again and has no facts now; s2 keeps its own; "gone" is no story now.
    merged = _merge_facts(stories, [stories[0], stories[2]], kept, redone)
    assert [f.id for f in merged] == ["f2", "f3"]


def test_pipeline_incremental_resolution_links_see_what_resolving_changes() -> None:
    """Which stored articles changed is told by the links resolution sets, nothing else."""
    analysis = _analysis("a", ["person-x", "gpe-y"])
    analysis.quotes = [Quote("a:q0", "a", 0, 5, "hello", speaker_mention="a:0", speaker="person-x")]
    analysis.events = [Event("a:e0", "a", 0, 5, "hello", "CONSULT", source_mentions=["a:0"])]
    before = _resolution_links(analysis)
    assert _resolution_links(analysis) == before
    analysis.article.title = "a new title"  # not resolution's business
    assert _resolution_links(analysis) == before
    analysis.mentions[1].entity = "gpe-z"
    assert _resolution_links(analysis) != before
    analysis.mentions[1].entity = "gpe-y"
    analysis.quotes[0].speaker = "person-w"
    assert _resolution_links(analysis) != before
    analysis.quotes[0].speaker = "person-x"
    analysis.events[0].source = ["person-x"]
    assert _resolution_links(analysis) != before
