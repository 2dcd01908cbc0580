"""Why an article is in its story (``accord.stories.explain``, ``accord stories --why``), on
hand-made reports of two earthquakes, a cup final and a syndicated copy."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from accord.errors import StorageError
from accord.pipeline import story_placement, update_store
from accord.store import open_store
from accord.stories import StoryIndex, cluster_index
from accord.stories.explain import explain_placement, placement_lines
from cli_support import accord
from test_stories_cluster import FINAL, QUAKE_A1, QUAKE_A2, QUAKE_B, copy_of

COPY = copy_of(QUAKE_A1, "Quake kills twelve in Corvania port city")
ARTICLES = [QUAKE_A1, QUAKE_B, FINAL, QUAKE_A2, COPY]


def _index() -> StoryIndex:
    return cluster_index(ARTICLES, encoder=None)


def test_explain_placement_weighs_an_article_against_its_story_left_out() -> None:
    index = _index()
    before = json.dumps(index.to_state(), sort_keys=True)
    placement = explain_placement(index, QUAKE_A2)
    assert json.dumps(index.to_state(), sort_keys=True) == before  # the index is not changed
    assert placement.story == index.story_of(QUAKE_A1.article.id)
    assert not placement.alone and placement.copy_of is None
    assert placement.probability is not None and placement.probability >= placement.threshold
    own = [o for o in placement.candidates if o.own]
    assert len(own) == 1 and own[0].story == placement.story
    assert own[0].articles == 2  # the first report and its copy, the explained one left out
    # the shares add up to the probability the model gives
    logit = placement.bias + sum(s.logit for s in placement.shares) - placement.time_penalty
    assert 1 / (1 + math.exp(-logit)) == pytest.approx(placement.probability)
    assert {"g1", "g2"} <= set(placement.shared_entities)
    assert "earthquake" in placement.shared_words or "maltrek" in placement.shared_words
    other = [o for o in placement.candidates if o.story == index.story_of(QUAKE_B.article.id)]
    assert other and other[0].probability < placement.threshold  # the other quake: not joined


def test_explain_placement_of_an_article_alone_and_of_a_copy() -> None:
    index = _index()
    alone = explain_placement(index, FINAL)
    assert alone.alone and alone.probability is None
    assert all(not o.own for o in alone.candidates)
    assert any("the only article" in line for line in placement_lines(alone))
    copied = explain_placement(index, COPY)
    assert copied.copy_of == QUAKE_A1.article.id
    assert any("near-copy of" in line for line in placement_lines(copied))
    with pytest.raises(KeyError):
        explain_placement(cluster_index([QUAKE_A1], encoder=None), QUAKE_B)


def test_placement_lines_show_entity_names() -> None:
    placement = explain_placement(_index(), QUAKE_A2)
    lines = placement_lines(placement, {"g2": "Maltrek (GPE)"})
    assert lines[0] == f"article {QUAKE_A2.article.id}  {QUAKE_A2.article.title}"
    assert any(line.startswith("probability ") for line in lines)
    assert any("Maltrek (GPE)" in line for line in lines if line.startswith("shares the entities"))


@pytest.mark.slow
def test_cli_and_api_say_why(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with open_store(db) as store:
        update_store(store, ARTICLES)
        placement = story_placement(store, QUAKE_A2.article.id)
        assert placement.story == placement.candidates[0].story
        with pytest.raises(StorageError, match="no article"):
            story_placement(store, "0" * 16)

    why = accord("stories", "--why", QUAKE_A2.article.id[:8], "--db", str(db), cwd=tmp_path)
    assert why.returncode == 0, why.stderr
    assert f"article {QUAKE_A2.article.id}" in why.stdout
    assert "that it belongs there, itself left out" in why.stdout
    assert "other candidate stories:" in why.stdout

    missing = accord("stories", "--why", "zzz", "--db", str(db), cwd=tmp_path)
    assert missing.returncode == 1
    assert "no stored article with an id starting 'zzz'" in missing.stderr
    both = accord("stories", "--why", "ab", "--rebuild", "--db", str(db), cwd=tmp_path)
    assert both.returncode == 2

    from fastapi.testclient import TestClient

    from accord.web.app import create_app

    with TestClient(create_app(str(db))) as client:
        response = client.get(f"/api/articles/{QUAKE_A2.article.id}/placement")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["story"] == placement.story
        assert body["probability"] == pytest.approx(placement.probability)
        assert [o["story"] for o in body["candidates"]] == [o.story for o in placement.candidates]
