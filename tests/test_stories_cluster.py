"""Story clustering on hand-made articles: joining, splitting, duplicates, order and ids."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from accord.model import Analysis, Article, Mention
from accord.stories import StoryIndex, cluster, publication_order


def make(text: str, names: dict[str, str], published: str | None = None) -> Analysis:
    """An analysis of ``text`` whose mentions are the given names (name -> entity id)."""
    article = Article.from_text(text, title=text.split("\n", 1)[0], published=published)
    mentions = []
    for name, entity in names.items():
        start = text.find(name)
        assert start >= 0, name
        end = start + len(name)
        mentions.append(
            Mention(
                id=f"{article.id}:{start}-{end}",
                article=article.id,
                start=start,
                end=end,
                text=name,
                label="PERSON" if entity.startswith("p") else "GPE",
                sentence=0,
                entity=entity,
            )
        )
    return Analysis(article=article, mentions=mentions)


QUAKE_A1 = make(
    "Strong earthquake shakes Corvania coastal city of Maltrek\n"
    "A magnitude 6.4 earthquake struck near Maltrek in Corvania on Tuesday, killing at least "
    "twelve people and collapsing a hospital wing, the Corvanian seismology institute said. "
    "Rescue teams searched the rubble through the night as aftershocks rattled the port.",
    {"Corvania": "g1", "Maltrek": "g2"},
)
QUAKE_A2 = make(
    "Death toll rises after Maltrek earthquake\n"
    "Rescuers in Maltrek pulled two survivors from a collapsed hospital wing on Wednesday as the "
    "death toll from the magnitude 6.4 earthquake in Corvania rose to nineteen. Aftershocks "
    "continued to rattle the port city, officials in Corvania said.",
    {"Corvania": "g1", "Maltrek": "g2"},
)
QUAKE_B = make(
    "Earthquake hits mountain villages in Eldoria\n"
    "A magnitude 5.1 earthquake struck the mountain province of Verskel in Eldoria on Sunday, "
    "damaging farm houses and a bridge. Eldoria's interior minister Tamsin Okoro said no deaths "
    "had been reported, and schools in Verskel would stay closed.",
    {"Eldoria": "g3", "Verskel": "g4", "Tamsin Okoro": "p1"},
)
FINAL = make(
    "Harbour City wins the Varnish Cup final on penalties\n"
    "Harbour City beat Old Quay Rovers on penalties in the Varnish Cup final on Saturday after a "
    "goalless draw, with goalkeeper Ivo Dellamar saving two spot kicks in front of a sold-out "
    "stadium.",
    {"Ivo Dellamar": "p2"},
)


def copy_of(source: Analysis, headline: str) -> Analysis:
    """A syndicated copy: new headline, same body with a word changed."""
    body = source.article.text.split("\n", 1)[1].replace("said", "reported")
    names = {m.text: m.entity or "" for m in source.mentions}
    return make(f"{headline}\n{body}", {n: e for n, e in names.items() if n in body})


def story_of(stories: list, analysis: Analysis) -> str:
    return next(s.id for s in stories if analysis.article.id in s.articles)


def test_stories_cluster_joins_articles_about_one_event() -> None:
    stories = cluster([QUAKE_A1, QUAKE_A2], encoder=None)
    assert len(stories) == 1
    assert stories[0].articles == [QUAKE_A1.article.id, QUAKE_A2.article.id]
    assert stories[0].duplicates == {}


def test_stories_cluster_splits_different_events() -> None:
    stories = cluster([QUAKE_A1, FINAL, QUAKE_A2], encoder=None)
    assert len(stories) == 2
    assert story_of(stories, QUAKE_A1) == story_of(stories, QUAKE_A2)
    assert story_of(stories, FINAL) != story_of(stories, QUAKE_A1)


def test_stories_cluster_splits_two_similar_events() -> None:
    """Two earthquakes in different places are two stories, the hard case of the issue."""
    stories = cluster([QUAKE_A1, QUAKE_B, QUAKE_A2], encoder=None)
    assert story_of(stories, QUAKE_A1) == story_of(stories, QUAKE_A2)
    assert story_of(stories, QUAKE_B) != story_of(stories, QUAKE_A1)


def test_stories_cluster_flags_syndicated_copy() -> None:
    copy = copy_of(QUAKE_A1, "Quake kills 12 in Corvania")
    stories = cluster([QUAKE_A1, QUAKE_A2, copy], encoder=None)
    assert len(stories) == 1
    assert stories[0].duplicates == {copy.article.id: QUAKE_A1.article.id}


def test_stories_cluster_does_not_flag_rewrite_of_same_event() -> None:
    """Two outlets' own reports of one event share a story but are not copies."""
    stories = cluster([QUAKE_A1, QUAKE_A2], encoder=None)
    assert stories[0].duplicates == {}


def test_stories_cluster_orders_by_publication_date() -> None:
    late = make(QUAKE_A2.article.text, {"Maltrek": "g2"}, published="2031-03-05")
    early = make(QUAKE_A1.article.text, {"Maltrek": "g2"}, published="2031-03-04")
    assert publication_order([late, early]) == [early, late]
    stories = cluster([late, early], encoder=None)
    assert stories[0].articles == [early.article.id, late.article.id]
    assert stories[0].id == "s" + early.article.id[:12]


def test_stories_cluster_keeps_same_topic_months_apart_separate() -> None:
    """Time proximity: the same words a year later are a new story."""
    first = make(QUAKE_A1.article.text, {"Corvania": "g1", "Maltrek": "g2"}, "2031-03-04")
    later = make(QUAKE_A2.article.text, {"Corvania": "g1", "Maltrek": "g2"}, "2032-06-01")
    assert len(cluster([first, later], encoder=None)) == 2


def test_stories_cluster_empty_and_title() -> None:
    assert cluster([], encoder=None) == []
    stories = cluster([QUAKE_A1, QUAKE_A2], encoder=None)
    assert stories[0].title in {QUAKE_A1.article.title, QUAKE_A2.article.title}


def test_stories_index_incremental_matches_and_survives_state_round_trip() -> None:
    import json

    index = StoryIndex(encoder=None)
    first = index.add(QUAKE_A1)
    other = index.add(FINAL)
    restored = StoryIndex.from_state(json.loads(json.dumps(index.to_state())), encoder=None)
    assert restored.add(QUAKE_A2) == first
    assert restored.add(QUAKE_A2) == first  # adding twice is a no-op
    assert {s.id for s in restored.stories()} == {first, other}
    assert restored.story_of(FINAL.article.id) == other


def test_stories_cluster_with_minilm_joins_and_splits() -> None:
    pytest.importorskip("sentence_transformers")
    from accord.embeddings import get_encoder

    if get_encoder() is None:
        pytest.skip("no MiniLM model installed")
    stories = cluster([QUAKE_A1, FINAL, QUAKE_B, QUAKE_A2])
    assert story_of(stories, QUAKE_A1) == story_of(stories, QUAKE_A2)
    assert len({story_of(stories, a) for a in (QUAKE_A1, FINAL, QUAKE_B)}) == 3


def test_stories_index_refine_keeps_every_article_once() -> None:
    index = StoryIndex(encoder=None)
    batch = [QUAKE_B, QUAKE_A1, FINAL, QUAKE_A2]
    index.prime(batch)
    features = index.extract_all(batch)
    for art in features:
        index.add_features(art)
    index.refine(features, rounds=2)
    placed = sorted(a for s in index.stories() for a in s.articles)
    assert placed == sorted(a.article.id for a in batch)
    assert index.story_of(QUAKE_A1.article.id) == index.story_of(QUAKE_A2.article.id)


def test_stories_decision_model_ships_with_provenance() -> None:
    from accord.stories import DecisionModel, default_model

    model = default_model()
    assert "calibrated_on" in model.header
    assert DecisionModel.from_dict(model.to_dict()) == model
    assert 0.0 < model.duplicate_jaccard < 1.0


def test_stories_model_file_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ACCORD_STORIES_MODEL swaps in a model calibrated elsewhere; unset, the shipped one."""
    from dataclasses import replace

    from accord.stories import default_model, load_model
    from accord.stories.decision import MODEL_ENV

    shipped = default_model()
    mine = replace(shipped, threshold=0.9, header={"calibrated_on": "my own stories"})
    path = tmp_path / "model.json"
    path.write_text(json.dumps(mine.to_dict()), encoding="utf-8")
    assert load_model(path) == mine
    monkeypatch.setenv(MODEL_ENV, str(path))
    assert default_model() == mine
    assert StoryIndex(encoder=None).model == mine
    monkeypatch.delenv(MODEL_ENV)
    assert default_model() == shipped


@pytest.mark.parametrize("content", [None, "{not json", '{"models": {}}', "[]"])
def test_stories_model_file_unusable_names_the_file(tmp_path: Path, content: str | None) -> None:
    from accord.errors import ModelError
    from accord.stories import load_model

    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError, match=r"model\.json"):
        load_model(path)


class _CountingEncoder:
    """Stands in for MiniLM: counts the texts it is asked to embed."""

    name = "counting"

    def __init__(self) -> None:
        self.texts = 0

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        self.texts += len(texts)
        return np.ones((len(texts), 4), np.float32)


def test_stories_model_without_embedding_weights_computes_no_vectors() -> None:
    """A model calibrated to do without sentence vectors never asks the encoder for them and
    decides with its plain weights; with use_embedding it embeds every article."""
    from dataclasses import replace

    from accord.stories import default_model

    batch = [QUAKE_A1, QUAKE_B, QUAKE_A2]
    counted = _CountingEncoder()
    plain = replace(default_model(), use_embedding=False)
    stories = cluster(batch, model=plain, encoder=counted)
    assert counted.texts == 0
    assert stories == cluster(batch, model=plain, encoder=None)
    cluster(batch, model=replace(plain, use_embedding=True), encoder=counted)
    assert counted.texts >= len(batch)
    features = {"terms": 0.5, "embedding": 1.0}
    assert plain.probability(features, None) == plain.probability({"terms": 0.5}, None)
